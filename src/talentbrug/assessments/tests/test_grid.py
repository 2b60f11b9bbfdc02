"""The observer grid: cells saved one by one (idempotent), scale refused, visibility, blind."""

from __future__ import annotations

import pytest
from django.urls import reverse

from talentbrug.applications.tests.factories import CandidateFactory
from talentbrug.conftest import verified_client
from talentbrug.selection.models import pseudonym_for
from talentbrug.selection.services import pipeline as selection_pipeline
from talentbrug.selection.services import scorecards as selection_scorecards

from ..models import GridScore, GridSubmission
from ..services import errors, grid
from .factories import booked_application, day_with_session

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup(organisation, hr, observer, second_observer):
    day, session = day_with_session(organisation, observers=[observer, second_observer])
    application = booked_application(organisation, day, session, mover=hr)
    rows = selection_scorecards.scorecard_rows(application.vacancy)
    return day, application, rows


def _cell(day, user, application, row, value):
    return grid.save_cell(
        day, user, application_id=application.pk, requirement_id=row.pk, value=value
    )


def test_a_cell_is_an_idempotent_upsert(setup, observer):
    day, application, rows = setup
    _cell(day, observer, application, rows[0], 3)
    _cell(day, observer, application, rows[0], "3")  # re-sent from the offline queue
    assert GridScore.objects.count() == 1
    _cell(day, observer, application, rows[0], 4)
    assert GridScore.objects.get().value == 4


@pytest.mark.parametrize("value", [0, 5, -1, "x", "", None, "2.5"])
def test_scores_outside_the_scale_are_refused(setup, observer, value):
    day, application, rows = setup
    with pytest.raises(errors.AssessmentError):
        _cell(day, observer, application, rows[0], value)
    assert not GridScore.objects.exists()


def test_scores_outside_the_scale_are_refused_over_http(setup, observer):
    day, application, rows = setup
    client = verified_client(observer)
    url = reverse("assessments:cell", kwargs={"pk": day.pk})
    response = client.post(
        url, {"application": application.pk, "requirement": rows[0].pk, "value": 7}
    )
    assert response.status_code == 400 and response.json()["ok"] is False
    assert not GridScore.objects.exists()
    response = client.post(
        url, {"application": application.pk, "requirement": rows[0].pk, "value": 2}
    )
    assert response.status_code == 200 and response.json() == {"ok": True, "value": 2}


def test_only_observers_of_the_day_score(setup, hr):
    day, application, rows = setup
    with pytest.raises(errors.NotObserver):
        _cell(day, hr, application, rows[0], 2)
    response = verified_client(hr).post(
        reverse("assessments:cell", kwargs={"pk": day.pk}),
        {"application": application.pk, "requirement": rows[0].pk, "value": 2},
    )
    assert response.status_code == 403


def test_a_candidate_not_booked_or_a_foreign_competence_is_refused(setup, observer, organisation):
    from talentbrug.selection.tests.factories import vacancy_with_requirements

    day, application, rows = setup
    other_row = selection_scorecards.scorecard_rows(vacancy_with_requirements(organisation))[0]
    with pytest.raises(errors.AssessmentError):
        _cell(day, observer, application, other_row, 2)
    with pytest.raises(errors.AssessmentError):
        grid.save_cell(
            day, observer, application_id=application.pk + 999, requirement_id=rows[0].pk, value=2
        )


def test_others_scores_stay_hidden_until_you_submit(setup, observer, second_observer):
    day, application, rows = setup
    for row in rows:
        _cell(day, second_observer, application, row, 1)
    grid.submit_candidate(day, second_observer, application)
    _cell(day, observer, application, rows[0], 4)
    [mine] = grid.grid_for(day, observer)
    assert mine.own == {rows[0].pk: 4} and mine.summary is None and not mine.submitted
    with pytest.raises(errors.AssessmentError):  # not every row scored yet
        grid.submit_candidate(day, observer, application)
    _cell(day, observer, application, rows[1], 4)
    grid.submit_candidate(day, observer, application)
    [mine] = grid.grid_for(day, observer)
    assert mine.submitted
    assert [s.values for s in mine.summary] == [[1, 4], [1, 4]]
    assert all(s.disagreement for s in mine.summary)
    with pytest.raises(errors.AssessmentError):  # submitted scores are final
        _cell(day, observer, application, rows[0], 2)


