"""Demo selection: the demo applications get a pipeline; one moves on to the first review."""

from __future__ import annotations

from typing import Any

from talentbrug.applications.constants import Route
from talentbrug.applications.services import submission as application_submission
from talentbrug.vacancies.models import SalaryScale

from .constants import END_KINDS, StageKind
from .services import moves, offers, pipeline, reasons


def seed(context: dict[str, Any]) -> None:
    demo = context.get("applications") or {}
    found = [demo.get(key) for key in ("rami", "daan")]
    applications = [a for a in found if a is not None and hasattr(a, "vacancy_id")]
    if not applications:
        return
    users = context.get("users") or {}
    hr = users.get("hr.dictu")
    vacancy = applications[0].vacancy
    reasons.ensure_reasons(vacancy.organisation)
    stages = pipeline.stages_for(vacancy)
    screening = next((s for s in stages if s.kind == StageKind.SCREENING), None)
    if screening is None or hr is None:
        return
    progress = pipeline.progress_for(applications[0])
    if progress.stage.kind == StageKind.NEW:
        moves.move_application(
            progress, screening, hr, {"hr_adviser"}, progress.version, notify=False
        )
    hired = _hire_second(applications, vacancy, hr)
    _offer_in_portal(vacancy, hr)
    through_place = _hire_through_place(context, hr)
    intern = _hire_intern_through_place(context, hr)
    context["selection"] = {
        "vacancy": vacancy,
        "stages": stages,
        "hired": hired,
        "hired_through_place": through_place,
        "intern_through_place": intern,
    }


def _hire_second(applications: list[Any], vacancy: Any, hr: Any) -> Any:
    """Hire the second demo candidate: the offer is accepted and onboarding starts."""
    from datetime import timedelta

    from django.utils import timezone

    if len(applications) < 2:
        return None
    scale = SalaryScale.objects.filter(scale=vacancy.scale_min or 6).order_by("-year").first()
    if scale is None:
        return None
    progress = pipeline.progress_for(applications[1])
    offer = offers.make_offer(
        progress,
        hr,
        {"hr_adviser"},
        salary_scale=scale,
        step=2,
        start_date=timezone.localdate() + timedelta(days=21),
        hours=36,
        contract_type=vacancy.contract_type,
    )
    return offers.accept_offer(offer, hr, {"hr_adviser"}, right_to_work=True)


def _offer_in_portal(vacancy: Any, hr: Any) -> Any:
    """A demo candidate (Persian) with an offer letter in the portal, waiting for an answer."""
    import uuid
    from datetime import timedelta

    from django.utils import timezone

    from . import offer_letter

    scale = SalaryScale.objects.filter(scale=vacancy.scale_min or 6).order_by("-year").first()
    if scale is None or Route.NO_CV not in (vacancy.apply_routes or []):
        return None
    application, _created = application_submission.apply(
        vacancy,
        application_submission.ApplyData(
            route=Route.NO_CV,
            name="Sara Ahmadi",
            email="sara.ahmadi@voorbeeld.nl",
            preferred_language="fa",
            right_to_work="yes",
            motivation="Ik werk graag met computers en help mensen met hun vragen.",
            can_do_text="Ik heb een netwerk opgezet voor een klein kantoor.",
            idempotency_key=uuid.uuid5(uuid.NAMESPACE_URL, "talentbrug-demo-sara"),
        ),
    )
    progress = pipeline.progress_for(application)
    if progress.stage.kind in END_KINDS or hasattr(progress, "offer"):
        return None
    today = timezone.localdate()
    return offer_letter.make_and_send(
        progress,
        hr,
        {"hr_adviser"},
        answer_by=today + timedelta(days=10),
        right_to_work=True,
        salary_scale=scale,
        step=3,
        start_date=today + timedelta(days=35),
        hours=32,
        contract_type=vacancy.contract_type,
    )


