"""Everything that changes selection state. Views and tasks call these; every change is audited.

The one way to move an application is :func:`move_application`. It refuses lost updates:
the caller passes the version it saw, and a move based on an older version is refused with a
clear message (two reviewers moving the same candidate at once: one wins).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from django.db import transaction
from django.db.models import Count, F
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _

from talentbrug.accounts.access import PERMISSIONS
from talentbrug.applications.models import Application, WorkSampleSubmission
from talentbrug.audit.services import record_event
from talentbrug.outbox.services import queue_mail
from talentbrug.redaction import redact
from talentbrug.vacancies.models import Requirement, SalaryScale, Vacancy

from . import hire, history
from .constants import (
    CANDIDATE_STEP_TEXT,
    DEFAULT_ANCHORS,
    DEFAULT_REJECTION_REASONS,
    DEFAULT_STAGES,
    DISAGREEMENT_POINTS,
    END_KINDS,
    MAX_SALARY_STEP,
    SCORE_MAX,
    SCORE_MIN,
    OfferStatus,
    Recommendation,
    StageKind,
)
from .effects import after_move, stage_mail_key
from .emails import build_stage_email
from .models import (
    ApplicationProgress,
    Offer,
    RejectionReason,
    ScaleAnchor,
    Score,
    Scorecard,
    Stage,
    TemplateStage,
    WorkSampleGrade,
)
from .workflow import OFFER_FLOW, SelectionError

WITHDRAWN_STATUS = "withdrawn"  # applications.constants.ApplicationStatus.WITHDRAWN
NOT_REACHED_KINDS = frozenset({StageKind.REJECTED, StageKind.WITHDRAWN})


class StaleProgress(SelectionError):
    """Someone else moved this application after the page was loaded."""


def _require(roles: Iterable[str], action: str) -> None:
    if not (frozenset(roles) & PERMISSIONS[action]):
        raise SelectionError(_("Uw rol mag dit niet doen."))


# ---------------------------------------------------------------------------------------------
# Pipeline set-up
# ---------------------------------------------------------------------------------------------


# Rows are created when the event that needs them happens (an organisation is made, a vacancy
# is made, an application comes in: see ``receivers.py``), never when a page is read. The
# ``ensure_*`` functions write and are only called from those events and from other writes;
# pages read with ``stages_for``, ``progress_for`` and ``active_reasons``.


@transaction.atomic
def ensure_template(organisation: Any) -> list[TemplateStage]:
    """The organisation's default pipeline; created from the shipped default when needed."""
    stages = list(TemplateStage.objects.filter(organisation=organisation).order_by("order"))
    if stages:
        return stages
    return TemplateStage.objects.bulk_create(
        TemplateStage(organisation=organisation, name=str(name), kind=kind, order=i, is_blind=blind)
        for i, (name, kind, blind) in enumerate(DEFAULT_STAGES, start=1)
    )


@transaction.atomic
def ensure_reasons(organisation: Any) -> list[RejectionReason]:
    reasons = list(RejectionReason.objects.filter(organisation=organisation, is_active=True))
    if reasons or RejectionReason.objects.filter(organisation=organisation).exists():
        return reasons
    return RejectionReason.objects.bulk_create(
        RejectionReason(
            organisation=organisation,
            label=str(label),
            candidate_text=str(text),
            is_language=is_language,
            order=i,
        )
        for i, (label, text, is_language) in enumerate(DEFAULT_REJECTION_REASONS)
    )


def active_reasons(organisation: Any) -> list[RejectionReason]:
    """The organisation's rejection reasons in use (read only)."""
    return list(
        RejectionReason.objects.filter(organisation=organisation, is_active=True).order_by(
            "order", "pk"
        )
    )


def stages_for(vacancy: Vacancy) -> list[Stage]:
    """The vacancy's stages (read only: they are made when the vacancy is made)."""
    return list(Stage.objects.filter(vacancy=vacancy).order_by("order", "pk"))


