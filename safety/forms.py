from django import forms
from django.utils.translation import gettext_lazy as _

from .models import ScreeningResponse
from .questions import QUESTIONS
from .summary import MAX_WEEKS, MIN_WEEKS


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