def _hire_through_place(context: dict[str, Any], hr: Any) -> Any:
    """A BBL student applies to the vacancy opened for a BBL place and is hired: the plan
    carries the praktijkopleider of the place and the student's wishes, and fills the place."""
    import uuid

    vacancy = (context.get("vacancies") or {}).get("carved")
    if vacancy is None or not vacancy.placements.filter(filled_by__isnull=True).exists():
        return None
    vacancy.refresh_from_db()  # the object in the context may predate its publication
    if Route.NO_CV not in (vacancy.apply_routes or []):  # a student without a cv yet
        vacancy.apply_routes = [*(vacancy.apply_routes or []), Route.NO_CV.value]
        vacancy.save(update_fields=["apply_routes"])
    scale = SalaryScale.objects.filter(scale=vacancy.scale_min or 5).order_by("-year").first()
    if scale is None:
        return None
    application, _created = application_submission.apply(
        vacancy,
        application_submission.ApplyData(
            route=Route.NO_CV,
            name="Amal Yousef",
            email="amal.yousef@voorbeeld.nl",
            preferred_language="ar",
            right_to_work="yes",
            wants_buddy=True,
            wants_language_coach=True,
            hours_per_week=32,
            accommodations="Ik bid op vrijdag tussen de middag. Een rustige plek is fijn.",
            motivation="Ik wil de opleiding Expert IT systems and devices doen en ook werken.",
            experience_title="Helpdesk in de bibliotheek",
            experience_country="Nederland",
            experience_unpaid=True,
            experience_text="Ik help bezoekers van de bibliotheek met de computers en de printer.",
            can_do_text="Ik leg dingen rustig uit. Ik leer snel nieuwe programma's.",
            idempotency_key=uuid.uuid5(uuid.NAMESPACE_URL, "talentbrug-demo-amal"),
        ),
    )
    return _accept(application, hr, scale, days=28, hours=32)


def _accept(application: Any, hr: Any, scale: Any, *, days: int, hours: int) -> Any:
    from datetime import timedelta

    from django.utils import timezone

    vacancy = application.vacancy
    reasons.ensure_reasons(vacancy.organisation)
    progress = pipeline.progress_for(application)
    offer = offers.make_offer(
        progress,
        hr,
        {"hr_adviser"},
        salary_scale=scale,
        step=0,
        start_date=timezone.localdate() + timedelta(days=days),
        hours=hours,
        contract_type=vacancy.contract_type,
    )
    return offers.accept_offer(offer, hr, {"hr_adviser"}, right_to_work=True)


def _hire_intern_through_place(context: dict[str, Any], hr: Any) -> Any:
    """An mbo student with a Syrian diploma and its IDW evaluation applies to the internship
    opened for the Webteam place and is hired: the plan gets the buddy and the external
    language coach named on the vacancy and the place's praktijkopleider; the place fills."""
    import uuid
    from datetime import date

    from talentbrug.applications.constants import EducationSource

    vacancy = context.get("internship_vacancy")
    if vacancy is None or not vacancy.placements.filter(filled_by__isnull=True).exists():
        return None
    vacancy.refresh_from_db()  # the object in the context may predate its publication
    scale = SalaryScale.objects.filter(scale=vacancy.scale_min or 4).order_by("-year").first()
    if scale is None:
        return None
    application, _created = application_submission.apply(
        vacancy,
        application_submission.ApplyData(
            route=Route.NO_CV,
            name="Hiba Al-Hassan",
            email="hiba.alhassan@voorbeeld.nl",
            preferred_language="ar",
            right_to_work="yes",
            wants_buddy=True,
            wants_language_coach=True,
            hours_per_week=24,
            motivation="Ik wil websites maken die iedereen kan gebruiken.",
            experience_title="Website voor de moskee in mijn wijk",
            experience_country="Nederland",
            experience_unpaid=True,
            experience_text="Ik heb de website gebouwd en ik houd de agenda bij.",
            can_do_text="HTML, CSS en een beetje JavaScript. Ik leg uit wat ik doe.",
            diploma_programme="Baccalaureaat (middelbare school)",
            diploma_level="4",
            diploma_country="Syrië",
            diploma_source=EducationSource.IDW_RECEIVED,
            evaluation_reference="IDW-2025-118204",
            evaluation_date=date(2025, 11, 4),
            idempotency_key=uuid.uuid5(uuid.NAMESPACE_URL, "talentbrug-demo-hiba"),
        ),
    )
    return _accept(application, hr, scale, days=14, hours=24)
