from __future__ import annotations

import pytest

from talentbrug.audit.models import AuditEvent
from talentbrug.matches import engine, services
from talentbrug.matches.constants import ENGINE_VERSION
from talentbrug.matches.inputs import candidate_input, vacancy_input
from talentbrug.matches.models import Match

from .helpers import (
    CRM,
    SOLVE,
    SUPPORT,
    SUPPORT_USERS,
    TICKET,
    apply,
    make_candidate,
    make_vacancy,
)

pytestmark = pytest.mark.django_db


def test_vacancy_input_maps_requirements_languages_and_facts(organisation):
    vacancy = make_vacancy(organisation, [TICKET, SUPPORT], [CRM], min_education_level="4+")
    pure, free = vacancy_input(vacancy)
    assert {(r.skill_id, r.must_have) for r in pure.skills} == {
        (TICKET, True),
        (SUPPORT, True),
        (CRM, False),
    }
    assert pure.languages[0].language == "nl" and pure.languages[0].at_start is False
    assert (pure.hours_min, pure.hours_max, pure.region, pure.nlqf_level) == (
        32,
        36,
        "Gelderland",
        4,
    )
    assert free == []


def test_candidate_input_counts_unconfirmed_skills_with_a_lower_weight():
    """Issue #20: a skill found in the candidate's text and not yet confirmed is evidence with
    a lower weight, not missing."""
    from talentbrug.matches.inputs import UNCONFIRMED_SKILL_WEIGHT

    cand = make_candidate([TICKET], unconfirmed=[SOLVE], nl="A2", hours=24)
    pure = candidate_input(cand)
    assert pure.skills == {TICKET: 1.0, SOLVE: UNCONFIRMED_SKILL_WEIGHT}
    assert pure.languages[("nl", "speaking")] == "A2"
    assert (pure.hours_min, pure.hours_max) == (20, 28)
    assert pure.nlqf_level == 4 and pure.regions == frozenset({"Gelderland"})


def test_ranks_applicants_and_pool_not_others_and_stores_explanations(organisation, make_staff):
    vacancy = make_vacancy(organisation, [TICKET, SUPPORT], [CRM])
    best = make_candidate([TICKET, SUPPORT, CRM])
    partial = make_candidate([SUPPORT_USERS], consent=True)  # pool, related skill only
    weak = make_candidate([SOLVE])
    outsider = make_candidate([TICKET, SUPPORT, CRM])  # no application, no consent
    apply(best, vacancy)
    apply(weak, vacancy)
    hr = make_staff(organisation)
    results, _free = services.rank_candidates(vacancy, actor=hr)
    ids = [r.candidate_id for r in results]
    assert outsider.pk not in ids
    assert ids[0] == best.pk and set(ids) == {best.pk, partial.pk, weak.pk}
    by_id = {r.candidate_id: r for r in results}
    assert by_id[partial.pk].source == "talent_pool"
    partly = by_id[partial.pk].explanation["partly_matched"]
    assert partly and partly[0]["via_skill_id"] == SUPPORT_USERS
    assert "deels, via" in by_id[partial.pk].described.partly[0]
    assert by_id[weak.pk].described.must_missing  # missing must-haves listed
    assert by_id[weak.pk].described.learnable_missing
    stored = Match.objects.filter(vacancy=vacancy).order_by("rank")
    assert [m.candidate_id for m in stored] == ids
    assert stored[0].engine_version.startswith(ENGINE_VERSION)
    assert stored[0].explanation["score"] == pytest.approx(results[0].score)
    assert stored[0].computed_by == hr
    event = AuditEvent.objects.get(event_type="matching.candidates_ranked")
    assert event.data == {"vacancy": vacancy.pk, "count": 3, "applicants": 2, "pool": 1}


def test_index_score_agrees_with_explanation(organisation):
    vacancy = make_vacancy(organisation, [TICKET, SUPPORT], [CRM])
    for skills in ([TICKET], [SUPPORT_USERS, CRM], [TICKET, SUPPORT]):
        apply(make_candidate(skills), vacancy)
    index = engine.get_index()
    pure, _free = vacancy_input(vacancy)
    scores = index.scores(pure)
    results, _ = services.rank_candidates(vacancy, store=False)
    for r in results:
        assert float(scores[index.row_of[str(r.candidate_id)]]) == pytest.approx(r.score, abs=1e-4)


