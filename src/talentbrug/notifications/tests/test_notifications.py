"""Staff notifications: made by events for the people who act, read in the bell, never on GET.

Issue 18, item 9: "HR is never told anything: no notification of new applications, answers to
questions, picked slots, review requests" (and scorecard missing, offer answered).
"""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from talentbrug.accounts.constants import Role
from talentbrug.applications.models import Booking, Question
from talentbrug.applications.tests.factories import (
    ApplicationFactory,
    PublishedVacancyFactory,
    SlotFactory,
)
from talentbrug.audit.models import AuditEvent
from talentbrug.core import periodic
from talentbrug.outbox.models import OutboxMail
from talentbrug.vacancies.constants import VacancyStatus
from talentbrug.vacancies.services import transition
from talentbrug.vacancies.tests.factories import VacancyFactory

from .. import services
from ..constants import Kind
from ..models import DigestSetting, Notification

pytestmark = pytest.mark.django_db


@pytest.fixture
def team(make_staff, organisation):
    hr = make_staff(organisation, Role.HR_ADVISER, first_name="Hanna")
    other_hr = make_staff(organisation, Role.HR_ADVISER, first_name="Omar")
    manager = make_staff(organisation, Role.HIRING_MANAGER, first_name="Mila")
    assessor = make_staff(organisation, Role.ASSESSOR, first_name="Anna")
    vacancy = PublishedVacancyFactory(
        organisation=organisation, created_by=hr, hiring_manager=manager, title="Servicedesk"
    )
    return {
        "hr": hr,
        "other_hr": other_hr,
        "manager": manager,
        "assessor": assessor,
        "vacancy": vacancy,
    }


def _kinds(user):
    return sorted(Notification.objects.filter(recipient=user).values_list("kind", flat=True))


