from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from talentbrug.accounts.constants import Role
from talentbrug.accounts.models import User
from talentbrug.formstyle import style
from talentbrug.taxonomy.constants import CefrLevel, LanguageSkill, NlqfLevel

from .constants import ApplyRoute, Evidence, LanguageTiming, RequirementKind, TargetGroup
from .models import Vacancy


class VacancyForm(forms.ModelForm[Vacancy]):
    target_groups = forms.MultipleChoiceField(
        label=_("Doelgroepen"),
        choices=TargetGroup.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Voor wie deze vacature vooral bedoeld is."),
    )
    apply_routes = forms.MultipleChoiceField(
        label=_("Manieren van solliciteren"),
        choices=ApplyRoute.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Bied er meer aan: niet iedereen heeft een cv."),
    )

    class Meta:
        model = Vacancy
        fields = [
            "title",
            "team",
            "contract_type",
            "target_groups",
            "fgr_function_group",
            "scale_min",
            "scale_max",
            "kwiv_profile",
            "vakgebied",
            "werk_denkniveau",
            "equivalent_by_experience",
            "min_education_level",
            "hours_min",
            "hours_max",
            "location",
            "region",
            "remote_option",
            "placement_date",
            "closing_date",
            "tasks_text",
            "requirements_text",
            "offer_text",
            "guidance_text",
            "workplace_text",
            "onboarding_template",
            "hiring_manager",
            "offers_buddy",
            "offers_language_coach",
            "offers_bbl_supervisor",
            "buddy_person",
            "language_coach_person",
            "language_coach_external_name",
            "language_coach_external_organisation",
            "language_coach_external_email",
            "bbl_supervisor_person",
            "first_day_place",
            "first_day_time",
            "first_day_ask_for",
            "nt2_welcome",
            "accommodations_offered",
            "contact_name",
            "contact_email",
            "apply_routes",
            "is_template",
            "title_en",
            "tasks_text_en",
            "requirements_text_en",
            "offer_text_en",
            "guidance_text_en",
            "workplace_text_en",
        ]
        widgets = {
            "placement_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "closing_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            **{name: forms.Textarea(attrs={"rows": 6}) for name in Vacancy.SECTION_FIELDS},
            **{
                f"{name}_en": forms.Textarea(attrs={"rows": 4, "lang": "en"})
                for name in Vacancy.SECTION_FIELDS
            },
            "title_en": forms.TextInput(attrs={"lang": "en"}),
        }

    def __init__(self, *args: Any, organisation: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        education = self.fields["min_education_level"]
        assert isinstance(education, forms.ChoiceField)  # a model field with choices
        # The model's levels, with a plain "no diploma asked" instead of Django's dashes.
        education.choices = [("", _("Geen diploma-eis")), *NlqfLevel.choices]
        self._limit_support_choices(organisation)
        style(self)

    def _limit_support_choices(self, organisation: Any) -> None:
        """Only this organisation's active templates and its leidinggevenden can be chosen."""
        templates = self.fields["onboarding_template"]
        managers = self.fields["hiring_manager"]
        assert isinstance(templates, forms.ModelChoiceField)  # foreign keys on the model
        assert isinstance(managers, forms.ModelChoiceField)
        # The template model is onboarding's; vacancies knows it only through its own field.
        template_model = Vacancy._meta.get_field("onboarding_template").related_model
        templates.queryset = template_model._default_manager.filter(
            organisation=organisation, is_active=True
        ).order_by("name")
        templates.empty_label = _("Past bij het soort contract (BBL, stage, traineeship)")
        managers.queryset = (
            User.objects.filter(
                is_active=True,
                memberships__organisation=organisation,
                memberships__role=Role.HIRING_MANAGER,
            )
            .distinct()
            .order_by("first_name", "last_name")
        )
        managers.empty_label = _("Nog niet bekend")
        colleagues = (
            User.objects.filter(is_active=True, memberships__organisation=organisation)
            .distinct()
            .order_by("first_name", "last_name")
        )
        for name in ("buddy_person", "language_coach_person", "bbl_supervisor_person"):
            field = self.fields[name]
            assert isinstance(field, forms.ModelChoiceField)  # foreign keys on the model
            field.queryset = colleagues
            field.empty_label = _("Nog niemand gereserveerd")

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        if (
            data.get("scale_min")
            and data.get("scale_max")
            and data["scale_min"] > data["scale_max"]
        ):
            self.add_error("scale_max", _("De hoogste schaal is lager dan de laagste schaal."))
        if (
            data.get("hours_min")
            and data.get("hours_max")
            and data["hours_min"] > data["hours_max"]
        ):
            self.add_error("hours_max", _("Het maximum aantal uren is lager dan het minimum."))
        if (
            data.get("placement_date")
            and data.get("closing_date")
            and data["closing_date"] < data["placement_date"]
        ):
            self.add_error("closing_date", _("De sluitingsdatum ligt voor de plaatsingsdatum."))
        self._clean_external_coach(data)
        return data

    def _clean_external_coach(self, data: dict[str, Any]) -> None:
        """An external language coach needs a name and an e-mail address (the plan sends
        reminders there); a colleague and an external coach at once is one too many."""
        name = (data.get("language_coach_external_name") or "").strip()
        email = (data.get("language_coach_external_email") or "").strip()
        organisation = (data.get("language_coach_external_organisation") or "").strip()
        if not (name or email or organisation):
            return
        if not name:
            self.add_error(
                "language_coach_external_name", _("Vul de naam van de externe taalcoach in.")
            )
        if not email and "language_coach_external_email" not in self.errors:
            self.add_error(
                "language_coach_external_email",
                _("Vul het e-mailadres van de externe taalcoach in."),
            )
        if data.get("language_coach_person"):
            self.add_error(
                "language_coach_external_name",
                _("Kies een collega of een externe taalcoach, niet allebei."),
            )
        # A coach named on the vacancy is a coach promised on the vacancy.
        data["offers_language_coach"] = True


class RequirementForm(forms.Form):
    skill = forms.CharField(required=False, widget=forms.HiddenInput)
    free_text = forms.CharField(
        label=_("Eigen competentie"),
        max_length=200,
        required=False,
        help_text=_("Alleen als de competentie niet in ESCO staat."),
    )
    kind = forms.ChoiceField(
        label=_("Soort eis"),
        choices=RequirementKind.choices,
        initial=RequirementKind.MUST_HAVE,
        widget=forms.RadioSelect,
    )
    evidence = forms.MultipleChoiceField(
        label=_("Bewijs dat we accepteren"),
        choices=Evidence.choices,
        required=False,
        initial=[Evidence.EXPERIENCE, Evidence.WORK_SAMPLE],
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        style(self)


class LanguageRequirementForm(forms.Form):
    language = forms.ChoiceField(
        label=_("Taal"), choices=[("nl", _("Nederlands")), ("en", _("Engels"))]
    )
    skill = forms.ChoiceField(label=_("Taalvaardigheid"), choices=LanguageSkill.choices)
    level = forms.ChoiceField(
        label=_("Niveau (ERK)"),
        choices=CefrLevel.choices,
        initial="B1",
        error_messages={"invalid_choice": _("Kies een niveau van A1 tot en met C2.")},
    )
    timing = forms.ChoiceField(
        label=_("Wanneer"),
        choices=LanguageTiming.choices,
        initial=LanguageTiming.WITH_COACH,
        widget=forms.RadioSelect,
    )
    justification = forms.CharField(
        label=_("Onderbouwing"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Verplicht boven B1: waarom vraagt het werk dit niveau?"),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        style(self)


class JustifyForm(forms.Form):
    text = forms.CharField(
        label=_("Onderbouwing"),
        min_length=20,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Leg uit waarom de blokkerende punten kloppen voor deze functie. Dit komt in het logboek."
        ),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        style(self)


class TransitionForm(forms.Form):
    move = forms.CharField(max_length=20)
    comment = forms.CharField(required=False, max_length=2000)
