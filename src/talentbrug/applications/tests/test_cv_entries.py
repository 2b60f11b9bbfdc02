"""Education and work experience read from a CV (nl and en), checked by the candidate."""

from __future__ import annotations

import pytest
from django.urls import reverse

from talentbrug.docanalysis.tests import samples

from ..cvparse import guess_level, parse_cv
from ..models import Document, Education, Experience
from ..services import extraction, profile
from .factories import ApplicationFactory
from .helpers import portal_client, upload

DUTCH_CV = [
    "Amira Haddad",
    "amira@voorbeeld.nl",
    "Profiel",
    "Ik help graag mensen met hun computer.",
    "Werkervaring",
    "2021 – heden    Servicedeskmedewerker, Gemeente Utrecht",
    "- Gebruikers helpen met laptops en accounts",
    "sep 2015 - jun 2019 | Systeembeheerder | Syriatel, Damascus",
    "Vrijwilliger taalcafé",
    "Bibliotheek Utrecht",
    "2020 - 2021",
    "Opleiding",
    "2020 – 2022  MBO 4 ICT Beheer (crebo 25604, BBL), ROC Midden Nederland",
    "2010 - 2014  Bachelor Informatica, Universiteit van Damascus, Syrië",
    "Vaardigheden",
    "netwerkbeheer, klanten helpen",
]

ENGLISH_CV = [
    "Yohannes Tesfay",
    "EDUCATION",
    "Bachelor of Science in Computer Engineering",
    "Asmara University, Eritrea",
    "2012 - 2016",
    "Secondary School Certificate, Asmara, 2008 - 2011",
    "WORK EXPERIENCE",
    "IT Support Technician at Eritel, Asmara (2016 – 2020)",
    "• Installed and maintained networks",
    "Warehouse employee — PostNL, Rotterdam — 2021 to present",
    "SKILLS",
    "Networking, Linux",
]


# --------------------------------------------------------------------------- pure parser


def test_dutch_cv():
    found = parse_cv("\n".join(DUTCH_CV))
    mbo, bachelor = found.education
    assert (mbo.programme, mbo.institution, mbo.level) == (
        "MBO 4 ICT Beheer",
        "ROC Midden Nederland",
        "4",
    )
    assert (mbo.crebo, mbo.mbo_level, mbo.mbo_path) == ("25604", 4, "bbl")
    assert (bachelor.programme, bachelor.institution, bachelor.level, bachelor.country) == (
        "Bachelor Informatica",
        "Universiteit van Damascus",
        "6",
        "Syrië",
    )
    now, syria, volunteer = found.experience
    assert (now.title, now.employer, now.start_year, now.end_year, now.current) == (
        "Servicedeskmedewerker",
        "Gemeente Utrecht",
        2021,
        None,
        True,
    )
    assert (syria.title, syria.employer, syria.country) == ("Systeembeheerder", "Syriatel", "Syrië")
    assert (syria.start_year, syria.end_year) == (2015, 2019)
    assert (volunteer.title, volunteer.employer, volunteer.unpaid) == (
        "Vrijwilliger taalcafé",
        "Bibliotheek Utrecht",
        True,
    )


def test_english_cv():
    found = parse_cv("\n".join(ENGLISH_CV))
    bachelor, secondary = found.education
    assert bachelor.programme == "Bachelor of Science in Computer Engineering"
    assert (bachelor.institution, bachelor.country, bachelor.level) == (
        "Asmara University",
        "Eritrea",
        "6",
    )
    assert (bachelor.start_year, bachelor.end_year) == (2012, 2016)
    assert secondary.level == "4"  # a secondary school certificate compares to havo
    support, warehouse = found.experience
    assert (support.title, support.employer, support.country) == (
        "IT Support Technician",
        "Eritel",
        "Eritrea",
    )
    assert (warehouse.title, warehouse.employer, warehouse.current) == (
        "Warehouse employee",
        "PostNL",
        True,
    )


