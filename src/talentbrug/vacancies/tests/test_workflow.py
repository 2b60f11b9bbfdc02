"""The review workflow: every allowed and every forbidden move, with permissions and audit."""

from __future__ import annotations

import itertools
from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from talentbrug.accounts.constants import Role
from talentbrug.audit.models import AuditEvent
from talentbrug.vacancies import services
from talentbrug.vacancies.constants import VacancyStatus as S

from .factories import VacancyFactory

HR = [Role.HR_ADVISER]
ALL_STATUSES = list(S.values)
ALLOWED = {(status, name) for name, move in services.MOVES.items() for status in move.sources}


@pytest.fixture
def hr_user(make_staff, organisation):
    return make_staff(organisation, Role.HR_ADVISER)


@pytest.mark.django_db
@pytest.mark.parametrize(("status", "move"), sorted(ALLOWED))
def test_every_allowed_move_changes_status_and_is_audited(organisation, hr_user, status, move):
    vacancy = VacancyFactory(organisation=organisation, status=status)
    services.transition(vacancy, move, user=hr_user, roles=HR, comment="Maak de taaleis lager.")
    vacancy.refresh_from_db()
    assert vacancy.status == services.MOVES[move].target
    event = AuditEvent.objects.get(event_type="vacancy.transition", object_id=str(vacancy.pk))
    assert event.data == {
        "from_status": status,
        "to_status": services.MOVES[move].target,
        "move": move,
    }
    assert event.actor == hr_user


FORBIDDEN = sorted(set(itertools.product(ALL_STATUSES, services.MOVES)) - ALLOWED)


@pytest.mark.django_db
@pytest.mark.parametrize(("status", "move"), FORBIDDEN)
def test_every_forbidden_move_is_refused_and_changes_nothing(organisation, hr_user, status, move):
    vacancy = VacancyFactory(organisation=organisation, status=status)
    with pytest.raises(services.TransitionError):
        services.transition(vacancy, move, user=hr_user, roles=HR, comment="x")
    vacancy.refresh_from_db()
    assert vacancy.status == status
    assert not AuditEvent.objects.filter(event_type="vacancy.transition").exists()


@pytest.mark.django_db
@pytest.mark.parametrize("move", sorted(services.MOVES))
@pytest.mark.parametrize(
    "role", [Role.ASSESSOR, Role.RECORDS_MANAGER, Role.ONBOARDING_COORDINATOR, Role.ORG_ADMIN]
)
def test_roles_without_permission_cannot_move(organisation, make_staff, move, role):
    user = make_staff(organisation, role)
    status = next(iter(services.MOVES[move].sources))
    vacancy = VacancyFactory(organisation=organisation, status=status)
    with pytest.raises(PermissionDenied):
        services.transition(vacancy, move, user=user, roles=[role], comment="x")
    vacancy.refresh_from_db()
    assert vacancy.status == status


@pytest.mark.django_db
def test_manager_may_submit_but_not_approve_or_publish(organisation, make_staff):
    manager = make_staff(organisation, Role.HIRING_MANAGER)
    vacancy = VacancyFactory(organisation=organisation)
    vacancy = services.transition(vacancy, "submit", user=manager, roles=[Role.HIRING_MANAGER])
    with pytest.raises(PermissionDenied):
        services.transition(vacancy, "approve", user=manager, roles=[Role.HIRING_MANAGER])
    assert [m.name for m in services.available_moves(vacancy, [Role.HIRING_MANAGER])] == []


@pytest.mark.django_db
def test_send_back_needs_a_reason(organisation, hr_user):
    vacancy = VacancyFactory(organisation=organisation, status=S.IN_REVIEW)
    with pytest.raises(services.TransitionError):
        services.transition(vacancy, "send_back", user=hr_user, roles=HR, comment="  ")
    services.transition(vacancy, "send_back", user=hr_user, roles=HR, comment="Schaal ontbreekt.")
    vacancy.refresh_from_db()
    assert vacancy.review_comment == "Schaal ontbreekt."


