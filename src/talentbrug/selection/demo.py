"""Demo selection: the demo applications get a pipeline; one moves on to the first review."""

from __future__ import annotations

from typing import Any

from . import services
from .constants import StageKind


def seed(context: dict[str, Any]) -> None:
    demo = context.get("applications") or {}
    applications = [demo.get(key) for key in ("rami", "daan")]
    applications = [a for a in applications if a is not None and hasattr(a, "vacancy_id")]
    if not applications:
        return
    users = context.get("users") or {}
    hr = users.get("hr.dictu")
    vacancy = applications[0].vacancy
    services.ensure_reasons(vacancy.organisation)
    stages = services.ensure_progress(vacancy)
    screening = next((s for s in stages if s.kind == StageKind.SCREENING), None)
    if screening is None or hr is None:
        return
    progress = services.progress_for(applications[0])
    if progress.stage.kind == StageKind.NEW:
        services.move_application(
            progress, screening, hr, {"hr_adviser"}, progress.version, notify=False
        )
    hired = _hire_second(applications, vacancy, hr)
    context["selection"] = {"vacancy": vacancy, "stages": stages, "hired": hired}


def _hire_second(applications: list[Any], vacancy: Any, hr: Any) -> Any:
    """Hire the second demo candidate: the offer is accepted and onboarding starts."""
    from datetime import timedelta

    from django.utils import timezone

    from talentbrug.vacancies.models import SalaryScale

    if len(applications) < 2:
        return None
    scale = SalaryScale.objects.filter(scale=vacancy.scale_min or 6).order_by("-year").first()
    if scale is None:
        return None
    progress = services.progress_for(applications[1])
    offer = services.make_offer(
        progress,
        hr,
        {"hr_adviser"},
        salary_scale=scale,
        step=2,
        start_date=timezone.localdate() + timedelta(days=21),
        hours=36,
        contract_type=vacancy.contract_type,
    )
    return services.accept_offer(offer, hr, {"hr_adviser"}, right_to_work=True)
