"""Tenant isolation of the candidate profile: organisation B never sees what the candidate
entered (or what we read from the CV) when applying at organisation A."""

from __future__ import annotations

import pytest
from django.urls import reverse

from talentbrug.accounts.constants import Role
from talentbrug.docanalysis.tests import samples

from ..constants import Route
from ..models import CandidateSkill, Education, Experience
from ..services import extraction, profile, submission
from ..uploads import check_document
from .factories import PublishedVacancyFactory
from .helpers import portal_client, upload

pytestmark = pytest.mark.django_db

CV_AT_A = [
    "Werkervaring",
    "2016 - 2020  Systeembeheerder, Syriatel, Damascus",
    "Opleiding",
    "2010 - 2014  Bachelor Informatica, Universiteit van Damascus, Syrië",
    "Ik ken python.",
]
CV_AT_B = [
    "Werkervaring",
    "2021 - heden  Magazijnmedewerker, PostNL, Rotterdam",
    "Ik kan klanten helpen.",
]


def _apply(vacancy, lines, **extra):
    file = upload("cv.pdf", samples.make_pdf(lines))
    data = submission.ApplyData(
        route=Route.CV,
        name="Amira Haddad",
        email="amira@voorbeeld.nl",
        files=[("cv", file, check_document(file))],
        **extra,
    )
    application, _ = submission.apply(vacancy, data)
    return application


def test_hr_of_b_sees_only_what_was_entered_for_b(
    staff_client, organisation, other_organisation, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        at_a = _apply(
            PublishedVacancyFactory(organisation=organisation),
            CV_AT_A,
            accommodations="Ik heb een rolstoelingang nodig.",
            wants_language_coach=True,
        )
    with django_capture_on_commit_callbacks(execute=True):
        at_b = _apply(PublishedVacancyFactory(organisation=other_organisation), CV_AT_B)
    assert at_a.candidate_id == at_b.candidate_id  # one person
    candidate = at_a.candidate
    # Rows are tied to the application they came from.
    assert set(Education.objects.values_list("application_id", flat=True)) == {at_a.pk}
    assert set(Experience.objects.values_list("application_id", flat=True)) == {at_a.pk, at_b.pk}
    assert set(CandidateSkill.objects.values_list("application_id", flat=True)) == {
        at_a.pk,
        at_b.pk,
    }
    # Something the candidate adds on the personal page is for every organisation.
    portal_client(candidate).post(
        reverse("applications:portal_profile"),
        {
            "action": "language",
            "lang-language": "nl",
            "lang-skill": "speaking",
            "lang-level": "B1",
            "lang-evidence": "self_declared",
        },
    )
    extraction.add_chosen_skill(candidate, "Netwerkbeheer")

    hr_b = staff_client(other_organisation, Role.HR_ADVISER)
    page_b = hr_b.get(reverse("applications:staff_detail", args=[at_b.pk])).content.decode()
    assert "Magazijnmedewerker" in page_b and "klanten helpen" in page_b
    assert "netwerkbeheer" in page_b and "B1" in page_b
    for secret in (
        "Systeembeheerder",
        "Syriatel",
        "Bachelor Informatica",
        "Python",
        "rolstoelingang",
    ):
        assert secret not in page_b, secret
    assert "taalcoach" not in page_b.split("Begeleiding", 1)[1].split("</dd>", 1)[0]

    hr_a = staff_client(organisation, Role.HR_ADVISER)
    page_a = hr_a.get(reverse("applications:staff_detail", args=[at_a.pk])).content.decode()
    assert "Systeembeheerder" in page_a and "Bachelor Informatica" in page_a
    assert "rolstoelingang" in page_a and "netwerkbeheer" in page_a
    assert "Magazijnmedewerker" not in page_a and "klanten helpen" not in page_a

    # The candidate sees everything of their own.
    own = portal_client(candidate).get(reverse("applications:portal_profile")).content.decode()
    assert "Systeembeheerder" in own and "Magazijnmedewerker" in own


def test_profile_for_is_the_one_filter(organisation, other_organisation):
    from .factories import ApplicationFactory

    at_a = ApplicationFactory(vacancy=PublishedVacancyFactory(organisation=organisation))
    candidate = at_a.candidate
    Education.objects.create(candidate=candidate, application=at_a, programme="Van A")
    Education.objects.create(candidate=candidate, programme="Zelf ingevuld")
    seen_by_b = profile.profile_for(candidate, other_organisation)["educations"]
    assert [e.programme for e in seen_by_b] == ["Zelf ingevuld"]
    seen_by_a = profile.profile_for(candidate, organisation)["educations"]
    assert sorted(e.programme for e in seen_by_a) == ["Van A", "Zelf ingevuld"]


def test_migration_scopes_existing_rows_only_when_one_organisation_saw_them(
    organisation, other_organisation
):
    import importlib

    from django.apps import apps

    from .factories import ApplicationFactory

    migration = importlib.import_module(
        "talentbrug.applications.migrations.0002_questions_cv_entries_hours_video_length_org_scope"
    )
    only_a = ApplicationFactory(
        vacancy=PublishedVacancyFactory(organisation=organisation),
        candidate__accommodations="Extra tijd",
        candidate__wants_buddy=True,
    )
    both = ApplicationFactory(vacancy=PublishedVacancyFactory(organisation=organisation))
    ApplicationFactory(
        vacancy=PublishedVacancyFactory(organisation=other_organisation), candidate=both.candidate
    )
    one = Education.objects.create(candidate=only_a.candidate, programme="Alleen A")
    shared = Education.objects.create(candidate=both.candidate, programme="A en B")
    migration.scope_existing_profiles(apps, None)
    one.refresh_from_db()
    shared.refresh_from_db()
    only_a.refresh_from_db()
    assert one.application_id == only_a.pk  # only A can have seen it
    assert shared.application_id is None  # unknown: stays as it was
    assert only_a.accommodations == "Extra tijd" and only_a.wants_buddy