def test_a_new_application_notifies_the_vacancys_team_without_the_candidates_name(
    team, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        application = ApplicationFactory(vacancy=team["vacancy"], candidate__name="Samira Haddad")
    assert _kinds(team["hr"]) == [Kind.NEW_APPLICATION]
    assert _kinds(team["manager"]) == [Kind.NEW_APPLICATION]
    assert _kinds(team["other_hr"]) == []  # not on this vacancy
    assert _kinds(team["assessor"]) == []
    note = Notification.objects.get(recipient=team["hr"])
    text = services.describe(note)
    assert "Servicedesk" in text and str(application.pk) in text
    assert "Samira" not in text and "Haddad" not in text
    assert note.url == reverse("applications:staff_detail", kwargs={"pk": application.pk})


def test_an_answer_notifies_who_asked(team, django_capture_on_commit_callbacks):
    application = ApplicationFactory(vacancy=team["vacancy"])
    question = Question.objects.create(
        application=application,
        organisation=application.organisation,
        candidate=application.candidate,
        asked_by=team["other_hr"],
        text="Wanneer kun je beginnen?",
    )
    with django_capture_on_commit_callbacks(execute=True):
        question.answer_text = "Per 1 maart."
        question.answered_at = timezone.now()
        question.save()
    assert _kinds(team["other_hr"]) == [Kind.ANSWER]


def test_a_picked_time_notifies_the_team(team, django_capture_on_commit_callbacks):
    slot = SlotFactory(day__vacancy=team["vacancy"])
    application = ApplicationFactory(vacancy=team["vacancy"], route="recruitment_day")
    with django_capture_on_commit_callbacks(execute=True):
        Booking.objects.create(slot=slot, application=application, candidate=application.candidate)
    assert Kind.SLOT_PICKED in _kinds(team["hr"])


def test_a_review_request_notifies_the_other_reviewers_not_the_author(
    make_staff, organisation, django_capture_on_commit_callbacks
):
    author = make_staff(organisation, Role.HR_ADVISER)
    reviewer = make_staff(organisation, Role.HR_ADVISER)
    vacancy = VacancyFactory(
        organisation=organisation, created_by=author, status=VacancyStatus.CONCEPT
    )
    with django_capture_on_commit_callbacks(execute=True):
        transition(vacancy, "submit", user=author, roles={Role.HR_ADVISER})
    assert _kinds(reviewer) == [Kind.REVIEW_REQUESTED]
    assert _kinds(author) == []


def test_the_bell_shows_the_unread_count_and_opening_marks_read_by_post_only(
    team, django_capture_on_commit_callbacks
):
    from talentbrug.conftest import verified_client

    with django_capture_on_commit_callbacks(execute=True):
        ApplicationFactory(vacancy=team["vacancy"])
        ApplicationFactory(vacancy=team["vacancy"])
    client = verified_client(team["hr"])
    home = client.get(reverse("pages:home")).content.decode()
    assert 'id="bell-count">2<' in home
    assert "Nieuwe sollicitatie" in home
    # GET never marks anything read
    client.get(reverse("notifications:list"))
    assert services.unread_count(team["hr"], team["vacancy"].organisation) == 2
    note = Notification.objects.filter(recipient=team["hr"]).first()
    response = client.post(reverse("notifications:open", kwargs={"pk": note.pk}))
    assert response.status_code == 302 and response.url == note.url
    note.refresh_from_db()
    assert note.read_at is not None
    assert 'id="bell-count">1<' in client.get(reverse("pages:home")).content.decode()
    # someone else's notification stays closed
    other = verified_client(team["other_hr"])
    assert other.post(reverse("notifications:open", kwargs={"pk": note.pk})).status_code == 404


def test_the_daily_digest_goes_through_the_outbox_once_and_only_when_asked(
    team, django_capture_on_commit_callbacks
):
    assert "notifications.daily_digest" in periodic.PERIODIC_JOBS
    with django_capture_on_commit_callbacks(execute=True):
        ApplicationFactory(vacancy=team["vacancy"], candidate__name="Samira Haddad")
    assert services.send_digests() == 0  # nobody asked
    from talentbrug.conftest import verified_client

    client = verified_client(team["hr"])
    client.post(reverse("notifications:digest"), {"digest": "daily"})
    assert DigestSetting.objects.get(user=team["hr"]).daily_digest
    assert AuditEvent.objects.filter(event_type="notifications.digest_changed").exists()
    with django_capture_on_commit_callbacks(execute=True):
        assert periodic.run_all(["notifications.daily_digest"]) == {"notifications.daily_digest": 1}
    sent = OutboxMail.objects.get(kind="notifications.digest")
    assert sent.to == [team["hr"].email]
    delivered = mail.outbox[-1]  # the outbox row is emptied once sent
    assert "Servicedesk" in delivered.body and "Samira" not in delivered.body
    # the next run the same day sends nothing again
    assert services.send_digests() == 0
    assert services.send_digests(now=timezone.now() + timedelta(days=1)) == 0  # nothing new
    assert OutboxMail.objects.filter(kind="notifications.digest").count() == 1


def test_a_new_stage_asks_who_scored_before_for_a_scorecard(
    organisation, make_staff, django_capture_on_commit_callbacks
):
    from talentbrug.selection.constants import StageKind
    from talentbrug.selection.services import moves as selection_moves
    from talentbrug.selection.services import scorecards as selection_scorecards
    from talentbrug.selection.tests.factories import application_in_pipeline, stage_of

    hr = make_staff(organisation, Role.HR_ADVISER)
    assessor = make_staff(organisation, Role.ASSESSOR)
    progress = application_in_pipeline(organisation)
    scores = {row.pk: 3 for row in selection_scorecards.scorecard_rows(progress.vacancy)}
    selection_scorecards.submit_scorecard(
        progress, assessor, {Role.ASSESSOR}, recommendation="yes", scores=scores
    )
    with django_capture_on_commit_callbacks(execute=True):
        selection_moves.move_application(
            progress, stage_of(progress.vacancy, StageKind.INTERVIEW), hr, {Role.HR_ADVISER}, 1
        )
    note = Notification.objects.get(recipient=assessor)
    assert note.kind == Kind.SCORECARD_MISSING
    assert note.url == reverse("selection:scorecard", kwargs={"pk": progress.application_id})


def test_a_picked_interview_time_notifies_the_team_and_the_interviewers(
    team, organisation, django_capture_on_commit_callbacks
):
    from talentbrug.interviews.services import choose_slot
    from talentbrug.interviews.tests.factories import interview_for, staff_member

    interviewer = staff_member(organisation)
    application = ApplicationFactory(vacancy=team["vacancy"])
    interview = interview_for(organisation, application=application, interviewers=[interviewer])
    slot = interview.slots.first()
    assert _kinds(team["hr"]) == []
    with django_capture_on_commit_callbacks(execute=True):
        choose_slot(interview, slot.pk, application.candidate)
    assert _kinds(team["hr"]) == [Kind.INTERVIEW_SLOT_PICKED]
    assert _kinds(interviewer) == [Kind.INTERVIEW_SLOT_PICKED]
    assert _kinds(team["other_hr"]) == []
    note = Notification.objects.get(recipient=team["hr"])
    text = services.describe(note)
    assert str(application.pk) in text and "Servicedesk" in text
    assert application.candidate.name not in text
    # Saving the interview again (a reminder sent) is no new pick.
    with django_capture_on_commit_callbacks(execute=True):
        interview.refresh_from_db()
        interview.reminder_sent_at = timezone.now()
        interview.save(update_fields=["reminder_sent_at"])
    assert _kinds(team["hr"]) == [Kind.INTERVIEW_SLOT_PICKED]


def test_a_booked_group_day_session_notifies_the_team(
    team, organisation, django_capture_on_commit_callbacks
):
    from talentbrug.assessments.services import bookings
    from talentbrug.assessments.tests.factories import day_with_session, in_assessment_stage

    _day, session = day_with_session(organisation, vacancy=team["vacancy"])
    application = in_assessment_stage(organisation, team["vacancy"], mover=team["hr"])
    Notification.objects.all().delete()
    with django_capture_on_commit_callbacks(execute=True):
        bookings.book_session(application, session.pk)
    assert _kinds(team["hr"]) == [Kind.GROUP_DAY_BOOKED]
    assert _kinds(team["assessor"]) == []
    note = Notification.objects.get(recipient=team["hr"])
    assert note.url == reverse("applications:staff_detail", kwargs={"pk": application.pk})


def test_staff_choose_the_digest_off_or_daily_on_the_notifications_page(team):
    """Issue 18: the optional e-mail digest is a choice on the list page, off or daily; the page
    shows the current choice, and a post without a valid choice changes nothing."""
    from talentbrug.conftest import verified_client

    client = verified_client(team["hr"])
    url = reverse("notifications:list")
    html = client.get(url).content.decode()
    assert 'name="digest" value="off"' in html and 'name="digest" value="daily"' in html
    assert "Nu: uit." in html
    assert re.search(r'<input[^>]*value="off"[^>]*checked', html)
    client.post(reverse("notifications:digest"), {"digest": "daily"})
    assert DigestSetting.objects.get(user=team["hr"]).daily_digest
    html = client.get(url).content.decode()
    assert "Nu: elke ochtend een e-mail." in html
    assert re.search(r'<input[^>]*value="daily"[^>]*checked', html)
    client.post(reverse("notifications:digest"), {"digest": "weekly"})  # not a choice
    assert DigestSetting.objects.get(user=team["hr"]).daily_digest  # unchanged
    client.post(reverse("notifications:digest"), {})
    assert DigestSetting.objects.get(user=team["hr"]).daily_digest
    client.post(reverse("notifications:digest"), {"digest": "off"})
    assert not DigestSetting.objects.get(user=team["hr"]).daily_digest
    assert "Nu: uit." in client.get(url).content.decode()
