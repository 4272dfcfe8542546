from django import forms
from django.utils.translation import gettext_lazy as _

from .models import CheckIn, Session, StepRecord

PAIN_CHOICES = [(n, str(n)) for n in range(11)]
PAIN_ERRORS = {
    "invalid_choice": _("Choose a number from 0 (no pain) to 10 (worst pain imaginable)."),
    "required": _("Choose a number from 0 (no pain) to 10 (worst pain imaginable)."),
}
STIFFNESS_ERRORS = {"invalid_choice": _("Choose a number from 0 (not stiff) to 10.")}


class PainScaleWidget(forms.RadioSelect):
    """0–10 as a row of large buttons with the NRS anchors."""

    template_name = "tracking/widgets/pain_scale.html"

    def __init__(self, *args, low: str = "", high: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.low = low
        self.high = high

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        context["widget"]["low"] = self.low
        context["widget"]["high"] = self.high
        return context


def pain_field(label, *, required: bool = True, low=None, high=None) -> forms.TypedChoiceField:
    choices = PAIN_CHOICES if required else [("", _("Skip")), *PAIN_CHOICES]
    return forms.TypedChoiceField(
        label=label,
        choices=choices,
        coerce=int,
        empty_value=None,
        required=required,
        error_messages=PAIN_ERRORS if required else STIFFNESS_ERRORS,
        widget=PainScaleWidget(
            low=low or _("0 no pain"), high=high or _("10 worst pain imaginable")
        ),
    )


class PainBeforeForm(forms.Form):
    pain_before = pain_field(_("How much does your back hurt right now?"))
    stiffness = pain_field(
        _("How stiff does it feel? (optional)"),
        required=False,
        low=_("0 not stiff"),
        high=_("10 as stiff as can be"),
    )
    note = forms.CharField(
        label=_("Note (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class PainAfterForm(forms.Form):
    pain_after = pain_field(_("How much does your back hurt now?"))
    new_leg_symptoms = forms.BooleanField(
        label=_("I have new numbness, tingling or weakness in a leg"),
        required=False,
    )
    note = forms.CharField(
        label=_("Note (optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, records=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.records = list(records)
        for record in self.records:
            self.fields[f"feeling_{record.pk}"] = forms.ChoiceField(
                label=record.exercise.name,
                choices=StepRecord.Feeling.choices,
                required=False,
                widget=forms.RadioSelect(attrs={"class": "feeling"}),
            )

    def feelings(self) -> dict[int, str]:
        return {
            record.pk: self.cleaned_data[f"feeling_{record.pk}"]
            for record in self.records
            if self.cleaned_data.get(f"feeling_{record.pk}")
        }

    def feeling_fields(self):
        return [self[f"feeling_{record.pk}"] for record in self.records]


class TransitionForm(forms.Form):
    revision = forms.IntegerField(min_value=0, max_value=2**31 - 1)
    reason = forms.ChoiceField(choices=StepRecord.SkipReason.choices, required=False)


class CheckInForm(forms.ModelForm):
    pain = pain_field(_("How is your back today?"))
    new_leg_symptoms = forms.BooleanField(
        label=_("I have new numbness, tingling or weakness in a leg"),
        required=False,
    )

    class Meta:
        model = CheckIn
        fields = ["pain", "note"]
        widgets = {"note": forms.Textarea(attrs={"rows": 2})}


class SessionEditForm(forms.ModelForm):
    pain_before = pain_field(_("Pain before"), required=False)
    pain_after = pain_field(_("Pain after"), required=False)
    stiffness = pain_field(
        _("Stiffness"), required=False, low=_("0 not stiff"), high=_("10 as stiff as can be")
    )

    class Meta:
        model = Session
        fields = ["pain_before", "pain_after", "stiffness", "note"]
        widgets = {"note": forms.Textarea(attrs={"rows": 3})}