def test_cv_without_headings_sorts_by_school_words():
    found = parse_cv(
        "Mehmet Yilmaz\n"
        "2015-2019 Lisans, Bilgisayar Mühendisliği, Ankara Üniversitesi\n"
        "2019-2022 Yazılım geliştirici bij Turkcell, Istanbul\n"
    )
    assert [e.programme for e in found.education] == ["Lisans Bilgisayar Mühendisliği"]
    assert found.education[0].level == "6" and found.education[0].country == "Turkije"
    assert [(w.title, w.employer) for w in found.experience] == [
        ("Yazılım geliştirici", "Turkcell")
    ]


@pytest.mark.parametrize(
    ("text", "level"),
    [
        ("mbo niveau 2 Logistiek", "2"),
        ("MBO-3 Medewerker ICT", "3"),
        ("havo", "4"),
        ("vwo (atheneum)", "4+"),
        ("Associate degree ICT", "5"),
        ("Ön Lisans Bilgisayar", "5"),
        ("HBO-ICT", "6"),
        ("Master of Science Data Science", "7"),
        ("PhD Physics", "8"),
        ("Cursus Excel", ""),
    ],
)
def test_level_guess(text, level):
    assert guess_level(text) == level


def test_nothing_found_in_text_without_periods_or_in_hostile_input():
    assert parse_cv("Ik kan goed plannen en klanten helpen.").education == []
    assert parse_cv("").experience == []
    huge = "2019 - 2020 " + "x" * 500_000
    assert len(parse_cv(huge).experience) <= 1


# --------------------------------------------------------------------------- in the app


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("lines", "maker", "name"),
    [(DUTCH_CV, samples.make_pdf, "cv.pdf"), (ENGLISH_CV, samples.make_docx, "cv.docx")],
    ids=["nl-pdf", "en-docx"],
)
def test_entries_from_an_uploaded_cv_are_shown_to_check_and_confirm(
    lines, maker, name, django_capture_on_commit_callbacks
):
    application = ApplicationFactory()
    candidate = application.candidate
    client = portal_client(candidate)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("applications:portal_upload", args=[application.pk]),
            {"kind": "cv", "file": upload(name, maker(lines))},
        )
    assert response.status_code == 302
    assert Document.objects.get().extraction_status == "done"
    educations = list(Education.objects.filter(candidate=candidate))
    experiences = list(Experience.objects.filter(candidate=candidate))
    assert len(educations) == 2 and len(experiences) >= 2
    assert not any(e.confirmed for e in educations + experiences)
    assert all(e.source == "extracted" for e in educations + experiences)
    page = client.get(reverse("applications:portal_profile")).content.decode()
    assert "Dit lazen we in je cv. Klopt het?" in page
    assert educations[0].programme in page and experiences[0].title in page
    # The candidate keeps the first education, removes the second.
    response = client.post(
        reverse("applications:portal_profile"),
        {"action": "found_education", "fedu-keep": [str(educations[0].pk)]},
    )
    assert response.status_code == 302
    assert list(Education.objects.filter(candidate=candidate)) == [educations[0]]
    assert Education.objects.get().confirmed
    # Confirming experiences keeps all that stay ticked.
    client.post(
        reverse("applications:portal_profile"),
        {"action": "found_experience", "fexp-keep": [str(e.pk) for e in experiences]},
    )
    assert Experience.objects.filter(candidate=candidate, confirmed=True).count() == len(
        experiences
    )
    assert (
        "Dit lazen we in je cv"
        not in client.get(reverse("applications:portal_profile")).content.decode()
    )


@pytest.mark.django_db
def test_reading_the_same_cv_twice_adds_nothing_twice():
    candidate = ApplicationFactory().candidate
    found = parse_cv("\n".join(DUTCH_CV))
    assert extraction.add_found_entries(candidate, found) == (2, 3)
    assert extraction.add_found_entries(candidate, found) == (0, 0)


@pytest.mark.django_db
def test_confirming_touches_only_unconfirmed_rows():
    candidate = ApplicationFactory().candidate
    own = Education.objects.create(candidate=candidate, programme="Zelf ingevuld")
    extraction.add_found_entries(candidate, parse_cv("\n".join(ENGLISH_CV)))
    profile.confirm_entries(candidate, "education", [])
    assert list(Education.objects.filter(candidate=candidate)) == [own]
