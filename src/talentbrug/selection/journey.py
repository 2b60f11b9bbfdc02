"""One status truth: where an application is, as the candidate and HR see it.

The selection stage (:class:`ApplicationProgress`) decides. ``Application.status`` only records
the candidate's own withdrawal; everything a person reads about progress — the candidate's
timeline "Zo gaat het verder", the HR list, the staff detail page, the stage e-mail — is
derived here from the stage, so two pages can never tell two stories.

Everything in this module only reads (no rows are created on a GET): an application whose
vacancy's pipeline was never opened is simply in the first step.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q
from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from talentbrug.applications.status import StatusSource

from .constants import (
    BEFORE_ASSESSMENT,
    CANDIDATE_STEP_TEXT,
    DEFAULT_REJECTION_REASONS,
    DEFAULT_STAGES,
    END_KINDS,
    StageKind,
)
from .models import ApplicationProgress, RejectionReason, Stage

WITHDRAWN_STATUS = "withdrawn"  # applications.constants.ApplicationStatus.WITHDRAWN

# The steps a candidate reads, in order. NEW and SCREENING are one step for the candidate:
# "we are reading your application".
_CANDIDATE_STEP: dict[str, str] = {
    StageKind.NEW: StageKind.SCREENING,
    StageKind.SCREENING: StageKind.SCREENING,
    StageKind.ASSESSMENT: StageKind.ASSESSMENT,
    StageKind.INTERVIEW: StageKind.INTERVIEW,
    StageKind.OFFER: StageKind.OFFER,
}
_STEP_ORDER = [StageKind.SCREENING, StageKind.ASSESSMENT, StageKind.INTERVIEW, StageKind.OFFER]

STEP_TITLES: dict[str, Promise] = {
    StageKind.SCREENING: gettext_lazy("We bekijken je sollicitatie"),
    StageKind.ASSESSMENT: gettext_lazy("Opdracht of wervingsdag"),
    StageKind.INTERVIEW: gettext_lazy("Gesprek"),
    StageKind.OFFER: gettext_lazy("Aanbod"),
}
ROUTE_STEP_TITLES = {
    "work_sample": gettext_lazy("Je doet een opdracht"),
    "recruitment_day": gettext_lazy("Je komt naar een wervingsdag"),
}
OUTCOME_TITLES = {
    StageKind.HIRED: CANDIDATE_STEP_TEXT[StageKind.HIRED],
    StageKind.REJECTED: CANDIDATE_STEP_TEXT[StageKind.REJECTED],
    StageKind.WITHDRAWN: gettext_lazy("Je hebt je sollicitatie ingetrokken"),
}


@dataclass(frozen=True)
class Text:
    """A piece of text and its language: an organisation's own words are Dutch only."""

    text: str
    language: str = ""  # "" = the page's language; "nl" = Dutch inside another language


@dataclass
class Step:
    title: str
    text: str = ""
    state: str = "next"  # done, current or next
    reason: Text | None = None
    feedback: Text | None = None


@dataclass
class Asked:
    text: str
    url: str = ""


@dataclass
class Journey:
    """Everything a page needs to say where an application is."""

    kind: str
    stage_name: str  # the staff's name of the stage ("Tweede gesprek"); never shown to candidates
    steps: list[Step] = field(default_factory=list)
    asked: list[Asked] = field(default_factory=list)
    reason: Text | None = None
    feedback: Text | None = None

    @property
    def is_open(self) -> bool:
        return self.kind not in END_KINDS

    @property
    def can_withdraw(self) -> bool:
        return self.is_open

    @property
    def is_rejected(self) -> bool:
        return self.kind == StageKind.REJECTED

    @property
    def is_hired(self) -> bool:
        return self.kind == StageKind.HIRED

    @property
    def candidate_label(self) -> str:
        """One short word for lists ("Gesprek", "Afgewezen")."""
        return str(StageKind(self.kind).label)


def _progress(application: Any) -> ApplicationProgress | None:
    return (
        ApplicationProgress.objects.select_related("stage", "rejection_reason")
        .filter(application=application)
        .first()
    )


def current_kind(application: Any, progress: ApplicationProgress | None = None) -> str:
    """The kind of step the application is in. A withdrawal in the portal always wins."""
    if application.status == WITHDRAWN_STATUS:
        return StageKind.WITHDRAWN
    progress = progress if progress is not None else _progress(application)
    return progress.stage.kind if progress is not None else StageKind.NEW