@pytest.mark.django_db
def test_publish_is_blocked_by_blocking_findings_until_justified(organisation, hr_user):
    vacancy = VacancyFactory(
        organisation=organisation,
        status=S.APPROVED,
        requirements_text="<p>Je bent native speaker Engels en je hebt een hbo werk- en denkniveau.</p>",
    )
    with pytest.raises(services.TransitionError) as error:
        services.transition(vacancy, "publish", user=hr_user, roles=HR)
    assert "blokkerende punten" in " ".join(error.value.messages)
    vacancy.refresh_from_db()
    assert vacancy.status == S.APPROVED

    with pytest.raises(ValidationError):
        services.justify_findings(vacancy, user=hr_user, roles=HR, text="te kort")
    services.justify_findings(
        vacancy,
        user=hr_user,
        roles=HR,
        text="Het team ondersteunt alleen internationale collega's in het Engels.",
    )
    assert AuditEvent.objects.filter(event_type="vacancy.findings_justified").exists()
    services.transition(vacancy, "publish", user=hr_user, roles=HR)
    vacancy.refresh_from_db()
    assert vacancy.status == S.PUBLISHED
    assert vacancy.published_at is not None


@pytest.mark.django_db
def test_only_hr_may_justify(organisation, make_staff):
    manager = make_staff(organisation, Role.HIRING_MANAGER)
    vacancy = VacancyFactory(
        organisation=organisation, requirements_text="<p>moedertaal Nederlands</p>"
    )
    with pytest.raises(PermissionDenied):
        services.justify_findings(vacancy, user=manager, roles=[Role.HIRING_MANAGER], text="x" * 40)


@pytest.mark.django_db
def test_publish_needs_a_future_closing_date(organisation, hr_user):
    vacancy = VacancyFactory(organisation=organisation, status=S.APPROVED, closing_date=None)
    with pytest.raises(services.TransitionError, match="sluitingsdatum"):
        services.transition(vacancy, "publish", user=hr_user, roles=HR)
    vacancy.closing_date = timezone.localdate() - timedelta(days=1)
    vacancy.save()
    with pytest.raises(services.TransitionError, match="verleden"):
        services.transition(vacancy, "publish", user=hr_user, roles=HR)


@pytest.mark.django_db
def test_editing_clears_an_old_justification(organisation, hr_user):
    vacancy = VacancyFactory(
        organisation=organisation, requirements_text="<p>moedertaal Nederlands</p>"
    )
    services.justify_findings(
        vacancy, user=hr_user, roles=HR, text="Een onderbouwing van voldoende lengte."
    )
    services.update_vacancy(vacancy, user=hr_user, roles=HR, data={"title": "Nieuwe titel"})
    vacancy.refresh_from_db()
    assert vacancy.check_justification == ""


@pytest.mark.django_db
def test_published_vacancy_cannot_be_edited(organisation, hr_user):
    vacancy = VacancyFactory(organisation=organisation, status=S.PUBLISHED)
    with pytest.raises(services.TransitionError):
        services.update_vacancy(vacancy, user=hr_user, roles=HR, data={"title": "x"})


@pytest.mark.django_db
@pytest.mark.parametrize("author_field", ["created_by", "submitted_by"])
def test_the_author_cannot_approve_their_own_vacancy(
    organisation, hr_user, make_staff, author_field
):
    """Four eyes: who wrote or offered a vacancy does not approve it; another HR adviser does."""
    vacancy = VacancyFactory(
        organisation=organisation, status=S.IN_REVIEW, **{author_field: hr_user}
    )
    assert "approve" not in [m.name for m in services.available_moves(vacancy, HR, hr_user)]
    with pytest.raises(services.TransitionError):
        services.transition(vacancy, "approve", user=hr_user, roles=HR)
    vacancy.refresh_from_db()
    assert vacancy.status == S.IN_REVIEW
    colleague = make_staff(organisation, Role.HR_ADVISER)
    assert "approve" in [m.name for m in services.available_moves(vacancy, HR, colleague)]
    services.transition(vacancy, "approve", user=colleague, roles=HR)
    vacancy.refresh_from_db()
    assert vacancy.status == S.APPROVED


@pytest.mark.django_db
def test_the_review_list_does_not_count_ones_own_vacancies(
    client, organisation, hr_user, make_staff
):
    from talentbrug.conftest import verified_client

    VacancyFactory(organisation=organisation, status=S.IN_REVIEW, submitted_by=hr_user)
    page = verified_client(hr_user).get("/medewerkers/").content.decode()
    assert "Er wacht geen vacature op uw beoordeling." in page
    colleague = make_staff(organisation, Role.HR_ADVISER)
    page = verified_client(colleague).get("/medewerkers/").content.decode()
    assert "Er wacht geen vacature op uw beoordeling." not in page
