"""Factories for onboarding tests: a small template (three tasks) keeps tests fast."""

from __future__ import annotations

from datetime import date
from typing import Any

import factory

from talentbrug.accounts.constants import Role
from talentbrug.accounts.tests.factories import MembershipFactory, OrganisationFactory, UserFactory
from talentbrug.onboarding.constants import FormKind, OwnerRole, Phase, ProgrammeKind
from talentbrug.onboarding.models import OnboardingTemplate, TemplateTask
from talentbrug.onboarding.services import plans


class TemplateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = OnboardingTemplate

    organisation = factory.SubFactory(OrganisationFactory)
    name = factory.Sequence(lambda n: f"Sjabloon {n}")
    kind = ProgrammeKind.STANDARD


class TemplateTaskFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TemplateTask

    template = factory.SubFactory(TemplateFactory)
    phase = Phase.WEEK_1
    title = factory.Sequence(lambda n: f"Taak {n}")
    owner_role = OwnerRole.MANAGER
    due_offset = 0


def small_template(organisation: Any) -> OnboardingTemplate:
    template = TemplateFactory(organisation=organisation)
    TemplateTaskFactory(
        template=template,
        phase=Phase.BEFORE_START,
        title="Vul de intake in",
        owner_role=OwnerRole.NEW_HIRE,
        due_offset=-1,
        form_kind=FormKind.INTAKE,
    )
    TemplateTaskFactory(template=template, title="Ontvang de nieuwe collega", due_offset=0)
    TemplateTaskFactory(
        template=template, title="Lunch samen", owner_role=OwnerRole.BUDDY, due_offset=1
    )
    TemplateTaskFactory(
        template=template,
        title="Vul je eerste check-in in",
        owner_role=OwnerRole.NEW_HIRE,
        due_offset=4,
        form_kind=FormKind.CHECKIN,
    )
    TemplateTaskFactory(
        template=template,
        phase=Phase.MONTH_1,
        title="Deel je tien verbazingen",
        owner_role=OwnerRole.NEW_HIRE,
        due_offset=20,
        form_kind=FormKind.SURPRISES,
    )
    return template


def member(organisation: Any, role: str = Role.HIRING_MANAGER, **kwargs: Any) -> Any:
    user = UserFactory(**kwargs)
    MembershipFactory(user=user, organisation=organisation, role=role)
    return user


def make_plan(
    organisation: Any,
    *,
    start_date: date | None = None,
    template: Any = None,
    manager: Any = None,
    **kwargs: Any,
) -> Any:
    kwargs.setdefault("name", "Nieuwe Collega")
    kwargs.setdefault("email", "nieuw@example.org")
    kwargs.setdefault("preferred_language", "nl")
    kwargs.setdefault("send_link", False)
    return plans.start_onboarding(
        organisation=organisation,
        start_date=start_date or date(2026, 3, 2),
        template=template or small_template(organisation),
        manager=manager if manager is not None else member(organisation),
        **kwargs,
    )
