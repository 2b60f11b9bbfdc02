"""Forms of onboarding: staff forms and the new hire's forms (B1 Dutch labels)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from .constants import (
    MAX_SURPRISES,
    MOOD_LABELS,
    EvaluationOutcome,
    GoalStatus,
    Need,
    Obstacle,
    OwnerRole,
    Phase,
)
from .models import Evaluation, OnboardingPlan, OnboardingTemplate, TemplateTask

TEXTBOX = "utrecht-textbox utrecht-textbox--html-input"
SELECT = "utrecht-select utrecht-select--html-select"
TEXTAREA = "utrecht-textarea utrecht-textarea--html-textarea"


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


class Styled:
    """Give every widget its NL Design System class and link help and error texts.

    Errors are linked after validation (``full_clean``), so subclasses may still change
    querysets in ``__init__`` before anything is validated.
    """

    def style(self) -> None:
        form: forms.BaseForm = self  # type: ignore[assignment]
        for name, field in form.fields.items():
            widget = field.widget
            if isinstance(widget, forms.CheckboxSelectMultiple | forms.RadioSelect):
                continue
            if isinstance(widget, forms.CheckboxInput):
                widget.attrs.setdefault("class", "utrecht-checkbox utrecht-checkbox--html-input")
            elif isinstance(widget, forms.Select):
                widget.attrs.setdefault("class", SELECT)
            elif isinstance(widget, forms.Textarea):
                widget.attrs.setdefault("class", TEXTAREA)
                widget.attrs.setdefault("rows", 3)
            else:
                widget.attrs.setdefault("class", TEXTBOX)
            if field.help_text:
                widget.attrs["aria-describedby"] = f"id_{form.add_prefix(name)}-help"

    def full_clean(self) -> None:
        super().full_clean()  # type: ignore[misc]
        form: forms.BaseForm = self  # type: ignore[assignment]
        for name in form.errors:
            if name not in form.fields:
                continue
            widget = form.fields[name].widget
            if isinstance(widget, forms.CheckboxSelectMultiple | forms.RadioSelect):
                continue
            described = [
                widget.attrs.get("aria-describedby", ""),
                f"id_{form.add_prefix(name)}-error",
            ]
            widget.attrs["aria-describedby"] = " ".join(d for d in described if d)
            widget.attrs["aria-invalid"] = "true"


class StyledForm(Styled, forms.Form):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.style()


class StyledModelForm(Styled, forms.ModelForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.style()


def _people_field(label: Any, members: Any, help_text: Any = "") -> forms.ModelChoiceField:
    return forms.ModelChoiceField(
        queryset=members, required=False, label=label, help_text=help_text, empty_label="–"
    )


class PlanStartForm(StyledForm):
    template = forms.ModelChoiceField(
        queryset=OnboardingTemplate.objects.none(),
        label=_("Sjabloon"),
        help_text=_("Het plan krijgt een eigen kopie; u past het daarna aan."),
        empty_label=None,
    )
    name = forms.CharField(label=_("Naam nieuwe medewerker"), max_length=200)
    email = forms.EmailField(
        label=_("E-mailadres"), help_text=_("Hier komt de persoonlijke link naar het inwerkplan.")
    )
    preferred_language = forms.ChoiceField(
        label=_("Taal van de persoonlijke pagina"), choices=settings.LANGUAGES, initial="nl"
    )
    start_date = forms.DateField(
        label=_("Eerste werkdag"),
        widget=DateInput(),
        help_text=_("Datums van taken tellen in werkdagen; weekenden en feestdagen slaan we over."),
    )
    job_title = forms.CharField(label=_("Functie"), max_length=200, required=False)
    team = forms.CharField(label=_("Team"), max_length=200, required=False)
    manager = forms.ModelChoiceField(
        queryset=OnboardingTemplate.objects.none(), label=_("Leidinggevende"), empty_label=None
    )
    hr_contact = forms.ModelChoiceField(
        queryset=OnboardingTemplate.objects.none(),
        label=_("Contactpersoon HR"),
        required=False,
        empty_label="–",
    )
    first_day_place = forms.CharField(
        label=_("Waar op de eerste dag"), max_length=300, required=False
    )
    first_day_time = forms.CharField(label=_("Hoe laat"), max_length=60, required=False)
    first_day_ask_for = forms.CharField(label=_("Naar wie vragen"), max_length=200, required=False)
    buddy = forms.ModelChoiceField(
        queryset=OnboardingTemplate.objects.none(),
        label=_("Buddy"),
        required=False,
        empty_label="–",
    )
    coach_user = forms.ModelChoiceField(
        queryset=OnboardingTemplate.objects.none(),
        label=_("Taalcoach: een collega"),
        required=False,
        empty_label="–",
    )
    coach_name = forms.CharField(
        label=_("Of: naam externe taalcoach"), max_length=200, required=False
    )
    coach_email = forms.EmailField(label=_("E-mail externe taalcoach"), required=False)
    supervisor = forms.ModelChoiceField(
        queryset=OnboardingTemplate.objects.none(),
        label=_("Praktijkopleider"),
        required=False,
        empty_label="–",
        help_text=_("Voor BBL-studenten en stagiairs."),
    )

    def __init__(self, *args: Any, organisation: Any, members: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["template"].queryset = OnboardingTemplate.objects.filter(
            organisation=organisation, is_active=True
        )
        for name in ("manager", "hr_contact", "buddy", "coach_user", "supervisor"):
            self.fields[name].queryset = members

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("coach_user") and (data.get("coach_name") or data.get("coach_email")):
            self.add_error(
                "coach_name", _("Kies een collega óf vul een externe taalcoach in, niet allebei.")
            )
        elif bool(data.get("coach_name")) != bool(data.get("coach_email")):
            self.add_error(
                "coach_email", _("Vul voor een externe taalcoach de naam én het e-mailadres in.")
            )
        return data


class PlanEditForm(StyledModelForm):
    # Not a model field of the form: the start date changes only through the service, which
    # moves the open tasks with it.
    start_date = forms.DateField(
        label=_("Eerste werkdag"),
        widget=DateInput(),
        help_text=_(
            "Verschuift u de eerste werkdag? Dan schuiven de open taken mee, in werkdagen. "
            "Afgeronde taken en taken met een zelf gekozen datum blijven staan."
        ),
    )

    class Meta:
        model = OnboardingPlan
        fields = [
            "name",
            "email",
            "preferred_language",
            "job_title",
            "team",
            "manager",
            "hr_contact",
            "first_day_place",
            "first_day_time",
            "first_day_ask_for",
        ]

    def __init__(self, *args: Any, members: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["manager"].queryset = members
        self.fields["hr_contact"].queryset = members
        if self.instance.pk:
            self.fields["start_date"].initial = self.instance.start_date
        self.order_fields(["start_date"])


class SupporterForm(StyledForm):
    role = forms.ChoiceField(
        label=_("Rol"),
        choices=[
            (r.value, r.label)
            for r in (OwnerRole.BUDDY, OwnerRole.LANGUAGE_COACH, OwnerRole.BBL_SUPERVISOR)
        ],
    )
    user = forms.ModelChoiceField(
        queryset=OnboardingTemplate.objects.none(),
        label=_("Een collega"),
        required=False,
        empty_label="–",
    )
    name = forms.CharField(
        label=_("Of: naam van een externe coach"), max_length=200, required=False
    )
    email = forms.EmailField(label=_("E-mailadres externe coach"), required=False)
    language = forms.ChoiceField(
        label=_("Taal van berichten aan de externe coach"), choices=settings.LANGUAGES, initial="nl"
    )
    remove = forms.BooleanField(label=_("Ontkoppel deze begeleider"), required=False)

    def __init__(self, *args: Any, members: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = members

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("remove"):
            return data
        if data.get("user") and (data.get("name") or data.get("email")):
            self.add_error("name", _("Kies een collega óf vul een externe coach in, niet allebei."))
        elif not data.get("user") and not (data.get("name") and data.get("email")):
            self.add_error(
                "user",
                _("Kies een collega, of vul de naam en het e-mailadres van een externe coach in."),
            )
        return data


class TaskForm(StyledForm):
    title = forms.CharField(label=_("Taak"), max_length=200)
    description = forms.CharField(label=_("Uitleg"), widget=forms.Textarea, required=False)
    due_date = forms.DateField(label=_("Datum"), widget=DateInput())
    owner_role = forms.ChoiceField(label=_("Wie doet het"), choices=OwnerRole.choices)
    owner_user = forms.ModelChoiceField(
        queryset=OnboardingTemplate.objects.none(),
        label=_("Of een vaste collega"),
        required=False,
        empty_label="–",
        help_text=_("Laat leeg om de rol te volgen (bijvoorbeeld de buddy van dit plan)."),
    )

    def __init__(self, *args: Any, members: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner_user"].queryset = members


class TaskAddForm(TaskForm):
    phase = forms.ChoiceField(label=_("Fase"), choices=Phase.choices)


class TransitionForm(StyledForm):
    move = forms.CharField(widget=forms.HiddenInput)
    note = forms.CharField(label=_("Toelichting"), max_length=300, required=False)


class ReassignForm(StyledForm):
    from_user = forms.ModelChoiceField(
        queryset=OnboardingTemplate.objects.none(), label=_("Van"), empty_label=None
    )
    to_user = forms.ModelChoiceField(
        queryset=OnboardingTemplate.objects.none(), label=_("Naar"), empty_label=None
    )

    def __init__(self, *args: Any, departed: Any, members: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["from_user"].queryset = departed
        self.fields["to_user"].queryset = members


class EvaluationForm(StyledModelForm):
    class Meta:
        model = Evaluation
        fields = ["went_well", "to_improve", "new_hire_view", "outcome"]
        widgets = {"outcome": forms.RadioSelect}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["outcome"].choices = EvaluationOutcome.choices


class ExpectationsForm(StyledForm):
    manager_expectations = forms.CharField(
        label=_("Wat verwachten wij van de nieuwe collega"),
        widget=forms.Textarea,
        help_text=_("Wees duidelijk. De nieuwe collega ziet dit op de eigen pagina."),
    )


class GoalForm(StyledForm):
    title = forms.CharField(label=_("Doel"), max_length=200)
    target_date = forms.DateField(label=_("Streefdatum"), widget=DateInput(), required=False)


class GoalUpdateForm(StyledForm):
    progress = forms.IntegerField(label=_("Voortgang in procenten"), min_value=0, max_value=100)
    status = forms.ChoiceField(label=_("Status"), choices=GoalStatus.choices)


class TemplateTaskForm(StyledModelForm):
    class Meta:
        model = TemplateTask
        fields = ["phase", "title", "description", "owner_role", "due_offset", "form_kind"]


# --- The new hire's forms (B1: 'je', short questions) ----------------------------------------


class IntakeForm(StyledForm):
    expectations = forms.CharField(
        label=_("Wat verwacht je van ons?"), widget=forms.Textarea, required=False
    )
    wants_to_learn = forms.CharField(
        label=_("Wat wil je leren?"), widget=forms.Textarea, required=False
    )
    needs = forms.MultipleChoiceField(
        label=_("Wat heb je nodig?"),
        choices=Need.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Kies wat je helpt. Je mag ook niets kiezen."),
    )
    needs_other = forms.CharField(
        label=_("Wil je er iets over vertellen?"), widget=forms.Textarea, required=False
    )
    hours_wish = forms.CharField(
        label=_("Welke werktijden passen bij jou?"), max_length=200, required=False
    )


class CheckInForm(StyledForm):
    mood = forms.TypedChoiceField(
        label=_("Hoe gaat het met je?"),
        choices=[(str(k), format_lazy("{} – {}", k, v)) for k, v in MOOD_LABELS.items()],
        coerce=int,
        widget=forms.RadioSelect,
        help_text=_("1 is heel slecht, 5 is heel goed."),
        error_messages={"required": _("Kies hoe het met je gaat.")},
    )
    went_well = forms.CharField(
        label=_("Wat ging goed deze week?"), widget=forms.Textarea, required=False
    )
    was_hard = forms.CharField(label=_("Wat was lastig?"), widget=forms.Textarea, required=False)
    needs_help = forms.CharField(
        label=_("Wat heb je nodig van ons?"), widget=forms.Textarea, required=False
    )


class SurprisesForm(StyledForm):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for number in range(1, MAX_SURPRISES + 1):
            self.fields[f"surprise_{number}"] = forms.CharField(
                label=_("Verbazing %(number)s") % {"number": number},
                max_length=1000,
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
            )
        self.style()

    def texts(self) -> list[str]:
        return [self.cleaned_data.get(f"surprise_{n}", "") for n in range(1, MAX_SURPRISES + 1)]

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if not any((data.get(f"surprise_{n}") or "").strip() for n in range(1, MAX_SURPRISES + 1)):
            raise forms.ValidationError(_("Schrijf minstens één ding op dat je opviel."))
        return data


class PortalGoalForm(StyledForm):
    title = forms.CharField(label=_("Wat wil je leren?"), max_length=200)


class ObstacleSurveyForm(StyledForm):
    """Optional: what made the first months hard (the magazine's three obstacles)."""

    obstacles = forms.MultipleChoiceField(
        label=_("Wat maakte de eerste maanden lastig?"),
        choices=Obstacle.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text=_("Kies wat past. Je mag meer dan één ding kiezen, of niets."),
    )


class SelfReviewForm(StyledForm):
    """The new hire's own part of the evaluation: the themes of the manager's evaluation."""

    went_well = forms.CharField(
        label=_("Wat gaat goed?"),
        widget=forms.Textarea,
        max_length=3000,
        help_text=_("Bijvoorbeeld: wat heb je geleerd, waar ben je trots op?"),
        error_messages={"required": _("Schrijf op wat goed gaat.")},
    )
    to_improve = forms.CharField(
        label=_("Wat kan beter?"),
        widget=forms.Textarea,
        max_length=3000,
        required=False,
        help_text=_("Wat kun jij beter doen? En wat kunnen wij beter doen?"),
    )
    wants_to_learn = forms.CharField(
        label=_("Wat wil je nog leren?"),
        widget=forms.Textarea,
        max_length=3000,
        required=False,
    )

    def clean_went_well(self) -> str:
        text = self.cleaned_data["went_well"].strip()
        if not text:
            raise forms.ValidationError(_("Schrijf op wat goed gaat."))
        return text
