"""Language-test results per skill; the voluntary diversity form and the fairness figures."""

from __future__ import annotations

import pytest
from django.urls import reverse

from talentbrug.applications.tests.factories import ApplicationFactory
from talentbrug.applications.tests.helpers import portal_client
from talentbrug.conftest import verified_client
from talentbrug.selection.tests.factories import application_in_pipeline, vacancy_with_requirements
from talentbrug.vacancies.models import LanguageRequirement

from ..models import DiversityResponse, LanguageTestResult
from ..services import diversity, errors, language
from .factories import booked_application, day_with_session

pytestmark = pytest.mark.django_db


def test_language_results_per_skill_next_to_the_requirement(organisation, hr):
    vacancy = vacancy_with_requirements(organisation)
    LanguageRequirement.objects.create(vacancy=vacancy, skill="speaking", level="B2")
    LanguageRequirement.objects.create(vacancy=vacancy, skill="reading", level="B1")
    application = application_in_pipeline(organisation, vacancy=vacancy).application
    language.record_language_results(
        application,
        {"speaking": "B1", "reading": "B2", "writing": ""},
        test_name="B2-toets",
        user=hr,
    )
    rows = {row.skill: row for row in language.language_overview(application)}
    assert rows["speaking"].required == "B2" and rows["speaking"].meets is False
    assert rows["reading"].meets is True
    assert rows["writing"].result is None and rows["writing"].meets is None
    language.record_language_results(application, {"speaking": "B2"}, user=hr)
    assert LanguageTestResult.objects.filter(application=application).count() == 2
    with pytest.raises(errors.AssessmentError):
        language.record_language_results(application, {"speaking": "D9"}, user=hr)
    with pytest.raises(errors.AssessmentError):
        language.record_language_results(application, {}, user=hr)


def test_language_page_records_a_result(organisation, hr):
    day, session = day_with_session(organisation)
    application = booked_application(organisation, day, session, mover=hr)
    client = verified_client(hr)
    url = reverse("assessments:language", kwargs={"pk": application.pk})
    assert client.get(url).status_code == 200
    response = client.post(url, {"level_speaking": "B2", "test_name": "B2-toets"})
    assert response.status_code == 302
    assert LanguageTestResult.objects.get(application=application).level == "B2"
    response = client.post(url, {"level_speaking": "Z1"})
    assert response.status_code == 400


def _fill(organisation, vacancy, n, **answers):
    for _ in range(n):
        application = application_in_pipeline(organisation, vacancy=vacancy).application
        if answers:
            diversity.save_diversity(application, answers)


def test_diversity_answers_only_when_the_organisation_asks(organisation, hr):
    application = application_in_pipeline(organisation).application
    with pytest.raises(errors.AssessmentError):
        diversity.save_diversity(application, {"gender": "woman"})
    diversity.set_diversity_enabled(organisation, enabled=True, user=hr)
    diversity.save_diversity(application, {"gender": "woman"})
    response = DiversityResponse.objects.get()
    assert response.gender == "woman" and response.age_group == "not_said"
    with pytest.raises(errors.AssessmentError):
        diversity.save_diversity(application, {"gender": "robot"})
    diversity.withdraw_diversity(application)
    assert not DiversityResponse.objects.exists()


def _pass_through(organisation, vacancy):
    from talentbrug.insights import services
    from talentbrug.insights.constants import Section

    tables = services.figures_for(Section.SELECTION, organisation, "12", "", vacancy.pk).tables
    rows = next(t for t in tables if t["key"] == "doorstroom")["rows"]
    return {r["label"]: r["cells"] for r in rows}


