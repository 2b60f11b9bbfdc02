"""Every allowed and forbidden stage move, lost updates, rejection reasons, stage deletion."""

from __future__ import annotations

import pytest
from django.core import mail

from talentbrug.accounts.constants import Role
from talentbrug.audit.models import AuditEvent
from talentbrug.vacancies.models import LanguageRequirement

from ..constants import DEFAULT_STAGES, END_KINDS, StageKind
from ..models import ApplicationProgress, RejectionReason
from ..services import board, moves, pipeline, reasons
from ..services import candidate as candidate_services
from ..workflow import SelectionError
from .conftest import HR_ROLES
from .factories import application_in_pipeline, stage_of, vacancy_with_requirements

pytestmark = pytest.mark.django_db

KINDS = [kind.value for _name, kind, _blind in DEFAULT_STAGES]
PLAIN_REASON = "Andere kandidaten passen beter"


def _put_in(progress, kind):
    """Place an application directly in a stage (test set-up, not a move)."""
    stage = stage_of(progress.vacancy, kind)
    ApplicationProgress.objects.filter(pk=progress.pk).update(stage=stage)
    progress.refresh_from_db()
    return progress


def _reason(organisation, language=False):
    return RejectionReason.objects.filter(organisation=organisation, is_language=language).first()


def _expected_allowed(from_kind, to_kind):
    if from_kind in END_KINDS or from_kind == to_kind:
        return False
    return to_kind != StageKind.HIRED


@pytest.mark.parametrize("from_kind", KINDS)
@pytest.mark.parametrize("to_kind", KINDS)
def test_every_move_between_stages(organisation, hr, from_kind, to_kind):
    progress = _put_in(application_in_pipeline(organisation), from_kind)
    target = stage_of(progress.vacancy, to_kind)
    reason = _reason(organisation) if to_kind == StageKind.REJECTED else None
    before = AuditEvent.objects.filter(event_type="selection.moved").count()
    if _expected_allowed(from_kind, to_kind):
        moves.move_application(progress, target, hr, HR_ROLES, progress.version, reason=reason)
        progress.refresh_from_db()
        assert progress.stage == target
        assert progress.version == 2
        assert AuditEvent.objects.filter(event_type="selection.moved").count() == before + 1
    else:
        with pytest.raises(SelectionError):
            moves.move_application(progress, target, hr, HR_ROLES, progress.version, reason=reason)
        progress.refresh_from_db()
        assert progress.stage.kind == from_kind
        assert progress.version == 1
        assert AuditEvent.objects.filter(event_type="selection.moved").count() == before


def test_lost_update_is_refused(organisation, hr, manager):
    """Two reviewers load the same card and move it at once: one wins, the other is told."""
    progress = application_in_pipeline(organisation)
    seen_by_first = ApplicationProgress.objects.get(pk=progress.pk)
    seen_by_second = ApplicationProgress.objects.get(pk=progress.pk)
    screening = stage_of(progress.vacancy, StageKind.SCREENING)
    interview = stage_of(progress.vacancy, StageKind.INTERVIEW)
    moves.move_application(seen_by_first, screening, hr, HR_ROLES, seen_by_first.version)
    with pytest.raises(moves.StaleProgress) as exc:
        moves.move_application(seen_by_second, interview, manager, {Role.HIRING_MANAGER.value}, 1)
    assert "Iemand anders heeft deze kandidaat net verplaatst" in exc.value.messages[0]
    assert "Eerste beoordeling" in exc.value.messages[0]
    progress.refresh_from_db()
    assert progress.stage == screening and progress.version == 2


def test_moving_needs_the_move_permission(organisation, assessor):
    progress = application_in_pipeline(organisation)
    with pytest.raises(SelectionError):
        moves.move_application(
            progress,
            stage_of(progress.vacancy, StageKind.SCREENING),
            assessor,
            {Role.ASSESSOR.value},
            1,
        )


