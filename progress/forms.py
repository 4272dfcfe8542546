from __future__ import annotations

import datetime as dt

from django import forms
from django.utils.translation import gettext_lazy as _

from routines.models import Routine
from tracking.forms import PAIN_CHOICES, PainScaleWidget

from .models import WEEKDAY_CHOICES, Pause

RANGES = (30, 90, 365)
LONGEST_PAUSE_DAYS = 366


class GoalForm(forms.Form):
    weekly_goal = forms.TypedChoiceField(
        label=_("Weekly goal"),
        choices=[(n, _("%(n)s days a week") % {"n": n}) for n in range(1, 8)],
        coerce=int,
        help_text=_("How many days a week you would like to do a routine."),
    )
    rest_weekdays = forms.TypedMultipleChoiceField(
        label=_("Rest days"),
        choices=WEEKDAY_CHOICES,
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Days you plan to rest. They never break your streak."),
    )

    def clean_rest_weekdays(self) -> list[int]:
        days = sorted(set(self.cleaned_data["rest_weekdays"]))
        if len(days) == 7:
            raise forms.ValidationError(_("Leave at least one day of the week for a routine."))
        return days


class PauseForm(forms.ModelForm):
    class Meta:
        model = Pause
        fields = ["start", "end", "reason", "note"]
        widgets = {
            "start": forms.DateInput(attrs={"type": "date"}),
            "end": forms.DateInput(attrs={"type": "date"}),
        }

    def clean(self) -> dict:
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start and end:
            if end < start:
                self.add_error("end", _("The last day cannot be before the first day."))
            elif (end - start).days >= LONGEST_PAUSE_DAYS:
                self.add_error("end", _("A pause can last up to a year."))
        return data


def _optional_pain(label) -> forms.TypedChoiceField:
    """The same 0–10 buttons as everywhere else (tracking's pain scale), here optional:
    which ratings are needed depends on what is logged (see clean())."""
    return forms.TypedChoiceField(
        label=label,
        choices=PAIN_CHOICES,
        coerce=int,
        empty_value=None,
        required=False,
        widget=PainScaleWidget(low=_("0 no pain"), high=_("10 worst pain imaginable")),
    )


class LogYesterdayForm(forms.Form):
    KIND_CHOICES = [
        ("checkin", _("A pain check-in")),
        ("session", _("A routine I did")),
    ]

    kind = forms.ChoiceField(
        label=_("What would you like to log?"),
        choices=KIND_CHOICES,
        initial="checkin",
        widget=forms.RadioSelect,
    )
    routine = forms.ModelChoiceField(
        label=_("Routine"), queryset=Routine.objects.published(), required=False
    )
    pain = _optional_pain(_("Pain yesterday"))
    pain_before = _optional_pain(_("Pain before the routine (optional)"))
    pain_after = _optional_pain(_("Pain after the routine (optional)"))
    note = forms.CharField(label=_("Note"), max_length=2000, required=False, widget=forms.Textarea)

    def clean(self) -> dict:
        data = super().clean()
        if data.get("kind") == "checkin" and data.get("pain") is None:
            self.add_error("pain", _("Choose how much pain you had yesterday."))
        if data.get("kind") == "session" and data.get("routine") is None:
            self.add_error("routine", _("Choose the routine you did."))
        return data


def parse_range(value: str | None) -> int:
    """The chart range in days; 30 when absent. Raises ValueError for anything else."""
    if value in (None, ""):
        return RANGES[0]
    days = int(value)
    if days not in RANGES:
        raise ValueError(value)
    return days


def yesterday_of(today: dt.date) -> dt.date:
    return today - dt.timedelta(days=1)