def test_pass_through_adds_voluntary_groups_with_suppression(organisation, hr):
    vacancy = vacancy_with_requirements(organisation)
    _fill(organisation, vacancy, 1)  # before switching on: no answers
    diversity.set_diversity_enabled(organisation, enabled=True, user=hr)
    _fill(organisation, vacancy, 5, gender="woman")
    _fill(organisation, vacancy, 2, gender="man")
    rows = _pass_through(organisation, vacancy)
    # Both answered groups would be shown by size, but 7 - 5 gives the 2 men away: both hidden.
    assert rows["Gender (vrijwillig): Vrouw"][0]["s"] and rows["Gender (vrijwillig): Man"][0]["s"]
    assert rows["Gender (vrijwillig): totaal"][0] == {"v": 7, "s": False}
    # Who did not answer is not a group: only what the candidate chose to say is counted.
    assert not any("niet ingevuld" in label for label in rows)
    _fill(organisation, vacancy, 5, gender="man")
    rows = _pass_through(organisation, vacancy)
    assert rows["Gender (vrijwillig): Vrouw"][0] == {"v": 5, "s": False}
    assert rows["Gender (vrijwillig): Man"][0] == {"v": 7, "s": False}
    # Voluntary groups come after the groups the organisation sees anyway.
    labels = list(rows)
    assert labels.index("Gender (vrijwillig): Vrouw") > labels.index("Opleiding: totaal")
    diversity.set_diversity_enabled(organisation, enabled=False, user=hr)
    assert not any("vrijwillig" in label for label in _pass_through(organisation, vacancy))


def test_fairness_page_now_in_insights_has_table_chart_and_text(organisation, hr):
    vacancy = vacancy_with_requirements(organisation)
    diversity.set_diversity_enabled(organisation, enabled=True, user=hr)
    _fill(organisation, vacancy, 5, gender="woman")
    _fill(organisation, vacancy, 1, gender="man")
    client = verified_client(hr)
    response = client.get(reverse("selection:fairness", kwargs={"pk": vacancy.pk}))
    body = client.get(response.url).content.decode()
    assert '<svg class="tb-chart__svg" role="img"' in body
    assert "Doorstroom per fase, per groep" in body
    assert "Gender (vrijwillig): Vrouw" in body
    assert "Op deze pagina zijn cijfers verborgen" in body


def test_reviewers_never_see_answers_per_person(organisation, hr):
    diversity.set_diversity_enabled(organisation, enabled=True, user=hr)
    progress = application_in_pipeline(organisation)
    diversity.save_diversity(progress.application, {"gender": "other", "disability": "yes"})
    client = verified_client(hr)
    for name in ("selection:application", "selection:scorecard"):
        body = client.get(reverse(name, kwargs={"pk": progress.application_id})).content.decode()
        assert "arbeidsbeperking" not in body.lower() and "Anders" not in body


def test_answers_are_deleted_with_the_application(organisation, hr):
    from talentbrug.privacy.services.removal import Removal, anonymise_application

    diversity.set_diversity_enabled(organisation, enabled=True, user=hr)
    application = application_in_pipeline(organisation).application
    diversity.save_diversity(application, {"gender": "woman"})
    removal = Removal()
    anonymise_application(application, removal)
    assert not DiversityResponse.objects.exists()
    assert removal.counts["deleted.assessments.DiversityResponse"] == 1


def test_candidate_fills_in_and_removes_answers_in_the_portal(organisation, hr):
    application = ApplicationFactory(vacancy=vacancy_with_requirements(organisation))
    client = portal_client(application.candidate)
    url = reverse("assessments:portal_diversity", kwargs={"pk": application.pk})
    body = client.get(url).content.decode()
    assert "stelt geen extra vragen" in body
    assert client.post(url, {"gender": "woman"}).status_code == 200
    assert not DiversityResponse.objects.exists()
    diversity.set_diversity_enabled(organisation, enabled=True, user=hr)
    body = client.get(reverse("applications:portal_application", kwargs={"pk": application.pk}))
    assert "Naar de vrijwillige vragen" in body.content.decode()
    assert client.get(url).status_code == 200
    assert client.post(url, {"gender": "woman", "age_group": "25_34"}).status_code == 302
    assert DiversityResponse.objects.get().age_group == "25_34"
    assert client.post(url, {"gender": "nonsense"}).status_code == 400
    assert client.post(url, {"action": "withdraw"}).status_code == 302
    assert not DiversityResponse.objects.exists()
    # Someone else's application: 404.
    other = ApplicationFactory(vacancy=application.vacancy)
    assert (
        client.get(reverse("assessments:portal_diversity", kwargs={"pk": other.pk})).status_code
        == 404
    )


def test_diversity_setting_page(organisation, hr):
    client = verified_client(hr)
    url = reverse("assessments:diversity_settings")
    assert client.get(url).status_code == 200
    assert client.post(url, {"enabled": "on"}).status_code == 302
    assert diversity.diversity_enabled(organisation)
