"""The hand-over at hire: what the onboarding plan is built from.

One reading of everything that was promised or asked, used twice: the offer page shows it
("Dit regelen we bij de start") and :func:`talentbrug.selection.services.accept_offer` builds
the plan from it. So nothing is typed twice and nothing promised gets lost on the way:

- the vacancy: guidance text, chosen onboarding template, support offered (buddy, language
  coach, praktijkopleider) and the people reserved for it, first-day arrangements and the
  hiring manager;
- the candidate's wishes on the application: buddy, language coach, hours, adjustments;
- the place the vacancy was opened for (BBL or internship): school, school days and the
  praktijkopleider;
- the offer: contract type and hours.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from talentbrug.onboarding.constants import OwnerRole, ProgrammeKind
from talentbrug.vacancies.constants import ContractType

# Contract types whose work needs a praktijkopleider (a colleague who guides the student).
SUPERVISED_CONTRACTS = frozenset({ContractType.BBL, ContractType.INTERNSHIP})
KIND_BY_CONTRACT = {
    ContractType.BBL: ProgrammeKind.BBL,
    ContractType.INTERNSHIP: ProgrammeKind.BOL,
    ContractType.TRAINEESHIP: ProgrammeKind.TRAINEE,
}
KIND_BY_PLACE = {"bbl": ProgrammeKind.BBL, "bol": ProgrammeKind.BOL}


@dataclass
class Promise:
    """A person the new colleague will get: who (if known yet) and why it was promised."""

    role: str
    label: str
    reasons: list[str] = field(default_factory=list)
    person: Any = None


@dataclass
class HandOver:
    template: Any
    manager: Any
    placement: Any
    promises: list[Promise]
    hours_per_week: int | None
    hours_wished: int | None
    accommodations: str
    guidance: str
    first_day_place: str
    first_day_time: str
    first_day_ask_for: str

    @property
    def needed_roles(self) -> list[str]:
        roles = [p.role for p in self.promises]
        return [*roles, OwnerRole.MANAGER]

    @property
    def promise_roles(self) -> dict[str, bool]:
        return {p.role: True for p in self.promises}

    def promise(self, role: str) -> Promise | None:
        return next((p for p in self.promises if p.role == role), None)


def open_placement(vacancy: Any) -> Any:
    """The free BBL place or internship this vacancy was opened for, if any."""
    from talentbrug.programmes.models import Placement

    return (
        Placement.objects.filter(vacancy=vacancy, filled_by__isnull=True)
        .select_related("school", "supervisor")
        .order_by("pk")
        .first()
    )


def template_kind(contract_type: str, placement: Any, wants_language_coach: bool) -> str:
    """The programme kind by route (the place) first, then the contract, then the wishes."""
    if placement is not None and placement.kind in KIND_BY_PLACE:
        return KIND_BY_PLACE[placement.kind]
    if contract_type in KIND_BY_CONTRACT:
        return KIND_BY_CONTRACT[contract_type]
    if wants_language_coach:
        return ProgrammeKind.LANGUAGE_COACH
    return ProgrammeKind.STANDARD


def _still_here(user: Any, organisation: Any) -> Any:
    from talentbrug.onboarding.services import has_left

    return None if user is None or has_left(user, organisation) else user


def hand_over_for(progress: Any, *, contract_type: str, hours: int | None) -> HandOver:
    """Everything the plan will carry for this application, with an offer on these terms."""
    from talentbrug.onboarding.services import template_for

    vacancy = progress.vacancy
    application = progress.application
    organisation = vacancy.organisation
    placement = open_placement(vacancy)
    wished, offered = _("De kandidaat vroeg erom."), _("Beloofd in de vacature.")
    promises: list[Promise] = []
    buddy = Promise(OwnerRole.BUDDY, str(OwnerRole.BUDDY.label))
    buddy.person = _still_here(vacancy.buddy_person, organisation)
    if application.wants_buddy:
        buddy.reasons.append(wished)
    if vacancy.offers_buddy:
        buddy.reasons.append(offered)
    coach = Promise(OwnerRole.LANGUAGE_COACH, str(OwnerRole.LANGUAGE_COACH.label))
    coach.person = _still_here(vacancy.language_coach_person, organisation)
    if application.wants_language_coach:
        coach.reasons.append(wished)
    if vacancy.offers_language_coach:
        coach.reasons.append(offered)
    supervisor = Promise(OwnerRole.BBL_SUPERVISOR, str(OwnerRole.BBL_SUPERVISOR.label))
    # The place's praktijkopleider first; else the one reserved on the vacancy.
    supervisor.person = _still_here(vacancy.bbl_supervisor_person, organisation)
    if placement is not None:
        supervisor.reasons.append(_("Hoort bij de leerplek."))
        supervisor.person = _still_here(placement.supervisor, organisation) or supervisor.person
    if vacancy.offers_bbl_supervisor:
        supervisor.reasons.append(offered)
    if contract_type in SUPERVISED_CONTRACTS and not supervisor.reasons:
        supervisor.reasons.append(_("Hoort bij dit soort contract."))
    promises = [p for p in (buddy, coach, supervisor) if p.reasons]

    chosen = vacancy.onboarding_template
    if chosen is not None and chosen.is_active and chosen.organisation_id == organisation.pk:
        template = chosen
    else:
        kind = template_kind(contract_type, placement, application.wants_language_coach)
        template = template_for(organisation, kind)
    return HandOver(
        template=template,
        manager=_still_here(vacancy.hiring_manager, organisation),
        placement=placement,
        promises=promises,
        hours_per_week=hours,
        hours_wished=application.hours_per_week,
        accommodations=application.accommodations.strip(),
        guidance=vacancy.guidance_text.strip(),
        first_day_place=vacancy.first_day_place,
        first_day_time=vacancy.first_day_time,
        first_day_ask_for=vacancy.first_day_ask_for,
    )