def open_filter(prefix: str = "") -> Q:
    """A filter for applications still in procedure: not withdrawn, not hired or rejected.

    ``prefix`` leads from the queried model to the application (``"applications__"``).
    """
    return Q(**{f"{prefix}status": "submitted"}) & ~Q(
        **{f"{prefix}progress__stage__kind__in": list(END_KINDS)}
    )


def current_kinds(applications: Iterable[Any]) -> dict[int, tuple[str, str]]:
    """{application id: (kind, staff stage name)} for many applications, in one query."""
    applications = list(applications)
    rows = {
        pk: (kind, name)
        for pk, kind, name in ApplicationProgress.objects.filter(
            application__in=[a.pk for a in applications]
        ).values_list("application_id", "stage__kind", "stage__name")
    }
    result = {}
    for application in applications:
        kind, name = rows.get(application.pk, (StageKind.NEW, ""))
        if application.status == WITHDRAWN_STATUS and kind != StageKind.WITHDRAWN:
            kind, name = StageKind.WITHDRAWN, ""
        result[application.pk] = (kind, name or str(StageKind(kind).label))
    return result


# ---------------------------------------------------------------------------------------------
# Reasons in the candidate's language
# ---------------------------------------------------------------------------------------------


def _default_texts() -> dict[str, Any]:
    """{Dutch text as stored: lazy translatable text} of the shipped rejection reasons."""
    with translation.override("nl"):
        return {str(text).strip(): text for _label, text, _lang in DEFAULT_REJECTION_REASONS}


def reason_text(progress: ApplicationProgress) -> Text | None:
    """The reason in the active language; an organisation's own reason stays Dutch (marked)."""
    reason: RejectionReason | None = progress.rejection_reason
    if progress.stage.kind != StageKind.REJECTED or reason is None:
        return None
    stored = reason.candidate_text.strip()
    shipped = _default_texts().get(stored)
    language = ""
    text = str(shipped) if shipped is not None else stored
    if shipped is None and translation.get_language() != "nl":
        language = "nl"
    if progress.rejection_language_level:
        level = progress.rejection_language_level
        if language:  # keep the whole sentence in one language
            text = f"{text.rstrip('.')} (niveau {level})."
        else:
            text = f"{text.rstrip('.')} ({_('niveau %(level)s') % {'level': level}})."
    return Text(text, language)


def feedback_text(progress: ApplicationProgress) -> Text | None:
    """HR's free tip; typed in Dutch, so marked Dutch on a page in another language."""
    if progress.stage.kind != StageKind.REJECTED or not progress.rejection_feedback.strip():
        return None
    language = "nl" if translation.get_language() != "nl" else ""
    return Text(progress.rejection_feedback.strip(), language)


# ---------------------------------------------------------------------------------------------
# The candidate's timeline
# ---------------------------------------------------------------------------------------------


def _pipeline_kinds(application: Any) -> list[str]:
    kinds = list(
        Stage.objects.filter(vacancy_id=application.vacancy_id)
        .order_by("order", "pk")
        .values_list("kind", "order")
    )
    return [k for k, _o in kinds] if kinds else [str(kind) for _n, kind, _b in DEFAULT_STAGES]


def _step_kinds(kinds: Iterable[str]) -> list[str]:
    """The candidate's steps for a pipeline (each once, in the fixed order)."""
    present = {_CANDIDATE_STEP[k] for k in kinds if k in _CANDIDATE_STEP}
    return [k for k in _STEP_ORDER if k in present]


def _furthest_step(progress: ApplicationProgress | None) -> str:
    """The furthest candidate step the application reached (for an ended procedure)."""
    if progress is None:
        return StageKind.SCREENING
    reached = (
        Stage.objects.filter(vacancy_id=progress.vacancy_id, order__lte=progress.furthest_order)
        .exclude(kind__in=END_KINDS)
        .order_by("-order")
        .values_list("kind", flat=True)
        .first()
    )
    return _CANDIDATE_STEP.get(reached or StageKind.NEW, StageKind.SCREENING)


def _step_title(kind: str, route: str) -> str:
    if kind == StageKind.ASSESSMENT and route in ROUTE_STEP_TITLES:
        return str(ROUTE_STEP_TITLES[route])
    return str(STEP_TITLES[kind])