def test_a_stage_of_another_vacancy_is_refused(organisation, hr):
    progress = application_in_pipeline(organisation)
    other = stage_of(vacancy_with_requirements(organisation), StageKind.SCREENING)
    with pytest.raises(SelectionError):
        moves.move_application(progress, other, hr, HR_ROLES, 1)


def test_rejection_needs_a_reason(organisation, hr):
    progress = application_in_pipeline(organisation)
    rejected = stage_of(progress.vacancy, StageKind.REJECTED)
    with pytest.raises(SelectionError, match="reden"):
        moves.move_application(progress, rejected, hr, HR_ROLES, 1)


def test_rejection_shows_the_reason_to_the_candidate_in_their_language(organisation, hr):
    progress = application_in_pipeline(organisation)
    progress.application.candidate.preferred_language = "en"
    progress.application.candidate.save()
    reason = RejectionReason.objects.get(organisation=organisation, label=PLAIN_REASON)
    rejected = stage_of(progress.vacancy, StageKind.REJECTED)
    mail.outbox.clear()
    moves.move_application(
        progress, rejected, hr, HR_ROLES, 1, reason=reason, feedback="Doe een cursus Excel."
    )
    text = candidate_services.candidate_message(progress)
    assert "We gaan niet verder met je sollicitatie." in text
    assert reason.candidate_text in text
    assert "Doe een cursus Excel." in text
    assert AuditEvent.objects.filter(event_type="selection.rejected").exists()


def test_move_queues_a_candidate_email(organisation, hr, django_capture_on_commit_callbacks):
    progress = application_in_pipeline(organisation)
    progress.application.candidate.preferred_language = "en"
    progress.application.candidate.save()
    interview = stage_of(progress.vacancy, StageKind.INTERVIEW)
    with django_capture_on_commit_callbacks(execute=True):
        moves.move_application(progress, interview, hr, HR_ROLES, 1)
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [progress.application.candidate.email]
    assert progress.vacancy.title in message.subject


def test_language_rejection_only_with_a_language_requirement_at_that_level(organisation, hr):
    progress = application_in_pipeline(organisation)
    reason = _reason(organisation, language=True)
    rejected = stage_of(progress.vacancy, StageKind.REJECTED)
    with pytest.raises(SelectionError, match="geen taaleis"):
        moves.move_application(
            progress, rejected, hr, HR_ROLES, 1, reason=reason, language_level="B2"
        )
    LanguageRequirement.objects.create(
        vacancy=progress.vacancy, language="nl", skill="speaking", level="B1"
    )
    with pytest.raises(SelectionError, match="niveau van een taaleis"):
        moves.move_application(
            progress, rejected, hr, HR_ROLES, 1, reason=reason, language_level="B2"
        )
    moves.move_application(progress, rejected, hr, HR_ROLES, 1, reason=reason, language_level="B1")
    assert "(niveau B1)" in candidate_services.candidate_message(progress)


def test_a_reason_of_another_organisation_is_refused(organisation, other_organisation, hr):
    progress = application_in_pipeline(organisation)
    reasons.ensure_reasons(other_organisation)
    foreign = _reason(other_organisation)
    with pytest.raises(SelectionError):
        moves.move_application(
            progress,
            stage_of(progress.vacancy, StageKind.REJECTED),
            hr,
            HR_ROLES,
            1,
            reason=foreign,
        )


def test_a_stage_that_holds_candidates_cannot_be_deleted(organisation, hr):
    progress = application_in_pipeline(organisation)
    screening = stage_of(progress.vacancy, StageKind.SCREENING)
    moves.move_application(progress, screening, hr, HR_ROLES, 1)
    with pytest.raises(SelectionError, match="Verplaats ze eerst"):
        pipeline.delete_stage(screening, user=hr)
    assert screening.__class__.objects.filter(pk=screening.pk).exists()
    interview = stage_of(progress.vacancy, StageKind.INTERVIEW)
    pipeline.delete_stage(interview, user=hr)
    assert not interview.__class__.objects.filter(pk=interview.pk).exists()


