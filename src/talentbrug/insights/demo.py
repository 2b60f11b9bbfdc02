"""Demo history for Insights: 18 months of vacancies, applications, selection, offers and
onboarding across the demo organisations, so the programme team's rijksbreed view shows
believable figures. Bulk inserts only (a few seconds); the same data every time."""

from __future__ import annotations

import itertools
import random
import uuid
from datetime import timedelta
from typing import Any

from django.utils import timezone

from talentbrug.accounts.models import Organisation
from talentbrug.applications.models import Education, LanguageProficiency
from talentbrug.assessments.models import DiversityResponse, DiversitySetting
from talentbrug.onboarding.constants import PlanStatus
from talentbrug.onboarding.models import CheckIn, OnboardingPlan, Surprise
from talentbrug.publishing.models import Channel
from talentbrug.selection.models import ApplicationProgress, Offer
from talentbrug.selection.services.pipeline import ensure_pipeline
from talentbrug.vacancies.constants import (
    Evidence,
    RequirementKind,
    VacancyStatus,
    Vakgebied,
    WerkDenkniveau,
)
from talentbrug.vacancies.models import Requirement, SalaryScale, Vacancy

VACANCIES_PER_ORGANISATION = 16
TITLES = [
    ("Servicedeskmedewerker ICT", "mbo"),
    ("Werkplekbeheerder", "mbo"),
    ("Junior netwerkbeheerder", "mbo"),
    ("Medewerker informatiebeheer", "mbo"),
    ("Applicatiebeheerder", "hbo"),
    ("Testanalist", "hbo"),
    ("Junior developer", "hbo"),
    ("Medewerker datakwaliteit", "mbo"),
]
# Texts with and without wording that the vacancy check flags, so findings per rule show up.
REQUIREMENTS = [
    "<p>Je hebt een mbo-opleiding ICT gedaan, of je hebt vergelijkbare ervaring.</p>",
    "<p>Je bent een native speaker Nederlands en je past in ons jonge, dynamische team.</p>",
    "<p>Je hebt minimaal 5 jaar ervaring en je bent stressbestendig.</p>",
    "<p>Je legt dingen rustig en duidelijk uit. Je leert graag nieuwe dingen.</p>",
]
CHANNELS = [
    ("Werken voor Nederland", "job_board"),
    ("ROC-vacaturebank", "mbo_school"),
    ("VluchtelingenWerk", "refugee_org"),
    ("LinkedIn", "social"),
]
LANGUAGES = ["nl"] * 14 + ["en"] * 3 + ["ar"] * 2 + ["tr", "ti", "fa"]
ROUTES = ["cv"] * 6 + ["no_cv"] * 3 + ["video", "work_sample", "recruitment_day", "recruitment_day"]
SURPRISES = [
    ("Iedereen gebruikt afkortingen die ik niet ken", "taal"),
    ("Vergaderingen beginnen precies op tijd", "tijd"),
    ("Je zegt je leidinggevende gewoon 'je'", "hierarchie"),
    ("Over alles wordt lang overlegd", "samenwerken"),
    ("Ik moest drie weken wachten op mijn accounts", "systemen"),
    ("Om vijf uur is iedereen weg", "balans"),
]
FUNNEL = ["new", "screening", "assessment", "interview", "offer", "hired"]


def _education(rng: random.Random, candidate: Any) -> tuple[str, list[Any]]:

    group = rng.choices(["mbo", "hbo", "foreign", "none"], weights=[45, 20, 22, 13])[0]
    rows: list[Any] = []
    if group == "mbo":
        rows.append(
            Education(
                candidate=candidate,
                programme="Expert IT systems and devices",
                country="Nederland",
                level="4",
                mbo_level=rng.choice([3, 4]),
            )
        )
    elif group == "hbo":
        rows.append(
            Education(candidate=candidate, programme="HBO-ICT", country="Nederland", level="6")
        )
    elif group == "foreign":
        rows.append(
            Education(
                candidate=candidate,
                programme="Computer Engineering",
                country=rng.choice(["Syrië", "Eritrea", "Turkije", "Iran", "Oekraïne"]),
                level="6",
            )
        )
    level = (
        rng.choice(["A2", "B1", "B1", "B2"])
        if group == "foreign"
        else rng.choice(["B2", "C1", "C2"])
    )
    rows.append(
        LanguageProficiency(candidate=candidate, language="nl", skill="speaking", level=level)
    )
    return group, rows


