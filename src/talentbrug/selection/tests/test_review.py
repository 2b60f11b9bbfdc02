"""Blind review, reveal, scorecards and their visibility, work samples."""

from __future__ import annotations

import pytest

from talentbrug.accounts.constants import Role
from talentbrug.applications.models import WorkSampleSubmission
from talentbrug.applications.tests.factories import AssignmentFactory, CandidateFactory
from talentbrug.audit.models import AuditEvent
from talentbrug.conftest import verified_client

from ..constants import StageKind
from ..models import ApplicationProgress, Score
from ..services import blind, moves, pipeline, scorecards
from ..workflow import SelectionError
from .conftest import HR_ROLES
from .factories import application_in_pipeline, stage_of

pytestmark = pytest.mark.django_db

ASSESSOR_ROLES = {Role.ASSESSOR.value}
MOTIVATION = (
    "Ik ben Fatima El Amrani. Mail me op fatima.elamrani@example.org of bel 06-12345678. "
    "Ik heb vijf jaar op een helpdesk gewerkt."
)


def _blind_progress(organisation):
    candidate = CandidateFactory(name="Fatima El Amrani", email="fatima@example.org")
    progress = application_in_pipeline(organisation, candidate=candidate, motivation=MOTIVATION)
    return progress


def test_blind_stage_shows_a_pseudonym_and_redacted_text(organisation, make_staff):
    progress = _blind_progress(organisation)
    assert progress.stage.is_blind
    client = verified_client(make_staff(organisation, Role.ASSESSOR))
    response = client.get(f"/medewerkers/selectie/sollicitaties/{progress.application_id}/")
    body = response.content.decode()
    assert response.status_code == 200
    assert progress.pseudonym in body
    assert "Fatima" not in body and "Amrani" not in body
    assert "fatima.elamrani@example.org" not in body and "06-12345678" not in body
    assert "helpdesk" in body  # the content stays


def test_pseudonym_is_stable_per_application(organisation):
    progress = _blind_progress(organisation)
    again = ApplicationProgress.objects.get(pk=progress.pk)
    assert progress.pseudonym == again.pseudonym
    assert progress.pseudonym.startswith("K-")


def test_reveal_is_refused_in_a_blind_stage(organisation, hr):
    progress = _blind_progress(organisation)
    with pytest.raises(SelectionError, match="anoniem"):
        blind.reveal_identity(progress, hr, HR_ROLES)
    progress.refresh_from_db()
    assert progress.identity_revealed_at is None
    assert not AuditEvent.objects.filter(event_type="selection.identity_revealed").exists()


def test_reveal_view_in_a_blind_stage_changes_nothing(organisation, make_staff):
    progress = _blind_progress(organisation)
    client = verified_client(make_staff(organisation, Role.HR_ADVISER))
    response = client.post(
        f"/medewerkers/selectie/sollicitaties/{progress.application_id}/identiteit/", follow=True
    )
    assert "De naam tonen kan pas" in response.content.decode()
    progress.refresh_from_db()
    assert progress.identity_revealed_at is None


def test_reveal_in_a_non_blind_stage_is_audited(organisation, hr):
    progress = _blind_progress(organisation)
    interview = stage_of(progress.vacancy, StageKind.INTERVIEW)
    moves.move_application(progress, interview, hr, HR_ROLES, 1)
    stages = pipeline.ensure_pipeline(progress.vacancy)
    assert blind.identity_hidden(progress, stages)  # stays hidden until revealed on purpose
    blind.reveal_identity(progress, hr, HR_ROLES)
    assert not blind.identity_hidden(progress, stages)
    event = AuditEvent.objects.get(event_type="selection.identity_revealed")
    assert event.data == {"application": progress.application_id, "stage": interview.pk}


def test_assessor_may_not_reveal(organisation, assessor, hr):
    progress = _blind_progress(organisation)
    moves.move_application(
        progress, stage_of(progress.vacancy, StageKind.INTERVIEW), hr, HR_ROLES, 1
    )
    with pytest.raises(SelectionError):
        blind.reveal_identity(progress, assessor, ASSESSOR_ROLES)


def _scores(progress, value):
    return {row.pk: value for row in scorecards.scorecard_rows(progress.vacancy)}


