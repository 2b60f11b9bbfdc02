"""Forms of the selection pages. They parse input; services decide what is allowed."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from talentbrug.taxonomy.constants import CefrLevel
from talentbrug.vacancies.constants import ContractType
from talentbrug.vacancies.models import SalaryScale

from . import hire
from .constants import DEFAULT_ANCHORS, SCORE_MAX, SCORE_MIN, Recommendation
from .models import RejectionReason, Stage

CLASSES = {
    forms.Select: "utrecht-select utrecht-select--html-select",
    forms.Textarea: "utrecht-textarea utrecht-textarea--html-textarea",
    forms.TextInput: "utrecht-textbox utrecht-textbox--html-input",
    forms.NumberInput: "utrecht-textbox utrecht-textbox--html-input",
    forms.DateInput: "utrecht-textbox utrecht-textbox--html-input",
}


def _choice(form: forms.BaseForm, name: str) -> forms.ModelChoiceField[Any]:
    """A choice field of ``form`` whose choices are set per request (the stubs type
    ``form.fields`` as plain fields)."""
    return cast(forms.ModelChoiceField[Any], form.fields[name])


def styled(form: forms.Form) -> forms.Form:
    """Give each widget its NL Design System class."""
    for bound in form.fields.values():
        for widget_type, css in CLASSES.items():
            if type(bound.widget) is widget_type:
                bound.widget.attrs.setdefault("class", css)
    return form


class StyledForm(forms.Form):
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        styled(self)


class MoveForm(forms.Form):
    to_stage = forms.ModelChoiceField(
        queryset=Stage.objects.none(),
        label=_("Naar fase"),
        error_messages={"required": _("Kies een fase."), "invalid_choice": _("Kies een fase.")},
    )
    version = forms.IntegerField(widget=forms.HiddenInput)
    reason = forms.ModelChoiceField(
        queryset=RejectionReason.objects.none(),
        required=False,
        label=_("Reden van afwijzing"),
        help_text=_("Alleen bij afwijzen. De kandidaat leest deze reden in gewone woorden."),
    )
    language_level = forms.ChoiceField(
        choices=[("", "—"), *CefrLevel.choices],
        required=False,
        label=_("Niveau van de taaleis"),
        help_text=_("Alleen bij afwijzen op taal."),
    )
    feedback = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        label=_("Tip voor de kandidaat"),
        help_text=_("Wat kan de kandidaat doen om sterker te worden?"),
    )
    mail = forms.ChoiceField(
        choices=[
            ("preview", _("Laat het bericht eerst zien")),
            ("send", _("Verstuur het standaardbericht meteen")),
            ("hold", _("Verstuur geen bericht")),
        ],
        initial="preview",
        required=False,
        widget=forms.RadioSelect,
        label=_("Bericht aan de kandidaat"),
        help_text=_("Alleen als de nieuwe fase de kandidaat een e-mail stuurt."),
    )

    def __init__(self, *args: Any, stages: Any = None, organisation: Any = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        _choice(self, "to_stage").queryset = stages if stages is not None else Stage.objects.none()
        _choice(self, "reason").queryset = RejectionReason.objects.filter(
            organisation=organisation, is_active=True
        )
        styled(self)


class BulkMoveForm(forms.Form):
    to_stage = forms.ModelChoiceField(
        queryset=Stage.objects.none(),
        label=_("Verplaats de gekozen sollicitaties naar"),
        error_messages={"required": _("Kies een fase."), "invalid_choice": _("Kies een fase.")},
    )
    reason = forms.ModelChoiceField(
        queryset=RejectionReason.objects.none(), required=False, label=_("Reden van afwijzing")
    )
    mail = forms.ChoiceField(
        choices=[
            ("send", _("Stuur elke kandidaat het standaardbericht, in de eigen taal")),
            ("hold", _("Verstuur geen berichten (ik neem zelf contact op)")),
        ],
        initial="send",
        required=False,
        widget=forms.RadioSelect,
        label=_("Bericht aan de kandidaten"),
        help_text=_("Alleen als de nieuwe fase de kandidaat een e-mail stuurt."),
    )

    def __init__(self, *args: Any, stages: Any = None, organisation: Any = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        _choice(self, "to_stage").queryset = stages if stages is not None else Stage.objects.none()
        _choice(self, "reason").queryset = RejectionReason.objects.filter(
            organisation=organisation, is_active=True
        )
        styled(self)


class ReasonForm(StyledForm):
    label = forms.CharField(max_length=120, label=_("Reden (voor medewerkers)"))
    candidate_text = forms.CharField(
        widget=forms.Textarea(attrs={"rows": 3}),
        label=_("Tekst voor de kandidaat"),
        help_text=_("In gewone woorden, met 'je'. Zeg wat de kandidaat mist, niet wie hij is."),
    )
    is_language = forms.BooleanField(
        required=False,
        label=_("Afwijzen op taal"),
        help_text=_("Alleen te kiezen bij een vacature met een taaleis op dat niveau."),
    )


class StageForm(StyledForm):
    name = forms.CharField(max_length=100, label=_("Naam van de nieuwe fase"))
    is_blind = forms.BooleanField(required=False, label=_("Anoniem beoordelen in deze fase"))


def scorecard_form(rows: list[Any], anchors: dict[int, str], data: Any = None) -> forms.Form:
    """A form with one 1–4 radio row per requirement, plus recommendation and notes."""
    choices = [
        (level, f"{level} – {anchors.get(level, '')}") for level in range(SCORE_MIN, SCORE_MAX + 1)
    ]
    fields: dict[str, forms.Field] = {}
    for row in rows:
        fields[f"row_{row.pk}"] = forms.TypedChoiceField(
            label=row.label,
            choices=choices,
            coerce=int,
            widget=forms.RadioSelect,
            error_messages={
                "required": _("Geef een score van 1 tot en met 4."),
                "invalid_choice": _("Een score is 1, 2, 3 of 4."),
            },
        )
    fields["recommendation"] = forms.ChoiceField(
        label=_("Advies"),
        choices=Recommendation.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Kies een advies.")},
    )
    fields["notes"] = forms.CharField(
        label=_("Toelichting"), required=False, widget=forms.Textarea(attrs={"rows": 4})
    )
    form_class = type("ScorecardForm", (forms.Form,), fields)
    return styled(form_class(data))


def rubric_form(rows: list[Any], anchors: dict[int, str], data: Any = None) -> forms.Form:
    form = scorecard_form(rows, anchors, data)
    del form.fields["recommendation"]
    return form


class AnchorForm(forms.Form):
    def __init__(self, *args: Any, anchors: dict[int, str] | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        for level in DEFAULT_ANCHORS:
            self.fields[f"level_{level}"] = forms.CharField(
                max_length=300,
                label=_("Score %(level)s") % {"level": level},
                initial=(anchors or {}).get(level, ""),
                error_messages={"required": _("Vul een tekst in.")},
            )
        styled(self)


class OfferForm(forms.Form):
    salary_scale = forms.ModelChoiceField(
        queryset=SalaryScale.objects.none(),
        label=_("Schaal"),
        error_messages={"required": _("Kies een schaal.")},
    )
    step = forms.IntegerField(
        min_value=0, max_value=15, label=_("Trede"), help_text=_("0 tot en met 15.")
    )
    start_date = forms.DateField(
        label=_("Eerste werkdag"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Bijvoorbeeld 2026-09-01."),
    )
    hours = forms.IntegerField(min_value=1, max_value=40, label=_("Uren per week"))
    contract_type = forms.ChoiceField(choices=ContractType.choices, label=_("Soort contract"))

    def __init__(self, *args: Any, vacancy: Any = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        scales = SalaryScale.objects.order_by("-year", "scale")
        latest = scales.first()
        if latest is not None:
            scales = scales.filter(year=latest.year)
        if vacancy is not None and vacancy.scale_min:
            scales = scales.filter(
                scale__gte=vacancy.scale_min, scale__lte=vacancy.scale_max or vacancy.scale_min
            )
        _choice(self, "salary_scale").queryset = scales
        if vacancy is not None:
            self.fields["contract_type"].initial = vacancy.contract_type
            self.fields["hours"].initial = vacancy.hours_max
        styled(self)


class DecisionForm(forms.Form):
    decision = forms.ChoiceField(
        choices=[("accept", _("De kandidaat accepteert")), ("decline", _("De kandidaat zegt nee"))],
        widget=forms.RadioSelect,
        label=_("Besluit van de kandidaat"),
        error_messages={"required": _("Kies wat de kandidaat besloot.")},
    )
    right_to_work = forms.ChoiceField(
        choices=[("yes", _("Ja")), ("no", _("Nee"))],
        widget=forms.RadioSelect,
        required=False,
        label=_("Mag de kandidaat in Nederland werken? (gecontroleerd)"),
        help_text=_("Leg alleen ja of nee vast. Bewaar geen kopie van een document."),
    )
    buddy: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        queryset=None,
        required=False,
        empty_label=_("Nog niet bekend"),
        label=_("Buddy"),
        help_text=_(
            "Een collega die de weg wijst. Weet u nog niemand? Dan krijgt HR een open taak in "
            "het inwerkplan."
        ),
    )
    language_coach: forms.ModelChoiceField[Any] = forms.ModelChoiceField(
        queryset=None,
        required=False,
        empty_label=_("Nog niet bekend"),
        label=_("Taalcoach"),
        help_text=_(
            "Een collega die helpt met Nederlands op het werk. Een externe coach zet u later in "
            "het inwerkplan. Weet u nog niemand? Dan krijgt HR een open taak."
        ),
    )

    def __init__(self, *args: Any, organisation: Any = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        people = hire.handler().people  # onboarding's choice of colleagues (selection.hire)
        _choice(self, "buddy").queryset = people(organisation)
        _choice(self, "language_coach").queryset = people(organisation)
        styled(self)