@transaction.atomic
def ensure_pipeline(vacancy: Vacancy) -> list[Stage]:
    """The vacancy's stages; copied from the organisation's template when it has none yet.

    Called when a vacancy is made (and by writes that need the stages); never from a page.
    """
    stages = list(Stage.objects.filter(vacancy=vacancy).order_by("order", "pk"))
    if stages:
        return stages
    template = ensure_template(vacancy.organisation)
    stages = Stage.objects.bulk_create(
        Stage(
            organisation_id=vacancy.organisation_id,
            vacancy=vacancy,
            name=t.name,
            kind=t.kind,
            order=t.order,
            is_blind=t.is_blind,
        )
        for t in template
    )
    ScaleAnchor.objects.bulk_create(
        ScaleAnchor(
            organisation_id=vacancy.organisation_id,
            vacancy=vacancy,
            level=level,
            text=str(text),
        )
        for level, text in DEFAULT_ANCHORS.items()
    )
    record_event(
        "selection.pipeline_created",
        organisation=vacancy.organisation,
        obj=vacancy,
        vacancy=vacancy.pk,
        count=len(stages),
    )
    return list(Stage.objects.filter(vacancy=vacancy).order_by("order", "pk"))


def first_stage(stages: list[Stage]) -> Stage:
    return next(s for s in stages if s.kind not in END_KINDS)


@transaction.atomic
def start_progress(application: Application) -> ApplicationProgress:
    """An application came in: it gets its place in the vacancy's first stage. Idempotent.

    A candidate who already withdrew starts in the withdrawn stage.
    """
    vacancy = application.vacancy
    stages = ensure_pipeline(vacancy)
    start = first_stage(stages)
    withdrawn = next(s for s in stages if s.kind == StageKind.WITHDRAWN)
    progress, _created = ApplicationProgress.objects.get_or_create(
        application=application,
        defaults={
            "organisation_id": vacancy.organisation_id,
            "vacancy": vacancy,
            "stage": withdrawn if application.status == WITHDRAWN_STATUS else start,
            "furthest_order": start.order,
        },
    )
    return progress


@transaction.atomic
def start_progress_in_bulk(vacancy: Vacancy) -> int:
    """Place every application of the vacancy that has no place yet; returns how many.

    For bulk loads that bypass ``Application.save`` (benchmarks, scale seeds). A constant
    number of queries, however many applications the vacancy has.
    """
    stages = ensure_pipeline(vacancy)
    start = first_stage(stages)
    withdrawn = next(s for s in stages if s.kind == StageKind.WITHDRAWN)
    missing = Application.objects.filter(vacancy=vacancy, progress__isnull=True).values_list(
        "pk", "status"
    )
    made = ApplicationProgress.objects.bulk_create(
        (
            ApplicationProgress(
                organisation_id=vacancy.organisation_id,
                application_id=pk,
                vacancy=vacancy,
                stage=withdrawn if status == WITHDRAWN_STATUS else start,
                furthest_order=start.order,
            )
            for pk, status in missing
        ),
        ignore_conflicts=True,
    )
    return len(made)


@transaction.atomic
def leave_pipeline(application: Application) -> None:
    """The candidate withdrew in the portal: the application leaves the pipeline.

    The applications app audits the withdrawal itself; an application in an end stage stays.
    """
    withdrawn = Stage.objects.filter(
        vacancy_id=application.vacancy_id, kind=StageKind.WITHDRAWN
    ).first()
    if withdrawn is None:
        return
    ApplicationProgress.objects.filter(application=application).exclude(
        stage__kind__in=END_KINDS
    ).update(stage=withdrawn, version=F("version") + 1)


def progress_for(application: Application) -> ApplicationProgress:
    """The application's place in the pipeline (read only). Missing: 404, never created."""
    return get_object_or_404(
        ApplicationProgress.objects.select_related(
            "stage", "vacancy", "application__candidate", "rejection_reason"
        ),
        application=application,
    )


@transaction.atomic
def add_stage(vacancy: Vacancy, *, name: str, is_blind: bool, user: Any) -> Stage:
    """Add an extra stage (a second interview, say) before the offer."""
    stages = ensure_pipeline(vacancy)
    name = name.strip()
    if not name:
        raise SelectionError(_("Geef de fase een naam."))
    offer = next((s for s in stages if s.kind == StageKind.OFFER), None)
    order = offer.order if offer else max(s.order for s in stages) + 1
    Stage.objects.filter(vacancy=vacancy, order__gte=order).update(order=F("order") + 1)
    ApplicationProgress.objects.filter(vacancy=vacancy, furthest_order__gte=order).update(
        furthest_order=F("furthest_order") + 1
    )
    stage = Stage.objects.create(
        organisation_id=vacancy.organisation_id,
        vacancy=vacancy,
        name=name,
        kind=StageKind.INTERVIEW,
        order=order,
        is_blind=is_blind,
    )
    record_event(
        "selection.stage_added",
        actor=user,
        organisation=vacancy.organisation,
        obj=stage,
        stage=stage.pk,
        vacancy=vacancy.pk,
    )
    return stage


