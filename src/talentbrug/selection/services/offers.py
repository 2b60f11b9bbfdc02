"""The offer and the hire (the moves of ``OFFER_FLOW`` in ``selection/workflow.py``)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from talentbrug.audit.services import record_event
from talentbrug.vacancies.models import SalaryScale

from .. import hire
from ..constants import (
    MAX_SALARY_STEP,
    OfferStatus,
    StageKind,
)
from ..models import (
    ApplicationProgress,
    Offer,
)
from ..permissions import require
from ..workflow import OFFER_FLOW, SelectionError
from .moves import move_application
from .pipeline import ensure_pipeline


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
    require(roles, "selection.offer")
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