@pytest.mark.parametrize("kind", [StageKind.NEW, StageKind.OFFER, *sorted(END_KINDS)])
def test_fixed_stages_cannot_be_deleted(organisation, hr, kind):
    vacancy = vacancy_with_requirements(organisation)
    with pytest.raises(SelectionError):
        pipeline.delete_stage(stage_of(vacancy, kind), user=hr)


def test_added_stage_comes_before_the_offer(organisation, hr):
    vacancy = vacancy_with_requirements(organisation)
    stage = pipeline.add_stage(vacancy, name="Tweede gesprek", is_blind=False, user=hr)
    offer = stage_of(vacancy, StageKind.OFFER)
    assert stage.order < offer.order


def test_pipeline_comes_from_the_organisation_template(organisation):
    vacancy = vacancy_with_requirements(organisation)
    names = [s.name for s in pipeline.ensure_pipeline(vacancy)]
    assert names[:6] == [
        "Nieuw",
        "Eerste beoordeling",
        "Opdracht of wervingsdag",
        "Gesprek",
        "Aanbod",
        "Aangenomen",
    ]
    assert set(names[6:]) == {"Afgewezen", "Teruggetrokken"}


def test_bulk_move_moves_each_and_reports_stale_ones(organisation, hr):
    vacancy = vacancy_with_requirements(organisation)
    first = application_in_pipeline(organisation, vacancy=vacancy)
    second = application_in_pipeline(organisation, vacancy=vacancy)
    screening = stage_of(vacancy, StageKind.SCREENING)
    result = moves.bulk_move({first.pk: 1, second.pk: 99}, screening, hr, HR_ROLES)
    assert result.moved == 1
    assert [pk for pk, _message in result.refused] == [second.pk]


def test_waiting_in_new_counts_for_the_attention_item(organisation):
    vacancy = vacancy_with_requirements(organisation)
    application_in_pipeline(organisation, vacancy=vacancy)
    application_in_pipeline(organisation, vacancy=vacancy)
    assert board.waiting_in_new(organisation) == 2


def test_withdrawal_in_the_portal_takes_the_application_out_of_the_pipeline(organisation):
    """The withdrawal itself moves the application (no page has to be viewed for it)."""
    from talentbrug.applications.services.lifecycle import withdraw_application

    progress = application_in_pipeline(organisation)
    withdraw_application(progress.application, progress.application.candidate)
    progress.refresh_from_db()
    assert progress.stage.kind == StageKind.WITHDRAWN
    assert progress.version == 2


def test_rows_are_made_by_the_events_not_by_pages(organisation):
    """A new organisation has its template and reasons; a new vacancy its stages and
    anchors; a new application its place in the first stage; an audit event for the stages."""
    from talentbrug.accounts.tests.factories import OrganisationFactory
    from talentbrug.applications.tests.factories import ApplicationFactory
    from talentbrug.selection.models import ScaleAnchor, TemplateStage
    from talentbrug.vacancies.tests.factories import VacancyFactory

    other = OrganisationFactory()
    assert TemplateStage.objects.filter(organisation=other).count() == len(DEFAULT_STAGES)
    assert RejectionReason.objects.filter(organisation=other).exists()
    vacancy = VacancyFactory(organisation=other)
    kinds = [s.kind for s in pipeline.stages_for(vacancy)]
    assert kinds == [kind for _name, kind, _blind in DEFAULT_STAGES]
    assert ScaleAnchor.objects.filter(vacancy=vacancy).exists()
    assert AuditEvent.objects.filter(
        event_type="selection.pipeline_created", object_id=str(vacancy.pk)
    ).exists()
    application = ApplicationFactory(vacancy=vacancy)
    progress = pipeline.progress_for(application)
    assert progress.stage == pipeline.first_stage(pipeline.stages_for(vacancy))