@transaction.atomic
def set_stage_blind(stage: Stage, *, is_blind: bool, user: Any) -> Stage:
    stage.is_blind = is_blind
    stage.save(update_fields=["is_blind"])
    record_event(
        "selection.stage_changed",
        actor=user,
        organisation=stage.organisation,
        obj=stage,
        stage=stage.pk,
        is_blind=is_blind,
    )
    return stage


@transaction.atomic
def delete_stage(stage: Stage, *, user: Any) -> None:
    """Delete a stage; refused while candidates are in it, and for the fixed stages."""
    if stage.kind in END_KINDS or stage.kind in (StageKind.NEW, StageKind.OFFER):
        raise SelectionError(_("Deze fase is nodig in elk proces en kan niet weg."))
    held = ApplicationProgress.objects.filter(stage=stage).count()
    if held:
        raise SelectionError(
            _(
                "In fase ‘%(stage)s’ staan nog %(count)s kandidaten. "
                "Verplaats ze eerst naar een andere fase."
            )
            % {"stage": stage.name, "count": held}
        )
    vacancy_id, pk = stage.vacancy_id, stage.pk
    stage.delete()
    record_event(
        "selection.stage_deleted",
        actor=user,
        organisation=stage.organisation,
        stage=pk,
        vacancy=vacancy_id,
    )


# ---------------------------------------------------------------------------------------------
# Moves
# ---------------------------------------------------------------------------------------------


def check_move(
    progress: ApplicationProgress,
    to_stage: Stage,
    *,
    reason: RejectionReason | None = None,
    language_level: str = "",
    hiring: bool = False,
) -> None:
    """Raise :class:`SelectionError` when this move is not allowed."""
    current = progress.stage
    if to_stage.vacancy_id != progress.vacancy_id:
        raise SelectionError(_("Deze fase hoort bij een andere vacature."))
    if current.kind in END_KINDS:
        raise SelectionError(
            _("Deze sollicitatie is afgerond (%(stage)s). Verplaatsen kan niet meer.")
            % {"stage": current.name}
        )
    if to_stage.pk == current.pk:
        raise SelectionError(_("De sollicitatie staat al in deze fase."))
    if to_stage.kind == StageKind.HIRED and not hiring:
        raise SelectionError(
            _("Aannemen gaat via het aanbod: leg vast dat de kandidaat het aanbod accepteert.")
        )
    if to_stage.kind == StageKind.REJECTED:
        if reason is None:
            raise SelectionError(_("Kies een reden van afwijzing. De kandidaat leest die reden."))
        if reason.organisation_id != progress.organisation_id or not reason.is_active:
            raise SelectionError(_("Kies een reden uit de lijst."))
        if reason.is_language:
            levels = {lr.level for lr in progress.vacancy.language_requirements.all()}
            if not levels:
                raise SelectionError(
                    _("Afwijzen op taal kan niet: deze vacature heeft geen taaleis.")
                )
            if language_level not in levels:
                raise SelectionError(
                    _(
                        "Afwijzen op taal kan alleen op het niveau van een taaleis "
                        "van deze vacature (%(levels)s)."
                    )
                    % {"levels": ", ".join(sorted(levels))}
                )