def _furthest(rng: random.Random, group: str) -> int:
    """How far an application gets: a funnel, a little narrower for some groups."""
    index = 0
    chances = [0.8, 0.6, 0.6, 0.5, 0.8]
    if group in ("foreign", "none"):
        chances = [0.7, 0.55, 0.55, 0.45, 0.75]
    for chance in chances:
        if rng.random() > chance:
            break
        index += 1
    return index


STAGE_DAYS = {"new": (1, 9), "screening": (3, 14), "assessment": (4, 18), "interview": (3, 12)}


def _log_moves(
    rng: random.Random,
    progresses: list[Any],
    applications: list[Any],
    stages: dict[int, dict[str, Any]],
    now: Any,
) -> None:
    """The selection's log of moves (what 'time in each stage' is computed from), as
    :func:`talentbrug.selection.services.moves.move_application` writes it, backdated."""
    from django.contrib.contenttypes.models import ContentType

    from talentbrug.audit.models import AuditEvent
    from talentbrug.selection.models import ApplicationProgress

    content_type = ContentType.objects.get_for_model(ApplicationProgress)
    events = []
    for progress, application in zip(progresses, applications, strict=True):
        kinds = stages[application.vacancy_id]
        moment = application.submitted_at
        path = [kind for kind in FUNNEL if kinds[kind].order <= progress.furthest_order]
        if progress.stage.kind == "rejected":
            path.append("rejected")
        for before, after in itertools.pairwise(path):
            low, high = STAGE_DAYS.get(before, (2, 10))
            moment = moment + timedelta(days=rng.randint(low, high), hours=rng.randint(0, 8))
            if moment > now:
                break
            events.append(
                AuditEvent(
                    created_at=moment,
                    event_type="selection.moved",
                    actor_label="demo",
                    organisation_id=progress.organisation_id,
                    object_type=content_type,
                    object_id=str(progress.pk),
                    data={
                        "application": application.pk,
                        "from_stage": kinds[before].pk,
                        "to_stage": kinds[after].pk,
                    },
                )
            )
    # The log sets its own time on insert; the demo's history is in the past.
    field = AuditEvent._meta.get_field("created_at")
    field.auto_now_add = False
    try:
        AuditEvent.objects.bulk_create(events, batch_size=2000)
    finally:
        field.auto_now_add = True


# About how often new colleagues name each obstacle (the magazine: 28 %, 31 %, 49 %).
OBSTACLE_CHANCES = {"guidance": 0.28, "language": 0.31, "culture": 0.49}


def _obstacle_answers(rng: random.Random, plans: list[Any], now: Any) -> None:
    """The optional questionnaire at 3 and 6 months; about two in three fill it in."""
    from talentbrug.onboarding.models import ObstacleSurvey
    from talentbrug.onboarding.services.obstacles import obstacle_survey_window

    surveys = []
    for plan in plans:
        for moment in ("3", "6"):
            first, _last = obstacle_survey_window(plan, moment)
            if first > now.date() or rng.random() > 0.65:
                continue
            chosen = [k for k, chance in OBSTACLE_CHANCES.items() if rng.random() < chance]
            surveys.append(ObstacleSurvey(plan=plan, moment=moment, obstacles=chosen))
    surveys = ObstacleSurvey.objects.bulk_create(surveys)
    for survey in surveys:
        first, _last = obstacle_survey_window(survey.plan, survey.moment)
        answered = first + timedelta(days=rng.randint(0, 20))
        survey.submitted_at = min(
            now,
            timezone.make_aware(timezone.datetime.combine(answered, timezone.datetime.min.time())),
        )
    ObstacleSurvey.objects.bulk_update(surveys, ["submitted_at"])


