from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from talentbrug.accounts.models import Organisation
from talentbrug.onboarding.forms import DateInput, StyledForm, StyledModelForm
from talentbrug.onboarding.models import OnboardingPlan

from .models import Cohort, LearnWorkTrack, Placement, SchoolPartner


class CohortForm(StyledModelForm):
    participating_organisations = forms.ModelMultipleChoiceField(
        queryset=Organisation.objects.filter(is_active=True),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Deelnemende organisaties (rijksbreed)"),
        help_text=_("Kies andere organisaties die deelnemers in deze groep hebben."),
    )

    class Meta:
        model = Cohort
        fields = ["name", "kind", "starts_on", "ends_on", "capacity", "description"]
        widgets = {"starts_on": DateInput(), "ends_on": DateInput()}

    def __init__(self, *args: Any, organisation: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["participating_organisations"].queryset = Organisation.objects.filter(
            is_active=True
        ).exclude(pk=organisation.pk)
        if self.instance.pk:
            self.initial["participating_organisations"] = list(
                self.instance.participating_organisations.values_list("pk", flat=True)
            )


class MemberForm(StyledForm):
    plan = forms.ModelChoiceField(
        queryset=OnboardingPlan.objects.none(), label=_("Deelnemer (inwerkplan)"), empty_label=None
    )

    def __init__(self, *args: Any, plans: Any, **kwargs: Any) -> None:
        kwargs.setdefault("prefix", "member")
        super().__init__(*args, **kwargs)
        self.fields["plan"].queryset = plans


class RotationForm(StyledForm):
    plan = forms.ModelChoiceField(
        queryset=OnboardingPlan.objects.none(), label=_("Deelnemer"), empty_label=None
    )
    team = forms.CharField(label=_("Team"), max_length=200)
    starts_on = forms.DateField(label=_("Van"), widget=DateInput())
    ends_on = forms.DateField(label=_("Tot en met"), widget=DateInput())
    supervisor_name = forms.CharField(
        label=_("Begeleider in het team"), max_length=200, required=False
    )

    def __init__(self, *args: Any, plans: Any, **kwargs: Any) -> None:
        kwargs.setdefault("prefix", "rotation")
        super().__init__(*args, **kwargs)
        self.fields["plan"].queryset = plans


class PlacementForm(StyledModelForm):
    class Meta:
        model = Placement
        fields = [
            "kind",
            "team",
            "school",
            "programme_name",
            "crebo_code",
            "level",
            "school_days",
            "supervisor",
            "available_from",
            "pok_start",
            "pok_end",
            "school_contact_name",
            "school_contact_email",
            "notes",
        ]
        widgets = {"available_from": DateInput(), "pok_start": DateInput(), "pok_end": DateInput()}

    def __init__(self, *args: Any, organisation: Any, members: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["school"].queryset = SchoolPartner.objects.filter(organisation=organisation)
        self.fields["supervisor"].queryset = members


class FillForm(StyledForm):
    plan = forms.ModelChoiceField(
        queryset=OnboardingPlan.objects.none(),
        label=_("Student (inwerkplan)"),
        required=False,
        empty_label=_("– Maak de plek vrij –"),
    )

    def __init__(self, *args: Any, plans: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["plan"].queryset = plans


class SchoolEvaluationForm(StyledForm):
    planned_on = forms.DateField(label=_("Datum evaluatie met school"), widget=DateInput())
    notes = forms.CharField(label=_("Onderwerpen"), widget=forms.Textarea, required=False)


class SchoolForm(StyledModelForm):
    website = forms.URLField(label=_("Website"), required=False, assume_scheme="https")

    class Meta:
        model = SchoolPartner
        fields = [
            "name",
            "region",
            "contact_name",
            "contact_email",
            "contact_phone",
            "programmes_offered",
            "website",
        ]


class AssignmentForm(StyledForm):
    title = forms.CharField(label=_("Opdracht"), max_length=200)
    description = forms.CharField(label=_("Omschrijving"), widget=forms.Textarea, required=False)
    class_group = forms.CharField(label=_("Klas of opleiding"), max_length=200, required=False)
    starts_on = forms.DateField(label=_("Start"), widget=DateInput(), required=False)


class TrackForm(StyledModelForm):
    plan = forms.ModelChoiceField(
        queryset=OnboardingPlan.objects.none(), label=_("Inwerkplan"), empty_label=None
    )

    class Meta:
        model = LearnWorkTrack
        fields = [
            "job_coach_name",
            "job_coach_email",
            "municipality",
            "municipality_contact_name",
            "municipality_contact_email",
            "language_hours_per_week",
            "starts_on",
            "ends_on",
            "notes",
        ]
        widgets = {"starts_on": DateInput(), "ends_on": DateInput()}

    def __init__(self, *args: Any, plans: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            del self.fields["plan"]
        else:
            self.fields["plan"].queryset = plans
            self.order_fields(["plan"])
