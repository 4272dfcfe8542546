import datetime as dt

from django import forms
from django.utils.translation import gettext_lazy as _

from progress.models import WEEKDAY_CHOICES as PROGRESS_WEEKDAYS
from routines.models import Routine

from .models import ReminderSchedule
from .schedule import days_from_mask, mask_from_days

# The same days as rest days, keyed by the form's string values.
WEEKDAY_CHOICES = [(str(day), label) for day, label in PROGRESS_WEEKDAYS]
WORKDAYS = ["0", "1", "2", "3", "4"]


class ReminderForm(forms.Form):
    label = forms.CharField(
        label=_("Name (optional)"),
        max_length=60,
        required=False,
        widget=forms.TextInput(attrs={"placeholder": _("e.g. Desk break")}),
        error_messages={"max_length": _("Please keep the name to 60 characters or fewer.")},
    )
    enabled = forms.BooleanField(label=_("On"), required=False)
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
    routine = forms.ModelChoiceField(
        label=_("Routine (optional)"),
        queryset=Routine.objects.none(),
        required=False,
        empty_label=_("None: open my dashboard"),
        error_messages={"invalid_choice": _("Please choose a routine from the list.")},
    )
    skip_if_done = forms.BooleanField(
        label=_("Skip it if I have already done this one that day"), required=False
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["routine"].queryset = Routine.objects.published()

    @classmethod
    def for_schedule(cls, row: ReminderSchedule) -> "ReminderForm":
        return cls(
            initial={
                "label": row.label,
                "enabled": row.enabled,
                "local_time": row.local_time,
                "weekdays": [str(day) for day in days_from_mask(row.weekdays)],
                "routine": row.routine_id,
                "skip_if_done": row.skip_if_done,
            }
        )

    @classmethod
    def blank(cls) -> "ReminderForm":
        """The form to add one: on, every day at 08:00, skipping days already done."""
        return cls(
            initial={
                "enabled": True,
                "local_time": dt.time(8, 0),
                "weekdays": [str(day) for day in range(7)],
                "skip_if_done": True,
            }
        )

    def clean_local_time(self) -> dt.time:
        value = self.cleaned_data["local_time"]
        return value.replace(second=0, microsecond=0)

    def clean_label(self) -> str:
        return " ".join(self.cleaned_data["label"].split())

    def clean(self) -> dict:
        data = super().clean()
        if data.get("enabled") and not data.get("weekdays"):
            self.add_error("weekdays", _("Please choose at least one day for your reminder."))
        return data

    @property
    def weekday_mask(self) -> int:
        return mask_from_days(self.cleaned_data.get("weekdays") or [])

    def service_kwargs(self) -> dict:
        data = self.cleaned_data
        return {
            "label": data["label"],
            "enabled": data["enabled"],
            "local_time": data["local_time"],
            "weekdays": self.weekday_mask,
            "routine": data["routine"],
            "skip_if_done": data["skip_if_done"],
        }