def seed(context: dict[str, Any]) -> None:
    # local import: the name Education means something else at module level
    from talentbrug.applications.models import Application, Candidate, Education

    rng = random.Random(2118 + context.get("insights_run", 0))
    now = timezone.now()
    organisations = list(Organisation.objects.filter(is_active=True).order_by("pk"))
    scale = SalaryScale.objects.filter(scale=7).order_by("-year").first()

    vacancies: list[Vacancy] = []
    per_organisation = context.get(
        "insights_vacancies_per_organisation", VACANCIES_PER_ORGANISATION
    )
    for organisation in organisations:
        for index in range(per_organisation):
            title, level = TITLES[(index + organisation.pk) % len(TITLES)]
            published = now - timedelta(days=rng.randint(20, 545), hours=rng.randint(0, 23))
            vacancies.append(
                Vacancy(
                    organisation=organisation,
                    title=f"{title} ({published:%B %Y})",
                    team="ICT",
                    status=VacancyStatus.FILLED
                    if published < now - timedelta(days=90)
                    else VacancyStatus.PUBLISHED,
                    vakgebied=Vakgebied.ICT if rng.random() < 0.8 else Vakgebied.DOCUMENTATION,
                    werk_denkniveau=WerkDenkniveau.MBO if level == "mbo" else WerkDenkniveau.HBO,
                    scale_min=6 if level == "mbo" else 8,
                    scale_max=8 if level == "mbo" else 10,
                    hours_min=32,
                    hours_max=36,
                    location="Den Haag",
                    tasks_text="<p>Je helpt collega's met hun computer en software.</p>",
                    requirements_text=rng.choice(REQUIREMENTS),
                    offer_text="<p>Een contract voor een jaar, met kans op vast.</p>",
                    guidance_text="<p>Je krijgt een buddy en, als je wilt, een taalcoach.</p>"
                    if rng.random() < 0.8
                    else "",
                    nt2_welcome=rng.random() < 0.7,
                    accommodations_offered=True,
                    contact_name="Team werving",
                    apply_routes=["cv", "no_cv", "recruitment_day"],
                    closing_date=(published + timedelta(days=28)).date(),
                    published_at=published,
                )
            )
    vacancies = Vacancy.objects.bulk_create(vacancies)
    for vacancy in vacancies[1::6]:  # about one in six is carved from an earlier one
        source = next(v for v in vacancies if v.organisation_id == vacancy.organisation_id)
        if source.pk != vacancy.pk:
            Vacancy.objects.filter(pk=vacancy.pk).update(carved_from=source)
    Requirement.objects.bulk_create(
        Requirement(
            vacancy=v,
            free_text="Diploma hbo-ICT",
            kind=RequirementKind.MUST_HAVE,
            evidence=[Evidence.DIPLOMA],
            position=0,
        )
        for v in vacancies
        if rng.random() < 0.25
    )
    stages = {v.pk: {s.kind: s for s in ensure_pipeline(v)} for v in vacancies}
    channels: dict[int, list[Any]] = {}
    channel_rows = [
        Channel(organisation_id=v.organisation_id, vacancy=v, name=name, kind=kind)
        for v in vacancies
        for name, kind in CHANNELS
    ]
    for channel in Channel.objects.bulk_create(channel_rows):
        channels.setdefault(channel.vacancy_id, []).append(channel)

    candidates, applications, groups, educations = [], [], [], []
    for v in vacancies:
        for _i in range(rng.randint(9, 24)):
            number = len(candidates)
            candidate = Candidate(
                email=f"inzicht-demo-{context.get('insights_run', 0)}-{number}@voorbeeld.example",
                name=f"Demokandidaat {number}",
                preferred_language=rng.choice(LANGUAGES),
            )
            candidates.append(candidate)
            applications.append((v, candidate))
    Candidate.objects.bulk_create(candidates)
    for _v, candidate in applications:
        group, rows = _education(rng, candidate)
        groups.append(group)
        educations.extend(rows)
    Education.objects.bulk_create([e for e in educations if isinstance(e, Education)])
    # local import: the name LanguageProficiency means something else at module level
    from talentbrug.applications.models import LanguageProficiency

    LanguageProficiency.objects.bulk_create(
        [e for e in educations if isinstance(e, LanguageProficiency)]
    )
    application_rows = [
        Application(
            organisation_id=v.organisation_id,
            vacancy=v,
            candidate=candidate,
            route=rng.choice(ROUTES),
            idempotency_key=uuid.UUID(int=rng.getrandbits(128), version=4),
            channel=rng.choice(channels[v.pk]) if rng.random() < 0.85 else None,
        )
        for v, candidate in applications
    ]
    application_rows = Application.objects.bulk_create(application_rows)
    for application in application_rows:
        published = application.vacancy.published_at
        application.submitted_at = min(now, published + timedelta(days=rng.randint(1, 26)))
    Application.objects.bulk_update(application_rows, ["submitted_at"])

    progresses, offers, hired = [], [], []
    for application, group in zip(application_rows, groups, strict=True):
        vacancy_stages = stages[application.vacancy_id]
        reached = _furthest(rng, group)
        kind = FUNNEL[reached]
        furthest = vacancy_stages[kind]
        old = application.submitted_at < now - timedelta(days=60)
        current = furthest if kind == "hired" or not old else vacancy_stages["rejected"]
        progresses.append(
            ApplicationProgress(
                organisation_id=application.organisation_id,
                application=application,
                vacancy_id=application.vacancy_id,
                stage=current,
                furthest_order=furthest.order,
            )
        )
        if kind in ("offer", "hired") and scale is not None:
            status = "accepted" if kind == "hired" else ("declined" if old else "made")
            offers.append((application, status))
    progresses = ApplicationProgress.objects.bulk_create(progresses)
    _log_moves(rng, progresses, application_rows, stages, now)
    by_application = {p.application_id: p for p in progresses}
    offer_rows = []
    for application, status in offers:
        made = application.submitted_at + timedelta(days=rng.randint(18, 50))
        offer_rows.append(
            Offer(
                organisation_id=application.organisation_id,
                progress=by_application[application.pk],
                salary_scale=scale,
                step=2,
                start_date=(made + timedelta(days=30)).date(),
                hours=36,
                contract_type="temporary",
                status=status,
            )
        )
        if status == "accepted":
            hired.append((application, made))
    offer_rows = Offer.objects.bulk_create(offer_rows)
    for offer, (application, _status) in zip(offer_rows, offers, strict=True):
        made = application.submitted_at + timedelta(days=rng.randint(18, 50))
        offer.created_at = min(now, made)
        offer.decided_at = min(now, made + timedelta(days=rng.randint(2, 9)))
        if offer.status == "made":
            offer.decided_at = None
    Offer.objects.bulk_update(offer_rows, ["created_at", "decided_at"])

    # The voluntary form, in the organisations that ask it; some answer, some say nothing.
    asking = organisations[::2]
    DiversitySetting.objects.bulk_create(
        [DiversitySetting(organisation=o, enabled=True) for o in asking],
        ignore_conflicts=True,
    )
    asking_ids = {o.pk for o in asking}
    DiversityResponse.objects.bulk_create(
        DiversityResponse(
            organisation_id=a.organisation_id,
            application=a,
            gender=rng.choice(["woman", "man", "not_said"]),
            born_abroad=rng.choice(["self", "self", "parent", "no", "no", "not_said"]),
            refugee=rng.choice(["yes", "yes", "no", "not_said"])
            if group == "foreign"
            else rng.choice(["no", "no", "no", "not_said"]),
        )
        for a, group in zip(application_rows, groups, strict=True)
        if a.organisation_id in asking_ids and rng.random() < 0.45
    )

    plans = []
    for application, made in hired:
        start = (made + timedelta(days=35)).date()
        if start > now.date() + timedelta(days=20):
            continue
        plans.append(
            OnboardingPlan(
                organisation_id=application.organisation_id,
                application=application,
                name=application.candidate.name,
                email=application.candidate.email,
                job_title=application.vacancy.title,
                start_date=start,
                status=PlanStatus.STOPPED
                if rng.random() < 0.2
                else (
                    PlanStatus.ACTIVE
                    if start > (now - timedelta(days=120)).date()
                    else PlanStatus.COMPLETED
                ),
            )
        )
    plans = OnboardingPlan.objects.bulk_create(plans)
    for plan in plans:
        if plan.status == PlanStatus.STOPPED:
            plan.updated_at = timezone.make_aware(
                timezone.datetime.combine(plan.start_date, timezone.datetime.min.time())
            ) + timedelta(days=rng.randint(30, 240))
    OnboardingPlan.objects.bulk_update(plans, ["updated_at"])
    checkins, surprises = [], []
    for plan in plans:
        monday = plan.start_date - timedelta(days=plan.start_date.weekday())
        mood = rng.choice([3, 4, 4, 5])
        for week in range(rng.randint(4, 10)):
            day = monday + timedelta(weeks=week)
            if day > now.date():
                break
            mood = max(1, min(5, mood + rng.choice([-1, 0, 0, 1])))
            checkins.append(CheckIn(plan=plan, week_start=day, mood=mood))
        for position, (text, theme) in enumerate(rng.sample(SURPRISES, rng.randint(0, 3))):
            surprises.append(Surprise(plan=plan, position=position + 1, text=text, theme=theme))
    CheckIn.objects.bulk_create(checkins)
    _obstacle_answers(rng, plans, now)
    surprises = Surprise.objects.bulk_create(surprises)
    starts = {plan.pk: plan.start_date for plan in plans}
    for surprise in surprises:
        written = starts[surprise.plan_id] + timedelta(days=rng.randint(3, 20))
        surprise.submitted_at = min(
            now,
            timezone.make_aware(timezone.datetime.combine(written, timezone.datetime.min.time())),
        )
    Surprise.objects.bulk_update(surprises, ["submitted_at"])
    context["insights"] = {"vacancies": len(vacancies), "applications": len(application_rows)}
    # The archive of the programme team: the report of the last completed quarter, as the
    # periodic job makes it.
    from talentbrug.insights.report import make_due_report

    make_due_report()