def _step_text(kind: str, route: str) -> str:
    if kind == StageKind.SCREENING:
        return _("Binnen twee weken hoor je van ons wat de volgende stap is.")
    if kind == StageKind.ASSESSMENT and route not in ROUTE_STEP_TITLES:
        return _("Soms vragen we je om een opdracht te doen of naar een wervingsdag te komen.")
    return str(CANDIDATE_STEP_TEXT[StageKind(kind)])


def journey_for(application: Any) -> Journey:
    """The application's journey in the active language (call inside the candidate's language)."""
    progress = _progress(application)
    kind = current_kind(application, progress)
    stage_name = progress.stage.name if progress is not None else str(StageKind(kind).label)
    route = getattr(application, "route", "")
    steps = [Step(title=_("We hebben je sollicitatie ontvangen"), state="done")]
    step_kinds = _step_kinds(_pipeline_kinds(application))
    seen = Journey(kind=kind, stage_name=stage_name)
    if kind in END_KINDS:
        furthest = _furthest_step(progress)
        for step_kind in step_kinds[: step_kinds.index(furthest) + 1]:
            steps.append(Step(title=_step_title(step_kind, route), state="done"))
        outcome = Step(title=str(OUTCOME_TITLES[StageKind(kind)]), state="current")
        if kind == StageKind.WITHDRAWN:
            outcome.text = _("We doen niets meer met deze sollicitatie.")
        elif progress is not None:
            seen.reason = outcome.reason = reason_text(progress)
            seen.feedback = outcome.feedback = feedback_text(progress)
        steps.append(outcome)
    else:
        now = _CANDIDATE_STEP[StageKind(kind)]
        position = step_kinds.index(now) if now in step_kinds else 0
        for i, step_kind in enumerate(step_kinds):
            state = "done" if i < position else "current" if i == position else "next"
            steps.append(
                Step(
                    title=_step_title(step_kind, route),
                    text=_step_text(step_kind, route) if state != "done" else "",
                    state=state,
                )
            )
        steps.append(Step(title=_("Besluit"), text=_("We vertellen je altijd waarom.")))
        seen.asked = asked_of(application, kind)
    seen.steps = steps
    return seen


def asked_of(application: Any, kind: str) -> list[Asked]:
    """What the candidate is asked to do now (an empty list: nothing, we come back to you)."""
    asked: list[Asked] = []
    if application.questions.filter(answered_at__isnull=True).exists():
        asked.append(Asked(_("Beantwoord de vraag die we je stelden."), "#vragen"))
    if (
        kind == StageKind.ASSESSMENT
        and application.route == "recruitment_day"
        and not application.bookings.filter(status="booked").exists()
    ):
        asked.append(Asked(_("Kies een tijd voor de wervingsdag."), "#tijdslot"))
    if kind == StageKind.INTERVIEW:
        from django.apps import apps

        interview = apps.get_model("interviews", "Interview")
        waiting = interview.objects.filter(application=application, status="proposed").first()
        if waiting is not None:  # times were sent, none chosen yet
            asked.append(Asked(_("Kies een tijd voor je gesprek. Dat doe je hieronder.")))
    if kind == StageKind.OFFER:
        asked.append(Asked(_("Denk na over ons aanbod. We nemen contact met je op.")))
    return asked


# ---------------------------------------------------------------------------------------------
# Keeping the truth in step
# ---------------------------------------------------------------------------------------------


def on_application_closed(sender: Any, application: Any, why: str = "", **kwargs: Any) -> None:
    """The candidate withdrew in the portal: the selection stage follows at once."""
    if why != WITHDRAWN_STATUS:
        return
    from django.db.models import F
    from django.utils import timezone

    withdrawn = Stage.objects.filter(
        vacancy_id=application.vacancy_id, kind=StageKind.WITHDRAWN
    ).first()
    if withdrawn is None:  # pipeline never opened: it starts in 'Teruggetrokken' when it is
        return
    ApplicationProgress.objects.filter(application=application).exclude(
        stage__kind__in=END_KINDS
    ).update(stage=withdrawn, version=F("version") + 1, moved_at=timezone.now())


# The one truth for the applications app (its portal, HR list, withdrawal rule and export),
# registered in SelectionConfig.ready(): applications comes earlier and may not import this.
STATUS_SOURCE = StatusSource(
    current_kind=current_kind,
    current_kinds=current_kinds,
    open_filter=open_filter,
    journey_for=journey_for,
    label=lambda kind: StageKind(kind).label,
    end_kinds=frozenset(END_KINDS),
    before_assessment=BEFORE_ASSESSMENT,
)