@transaction.atomic
def move_application(
    progress: ApplicationProgress,
    to_stage: Stage,
    user: Any,
    roles: Iterable[str],
    expected_version: int,
    *,
    reason: RejectionReason | None = None,
    language_level: str = "",
    feedback: str = "",
    notify: bool = True,
    hiring: bool = False,
) -> ApplicationProgress:
    """Move one application to ``to_stage``; refuses a move based on an outdated version."""
    _require(roles, "selection.move")
    fresh = (
        ApplicationProgress.objects.select_for_update()
        .select_related("stage", "vacancy__organisation", "application__candidate")
        .get(pk=progress.pk)
    )
    if fresh.version != expected_version:
        raise StaleProgress(
            _(
                "Iemand anders heeft deze kandidaat net verplaatst (nu in fase ‘%(stage)s’). "
                "Bekijk de nieuwe stand en probeer het opnieuw."
            )
            % {"stage": fresh.stage.name}
        )
    check_move(fresh, to_stage, reason=reason, language_level=language_level, hiring=hiring)
    rejecting = to_stage.kind == StageKind.REJECTED
    furthest = fresh.furthest_order
    if to_stage.kind not in NOT_REACHED_KINDS:
        furthest = max(furthest, to_stage.order)
    updated = ApplicationProgress.objects.filter(pk=fresh.pk, version=expected_version).update(
        stage=to_stage,
        version=F("version") + 1,
        furthest_order=furthest,
        rejection_reason=reason if rejecting else None,
        rejection_language_level=language_level if rejecting and reason else "",
        rejection_feedback=feedback.strip() if rejecting else "",
        moved_at=timezone.now(),
    )
    if updated != 1:  # pragma: no cover - a race between the read and the write
        raise StaleProgress(_("Iemand anders heeft deze kandidaat net verplaatst."))
    from_stage = fresh.stage
    fresh.refresh_from_db()
    record_event(
        "selection.moved",
        actor=user,
        organisation=fresh.vacancy.organisation,
        obj=fresh,
        application=fresh.application_id,
        from_stage=from_stage.pk,
        to_stage=to_stage.pk,
        version=fresh.version,
    )
    if rejecting:
        assert reason is not None
        record_event(
            "selection.rejected",
            actor=user,
            organisation=fresh.vacancy.organisation,
            obj=fresh,
            application=fresh.application_id,
            reason=reason.pk,
        )
    # Cancellations, freed places and the candidate's e-mail: one place (selection.effects).
    after_move(fresh, from_stage, to_stage, notify=notify)
    # Keep the caller's object in step.
    progress.stage, progress.version = fresh.stage, fresh.version
    progress.furthest_order = fresh.furthest_order
    progress.rejection_reason = fresh.rejection_reason
    progress.rejection_language_level = fresh.rejection_language_level
    progress.rejection_feedback = fresh.rejection_feedback
    return fresh


@dataclass
class BulkResult:
    moved: int = 0
    refused: list[tuple[int, str]] = field(default_factory=list)


def bulk_move(
    versions: Mapping[int, int],
    to_stage: Stage,
    user: Any,
    roles: Iterable[str],
    *,
    reason: RejectionReason | None = None,
    language_level: str = "",
    notify: bool = True,
) -> BulkResult:
    """Move several applications (progress id → version seen); each move stands on its own."""
    _require(roles, "selection.move")
    result = BulkResult()
    progresses = ApplicationProgress.objects.filter(
        pk__in=list(versions), vacancy_id=to_stage.vacancy_id
    ).select_related("stage", "vacancy")
    for progress in progresses:
        try:
            move_application(
                progress,
                to_stage,
                user,
                roles,
                versions[progress.pk],
                reason=reason,
                language_level=language_level,
                notify=notify,
            )
        except SelectionError as exc:
            result.refused.append((progress.pk, exc.messages[0]))
        else:
            result.moved += 1
    return result


def candidate_message(progress: ApplicationProgress) -> str:
    """What the candidate reads about their step, in plain words (B1), in one language.

    A shipped reason is translated; an organisation's own reason and HR's tip are Dutch only,
    so in a message in another language they are left to the portal (never mixed in).
    """
    from .journey import feedback_text, reason_text

    text = str(CANDIDATE_STEP_TEXT[StageKind(progress.stage.kind)])
    reason = reason_text(progress)
    feedback = feedback_text(progress)
    if reason is not None and not reason.language:
        text = f"{text} {_('De reden:')} {reason.text}"
    elif reason is not None:
        text = f"{text} {_('De reden lees je op je persoonlijke pagina.')}"
    if feedback is not None and not feedback.language:
        text = f"{text}\n\n{_('Een tip voor de volgende keer:')} {feedback.text}"
    elif feedback is not None:
        text = f"{text}\n\n{_('Op je persoonlijke pagina staat een tip voor de volgende keer.')}"
    return text


# ---------------------------------------------------------------------------------------------
# Blind review
# ---------------------------------------------------------------------------------------------


def identity_hidden(progress: ApplicationProgress, stages: list[Stage]) -> bool:
    """Hidden in a blind stage, and afterwards until someone reveals it on purpose."""
    if progress.stage.is_blind:
        return True
    if progress.identity_revealed_at is not None:
        return False
    return any(s.is_blind for s in stages)


