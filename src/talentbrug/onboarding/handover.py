"""The hand-over at hire: what the onboarding plan is built from.

One reading of everything that was promised or asked, used twice: selection's offer page shows
it ("Dit regelen we bij de start") and :func:`start_plan_at_hire` builds the plan from it when
:func:`talentbrug.selection.services.offers.accept_offer` hires. So nothing is typed twice and nothing
promised gets lost on the way:

- the vacancy: guidance text, chosen onboarding template, support offered (buddy, language
  coach, praktijkopleider) and the people reserved for it, first-day arrangements and the
  hiring manager;
- the candidate's wishes on the application: buddy, language coach, hours, adjustments;
- the place the vacancy was opened for (BBL or internship): school, school days and the
  praktijkopleider;
- the offer: contract type and hours.

Onboarding registers :data:`HIRE_HANDLER` with selection (``selection.hire``), so selection
never imports onboarding. Places (BBL, internship) belong to programmes, a later app: it
registers a :class:`PlacementSource` here, so onboarding never imports programmes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from talentbrug.selection.hire import HireHandler
from talentbrug.vacancies.constants import ContractType

from .constants import OwnerRole, ProgrammeKind
from .models import OnboardingPlan
from .services import people as people_services
from .services import plans, supporters, templates

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
    person: Any = None  # a colleague (User) or an external coach (supporters.SupporterInput)

    @property
    def who(self) -> str:
        """The name to show; empty while nobody is named."""
        person = self.person
        if person is None:
            return ""
        if isinstance(person, supporters.SupporterInput):
            return person.name
        return str(person.get_full_name() or person.username)


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


@dataclass(frozen=True)
class PlacementSource:
    """``open_for(vacancy)``: the free place this vacancy was opened for, or None;
    ``fill(placement, plan, user=...)``: put the new hire's plan on that place."""

    open_for: Callable[[Any], Any]
    fill: Callable[..., Any]


_PLACEMENT_SOURCE: list[PlacementSource] = []


def register_placement_source(source: PlacementSource) -> None:
    """Set where places come from (once: programmes)."""
    if _PLACEMENT_SOURCE and _PLACEMENT_SOURCE[0] != source:
        raise ValueError("A placement source is registered already")
    _PLACEMENT_SOURCE[:] = [source]


def open_placement(vacancy: Any) -> Any:
    """The free BBL place or internship this vacancy was opened for, if any."""
    return _PLACEMENT_SOURCE[0].open_for(vacancy) if _PLACEMENT_SOURCE else None


def _fill_placement(placement: Any, plan: Any, user: Any) -> None:
    _PLACEMENT_SOURCE[0].fill(placement, plan, user=user)


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
    return None if user is None or people_services.has_left(user, organisation) else user


def _external_coach(vacancy: Any) -> supporters.SupporterInput | None:
    """The language coach from outside named on the vacancy (name, organisation, e-mail)."""
    name = vacancy.language_coach_external_name.strip()
    email = vacancy.language_coach_external_email.strip()
    if not name or not email:
        return None
    organisation = vacancy.language_coach_external_organisation.strip()
    shown = f"{name} ({organisation})" if organisation else name
    return supporters.SupporterInput(name=shown[:200], email=email)


def hand_over_for(progress: Any, *, contract_type: str, hours: int | None) -> HandOver:
    """Everything the plan will carry for this application, with an offer on these terms."""
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
    coach.person = _still_here(vacancy.language_coach_person, organisation) or _external_coach(
        vacancy
    )
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
        template = templates.template_for(organisation, kind)
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


def _person(hand_over: Any, role: str, chosen: Any) -> Any:
    """Who gets a supporter role: the person chosen at hire, else the one reserved on the
    vacancy; only for support that was asked for or promised."""
    promise = hand_over.promise(role)
    if promise is None:
        return None
    return chosen or promise.person


def start_plan_at_hire(offer: Any, user: Any, *, buddy: Any, language_coach: Any) -> Any:
    """The plan of a new hire (selection's ``accept_offer``, inside its transaction)."""
    progress = offer.progress
    vacancy = progress.vacancy
    candidate = progress.application.candidate
    hand_over = hand_over_for(progress, contract_type=offer.contract_type, hours=offer.hours)
    supervisor = hand_over.promise(OwnerRole.BBL_SUPERVISOR)
    plan = plans.start_onboarding(
        organisation=vacancy.organisation,
        name=candidate.name,
        email=candidate.email,
        preferred_language=candidate.preferred_language,
        start_date=offer.start_date,
        template=hand_over.template,
        manager=hand_over.manager,
        application=progress.application,
        # a person is only carried for support that was asked for or promised
        buddy=_person(hand_over, OwnerRole.BUDDY, buddy),
        language_coach=_person(hand_over, OwnerRole.LANGUAGE_COACH, language_coach),
        bbl_supervisor=supervisor.person if supervisor else None,
        hr_contact=user,
        job_title=vacancy.title,
        team=vacancy.team,
        first_day_place=hand_over.first_day_place,
        first_day_time=hand_over.first_day_time,
        first_day_ask_for=hand_over.first_day_ask_for,
        created_by=user,
        needed_roles=hand_over.needed_roles,
        guidance_promised=hand_over.guidance,
        hours_per_week=hand_over.hours_per_week,
        hours_wished=hand_over.hours_wished,
        accommodations=hand_over.accommodations,
    )
    if hand_over.placement is not None:
        _fill_placement(hand_over.placement, plan, user)
    return plan


def plan_for(application: Any) -> OnboardingPlan | None:
    return OnboardingPlan.objects.filter(application=application).first()


HIRE_HANDLER = HireHandler(
    preview=hand_over_for,
    start=start_plan_at_hire,
    plan_for=plan_for,
    people=people_services.members_of,
)