def test_the_form_without_javascript_saves_and_submits(setup, observer):
    day, application, rows = setup
    client = verified_client(observer)
    url = reverse(
        "assessments:grid_candidate", kwargs={"pk": day.pk, "application": application.pk}
    )
    response = client.post(url, {f"row_{rows[0].pk}": "2", "action": "save"})
    assert response.status_code == 302
    assert GridScore.objects.get().value == 2
    # A bad value refuses the whole form and changes nothing.
    client.post(url, {f"row_{rows[0].pk}": "3", f"row_{rows[1].pk}": "9", "action": "save"})
    assert list(GridScore.objects.values_list("value", flat=True)) == [2]
    client.post(url, {f"row_{rows[0].pk}": "3", f"row_{rows[1].pk}": "4", "action": "submit"})
    assert GridSubmission.objects.filter(observer=observer).exists()
    assert sorted(GridScore.objects.values_list("value", flat=True)) == [3, 4]


def test_grid_page_shows_a_pseudonym_in_a_blind_stage(organisation, hr, observer):
    day, session = day_with_session(organisation, observers=[observer])
    candidate = CandidateFactory(name="Fatima El Amrani")
    application = booked_application(organisation, day, session, mover=hr, candidate=candidate)
    client = verified_client(observer)
    body = client.get(reverse("assessments:grid", kwargs={"pk": day.pk})).content.decode()
    assert "Fatima" not in body  # 'Opdracht of wervingsdag' is blind by default
    assert pseudonym_for(application.pk) in body
    assert f'name="row_{selection_scorecards.scorecard_rows(application.vacancy)[0].pk}"' in body
    # Not an observer: the page answers, but shows no candidates.
    body = verified_client(hr).get(reverse("assessments:grid", kwargs={"pk": day.pk}))
    assert pseudonym_for(application.pk) not in body.content.decode()


def test_grid_page_shows_the_name_in_an_open_stage(organisation, hr, observer):
    day, session = day_with_session(organisation, observers=[observer])
    candidate = CandidateFactory(name="Fatima El Amrani")
    application = booked_application(organisation, day, session, mover=hr, candidate=candidate)
    progress = selection_pipeline.progress_for(application)
    for stage in selection_pipeline.ensure_pipeline(application.vacancy):
        selection_pipeline.set_stage_blind(stage, is_blind=False, user=hr)
    progress.refresh_from_db()
    body = verified_client(observer).get(reverse("assessments:grid", kwargs={"pk": day.pk}))
    assert "Fatima El Amrani" in body.content.decode()


def test_an_assessor_who_does_not_observe_sees_pseudonyms(organisation, hr, make_staff):
    from talentbrug.accounts.constants import Role

    outsider = make_staff(organisation, Role.ASSESSOR)
    day, session = day_with_session(organisation)
    candidate = CandidateFactory(name="Fatima El Amrani")
    application = booked_application(organisation, day, session, mover=hr, candidate=candidate)
    for stage in selection_pipeline.ensure_pipeline(application.vacancy):
        selection_pipeline.set_stage_blind(stage, is_blind=False, user=hr)
    client = verified_client(outsider)
    for url in (
        reverse("assessments:detail", kwargs={"pk": day.pk}),
        reverse("assessments:language", kwargs={"pk": application.pk}),
    ):
        body = client.get(url).content.decode()
        assert "Fatima" not in body and pseudonym_for(application.pk) in body
    body = verified_client(hr).get(reverse("assessments:detail", kwargs={"pk": day.pk}))
    assert "Fatima El Amrani" in body.content.decode()


def test_results_page_shows_submitted_scores_only(setup, hr, observer, second_observer):
    day, application, rows = setup
    for row in rows:
        _cell(day, observer, application, row, 1)
        _cell(day, second_observer, application, row, 4)
    grid.submit_candidate(day, observer, application)
    [result] = grid.results_for(day, hr)
    assert len(result.observers) == 1 and [r.scores[0][1] for r in result.rows] == [1, 1]
    grid.submit_candidate(day, second_observer, application)
    [result] = grid.results_for(day, hr)
    assert len(result.observers) == 2 and all(r.disagreement for r in result.rows)
    body = verified_client(hr).get(reverse("assessments:results", kwargs={"pk": day.pk}))
    assert body.status_code == 200 and "groot" in body.content.decode()


def test_an_observer_sees_results_only_after_submitting(setup, observer, second_observer):
    day, application, rows = setup
    for row in rows:
        _cell(day, second_observer, application, row, 4)
    grid.submit_candidate(day, second_observer, application)
    [result] = grid.results_for(day, observer)
    assert result.waiting_for_own and result.rows == []