def test_scores_of_others_are_hidden_until_you_submitted(organisation, hr, assessor):
    progress = application_in_pipeline(organisation)
    scorecards.submit_scorecard(
        progress, hr, HR_ROLES, recommendation="yes", scores=_scores(progress, 4)
    )
    assert scorecards.score_summary(progress, assessor) is None
    assert scorecards.visible_scorecards(progress, assessor) == []
    scorecards.submit_scorecard(
        progress, assessor, ASSESSOR_ROLES, recommendation="no", scores=_scores(progress, 2)
    )
    summary = scorecards.score_summary(progress, assessor)
    assert summary is not None and len(summary) == 2
    assert all(row.disagreement and row.low == 2 and row.high == 4 for row in summary)
    assert len(scorecards.visible_scorecards(progress, assessor)) == 2


def test_scorecard_page_hides_others_until_submitted(organisation, hr, make_staff):
    progress = application_in_pipeline(organisation)
    scorecards.submit_scorecard(
        progress,
        hr,
        HR_ROLES,
        recommendation="yes",
        notes="Sterke uitleg",
        scores=_scores(progress, 4),
    )
    client = verified_client(make_staff(organisation, Role.ASSESSOR))
    url = f"/medewerkers/selectie/sollicitaties/{progress.application_id}/beoordelen/"
    body = client.get(url).content.decode()
    assert "Sterke uitleg" not in body
    data = {f"row_{pk}": 3 for pk in _scores(progress, 3)}
    data["recommendation"] = "yes"
    response = client.post(url, data, follow=True)
    body = response.content.decode()
    assert "Sterke uitleg" in body
    assert "Samenvatting van de beoordelingen in deze fase" in body


def test_close_scores_are_not_flagged(organisation, hr, assessor):
    progress = application_in_pipeline(organisation)
    scorecards.submit_scorecard(
        progress, hr, HR_ROLES, recommendation="yes", scores=_scores(progress, 3)
    )
    scorecards.submit_scorecard(
        progress, assessor, ASSESSOR_ROLES, recommendation="yes", scores=_scores(progress, 4)
    )
    assert not any(row.disagreement for row in scorecards.score_summary(progress, hr))


@pytest.mark.parametrize("value", [0, 5, -1, "x", None])
def test_scores_outside_the_scale_are_refused(organisation, hr, value):
    progress = application_in_pipeline(organisation)
    with pytest.raises(SelectionError):
        scorecards.submit_scorecard(
            progress, hr, HR_ROLES, recommendation="yes", scores=_scores(progress, value)
        )
    assert not Score.objects.exists()


def test_scorecard_view_refuses_a_score_of_five(organisation, make_staff):
    progress = application_in_pipeline(organisation)
    client = verified_client(make_staff(organisation, Role.ASSESSOR))
    data = {f"row_{pk}": 5 for pk in _scores(progress, 5)}
    data["recommendation"] = "yes"
    response = client.post(
        f"/medewerkers/selectie/sollicitaties/{progress.application_id}/beoordelen/", data
    )
    assert response.status_code == 200
    assert "Een score is 1, 2, 3 of 4." in response.content.decode()
    assert not Score.objects.exists()


def test_one_scorecard_per_reviewer_per_stage(organisation, hr):
    progress = application_in_pipeline(organisation)
    scorecards.submit_scorecard(
        progress, hr, HR_ROLES, recommendation="yes", scores=_scores(progress, 3)
    )
    with pytest.raises(SelectionError):
        scorecards.submit_scorecard(
            progress, hr, HR_ROLES, recommendation="yes", scores=_scores(progress, 3)
        )


def test_work_sample_is_graded_blind(organisation, make_staff, hr):
    progress = _blind_progress(organisation)
    moves.move_application(
        progress, stage_of(progress.vacancy, StageKind.INTERVIEW), hr, HR_ROLES, 1
    )
    blind.reveal_identity(progress, hr, HR_ROLES)  # even after a reveal: a sample stays blind
    assignment = AssignmentFactory(vacancy=progress.vacancy)
    WorkSampleSubmission.objects.create(
        application=progress.application,
        candidate=progress.application.candidate,
        assignment=assignment,
        text="Groet, Fatima El Amrani. Stap 1: open de instellingen.",
    )
    client = verified_client(make_staff(organisation, Role.ASSESSOR))
    url = f"/medewerkers/selectie/sollicitaties/{progress.application_id}/opdracht/"
    body = client.get(url).content.decode()
    assert "Fatima" not in body and progress.pseudonym in body
    assert "open de instellingen" in body
    data = {f"row_{row.pk}": 3 for row in scorecards.rubric_rows(progress.vacancy)}
    response = client.post(url, data, follow=True)
    assert "U heeft deze opdracht beoordeeld." in response.content.decode()
    assert progress.application.work_sample.grades.count() == 1
