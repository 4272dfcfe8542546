from django import forms
from django.utils.translation import gettext_lazy as _

from .models import ScreeningResponse
from .questions import QUESTIONS
from .rules import EMERGENCY
from .summary import MAX_WEEKS, MIN_WEEKS

EMERGENCY_QUESTIONS = [q for q in QUESTIONS if q.level == EMERGENCY]
YES_NO = [("yes", _("Yes")), ("no", _("No"))]


class ScreeningForm(forms.Form):
    """Each question is a yes/no: ticked is yes, left clear is no."""

    yes = forms.MultipleChoiceField(
        label=_("Tick any that are true for you now"),
        choices=[(q.key, q.text) for q in QUESTIONS],
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    reason = forms.ChoiceField(
        choices=[("", "")] + ScreeningResponse.Reason.choices,
        required=False,
        widget=forms.HiddenInput,
    )

    def answers(self) -> dict[str, bool]:
        ticked = set(self.cleaned_data["yes"])
        return {q.key: q.key in ticked for q in QUESTIONS}


class ShareLinkForm(forms.Form):
    weeks = forms.IntegerField(
        label=_("Weeks to share"), min_value=MIN_WEEKS, max_value=MAX_WEEKS, initial=8
    )


class EmergencyQuestionsForm(forms.Form):
    """The emergency questions, asked inside the daily check-in. Each needs an explicit
    yes or no: a question left unanswered is never taken as "no"."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("prefix", "emergency")
        super().__init__(*args, **kwargs)
        for question in EMERGENCY_QUESTIONS:
            self.fields[question.key] = forms.ChoiceField(
                label=question.text,
                choices=YES_NO,
                widget=forms.RadioSelect,
                error_messages={"required": _("Please answer yes or no.")},
            )

    def answers(self) -> dict[str, bool]:
        return {key: value == "yes" for key, value in self.cleaned_data.items()}