def hidden_identities(vacancy: Vacancy, applications: list[Application]) -> dict[int, str]:
    """{application id: pseudonym} for the candidates whose identity selection hides (a blind
    stage, or after one until someone reveals it): the applications pages must not undo blind
    review for reviewers. The HR adviser, who runs the procedure (contact, questions, requests
    of the candidate), keeps the administrative view (permission ``applications.identity``).
    Registered with ``applications.signals.register_identity_screen``. Reads only."""
    stages = stages_for(vacancy)
    progresses = ApplicationProgress.objects.filter(
        application_id__in=[a.pk for a in applications]
    ).select_related("stage")
    return {p.application_id: p.pseudonym for p in progresses if identity_hidden(p, stages)}


def name_parts(progress: ApplicationProgress) -> list[str]:
    candidate = progress.application.candidate
    return [candidate.name, *candidate.name.split()]


def blind_text(text: str, progress: ApplicationProgress) -> str:
    """The text with names, e-mail, phone, addresses, dates of birth and URLs redacted."""
    if not text:
        return ""
    return redact(text, known_names=[progress.application.candidate.name]).text


@transaction.atomic
def reveal_identity(progress: ApplicationProgress, user: Any, roles: Iterable[str]) -> None:
    """Make the name visible; only in a stage that is not blind. Always audited."""
    _require(roles, "selection.reveal")
    if progress.stage.is_blind:
        raise SelectionError(
            _(
                "In fase ‘%(stage)s’ wordt anoniem beoordeeld. "
                "De naam tonen kan pas in een fase die niet anoniem is."
            )
            % {"stage": progress.stage.name}
        )
    if progress.identity_revealed_at is None:
        progress.identity_revealed_at = timezone.now()
        progress.save(update_fields=["identity_revealed_at"])
    record_event(
        "selection.identity_revealed",
        actor=user,
        organisation=progress.vacancy.organisation,
        obj=progress,
        application=progress.application_id,
        stage=progress.stage_id,
    )


# ---------------------------------------------------------------------------------------------
# Scorecards
# ---------------------------------------------------------------------------------------------


def scorecard_rows(vacancy: Vacancy) -> list[Requirement]:
    return list(vacancy.requirements.select_related("skill").all())


def anchors_for(vacancy: Vacancy) -> dict[int, str]:
    ensure_pipeline(vacancy)
    return {a.level: a.text for a in ScaleAnchor.objects.filter(vacancy=vacancy)}


@transaction.atomic
def set_anchors(vacancy: Vacancy, texts: Mapping[int, str], *, user: Any) -> None:
    ensure_pipeline(vacancy)
    for level, text in texts.items():
        if level not in DEFAULT_ANCHORS or not text.strip():
            raise SelectionError(_("Vul voor elke score van 1 tot en met 4 een tekst in."))
        ScaleAnchor.objects.update_or_create(
            vacancy=vacancy,
            level=level,
            defaults={"text": text.strip(), "organisation_id": vacancy.organisation_id},
        )
    record_event(
        "selection.anchors_changed",
        actor=user,
        organisation=vacancy.organisation,
        obj=vacancy,
        vacancy=vacancy.pk,
    )


def _check_scores(rows: list[Requirement], scores: Mapping[int, Any]) -> dict[int, int]:
    clean: dict[int, int] = {}
    for row in rows:
        value = scores.get(row.pk)
        try:
            number = int(value)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            raise SelectionError(_("Geef een score voor ‘%(row)s’.") % {"row": row.label}) from None
        if not SCORE_MIN <= number <= SCORE_MAX:
            raise SelectionError(
                _("De score voor ‘%(row)s’ moet 1, 2, 3 of 4 zijn.") % {"row": row.label}
            )
        clean[row.pk] = number
    return clean


