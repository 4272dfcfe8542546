import json

from django import forms
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from .countries import guess_country, zone_countries
from .models import User, available_time_zones
from .zones import grouped_zone_choices

COUNTRY_HELP = _("BackEase shows this country's emergency number when you need it.")


class TimeZoneField(forms.ChoiceField):
    """Current zones grouped by region ("New York (UTC−5)"); any zone the database knows
    is still accepted, so an older name a browser reported or a person saved stays valid."""

    def __init__(self, **kwargs):
        super().__init__(choices=grouped_zone_choices, **kwargs)

    def valid_value(self, value) -> bool:
        return value in available_time_zones()


def country_choices(blank: str):
    return lambda: [("", blank), *countries]


class GuessedCountrySelect(forms.Select):
    """A country select that the browser pre-selects from its own time zone (app.js), using
    the same zone table as the server; without JavaScript the server guesses on submit."""

    def __init__(self, attrs=None, choices=()):
        attrs = {**(attrs or {}), "data-zone-countries": json.dumps(zone_countries())}
        super().__init__(attrs, choices)


class SignupForm(forms.Form):
    """Extra sign-up fields for allauth. The time zone is filled in by the browser
    (static/js/timezone.js); without JavaScript it stays UTC and can be changed later."""

    display_name = forms.CharField(label=_("Your name (optional)"), max_length=60, required=False)
    time_zone = forms.CharField(max_length=64, required=False, widget=forms.HiddenInput)
    country = forms.ChoiceField(
        label=_("Country"),
        choices=country_choices(_("Guess from my time zone")),
        required=False,
        widget=GuessedCountrySelect,
        help_text=COUNTRY_HELP,
    )

    def clean_time_zone(self) -> str:
        value = self.cleaned_data.get("time_zone") or "UTC"
        if value not in available_time_zones():
            raise forms.ValidationError(_("We could not recognise your time zone."))
        return value

    def clean(self) -> dict:
        data = super().clean()
        if not data.get("country") and data.get("time_zone"):
            data["country"] = guess_country(data["time_zone"])
        return data

    def signup(self, request, user: User) -> None:
        user.display_name = self.cleaned_data.get("display_name", "")
        user.time_zone = self.cleaned_data["time_zone"]
        user.country = self.cleaned_data.get("country", "")
        # The language the person signed up in, so the emails made without a request
        # (reminders, safety notices) speak it too; the profile changes it.
        language = translation.get_language()
        user.language = language if language in dict(settings.LANGUAGES) else ""
        user.save(update_fields=["display_name", "time_zone", "country", "language"])


def language_choices() -> list[tuple[str, str]]:
    return [("", _("Same as my browser")), *settings.LANGUAGES]


class ProfileForm(forms.ModelForm):
    language = forms.ChoiceField(
        label=_("Language"),
        choices=language_choices,
        required=False,
        help_text=_("Pages, emails and the summary for your clinician use this language."),
    )
    time_zone = TimeZoneField(label=_("Time zone"))
    country = forms.ChoiceField(
        label=_("Country"),
        choices=country_choices(_("Not set: show 112")),
        required=False,
        help_text=COUNTRY_HELP,
    )

    class Meta:
        model = User
        fields = ["display_name", "language", "time_zone", "country"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        stored = self.instance.time_zone
        self.fields["time_zone"].choices = lambda: grouped_zone_choices(extra=stored)


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "current-password"}),
    )

    def __init__(self, *args, user: User, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("That password is not right."))
        return password
