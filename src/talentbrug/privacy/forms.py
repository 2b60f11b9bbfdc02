from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from talentbrug.formstyle import style
from talentbrug.records.models import Collection, SelectielijstCategory

from .constants import ObjectionOutcome, Processing
from .models import RetentionPolicy


class StyledForm(forms.Form):
    """Every widget gets its NL Design System class and linked help and error texts."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        style(self)


class PolicyForm(forms.ModelForm[RetentionPolicy]):
    class Meta:
        model = RetentionPolicy
        fields = [
            "rejected_days",
            "extension_reason",
            "consent_max_days",
            "hire_material_days",
            "closed_vacancy_days",
            "records_category",
            "records_collection",
        ]
        widgets = {"extension_reason": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)

        org = self.instance.organisation_id
        category = cast(forms.ModelChoiceField[Any], self.fields["records_category"])
        category.queryset = SelectielijstCategory.objects.filter(organisation_id=org)
        collection = cast(forms.ModelChoiceField[Any], self.fields["records_collection"])
        collection.queryset = Collection.objects.filter(organisation_id=org)
        style(self)


class VacancyTermForm(StyledForm):
    rejected_days = forms.IntegerField(
        label=_("Bewaartermijn na afloop (dagen)"), min_value=0, max_value=365
    )
    reason = forms.CharField(
        label=_("Reden"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Verplicht als de termijn langer is dan die van de organisatie."),
    )


class PersonForm(StyledForm):
    email = forms.EmailField(
        label=_("E-mailadres van de kandidaat"),
        max_length=254,
        help_text=_("Het adres waarmee de kandidaat bij uw organisatie solliciteerde."),
    )


class HoldForm(PersonForm):
    reference = forms.CharField(label=_("Kenmerk"), max_length=100)
    reason = forms.CharField(
        label=_("Reden"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )


class ObjectionForm(PersonForm):
    processing = forms.ChoiceField(label=_("Bezwaar tegen"), choices=Processing.choices)


class DecideObjectionForm(StyledForm):
    outcome = forms.ChoiceField(
        label=_("Beslissing"),
        choices=[
            (ObjectionOutcome.UPHELD, ObjectionOutcome.UPHELD.label),
            (ObjectionOutcome.REJECTED, ObjectionOutcome.REJECTED.label),
        ],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Toelichting"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