@transaction.atomic
def submit_scorecard(
    progress: ApplicationProgress,
    user: Any,
    roles: Iterable[str],
    *,
    recommendation: str,
    notes: str = "",
    scores: Mapping[int, Any],
) -> Scorecard:
    _require(roles, "selection.score")
    if progress.stage.kind in END_KINDS:
        raise SelectionError(_("Deze sollicitatie is afgerond; beoordelen kan niet meer."))
    if recommendation not in Recommendation.values:
        raise SelectionError(_("Kies een advies."))
    if Scorecard.objects.filter(progress=progress, stage=progress.stage, reviewer=user).exists():
        raise SelectionError(_("U heeft deze kandidaat in deze fase al beoordeeld."))
    clean = _check_scores(scorecard_rows(progress.vacancy), scores)
    card = Scorecard.objects.create(
        organisation_id=progress.organisation_id,
        progress=progress,
        stage=progress.stage,
        reviewer=user,
        recommendation=recommendation,
        notes=notes.strip(),
    )
    Score.objects.bulk_create(
        Score(scorecard=card, requirement_id=pk, value=value) for pk, value in clean.items()
    )
    record_event(
        "selection.scorecard_submitted",
        actor=user,
        organisation=progress.vacancy.organisation,
        obj=progress,
        scorecard=card.pk,
        application=progress.application_id,
        rows=len(clean),
    )
    return card


def has_submitted(progress: ApplicationProgress, user: Any) -> bool:
    return Scorecard.objects.filter(progress=progress, reviewer=user).exists()


@dataclass
class RowSummary:
    label: str
    values: list[int]
    low: int
    high: int
    mean: float
    disagreement: bool


def score_summary(progress: ApplicationProgress, user: Any) -> list[RowSummary] | None:
    """The spread per row over all submitted scorecards; None until ``user`` submitted one."""
    if not has_submitted(progress, user):
        return None
    by_row: dict[int, list[int]] = {}
    labels: dict[int, str] = {}
    for score in Score.objects.filter(scorecard__progress=progress).select_related(
        "requirement__skill"
    ):
        by_row.setdefault(score.requirement_id, []).append(score.value)
        labels[score.requirement_id] = score.requirement.label
    rows = []
    for pk, values in by_row.items():
        low, high = min(values), max(values)
        rows.append(
            RowSummary(
                label=labels[pk],
                values=values,
                low=low,
                high=high,
                mean=round(sum(values) / len(values), 1),
                disagreement=high - low >= DISAGREEMENT_POINTS,
            )
        )
    return rows


def visible_scorecards(progress: ApplicationProgress, user: Any) -> list[Scorecard]:
    """Others' scorecards only after ``user`` submitted their own."""
    cards = Scorecard.objects.filter(progress=progress).select_related("reviewer", "stage")
    if not has_submitted(progress, user):
        return list(cards.filter(reviewer=user))
    return list(cards.prefetch_related("scores__requirement__skill"))


# ---------------------------------------------------------------------------------------------
# Work samples (always blind)
# ---------------------------------------------------------------------------------------------


def rubric_rows(vacancy: Vacancy) -> list[Requirement]:
    rows = scorecard_rows(vacancy)
    sample_rows = [r for r in rows if "work_sample" in (r.evidence or [])]
    return sample_rows or rows


@transaction.atomic
def grade_work_sample(
    submission: WorkSampleSubmission,
    user: Any,
    roles: Iterable[str],
    *,
    scores: Mapping[int, Any],
    notes: str = "",
) -> WorkSampleGrade:
    _require(roles, "selection.score")
    if WorkSampleGrade.objects.filter(submission=submission, reviewer=user).exists():
        raise SelectionError(_("U heeft deze opdracht al beoordeeld."))
    vacancy = submission.application.vacancy
    clean = _check_scores(rubric_rows(vacancy), scores)
    grade = WorkSampleGrade.objects.create(
        organisation_id=vacancy.organisation_id,
        submission=submission,
        reviewer=user,
        scores={str(k): v for k, v in clean.items()},
        notes=notes.strip(),
    )
    record_event(
        "selection.work_sample_graded",
        actor=user,
        organisation=vacancy.organisation,
        obj=submission.application,
        submission=submission.pk,
        grade=grade.pk,
    )
    return grade


# ---------------------------------------------------------------------------------------------
# Offer and hire
# ---------------------------------------------------------------------------------------------