def test_one_candidate_change_updates_the_warm_index_without_rebuild(
    organisation, monkeypatch, django_capture_on_commit_callbacks
):
    from talentbrug.applications.models import CandidateSkill

    vacancy = make_vacancy(organisation, [TICKET])
    cand = make_candidate([SOLVE])
    apply(cand, vacancy)
    engine.get_index()  # warm
    builds = []
    monkeypatch.setattr(engine, "build_index", lambda: builds.append(1))
    with django_capture_on_commit_callbacks(execute=True):
        CandidateSkill.objects.create(
            candidate=cand, esco_id=TICKET, label="ticket", confirmed=True
        )
    assert TICKET in engine.get_index().profiles[str(cand.pk)].skills
    results, _ = services.rank_candidates(vacancy, store=False)
    assert results[0].explanation["matched"][0]["skill_id"] == TICKET
    with django_capture_on_commit_callbacks(execute=True):
        cand.delete()
    assert str(cand.pk) not in engine.get_index()
    assert builds == []


def test_vacancy_without_requirements_ranks_on_other_signals_and_says_so(organisation):
    from talentbrug.applications.tests.factories import PublishedVacancyFactory

    vacancy = PublishedVacancyFactory(organisation=organisation, region="Utrecht")
    apply(make_candidate([TICKET], regions=["Utrecht"]), vacancy)
    apply(make_candidate([TICKET], regions=["Limburg"]), vacancy)
    results, _ = services.rank_candidates(vacancy, store=False)
    assert len(results) == 2 and results[0].score > results[1].score
    assert any("geen vaardigheden" in note for note in results[0].described.notes)


def test_no_candidates_gives_empty_list(organisation):
    vacancy = make_vacancy(organisation, [TICKET])
    assert services.rank_candidates(vacancy) == ([], [])


def test_vacancies_for_candidate_include_carved_roles_and_only_open_ones(organisation):
    from talentbrug.vacancies.constants import VacancyStatus

    source = make_vacancy(organisation, [TICKET, SUPPORT], title="Servicedesk")
    carved = make_vacancy(organisation, [TICKET], title="Servicedesk mbo 2", carved_from=source)
    closed = make_vacancy(organisation, [TICKET], title="Gesloten", status=VacancyStatus.CLOSED)
    other = make_vacancy(organisation, [SOLVE], title="Zonder overlap")
    cand = make_candidate([TICKET])
    found = services.rank_vacancies(cand, limit=10)
    titles = [r.vacancy.title for r in found]
    assert "Servicedesk mbo 2" in titles and "Servicedesk" in titles
    assert closed.title not in titles and other.title not in titles
    assert next(r for r in found if r.vacancy == carved).carved
    assert Match.objects.filter(candidate=cand, direction="for_candidate").count() == len(found)


def test_candidate_without_skills_gets_no_vacancies():
    cand = make_candidate([])
    assert services.rank_vacancies(cand) == []


def test_portal_fragment_renders(organisation):
    from django.template import Context, Template

    make_vacancy(organisation, [TICKET], title="Servicedeskmedewerker")
    cand = make_candidate([TICKET])
    html = Template("{% load matches %}{% vacancies_for_you candidate %}").render(
        Context({"candidate": cand})
    )
    assert "Vacatures die bij je passen" in html and "Servicedeskmedewerker" in html
    empty = Template("{% load matches %}{% vacancies_for_you candidate %}").render(
        Context({"candidate": make_candidate([])})
    )
    assert "nog geen vacature" in empty


def test_no_skill_evidence_never_outranks_evidence(organisation, make_staff):
    """Issue #20: a candidate who meets no required skill (not even partly) comes after one who
    meets some, even when hours, region and language give the first a higher score."""
    vacancy = make_vacancy(organisation, [TICKET, SUPPORT, CRM], [])
    fits_otherwise = make_candidate([], nl="C1", hours=32, consent=True)
    found_in_cv = make_candidate(
        [], unconfirmed=[TICKET], nl="A1", hours=8, regions=["Limburg"], consent=True
    )
    apply(fits_otherwise, vacancy)
    results, _free = services.rank_candidates(vacancy, actor=make_staff(organisation))
    by_id = {r.candidate_id: r for r in results}
    assert by_id[fits_otherwise.pk].score > by_id[found_in_cv.pk].score  # the trap is real
    assert [r.candidate_id for r in results] == [found_in_cv.pk, fits_otherwise.pk]
    assert any("nog niet bevestigd" in m for m in by_id[found_in_cv.pk].described.matched)
