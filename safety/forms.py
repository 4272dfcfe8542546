from collections.abc import Iterable

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import ScreeningResponse
from .questions import QUESTIONS, Question
from .rules import EMERGENCY
from .summary import MAX_WEEKS, MIN_WEEKS

YES, NO = "yes", "no"


def answer_field(question: Question) -> forms.TypedChoiceField:
    """A required yes or no, with neither chosen beforehand: leaving a warning-sign question
    unanswered must never count as "no"."""
    return forms.TypedChoiceField(
        label=question.text,
        choices=[(YES, _("Yes")), (NO, _("No"))],
        coerce=lambda value: value == YES,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Please answer yes or no."),
            "invalid_choice": _("Please answer yes or no."),
        },
    )


class ScreeningForm(forms.Form):
    """One field per question, named by its key. `questions` picks which (all by default),
    so other pages can ask some of them the same way."""

    reason = forms.ChoiceField(
        choices=[("", "")] + ScreeningResponse.Reason.choices,
        required=False,
        widget=forms.HiddenInput,
    )

    def __init__(self, *args, questions: Iterable[Question] = QUESTIONS, **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = tuple(questions)
        for question in self.questions:
            self.fields[question.key] = answer_field(question)

    def answer_fields(self) -> list[forms.BoundField]:
        return [self[question.key] for question in self.questions]

    def unanswered(self) -> bool:
        return any(question.key in self.errors for question in self.questions)

    def answers(self) -> dict[str, bool]:
        return {question.key: self.cleaned_data[question.key] for question in self.questions}


class ShareLinkForm(forms.Form):
    weeks = forms.IntegerField(
        label=_("Weeks to share"), min_value=MIN_WEEKS, max_value=MAX_WEEKS, initial=8
    )
    label = forms.CharField(
        label=_("Who is it for? (optional)"),
        max_length=80,
        required=False,
        help_text=_("For example “Dr Patel” or “physio”. Only you see it."),
    )


class EmergencyQuestionsForm(ScreeningForm):
    """The emergency questions, asked inside the daily check-in the same way as in the
    screening: each needs an explicit yes or no."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("prefix", "emergency")
        super().__init__(*args, questions=EMERGENCY_QUESTIONS, **kwargs)


EMERGENCY_QUESTIONS = tuple(q for q in QUESTIONS if q.level == EMERGENCY)
