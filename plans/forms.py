from django import forms
from django.utils.translation import gettext_lazy as _

from .models import PlanSettings


class OnboardingForm(forms.Form):
    concern = forms.ChoiceField(
        label=_("What bothers you most?"),
        choices=PlanSettings.Concern.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose what bothers you most."),
            "invalid_choice": _("Choose one of the three."),
        },
    )
    days = forms.TypedChoiceField(
        label=_("How many days a week would you like to do a routine?"),
        choices=[(n, n) for n in range(1, 8)],
        coerce=int,
        initial=5,
        error_messages={
            "required": _("Choose 1 to 7 days a week."),
            "invalid_choice": _("Choose 1 to 7 days a week."),
        },
    )
    reminder_time = forms.TimeField(
        label=_("When should we remind you? (leave empty for no reminder)"),
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        error_messages={"invalid": _("Enter a time such as 07:30.")},
    )