@transaction.atomic
def make_offer(
    progress: ApplicationProgress,
    user: Any,
    roles: Iterable[str],
    *,
    salary_scale: SalaryScale,
    step: int,
    start_date: date,
    hours: int,
    contract_type: str,
) -> Offer:
    """Record the offer and move the application to the offer stage (if not there yet)."""
    _require(roles, "selection.offer")
    stages = ensure_pipeline(progress.vacancy)
    offer_stage = next(s for s in stages if s.kind == StageKind.OFFER)
    if hasattr(progress, "offer"):
        raise SelectionError(_("Voor deze sollicitatie is al een aanbod gedaan."))
    vacancy = progress.vacancy
    low, high = vacancy.scale_min, vacancy.scale_max or vacancy.scale_min
    if low and not low <= salary_scale.scale <= (high or low):
        raise SelectionError(
            _("Kies een schaal van de vacature: schaal %(low)s tot en met %(high)s.")
            % {"low": low, "high": high}
        )
    if not 0 <= int(step) <= MAX_SALARY_STEP:
        raise SelectionError(_("De trede moet tussen 0 en 15 liggen."))
    if not 1 <= int(hours) <= 40:
        raise SelectionError(_("Het aantal uren moet tussen 1 en 40 liggen."))
    if start_date < timezone.localdate():
        raise SelectionError(_("De eerste werkdag ligt in het verleden. Kies een latere datum."))
    if progress.stage_id != offer_stage.pk:
        move_application(progress, offer_stage, user, roles, progress.version, notify=True)
    offer = Offer.objects.create(
        organisation_id=progress.organisation_id,
        progress=progress,
        salary_scale=salary_scale,
        step=step,
        start_date=start_date,
        hours=hours,
        contract_type=contract_type,
        created_by=user,
    )
    record_event(
        "selection.offer_made",
        actor=user,
        organisation=vacancy.organisation,
        obj=progress,
        offer=offer.pk,
        application=progress.application_id,
    )
    return offer


@transaction.atomic
def accept_offer(
    offer: Offer,
    user: Any,
    roles: Iterable[str],
    *,
    right_to_work: bool | None,
    buddy: Any = None,
    language_coach: Any = None,
) -> Any:
    """The candidate said yes: record the right-to-work check, hire, start the onboarding plan.

    Onboarding starts the plan (the registered :mod:`talentbrug.selection.hire` handler); it
    carries everything promised (:mod:`talentbrug.onboarding.handover`), and a hire through a
    BBL place or internship fills that place.
    """
    OFFER_FLOW.check(offer, "accept", roles=roles)
    if right_to_work is None:
        raise SelectionError(_("Geef aan of de kandidaat in Nederland mag werken: ja of nee."))
    if not right_to_work:
        raise SelectionError(
            _(
                "De kandidaat mag (nog) niet in Nederland werken. Aannemen kan pas als dat wel mag. "
                "Neem contact op met de kandidaat."
            )
        )
    progress = offer.progress
    stages = ensure_pipeline(progress.vacancy)
    hired = next(s for s in stages if s.kind == StageKind.HIRED)
    move_application(progress, hired, user, roles, progress.version, hiring=True)
    offer.status = OfferStatus.ACCEPTED
    offer.right_to_work_checked = True
    offer.decided_at = timezone.now()
    offer.save(update_fields=["status", "right_to_work_checked", "decided_at"])

    plan = hire.handler().start(offer, user, buddy=buddy, language_coach=language_coach)
    record_event(
        "selection.hired",
        actor=user,
        organisation=progress.vacancy.organisation,
        obj=progress,
        application=progress.application_id,
        right_to_work=True,
        plan=plan.pk,
    )
    return plan


@transaction.atomic
def decline_offer(offer: Offer, user: Any, roles: Iterable[str]) -> None:
    """The candidate said no: the application ends as 'Teruggetrokken'."""
    OFFER_FLOW.check(offer, "decline", roles=roles)
    progress = offer.progress
    withdrawn = next(s for s in ensure_pipeline(progress.vacancy) if s.kind == StageKind.WITHDRAWN)
    move_application(progress, withdrawn, user, roles, progress.version, notify=False)
    offer.status = OfferStatus.DECLINED
    offer.decided_at = timezone.now()
    offer.save(update_fields=["status", "decided_at"])
    record_event(
        "selection.offer_declined",
        actor=user,
        organisation=progress.vacancy.organisation,
        obj=progress,
        offer=offer.pk,
    )


# ---------------------------------------------------------------------------------------------
# Board, list, attention
# ---------------------------------------------------------------------------------------------


def board_progress(vacancy: Vacancy) -> Any:
    """All progress rows of a vacancy with what the board shows, oldest application first.

    No per-row aggregate here (a COUNT over scorecards grouped every row of the vacancy by all
    its columns): ``with_scorecard_counts`` counts for the rows actually shown.
    """
    return (
        ApplicationProgress.objects.filter(vacancy=vacancy)
        .select_related("stage", "application__candidate")
        .order_by("application__submitted_at", "pk")
    )


