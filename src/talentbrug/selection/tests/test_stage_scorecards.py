"""Scorecards per stage (issue 18, item 6): a form per stage per assessor, scores per stage.

On main, someone who scored in an earlier stage saw no form at the interview stage: the
scorecard page asked "did you ever score this application?" instead of "in this stage?".
"""

from __future__ import annotations

import pytest

from talentbrug.accounts.constants import Role
from talentbrug.conftest import verified_client

from .. import stage_scores
from ..constants import StageKind
from ..models import Scorecard
from ..services import moves, scorecards
from .conftest import HR_ROLES
from .factories import application_in_pipeline, stage_of

pytestmark = pytest.mark.django_db

ASSESSOR_ROLES = {Role.ASSESSOR.value}


def _scores(progress, value):
    return {row.pk: value for row in scorecards.scorecard_rows(progress.vacancy)}


def _url(progress, suffix="beoordelen/"):
    return f"/medewerkers/selectie/sollicitaties/{progress.application_id}/{suffix}"


def _move(progress, kind, hr):
    progress.refresh_from_db()
    moves.move_application(
        progress, stage_of(progress.vacancy, kind), hr, HR_ROLES, progress.version
    )
    progress.refresh_from_db()
    return progress


def test_who_scored_in_screening_gets_a_form_again_at_the_interview(organisation, hr, make_staff):
    assessor = make_staff(organisation, Role.ASSESSOR)
    progress = _move(application_in_pipeline(organisation), StageKind.SCREENING, hr)
    scorecards.submit_scorecard(
        progress, assessor, ASSESSOR_ROLES, recommendation="yes", scores=_scores(progress, 3)
    )
    progress = _move(progress, StageKind.INTERVIEW, hr)
    client = verified_client(assessor)
    page = client.get(_url(progress)).content.decode()
    assert "Dien beoordeling in" in page
    data = {f"row_{pk}": 4 for pk in _scores(progress, 4)}
    data["recommendation"] = "strong_yes"
    client.post(_url(progress), data)
    stages = list(
        Scorecard.objects.filter(progress=progress, reviewer=assessor).values_list(
            "stage__kind", flat=True
        )
    )
    assert sorted(stages) == sorted([StageKind.SCREENING, StageKind.INTERVIEW])
    page = client.get(_url(progress)).content.decode()
    assert "Dien beoordeling in" not in page
    assert 'id="scored-this-stage"' in page


def test_the_application_page_shows_scores_per_stage(organisation, hr, make_staff):
    assessor = make_staff(organisation, Role.ASSESSOR)
    progress = _move(application_in_pipeline(organisation), StageKind.SCREENING, hr)
    scorecards.submit_scorecard(
        progress, assessor, ASSESSOR_ROLES, recommendation="yes", scores=_scores(progress, 2)
    )
    progress = _move(progress, StageKind.INTERVIEW, hr)
    scorecards.submit_scorecard(
        progress, assessor, ASSESSOR_ROLES, recommendation="yes", scores=_scores(progress, 4)
    )
    page = verified_client(assessor).get(_url(progress, "")).content.decode()
    assert "Beoordelingen per fase" in page
    assert 'data-stage-scores="screening"' in page
    assert 'data-stage-scores="interview"' in page
    blocks = stage_scores.scores_per_stage(progress, assessor)
    means = {b.stage.kind: {row.mean for row in b.summary} for b in blocks}
    assert means == {StageKind.SCREENING: {2.0}, StageKind.INTERVIEW: {4.0}}


def test_blind_per_stage_others_scores_stay_hidden_until_you_scored_in_that_stage(
    organisation, hr, make_staff
):
    assessor = make_staff(organisation, Role.ASSESSOR)
    progress = _move(application_in_pipeline(organisation), StageKind.SCREENING, hr)
    scorecards.submit_scorecard(
        progress, assessor, ASSESSOR_ROLES, recommendation="yes", scores=_scores(progress, 3)
    )
    progress = _move(progress, StageKind.INTERVIEW, hr)
    scorecards.submit_scorecard(
        progress,
        hr,
        HR_ROLES,
        recommendation="no",
        notes="Gesprek: twijfel over planning",
        scores=_scores(progress, 1),
    )
    # The assessor scored in screening, not yet in the interview: HR's interview notes and the
    # interview summary stay hidden (on main they showed: "submitted once" opened every stage).
    page = verified_client(assessor).get(_url(progress)).content.decode()
    assert "twijfel over planning" not in page
    interview = next(b for b in stage_scores.scores_per_stage(progress, assessor) if b.current)
    assert interview.summary is None and interview.cards == [] and interview.total == 1
    scorecards.submit_scorecard(
        progress, assessor, ASSESSOR_ROLES, recommendation="yes", scores=_scores(progress, 3)
    )
    page = verified_client(assessor).get(_url(progress)).content.decode()
    assert "twijfel over planning" in page
