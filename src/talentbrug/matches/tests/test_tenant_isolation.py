"""Tenant isolation: staff of one organisation never see, in match results, stored
explanations or on the "Passende kandidaten" page, skills or education found in an
application to another organisation. Only the consented talent pool (anonymised) shows the
whole profile."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse

from talentbrug.accounts.constants import Role
from talentbrug.applications.models import CandidateSkill, Education
from talentbrug.matches import services
from talentbrug.matches.inputs import candidate_input
from talentbrug.matches.models import Match

from .helpers import (
    SUPPORT,
    SUPPORT_USERS,
    TICKET,
    apply,
    give_consent,
    make_candidate,
    make_skills,
    make_vacancy,
)

pytestmark = pytest.mark.django_db

# S: on the CV sent to organisation A only (a narrower skill of SUPPORT, so it would give a
# "deels, via S" line in B's explanation if it leaked).
S = SUPPORT_USERS


def _label(esco_id: str) -> str:
    return str(make_skills([esco_id])[esco_id].label())


def _candidate_at_a_and_b(organisation_a, organisation_b, *, consent: bool = False):
    """Applied at A with a CV listing S (and an NLQF 6 diploma), at B without S."""
    vacancy_a = make_vacancy(organisation_a, [SUPPORT], [TICKET])
    vacancy_b = make_vacancy(organisation_b, [SUPPORT], [TICKET])
    cand = make_candidate([TICKET], name="Amina Haddad")  # TICKET: own profile page
    app_a = apply(cand, vacancy_a)
    apply(cand, vacancy_b)
    CandidateSkill.objects.create(
        candidate=cand,
        application=app_a,
        skill=make_skills([S])[S],
        esco_id=S,
        label=_label(S),
        confirmed=True,
    )
    Education.objects.create(
        candidate=cand, application=app_a, programme="HBO-ICT", level="6", completed=True
    )
    if consent:
        give_consent(cand)
    return cand, vacancy_a, vacancy_b


def _assert_no_s(explanation: dict, described) -> None:
    text = json.dumps(explanation)
    assert S not in text and _label(S) not in text
    assert not described.partly and _label(S) not in " ".join(described.matched)


def test_candidate_input_for_an_organisation_uses_its_rows_only(organisation, other_organisation):
    cand, _va, _vb = _candidate_at_a_and_b(organisation, other_organisation)
    assert set(candidate_input(cand).skills) == {TICKET, S}  # whole profile (own page, index)
    at_a = candidate_input(cand, organisation=organisation)
    at_b = candidate_input(cand, organisation=other_organisation)
    assert set(at_a.skills) == {TICKET, S} and at_a.nlqf_level == 6
    assert set(at_b.skills) == {TICKET} and at_b.nlqf_level == 4  # own page diploma only


def test_other_organisation_never_sees_the_skill_in_results_or_stored_matches(
    organisation, other_organisation, make_staff
):
    cand, vacancy_a, vacancy_b = _candidate_at_a_and_b(organisation, other_organisation)
    results_b, _ = services.rank_candidates(vacancy_b, actor=make_staff(other_organisation))
    (row_b,) = results_b
    assert row_b.candidate_id == cand.pk and row_b.source == "applicant"
    _assert_no_s(row_b.explanation, row_b.described)
    assert row_b.explanation["missing_must_have"]  # SUPPORT: S does not count at B
    stored = Match.objects.get(vacancy=vacancy_b)
    _assert_no_s(stored.explanation, row_b.described)
    assert stored.score == pytest.approx(row_b.score)
    # A sees what came with the application to A: S counts as "deels".
    (row_a,) = services.rank_candidates(vacancy_a, actor=make_staff(organisation))[0]
    assert row_a.score > row_b.score
    assert row_a.explanation["partly_matched"][0]["via_skill_id"] == S


def test_warm_index_does_not_leak_the_skill_to_the_other_organisation(
    organisation, other_organisation
):
    from talentbrug.matches import engine

    cand, _va, vacancy_b = _candidate_at_a_and_b(organisation, other_organisation)
    assert S in engine.get_index().profiles[str(cand.pk)].skills  # the index is global
    (row_b,) = services.rank_candidates(vacancy_b, store=False)[0]
    _assert_no_s(row_b.explanation, row_b.described)


def test_b_match_page_does_not_show_the_skill(staff_client, organisation, other_organisation):
    _cand, _va, vacancy_b = _candidate_at_a_and_b(organisation, other_organisation)
    client = staff_client(other_organisation, Role.HIRING_MANAGER)
    html = client.get(reverse("matches:vacancy_matches", kwargs={"pk": vacancy_b.pk})).content
    html = html.decode()
    assert "Amina Haddad" in html
    assert _label(S) not in html and "Past deels" not in html


def test_consent_shows_the_whole_profile_anonymised_in_the_pool_only(
    staff_client, organisation, other_organisation, make_staff
):
    cand, _va, vacancy_b = _candidate_at_a_and_b(organisation, other_organisation, consent=True)
    # As an applicant to B (shown by name) the consent does not widen what B sees ...
    for source in ("alle", "talentpool"):
        client = staff_client(other_organisation, Role.HIRING_MANAGER)
        html = client.get(
            reverse("matches:vacancy_matches", kwargs={"pk": vacancy_b.pk}), {"bron": source}
        ).content.decode()
        assert _label(S) not in html
    # ... for another vacancy of B, in the talent pool (no name), the consented profile counts.
    other_b = make_vacancy(other_organisation, [SUPPORT], [TICKET])
    (row,) = services.rank_candidates(other_b, actor=make_staff(other_organisation))[0]
    assert row.candidate_id == cand.pk and row.source == "talent_pool"
    assert row.explanation["partly_matched"][0]["via_skill_id"] == S
    html = (
        staff_client(other_organisation, Role.HIRING_MANAGER)
        .get(reverse("matches:vacancy_matches", kwargs={"pk": other_b.pk}))
        .content.decode()
    )
    assert "Amina Haddad" not in html and "Talentpool" in html


# --------------------------------------------------------- "vacatures die bij je passen" (portal)


def test_vacancies_for_you_are_kept_for_the_candidate_not_under_an_organisation(
    organisation, other_organisation
):
    """The candidate's own list rests on the whole profile (S came with the application to A).
    What the candidate saw is stored as seen, under no organisation: nothing B may query holds
    S, not even B's own vacancy's row."""
    cand, _va, _applied_b = _candidate_at_a_and_b(organisation, other_organisation)
    # another vacancy at B (the ones applied to are not suggested again)
    vacancy_b = make_vacancy(other_organisation, [SUPPORT], [TICKET])
    shown = {r.vacancy.pk: r for r in services.rank_vacancies(cand, limit=10)}
    assert vacancy_b.pk in shown
    # The candidate sees their whole profile: S counts for B's vacancy on their own page.
    assert shown[vacancy_b.pk].explanation["partly_matched"][0]["via_skill_id"] == S
    stored = Match.objects.get(candidate=cand, vacancy=vacancy_b, direction="for_candidate")
    assert stored.organisation_id is None and stored.source == "candidate"
    assert stored.explanation == shown[vacancy_b.pk].explanation  # the audit shows the screen
    assert stored.score == pytest.approx(shown[vacancy_b.pk].score)
    for org in (organisation, other_organisation):
        assert not Match.objects.filter(organisation=org, direction="for_candidate").exists()
    for match in Match.objects.filter(organisation=other_organisation):
        assert S not in json.dumps(match.explanation)


def test_b_stored_rows_hold_no_s_after_portal_and_staff_rankings(
    organisation, other_organisation, make_staff
):
    cand, vacancy_a, vacancy_b = _candidate_at_a_and_b(organisation, other_organisation)
    make_vacancy(other_organisation, [SUPPORT], [TICKET])  # one B the portal may suggest
    assert services.rank_vacancies(cand, limit=10)
    services.rank_candidates(vacancy_b, actor=make_staff(other_organisation))
    services.rank_candidates(vacancy_a, actor=make_staff(organisation))
    at_b = list(Match.objects.filter(organisation=other_organisation))
    assert at_b and all(m.direction == "for_vacancy" for m in at_b)
    for match in at_b:
        assert S not in json.dumps(match.explanation) and _label(S) not in json.dumps(
            match.explanation
        )
    # A may see S (it came with the application to A): A's own staff ranking shows it.
    (at_a,) = Match.objects.filter(organisation=organisation)
    assert S in json.dumps(at_a.explanation)


@pytest.mark.parametrize(
    "direction,with_organisation", [("for_candidate", True), ("for_vacancy", False)]
)
def test_database_refuses_a_match_filed_the_wrong_way(organisation, direction, with_organisation):
    from django.db import IntegrityError, transaction
    from django.utils import timezone

    vacancy = make_vacancy(organisation, [TICKET])
    cand = make_candidate([TICKET])
    with pytest.raises(IntegrityError), transaction.atomic():
        Match.objects.create(
            organisation=organisation if with_organisation else None,
            vacancy=vacancy,
            candidate=cand,
            direction=direction,
            source="candidate" if direction == "for_candidate" else "applicant",
            rank=1,
            score=0.5,
            explanation={},
            engine_version="test",
            computed_at=timezone.now(),
        )
