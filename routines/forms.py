from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Routine


class LibraryFilterForm(forms.Form):
    length = forms.ChoiceField(
        label=_("Length"),
        required=False,
        choices=[("", _("Any length")), *Routine.LENGTH_CHOICES],
    )
    difficulty = forms.ChoiceField(
        label=_("Difficulty"),
        required=False,
        choices=[("", _("Any difficulty")), *Routine.Difficulty.choices],
    )
