import datetime as dt

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import ReminderSettings
from .schedule import days_from_mask, mask_from_days

WEEKDAY_CHOICES = [
    ("0", _("Monday")),
    ("1", _("Tuesday")),
    ("2", _("Wednesday")),
    ("3", _("Thursday")),
    ("4", _("Friday")),
    ("5", _("Saturday")),
    ("6", _("Sunday")),
]


class ReminderSettingsForm(forms.Form):
    enabled = forms.BooleanField(label=_("Send me a daily reminder by email"), required=False)
    local_time = forms.TimeField(
        label=_("Time of day"),
        input_formats=["%H:%M", "%H:%M:%S"],
        widget=forms.TimeInput(attrs={"type": "time", "step": 60}, format="%H:%M"),
        error_messages={
            "required": _("Please choose a time of day."),
            "invalid": _("Please enter a time like 08:00."),
        },
    )
    weekdays = forms.MultipleChoiceField(
        label=_("On these days"),
        choices=WEEKDAY_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        error_messages={"invalid_choice": _("Please choose days from the list.")},
    )
    skip_if_done = forms.BooleanField(
        label=_("Skip the reminder if I have already done my routine that day"), required=False
    )

    @classmethod
    def for_settings(cls, row: ReminderSettings) -> "ReminderSettingsForm":
        return cls(
            initial={
                "enabled": row.enabled,
                "local_time": row.local_time,
                "weekdays": [str(day) for day in days_from_mask(row.weekdays)],
                "skip_if_done": row.skip_if_done,
            }
        )

    def clean_local_time(self) -> dt.time:
        value = self.cleaned_data["local_time"]
        return value.replace(second=0, microsecond=0)

    def clean(self) -> dict:
        data = super().clean()
        if data.get("enabled") and not data.get("weekdays"):
            self.add_error("weekdays", _("Please choose at least one day for your reminder."))
        return data

    @property
    def weekday_mask(self) -> int:
        return mask_from_days(self.cleaned_data.get("weekdays") or [])
