"""Selection and onboarding history for ``seed_scale``: what happened to every application.

``seed_scale`` inserts applications without ``Application.save`` (so no receiver gives them a
place in the pipeline). This module gives every such application its place and its past, in
bulk (plain multi-row inserts, no per-row signals or services), the way the product writes it:

* the vacancy's stages, copied from the organisation's template as
  :func:`talentbrug.selection.services.pipeline.ensure_pipeline` does (with its audit event);
* one ``ApplicationProgress`` per application (as
  :func:`talentbrug.selection.services.pipeline.start_progress_in_bulk` makes it, but placed where its
  history ended: still in a stage, hired, rejected or withdrawn);
* the selection's log of moves (``selection.moved`` audit events, backdated, as
  ``move_application`` writes them), from which Insights reads time in each stage;
* offers (accepted, declined or still open) and, for every hire whose first day has come,
  an onboarding plan with weekly check-ins, 'verbazingen' and the obstacle questionnaire.

Funnel: an application reaches each next stage with a chance (a little lower for a foreign or
missing education, as in the demo), with days per stage drawn per stage kind; a step that would
lie in the future is not taken (the application is still in that stage). An application that
stood still for more than 30 days without reaching the hire is rejected. The same seed gives the
same history.
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone

FUNNEL = ("new", "screening", "assessment", "interview", "offer", "hired")
# Chance to reach the next stage from new, screening, assessment, interview, offer.
CHANCES = {
    "": (0.6, 0.45, 0.5, 0.3, 0.78),
    "foreign": (0.55, 0.4, 0.45, 0.27, 0.74),
    "none": (0.5, 0.38, 0.45, 0.25, 0.72),
}
STAGE_DAYS = {
    "new": (1, 9),
    "screening": (3, 14),
    "assessment": (4, 18),
    "interview": (3, 12),
    "offer": (2, 9),
}
STALE_DAYS = 30
CHUNK = 20_000
FOREIGN_SOURCES = {"idw_received", "idw_requested", "indication"}
SURPRISES = [
    ("Iedereen gebruikt afkortingen die ik niet ken", "taal"),
    ("Vergaderingen beginnen precies op tijd", "tijd"),
    ("Je zegt je leidinggevende gewoon 'je'", "hierarchie"),
    ("Over alles wordt lang overlegd", "samenwerken"),
    ("Ik moest drie weken wachten op mijn accounts", "systemen"),
    ("Om vijf uur is iedereen weg", "balans"),
]
OBSTACLE_CHANCES = {"guidance": 0.28, "language": 0.31, "culture": 0.49}


@dataclass
class Story:
    """What happened to one application: the stages it passed, with the moment of each move."""

    application_id: int
    organisation_id: int
    vacancy_id: int
    candidate_id: int
    moves: list[tuple[str, str, datetime]]  # (from kind, to kind, when)
    final: str
    furthest: str
    offer: tuple[str, datetime, datetime | None] | None = None  # (status, made, decided)


def education_groups(candidate_ids: list[int] | None = None) -> dict[int, str]:
    """'foreign' (an education from abroad or under evaluation), '' (a Dutch one) or 'none'."""
    from talentbrug.applications.models import Education

    groups: dict[int, str] = {}
    rows = Education.objects.all()
    if candidate_ids is not None:
        rows = rows.filter(candidate_id__in=candidate_ids)
    for candidate_id, source in rows.values_list("candidate_id", "level_source").iterator(
        chunk_size=10_000
    ):
        if source in FOREIGN_SOURCES:
            groups[candidate_id] = "foreign"
        else:
            groups.setdefault(candidate_id, "")
    return groups


def story(
    rng: random.Random,
    application: tuple[int, int, int, int, str, datetime, datetime | None],
    group: str,
    now: datetime,
) -> Story:
    """The history of one application (pure: the same draws give the same story)."""
    pk, organisation_id, vacancy_id, candidate_id, status, submitted, withdrawn_at = application
    chances = CHANCES.get(group, CHANCES[""])
    reach = 0
    for chance in chances:
        if rng.random() > chance:
            break
        reach += 1
    withdrawn = status == "withdrawn"
    if withdrawn:  # a withdrawal happens before the hire
        reach = min(reach, rng.randint(0, 4))
    moves: list[tuple[str, str, datetime]] = []
    moment = submitted
    kind = FUNNEL[0]
    offer: tuple[str, datetime, datetime | None] | None = None
    for index in range(1, reach + 1):
        low, high = STAGE_DAYS[kind]
        step = moment + timedelta(days=rng.randint(low, high), hours=rng.randint(0, 8))
        if step > now or (withdrawn and withdrawn_at and step >= withdrawn_at):
            break
        moves.append((kind, FUNNEL[index], step))
        moment, kind = step, FUNNEL[index]
        if kind == "offer":
            offer = ("made", step, None)
        if kind == "hired" and offer is not None:
            offer = ("accepted", offer[1], step)
    furthest = kind
    final = kind
    if withdrawn:
        when = max(moment + timedelta(minutes=5), withdrawn_at or moment)
        moves.append((kind, "withdrawn", min(when, now)))
        final = "withdrawn"
    elif kind != "hired" and moment + timedelta(days=STALE_DAYS) < now:
        low, high = STAGE_DAYS[kind]
        when = moment + timedelta(days=rng.randint(low, high + STALE_DAYS))
        moves.append((kind, "rejected", min(when, now)))
        final = "rejected"
    if offer is not None and offer[0] == "made" and final in ("rejected", "withdrawn"):
        offer = ("declined", offer[1], moves[-1][2])
    return Story(pk, organisation_id, vacancy_id, candidate_id, moves, final, furthest, offer)


# ------------------------------------------------------------------------------------ writing


def make_pipelines(vacancy_ids: list[int]) -> dict[int, dict[str, tuple[int, int]]]:
    """Stages for the vacancies without any, as ``ensure_pipeline`` makes them, in bulk.

    Returns per vacancy {stage kind: (stage pk, order)}."""
    from django.contrib.contenttypes.models import ContentType

    from talentbrug.audit.models import AuditEvent
    from talentbrug.selection.constants import DEFAULT_ANCHORS
    from talentbrug.selection.models import ScaleAnchor, Stage
    from talentbrug.selection.services.pipeline import ensure_template
    from talentbrug.vacancies.models import Vacancy

    with_stages = set(
        Stage.objects.filter(vacancy_id__in=vacancy_ids).values_list("vacancy_id", flat=True)
    )
    organisation_of = dict(
        Vacancy.objects.filter(pk__in=vacancy_ids).values_list("pk", "organisation_id")
    )
    missing = [pk for pk in vacancy_ids if pk not in with_stages]
    templates: dict[int, list[Any]] = {}
    stages, anchors, events = [], [], []
    vacancy_type = ContentType.objects.get_for_model(Vacancy)
    now = timezone.now()
    for pk in missing:
        organisation_id = organisation_of[pk]
        if organisation_id not in templates:
            from talentbrug.accounts.models import Organisation

            templates[organisation_id] = ensure_template(Organisation(pk=organisation_id))
        template = templates[organisation_id]
        stages += [
            Stage(
                organisation_id=organisation_id,
                vacancy_id=pk,
                name=t.name,
                kind=t.kind,
                order=t.order,
                is_blind=t.is_blind,
            )
            for t in template
        ]
        anchors += [
            ScaleAnchor(organisation_id=organisation_id, vacancy_id=pk, level=level, text=str(text))
            for level, text in DEFAULT_ANCHORS.items()
        ]
        events.append(
            AuditEvent(
                created_at=now,
                event_type="selection.pipeline_created",
                actor_label="systeem",
                organisation_id=organisation_id,
                object_type=vacancy_type,
                object_id=str(pk),
                data={"vacancy": pk, "count": len(template)},
            )
        )
    Stage.objects.bulk_create(stages, batch_size=2000)
    ScaleAnchor.objects.bulk_create(anchors, batch_size=2000)
    AuditEvent.objects.bulk_create(events, batch_size=2000)
    found: dict[int, dict[str, tuple[int, int]]] = {}
    for pk, vacancy_id, kind, order in (
        Stage.objects.filter(vacancy_id__in=vacancy_ids)
        .order_by("vacancy_id", "order", "pk")
        .values_list("pk", "vacancy_id", "kind", "order")
        .iterator(chunk_size=10_000)
    ):
        found.setdefault(vacancy_id, {}).setdefault(kind, (pk, order))
    return found


def _at_midnight(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, datetime.min.time()))


def seed_history(
    insert: Callable[[Any, list[str]], Any],
    *,
    seed: int = 1,
    now: datetime | None = None,
    timed: Callable[[str, Callable[[], Any]], Any] | None = None,
) -> dict[str, int]:
    """Give every application without a place in the pipeline its history (see the module).

    ``insert(model, fields)`` returns an object with ``rows(list of tuples)`` (seed_scale's
    plain multi-row insert). Returns counts per kind of row."""
    from django.contrib.contenttypes.models import ContentType

    from talentbrug.applications.models import Application
    from talentbrug.audit.models import AuditEvent
    from talentbrug.selection.models import ApplicationProgress, Offer
    from talentbrug.vacancies.models import SalaryScale

    now = now or timezone.now()
    rng = random.Random(f"selection-history-{seed}")
    run = timed or (lambda _part, fn: fn())
    counts: Counter[str] = Counter()
    waiting = Application.objects.filter(progress__isnull=True, candidate__isnull=False)
    vacancy_ids = sorted(set(waiting.values_list("vacancy_id", flat=True)))
    stages = run("stages", lambda: make_pipelines(vacancy_ids))
    groups = run("education groups", lambda: education_groups())
    scale, _made = SalaryScale.objects.get_or_create(
        year=timezone.localdate().year,
        scale=7,
        defaults={"minimum": 2750, "maximum": 3950},
    )
    progress_type = ContentType.objects.get_for_model(ApplicationProgress)
    progress_insert = insert(
        ApplicationProgress,
        [
            "organisation_id",
            "application_id",
            "vacancy_id",
            "stage_id",
            "furthest_order",
            "version",
            "moved_at",
        ],
    )
    event_insert = insert(
        AuditEvent,
        [
            "created_at",
            "event_type",
            "actor_label",
            "organisation_id",
            "object_type_id",
            "object_id",
            "data",
        ],
    )
    offer_insert = insert(
        Offer,
        [
            "organisation_id",
            "progress_id",
            "salary_scale_id",
            "step",
            "start_date",
            "hours",
            "contract_type",
            "status",
            "created_at",
            "decided_at",
        ],
    )
    rows = waiting.order_by("pk").values_list(
        "pk",
        "organisation_id",
        "vacancy_id",
        "candidate_id",
        "status",
        "submitted_at",
        "withdrawn_at",
    )
    applications = list(rows.iterator(chunk_size=10_000))
    for start in range(0, len(applications), CHUNK):
        chunk = applications[start : start + CHUNK]
        stories = [
            story(rng, application, groups.get(application[3], "none"), now)
            for application in chunk
            if application[5] is not None
        ]
        with transaction.atomic():
            progress_rows = []
            for s in stories:
                kinds = stages[s.vacancy_id]
                moved = s.moves[-1][2] if s.moves else now
                progress_rows.append(
                    (
                        s.organisation_id,
                        s.application_id,
                        s.vacancy_id,
                        kinds[s.final][0],
                        kinds[s.furthest][1],
                        len(s.moves) + 1,
                        moved,
                    )
                )
            progress_insert.rows(progress_rows)
            placed = dict(
                ApplicationProgress.objects.filter(
                    application_id__gte=chunk[0][0], application_id__lte=chunk[-1][0]
                ).values_list("application_id", "pk")
            )
            events, offers = [], []
            for s in stories:
                kinds, progress = stages[s.vacancy_id], placed[s.application_id]
                for before, after, when in s.moves:
                    events.append(
                        (
                            when,
                            "selection.moved",
                            "schaal",
                            s.organisation_id,
                            progress_type.pk,
                            str(progress),
                            {
                                "application": s.application_id,
                                "from_stage": kinds[before][0],
                                "to_stage": kinds[after][0],
                            },
                        )
                    )
                if s.offer is not None:
                    status, made, decided = s.offer
                    first_day = (made + timedelta(days=rng.randint(30, 60))).date()
                    offers.append(
                        (
                            s.organisation_id,
                            progress,
                            scale.pk,
                            2,
                            first_day,
                            36,
                            "temporary",
                            status,
                            made,
                            decided,
                        )
                    )
            event_insert.rows(events)
            offer_insert.rows(offers)
        counts["progress"] += len(progress_rows)
        counts["moves"] += len(events)
        counts["offers"] += len(offers)
    # From the database (not from this run's memory), so an interrupted run can be resumed.
    counts.update(run("onboarding", lambda: _onboarding(insert, rng, now)))
    counts.update(run("voluntary answers", lambda: _voluntary(insert, rng, groups)))
    return dict(counts)


def _onboarding(
    insert: Callable[[Any, list[str]], Any], rng: random.Random, now: datetime
) -> Counter[str]:
    """A plan for every hire (an accepted offer without a plan) whose first day is near, with
    check-ins, verbazingen and the obstacle questionnaire (about two in three fill it in)."""
    from talentbrug.applications.models import Application
    from talentbrug.onboarding.constants import PlanStatus
    from talentbrug.onboarding.models import CheckIn, ObstacleSurvey, OnboardingPlan, Surprise
    from talentbrug.onboarding.services.obstacles import obstacle_survey_window
    from talentbrug.selection.models import Offer

    today = timezone.localdate(now)
    planned = OnboardingPlan.objects.filter(application__isnull=False).values("application_id")
    hires = list(
        Offer.objects.filter(status="accepted")
        .exclude(progress__application_id__in=planned)
        .order_by("pk")
        .values_list(
            "progress__application_id", "organisation_id", "progress__vacancy_id", "created_at"
        )
    )
    people = {
        pk: (name, email, title)
        for pk, name, email, title in Application.objects.filter(
            pk__in=[h[0] for h in hires]
        ).values_list("pk", "candidate__name", "candidate__email", "vacancy__title")
    }
    plans = []
    for application_id, organisation_id, _vacancy_id, made in hires:
        start = (made + timedelta(days=rng.randint(30, 45))).date()
        if start > today + timedelta(days=20):
            continue
        stopped = rng.random() < 0.15
        if stopped:
            status = PlanStatus.STOPPED
        elif start > today:
            status = PlanStatus.PLANNED
        elif start > today - timedelta(days=120):
            status = PlanStatus.ACTIVE
        else:
            status = PlanStatus.COMPLETED
        changed = now
        if stopped:
            changed = min(now, _at_midnight(start) + timedelta(days=rng.randint(30, 240)))
        name, email, title = people[application_id]
        plans.append(
            (
                organisation_id,
                application_id,
                name,
                email,
                title[:200],
                start,
                status,
                made,
                changed,
            )
        )
    with transaction.atomic():
        insert(
            OnboardingPlan,
            [
                "organisation_id",
                "application_id",
                "name",
                "email",
                "job_title",
                "start_date",
                "status",
                "created_at",
                "updated_at",
            ],
        ).rows(plans)
        made_plans = list(
            OnboardingPlan.objects.filter(application_id__in=[p[1] for p in plans]).order_by("pk")
        )
        checkins, surprises, surveys = [], [], []
        for plan in made_plans:
            monday = plan.start_date - timedelta(days=plan.start_date.weekday())
            mood = rng.choice([3, 4, 4, 5])
            for week in range(rng.randint(4, 10)):
                day = monday + timedelta(weeks=week)
                if day > today:
                    break
                mood = max(1, min(5, mood + rng.choice([-1, 0, 0, 1])))
                done = min(now, _at_midnight(day) + timedelta(days=rng.randint(0, 4), hours=10))
                checkins.append((plan.pk, day, mood, done))
            if plan.start_date <= today:
                for position, (text, theme) in enumerate(rng.sample(SURPRISES, rng.randint(0, 3))):
                    written = _at_midnight(plan.start_date + timedelta(days=rng.randint(3, 20)))
                    surprises.append((plan.pk, position + 1, text, theme, min(now, written)))
            for moment in ("3", "6"):
                first, _last = obstacle_survey_window(plan, moment)
                if first > today or plan.status == PlanStatus.STOPPED or rng.random() > 0.65:
                    continue
                chosen = [k for k, chance in OBSTACLE_CHANCES.items() if rng.random() < chance]
                answered = _at_midnight(first + timedelta(days=rng.randint(0, 20)))
                surveys.append((plan.pk, moment, chosen, min(now, answered)))
        insert(CheckIn, ["plan_id", "week_start", "mood", "submitted_at"]).rows(checkins)
        insert(Surprise, ["plan_id", "position", "text", "theme", "submitted_at"]).rows(surprises)
        insert(ObstacleSurvey, ["plan_id", "moment", "obstacles", "submitted_at"]).rows(surveys)
    return Counter(
        plans=len(plans), checkins=len(checkins), surprises=len(surprises), surveys=len(surveys)
    )


def _voluntary(
    insert: Callable[[Any, list[str]], Any], rng: random.Random, groups: dict[int, str]
) -> Counter[str]:
    """The voluntary form in every other organisation (the ones without a setting yet);
    about 45 % of their applications answer, and only some questions."""
    from talentbrug.accounts.models import Organisation
    from talentbrug.applications.models import Application
    from talentbrug.assessments.models import DiversityResponse, DiversitySetting

    decided = set(DiversitySetting.objects.values_list("organisation_id", flat=True))
    organisations = Organisation.objects.filter(is_active=True).order_by("pk")
    asking = [pk for pk in organisations.values_list("pk", flat=True)[::2] if pk not in decided]
    DiversitySetting.objects.bulk_create(
        [DiversitySetting(organisation_id=pk, enabled=True) for pk in asking]
    )
    answers = []
    applications = (
        Application.objects.filter(organisation_id__in=asking, submitted_at__isnull=False)
        .order_by("pk")
        .values_list("pk", "organisation_id", "candidate_id", "submitted_at")
    )
    for pk, organisation_id, candidate_id, submitted in applications.iterator(chunk_size=10_000):
        if rng.random() > 0.45:
            continue
        foreign = groups.get(candidate_id) == "foreign"
        answers.append(
            (
                organisation_id,
                pk,
                rng.choice(["woman", "man", "man", "not_said"]),
                rng.choice(["self", "self", "parent", "no", "not_said"])
                if foreign
                else rng.choice(["parent", "no", "no", "no", "not_said"]),
                rng.choice(["yes", "yes", "no", "not_said"])
                if foreign
                else rng.choice(["no", "no", "no", "not_said"]),
                submitted,
            )
        )
    with transaction.atomic():
        insert(
            DiversityResponse,
            [
                "organisation_id",
                "application_id",
                "gender",
                "born_abroad",
                "refugee",
                "answered_at",
            ],
        ).rows(answers)
    return Counter(voluntary_answers=len(answers))
