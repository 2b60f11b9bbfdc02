"""The interview workflow: every allowed and every forbidden move, double booking, audit."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone

from talentbrug.accounts.constants import Role
from talentbrug.audit.models import AuditEvent
from talentbrug.selection.services import moves as selection_moves
from talentbrug.selection.services import pipeline as selection_pipeline
from talentbrug.selection.tests.factories import application_in_pipeline

from .. import services
from ..constants import InterviewStatus
from ..models import Interview
from .factories import (
    HR_ROLES,
    application_for_interview,
    interview_for,
    soon,
    staff_member,
)

pytestmark = pytest.mark.django_db


def _propose(application, interviewers, slots=None, **kwargs):
    slots = [soon(48), soon(50)] if slots is None else slots
    data = {
        "user": kwargs.pop("user", None),
        "roles": kwargs.pop("roles", HR_ROLES),
        "interviewers": interviewers,
        "slots": slots,
        "duration_minutes": 45,
        "location": "Videogesprek: https://video.example.org/abc",
    }
    data.update(kwargs)
    return services.propose_interview(application, **data)


def test_propose_creates_slots_audits_and_mails_the_candidate(
    organisation, django_capture_on_commit_callbacks
):
    application = application_for_interview(organisation)
    interviewer = staff_member(organisation)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        interview = _propose(application, [interviewer], message="Neem je diploma mee.")
    assert interview.status == InterviewStatus.PROPOSED
    assert interview.slots.count() == 2
    assert list(interview.interviewers.all()) == [interviewer]
    event = AuditEvent.objects.get(event_type="interviews.proposed")
    assert event.data == {
        "interview": interview.pk,
        "application": application.pk,
        "slots": 2,
        "interviewers": 1,
    }
    assert [m.to for m in mail.outbox] == [[application.candidate.email]]
    assert "/mijn/inloggen/" in mail.outbox[0].body
    assert "Neem je diploma mee." in mail.outbox[0].body


@pytest.mark.parametrize(
    "change, message",
    [
        ({"slots": []}, "minstens één tijd"),
        ({"slots": [timezone.now() - timedelta(hours=1)]}, "toekomst"),
        ({"slots": [soon(24 + i) for i in range(6)]}, "hoogstens"),
        ({"duration_minutes": 5}, "15 tot en met 240"),
        ({"location": "  "}, "Schrijf waar"),
        ({"interviewers": []}, "minstens één interviewer"),
    ],
)
def test_bad_proposals_are_refused_and_change_nothing(organisation, change, message):
    application = application_for_interview(organisation)
    data = {"interviewers": [staff_member(organisation)]}
    data.update(change)
    interviewers = data.pop("interviewers")
    with pytest.raises(services.InterviewError, match=message):
        _propose(application, interviewers, **data)
    assert not Interview.objects.exists()


def test_interviewer_of_another_organisation_is_refused(organisation, other_organisation):
    application = application_for_interview(organisation)
    outsider = staff_member(other_organisation)
    with pytest.raises(services.InterviewError, match="medewerkers van uw organisatie"):
        _propose(application, [outsider])


def test_no_interview_in_a_blind_stage(organisation):
    progress = application_in_pipeline(organisation)  # stage Nieuw is blind
    with pytest.raises(services.InterviewError, match="anonieme fase"):
        _propose(progress.application, [staff_member(organisation)])


@pytest.mark.parametrize("role", [Role.ASSESSOR, Role.ONBOARDING_COORDINATOR, Role.ORG_ADMIN])
def test_only_planners_may_propose(organisation, role):
    application = application_for_interview(organisation)
    with pytest.raises(services.InterviewError, match="rol"):
        _propose(application, [staff_member(organisation)], roles={role})


def test_candidate_chooses_a_slot_and_everyone_gets_an_invitation(
    organisation, django_capture_on_commit_callbacks
):
    interviewers = [staff_member(organisation), staff_member(organisation)]
    interview = interview_for(organisation, interviewers=interviewers)
    slot = interview.slots.first()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.choose_slot(interview, slot.pk, interview.application.candidate)
    interview.refresh_from_db()
    assert interview.status == InterviewStatus.PLANNED
    assert interview.chosen_slot == slot
    assert interview.sequence == 1
    recipients = sorted(m.to[0] for m in mail.outbox)
    assert recipients == sorted(
        [interview.application.candidate.email] + [u.email for u in interviewers]
    )
    for message in mail.outbox:
        (name, content, mimetype) = message.attachments[0]
        assert name == "gesprek.ics" and "method=REQUEST" in mimetype
        assert "METHOD:REQUEST" in content and f"UID:interview-{interview.pk}@" in content
    assert AuditEvent.objects.filter(event_type="interviews.slot_chosen").exists()


def test_choosing_twice_is_refused(organisation):
    interview = interview_for(organisation, status=InterviewStatus.PLANNED)
    other = interview.slots.last()
    with pytest.raises(services.InterviewError, match="al een tijd gekozen"):
        services.choose_slot(interview, other.pk, interview.application.candidate)


def test_choosing_in_a_cancelled_interview_is_refused(organisation):
    interview = interview_for(organisation, status=InterviewStatus.CANCELLED)
    with pytest.raises(services.InterviewError, match="gaat niet door"):
        services.choose_slot(interview, interview.slots.first().pk, interview.application.candidate)


def test_another_candidate_cannot_choose(organisation):
    interview = interview_for(organisation)
    stranger = application_for_interview(organisation).candidate
    with pytest.raises(services.InterviewError, match="hoort niet bij jou"):
        services.choose_slot(interview, interview.slots.first().pk, stranger)


def test_a_slot_of_another_interview_is_refused(organisation):
    interview = interview_for(organisation)
    foreign = interview_for(organisation).slots.first()
    with pytest.raises(services.InterviewError, match="Kies een van de tijden"):
        services.choose_slot(interview, foreign.pk, interview.application.candidate)


def test_a_past_slot_is_refused(organisation):
    interview = interview_for(organisation, starts=[timezone.now() - timedelta(hours=2)])
    with pytest.raises(services.InterviewError, match="voorbij"):
        services.choose_slot(interview, interview.slots.first().pk, interview.application.candidate)


def test_no_double_booking_of_an_interviewer(organisation):
    """Two candidates, one interviewer, the same time: the first wins, the second is refused."""
    interviewer = staff_member(organisation)
    start = soon(72)
    first = interview_for(organisation, interviewers=[interviewer], starts=[start])
    second = interview_for(
        organisation, interviewers=[interviewer], starts=[start + timedelta(minutes=30), soon(120)]
    )
    services.choose_slot(first, first.slots.get().pk, first.application.candidate)
    clashing = second.slots.get(starts_at=start + timedelta(minutes=30))
    assert clashing not in services.available_slots(second)
    with pytest.raises(services.InterviewError, match="net door iemand anders gekozen"):
        services.choose_slot(second, clashing.pk, second.application.candidate)
    second.refresh_from_db()
    assert second.status == InterviewStatus.PROPOSED and second.chosen_slot is None
    # A time that does not overlap still works.
    free = second.slots.exclude(pk=clashing.pk).get()
    services.choose_slot(second, free.pk, second.application.candidate)


def test_back_to_back_interviews_are_not_a_clash(organisation):
    interviewer = staff_member(organisation)
    start = soon(72)
    first = interview_for(organisation, interviewers=[interviewer], starts=[start])
    second = interview_for(
        organisation, interviewers=[interviewer], starts=[start + timedelta(minutes=60)]
    )
    services.choose_slot(first, first.slots.get().pk, first.application.candidate)
    services.choose_slot(second, second.slots.get().pk, second.application.candidate)


def test_reschedule_a_planned_interview_cancels_the_old_time(
    organisation, hr_user, django_capture_on_commit_callbacks
):
    interview = interview_for(organisation, status=InterviewStatus.PLANNED)
    old_start = interview.starts_at
    new_times = [soon(200), soon(202)]
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.reschedule_interview(interview, user=hr_user, roles=HR_ROLES, slots=new_times)
    interview.refresh_from_db()
    assert interview.status == InterviewStatus.PROPOSED
    assert interview.chosen_slot is None and interview.sequence == 2
    assert [s.starts_at for s in services.available_slots(interview)] == new_times
    assert not interview.slots.filter(starts_at=old_start, is_open=True).exists()
    cancels = [m for m in mail.outbox if m.attachments]
    assert len(cancels) == 2  # the candidate and the interviewer
    for message in cancels:
        content = message.attachments[0][1]
        assert "METHOD:CANCEL" in content and "SEQUENCE:2" in content
    assert AuditEvent.objects.filter(event_type="interviews.rescheduled").exists()


def test_reschedule_tells_a_removed_interviewer(
    organisation, hr_user, django_capture_on_commit_callbacks
):
    leaving, staying = staff_member(organisation), staff_member(organisation)
    interview = interview_for(organisation, interviewers=[leaving], status=InterviewStatus.PLANNED)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.reschedule_interview(
            interview, user=hr_user, roles=HR_ROLES, slots=[soon(200)], interviewers=[staying]
        )
    assert list(interview.interviewers.all()) == [staying]
    to_leaving = [m for m in mail.outbox if m.to == [leaving.email]]
    assert len(to_leaving) == 1 and "METHOD:CANCEL" in to_leaving[0].attachments[0][1]


def test_reschedule_a_cancelled_interview_is_refused(organisation, hr_user):
    interview = interview_for(organisation, status=InterviewStatus.CANCELLED)
    with pytest.raises(services.InterviewError, match="geannuleerd"):
        services.reschedule_interview(interview, user=hr_user, roles=HR_ROLES, slots=[soon(99)])


def test_cancel_a_planned_interview(organisation, hr_user, django_capture_on_commit_callbacks):
    interview = interview_for(organisation, status=InterviewStatus.PLANNED)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.cancel_interview(interview, user=hr_user, roles=HR_ROLES)
    interview.refresh_from_db()
    assert interview.status == InterviewStatus.CANCELLED
    assert len(mail.outbox) == 2
    assert all("METHOD:CANCEL" in m.attachments[0][1] for m in mail.outbox)
    assert AuditEvent.objects.filter(event_type="interviews.cancelled").exists()


def test_cancel_a_proposed_interview_mails_without_calendar(
    organisation, hr_user, django_capture_on_commit_callbacks
):
    interview = interview_for(organisation)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.cancel_interview(interview, user=hr_user, roles=HR_ROLES)
    candidate_mail = next(m for m in mail.outbox if m.to == [interview.application.candidate.email])
    assert candidate_mail.attachments == []


def test_cancel_twice_is_refused(organisation, hr_user):
    interview = interview_for(organisation, status=InterviewStatus.CANCELLED)
    with pytest.raises(services.InterviewError, match="al geannuleerd"):
        services.cancel_interview(interview, user=hr_user, roles=HR_ROLES)


def test_cancel_needs_a_planner_role(organisation):
    interview = interview_for(organisation)
    with pytest.raises(services.InterviewError, match="rol"):
        services.cancel_interview(interview, user=None, roles={Role.ASSESSOR})


def test_a_withdrawn_candidate_cannot_choose(organisation):
    interview = interview_for(organisation)
    application = interview.application
    application.status = "withdrawn"
    application.save()
    with pytest.raises(services.InterviewError, match="gaat niet door"):
        services.choose_slot(interview, interview.slots.first().pk, application.candidate)


def test_a_rejected_candidate_cannot_choose(organisation, hr_user):
    from talentbrug.selection.models import RejectionReason
    from talentbrug.selection.tests.factories import stage_of

    interview = interview_for(organisation)
    progress = selection_pipeline.progress_for(interview.application)
    reason = RejectionReason.objects.filter(organisation=organisation, is_language=False).first()
    selection_moves.move_application(
        progress,
        stage_of(progress.vacancy, "rejected"),
        hr_user,
        HR_ROLES,
        progress.version,
        reason=reason,
        notify=False,
    )
    with pytest.raises(services.InterviewError, match="gaat niet door"):
        services.choose_slot(interview, interview.slots.first().pk, interview.application.candidate)


def test_rejecting_cancels_open_interviews_and_ends_the_assignment(
    organisation, hr_user, django_capture_on_commit_callbacks
):
    from talentbrug.selection.models import RejectionReason
    from talentbrug.selection.tests.factories import stage_of

    interview = interview_for(organisation, status=InterviewStatus.PLANNED)
    interviewer = interview.interviewers.first()
    progress = selection_pipeline.progress_for(interview.application)
    reason = RejectionReason.objects.filter(organisation=organisation, is_language=False).first()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        selection_moves.move_application(
            progress,
            stage_of(progress.vacancy, "rejected"),
            hr_user,
            HR_ROLES,
            progress.version,
            reason=reason,
            notify=False,
        )
    interview.refresh_from_db()
    assert interview.status == InterviewStatus.CANCELLED
    assert not interview.slots.filter(is_open=True).exists()
    assert AuditEvent.objects.filter(event_type="interviews.cancelled").count() == 1
    assert any("METHOD:CANCEL" in m.attachments[0][1] for m in mail.outbox if m.attachments)
    from ..access import is_assigned

    assert not is_assigned(interviewer, interview.application)


def test_withdrawing_cancels_open_interviews(organisation):
    from talentbrug.applications.services import lifecycle as application_lifecycle

    interview = interview_for(organisation)
    application = interview.application
    application_lifecycle.withdraw_application(application, application.candidate)
    interview.refresh_from_db()
    assert interview.status == InterviewStatus.CANCELLED
