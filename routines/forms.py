from django import forms
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _

from .models import (
    GET_READY_SECONDS,
    HOLD_SECONDS,
    REPETITIONS,
    REST_SECONDS,
    Exercise,
    Routine,
    RoutineStep,
)


class LibraryFilterForm(forms.Form):
    length = forms.ChoiceField(
        label=_("Length"),
        required=False,
        choices=[("", _("Any length")), *Routine.LENGTH_CHOICES],
    )
    equipment = forms.ChoiceField(
        label=_("Equipment"),
        required=False,
        choices=[("", _("Any equipment")), *Routine.EQUIPMENT_CHOICES],
    )
    position = forms.ChoiceField(
        label=_("Position"),
        required=False,
        choices=[("", _("Any position")), *Routine.POSITION_CHOICES],
    )
    difficulty = forms.ChoiceField(
        label=_("Difficulty"),
        required=False,
        choices=[("", _("Any difficulty")), *Routine.Difficulty.choices],
    )


class RoutineTitleForm(forms.Form):
    title = forms.CharField(
        label=_("Name"),
        max_length=80,
        error_messages={
            "required": _("Give your routine a name."),
            "max_length": _("Keep the name to 80 characters or fewer."),
        },
    )

    def clean_title(self) -> str:
        title = self.cleaned_data["title"].strip()
        if not title:
            raise forms.ValidationError(_("Give your routine a name."))
        return title


class NewRoutineForm(RoutineTitleForm):
    source = forms.ModelChoiceField(
        label=_("Start from"),
        queryset=Routine.objects.none(),
        required=False,
        empty_label=_("An empty routine"),
        error_messages={"invalid_choice": _("Choose a routine from the list.")},
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        # The library, and the person's own routines (copying one makes a variation).
        self.fields["source"].queryset = Routine.objects.visible_to(user).order_by(
            "owner", "position", "title"
        )


class AddStepForm(forms.Form):
    exercise = forms.ModelChoiceField(
        label=_("Exercise"),
        queryset=Exercise.objects.published(),
        empty_label=None,
        error_messages={
            "required": _("Choose an exercise to add."),
            "invalid_choice": _("Choose an exercise from the list."),
        },
    )


def _between(message, low: int, high: int):
    """The message with its bounds, translated when shown (not at import)."""
    return lazy(lambda: str(message) % {"low": low, "high": high}, str)()


def _bounded(label, low: int, high: int, message: str, required: bool = True):
    errors = {"min_value": message, "max_value": message, "invalid": message}
    errors["required"] = message
    return forms.IntegerField(
        label=label, min_value=low, max_value=high, required=required, error_messages=errors
    )


class StepForm(forms.Form):
    """One step's dose, within the builder's bounds (routines.models)."""

    mode = forms.ChoiceField(
        label=_("How"),
        choices=RoutineStep.Mode.choices,
        error_messages={"invalid_choice": _("Choose hold, repetitions or continuous.")},
    )
    seconds = _bounded(
        _("Seconds"),
        *HOLD_SECONDS,
        _between(_("Set between %(low)d and %(high)d seconds."), *HOLD_SECONDS),
    )
    repetitions = _bounded(
        _("Repetitions"),
        *REPETITIONS,
        _between(_("Set between %(low)d and %(high)d repetitions."), *REPETITIONS),
        required=False,
    )
    per_side = forms.BooleanField(label=_("Each side"), required=False)
    get_ready_seconds = _bounded(
        _("Get ready (s)"),
        *GET_READY_SECONDS,
        _between(_("Get ready can be %(low)d to %(high)d seconds."), *GET_READY_SECONDS),
    )
    rest_seconds = _bounded(
        _("Rest after (s)"),
        *REST_SECONDS,
        _between(_("Rest can be %(low)d to %(high)d seconds."), *REST_SECONDS),
    )

    def clean(self) -> dict:
        data = super().clean()
        if data.get("mode") == RoutineStep.Mode.REPS:
            if data.get("repetitions") is None and "repetitions" not in self.errors:
                self.add_error(
                    "repetitions",
                    _between(_("Set between %(low)d and %(high)d repetitions."), *REPETITIONS),
                )
        else:
            data["repetitions"] = None
        return data

    @classmethod
    def for_step(cls, step: RoutineStep, data=None) -> "StepForm":
        initial = {
            "mode": step.mode,
            "seconds": step.seconds,
            "repetitions": step.repetitions,
            "per_side": step.per_side,
            "get_ready_seconds": step.get_ready_seconds,
            "rest_seconds": step.rest_seconds,
        }
        return cls(data, initial=initial, prefix=f"step-{step.pk}")
