from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Routine


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