def test_a_missing_place_is_not_found_and_not_made(organisation):
    from django.http import Http404

    progress = application_in_pipeline(organisation)
    application = progress.application
    progress.delete()
    with pytest.raises(Http404):
        pipeline.progress_for(application)
    assert not ApplicationProgress.objects.filter(application=application).exists()


def test_a_line_break_in_the_vacancy_title_does_not_stop_the_rejection_mail(
    organisation, hr, django_capture_on_commit_callbacks
):
    """A CR/LF in a title raised BadHeaderError after the rejection was saved: mail lost."""
    from talentbrug.outbox.constants import MailStatus
    from talentbrug.outbox.models import OutboxMail

    progress = application_in_pipeline(organisation)
    progress.vacancy.title = "Servicedesk\r\nBcc: iedereen@voorbeeld.nl"
    progress.vacancy.save(update_fields=["title"])
    reason = RejectionReason.objects.get(organisation=organisation, label=PLAIN_REASON)
    rejected = stage_of(progress.vacancy, StageKind.REJECTED)
    with django_capture_on_commit_callbacks(execute=True):
        moves.move_application(progress, rejected, hr, HR_ROLES, 1, reason=reason)
    row = OutboxMail.objects.get(kind="selection.stage_changed")
    assert row.status == MailStatus.SENT
    assert row.candidate == progress.application.candidate
    assert row.organisation == organisation
    [message] = mail.outbox
    assert message.subject == "Nieuws over je sollicitatie: Servicedesk Bcc: iedereen@voorbeeld.nl"
    headers = message.message().as_string().split("\n\n", 1)[0]
    assert "\nBcc:" not in headers
    assert message.recipients() == [progress.application.candidate.email]


def test_a_second_move_replaces_the_unsent_mail_about_the_first(
    organisation, hr, settings, django_capture_on_commit_callbacks
):
    from talentbrug.outbox.constants import MailStatus
    from talentbrug.outbox.models import OutboxMail
    from talentbrug.outbox.tests.conftest import UNREACHABLE

    settings.EMAIL_BACKEND = UNREACHABLE
    progress = application_in_pipeline(organisation)
    with django_capture_on_commit_callbacks(execute=True):
        moves.move_application(
            progress, stage_of(progress.vacancy, StageKind.ASSESSMENT), hr, HR_ROLES, 1
        )
        moves.move_application(
            progress, stage_of(progress.vacancy, StageKind.INTERVIEW), hr, HR_ROLES, 2
        )
    statuses = list(OutboxMail.objects.order_by("pk").values_list("status", flat=True))
    assert statuses == [MailStatus.CANCELLED, MailStatus.QUEUED]


def test_a_step_back_cancels_the_unsent_mail_and_sends_none(
    organisation, hr, settings, django_capture_on_commit_callbacks
):
    """Moving back (Gesprek → Opdracht) must not tell the candidate to do an assignment for a
    step they passed, nor let the unsent 'we invite you to talk' mail go out (issue #18)."""
    from talentbrug.outbox.constants import MailStatus
    from talentbrug.outbox.models import OutboxMail
    from talentbrug.outbox.tests.conftest import UNREACHABLE

    settings.EMAIL_BACKEND = UNREACHABLE
    progress = application_in_pipeline(organisation)
    with django_capture_on_commit_callbacks(execute=True):
        moves.move_application(
            progress, stage_of(progress.vacancy, StageKind.INTERVIEW), hr, HR_ROLES, 1
        )
        moves.move_application(
            progress, stage_of(progress.vacancy, StageKind.ASSESSMENT), hr, HR_ROLES, 2
        )
    statuses = list(OutboxMail.objects.order_by("pk").values_list("status", flat=True))
    assert statuses == [MailStatus.CANCELLED]