def column_totals(progress_rows: Any) -> dict[int, int]:
    """{stage id: number of rows} in one query."""
    rows = progress_rows.order_by().values_list("stage_id").annotate(n=Count("pk"))
    return dict(rows)


def first_per_column(
    progress_rows: Any, limit: int, *, more_stage: int | None = None, more_limit: int = 0
) -> list[ApplicationProgress]:
    """The first ``limit`` rows of every stage (``more_limit`` for ``more_stage``), one query.

    A window function numbers the rows per stage, so the board reads at most a few hundred rows
    however many applications the vacancy has.
    """
    from django.db.models import Q, Window
    from django.db.models.functions import RowNumber

    ranked = progress_rows.annotate(
        position=Window(
            RowNumber(),
            partition_by=[F("stage_id")],
            order_by=[F("application__submitted_at").asc(), F("pk").asc()],
        )
    )
    keep = Q(position__lte=limit)
    if more_stage is not None:
        keep |= Q(stage_id=more_stage, position__lte=max(limit, more_limit))
    return with_scorecard_counts(list(ranked.filter(keep)))


def with_scorecard_counts(progresses: list[ApplicationProgress]) -> list[ApplicationProgress]:
    """Set ``scorecard_count`` on each row, with one query for all of them."""
    counts = dict(
        Scorecard.objects.filter(progress__in=[p.pk for p in progresses])
        .values_list("progress_id")
        .annotate(n=Count("pk"))
    )
    for progress in progresses:
        progress.scorecard_count = counts.get(progress.pk, 0)  # type: ignore[attr-defined]
    return progresses


def waiting_in_new(organisation: Any) -> int:
    if organisation is None:
        return 0
    started = ApplicationProgress.objects.filter(
        organisation=organisation, stage__kind=StageKind.NEW
    ).count()
    not_started = (
        Application.objects.filter(organisation=organisation, progress__isnull=True)
        .exclude(status="withdrawn")
        .count()
    )
    return started + not_started


def move_targets(stages: list[Stage], progress: ApplicationProgress) -> list[Stage]:
    """Stages a user may pick for this application on the board (hire goes via the offer)."""
    if progress.stage.kind in END_KINDS:
        return []
    return [s for s in stages if s.pk != progress.stage_id and s.kind != StageKind.HIRED]


# ---------------------------------------------------------------------------------------------
# Rejection reasons (the organisation's configurable list)
# ---------------------------------------------------------------------------------------------


@transaction.atomic
def add_reason(
    organisation: Any, *, label: str, candidate_text: str, is_language: bool, user: Any
) -> RejectionReason:
    if not label.strip() or not candidate_text.strip():
        raise SelectionError(_("Vul de reden en de tekst voor de kandidaat in."))
    reasons = ensure_reasons(organisation)
    reason = RejectionReason.objects.create(
        organisation=organisation,
        label=label.strip(),
        candidate_text=candidate_text.strip(),
        is_language=is_language,
        order=len(reasons) + 1,
    )
    record_event(
        "selection.reason_changed",
        actor=user,
        organisation=organisation,
        obj=reason,
        reason=reason.pk,
        is_active=True,
    )
    return reason


@transaction.atomic
def set_reason_active(reason: RejectionReason, *, is_active: bool, user: Any) -> None:
    reason.is_active = is_active
    reason.save(update_fields=["is_active"])
    record_event(
        "selection.reason_changed",
        actor=user,
        organisation=reason.organisation,
        obj=reason,
        reason=reason.pk,
        is_active=is_active,
    )


def candidate_step(application: Application) -> str:
    """For the candidate portal: the plain-words text of the application's current step."""
    progress = (
        ApplicationProgress.objects.select_related("stage", "rejection_reason")
        .filter(application=application)
        .first()
    )
    if progress is None:
        return str(CANDIDATE_STEP_TEXT[StageKind.NEW])
    return candidate_message(progress)


def queue_stage_email(progress: ApplicationProgress) -> None:
    """Put the candidate's e-mail about their new step in the outbox (current transaction).

    A newer step replaces a mail about an older step that has not gone out yet.
    """

    message = build_stage_email(progress)
    if message is None:
        return
    mail = queue_mail(
        message,
        kind="selection.stage_changed",
        organisation=progress.vacancy.organisation,
        candidate=progress.application.candidate,
        supersede_key=stage_mail_key(progress),
    )
    history.record_mail(progress, message, mail)
