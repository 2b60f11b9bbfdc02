"""The highest diploma on the apply form (issue #22): optional, Dutch or foreign, a foreign one
with its IDW (Nuffic) evaluation and the PDF, shown with its source to HR and the candidate."""

from __future__ import annotations

import re
from datetime import date
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import translation

from talentbrug.accounts.constants import Role

from ..constants import DocumentKind, EducationSource
from ..models import Application, Candidate, Document, Education, PendingApplication
from .factories import PublishedVacancyFactory
from .helpers import apply_post, docx_cv, pdf_cv, portal_client, upload

pytestmark = pytest.mark.django_db

FOREIGN = {
    "diploma_programme": "Computer Engineering",
    "diploma_level": "6",
    "diploma_origin": "abroad",
    "diploma_country": "Syrië",
    "diploma_evaluation": "idw_received",
    "evaluation_reference": "IDW-2026-0412",
    "evaluation_date": "2026-03-12",
}
SHOWN = "NLQF 6 · EQF 6 (Niveau 6: bachelor). Bron: Diplomawaardering (IDW) ontvangen"


def _url(vacancy, route="cv"):
    return reverse("applications:apply_route", kwargs={"pk": vacancy.pk, "route": route})


def test_the_apply_form_asks_for_the_diploma_in_the_route_step_and_optionally(client):
    vacancy = PublishedVacancyFactory()
    page = client.get(_url(vacancy)).content.decode()
    steps = page.split("data-step>")
    assert len(steps) == 5  # still four steps
    assert 'name="diploma_programme"' in steps[2] and 'name="cv"' in steps[2]
    assert "Je hoogste diploma (niet verplicht)" in steps[2]
    # the foreign part is folded away until asked for (short on a phone), with the pointer
    assert '<details class="tb-card tb-diploma-abroad">' in steps[2]
    assert 'href="https://www.idw.nl/"' in steps[2]
    assert 'accept=".pdf,application/pdf"' in steps[2]
    # nothing about a diploma: applying works as before and stores none
    assert client.post(_url(vacancy), apply_post(cv=upload("cv.pdf", pdf_cv()))).status_code == 302
    assert not Education.objects.exists()


def test_the_pointer_to_idw_is_in_the_candidates_language(client):
    vacancy = PublishedVacancyFactory()
    text = "Zo vraag je een diplomawaardering aan (idw.nl)"
    with translation.override("ar"):
        arabic = str(translation.gettext(text))
    assert arabic != text  # the catalog has it
    client.cookies["django_language"] = "ar"
    page = client.get(_url(vacancy), HTTP_ACCEPT_LANGUAGE="ar").content.decode()
    assert arabic in page and 'dir="rtl"' in page


def test_a_foreign_diploma_with_its_evaluation_and_pdf_reaches_hr_and_the_candidate(
    client, staff_client, organisation
):
    vacancy = PublishedVacancyFactory(organisation=organisation)
    data = apply_post(
        cv=upload("cv.pdf", pdf_cv()),
        evaluation_file=upload("waardering.pdf", pdf_cv(), "application/pdf"),
        **FOREIGN,
    )
    response = client.post(_url(vacancy), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    application = Application.objects.get()
    education = Education.objects.get()
    assert education.application == application and education.confirmed
    assert education.level_source == EducationSource.IDW_RECEIVED
    assert (education.evaluation_reference, education.evaluation_date) == (
        "IDW-2026-0412",
        date(2026, 3, 12),
    )
    assert education.is_foreign and education.is_evaluated and not education.needs_evaluation
    pdf = education.evaluation_document
    assert pdf.kind == DocumentKind.DIPLOMA_EVALUATION and pdf.application == application
    assert pdf.detected_type == "pdf"
    # HR: the level as NLQF + EQF with its source, and the PDF to open
    hr = staff_client(organisation, Role.HR_ADVISER)
    detail = hr.get(reverse("applications:staff_detail", args=[application.pk])).content.decode()
    assert SHOWN in detail and "kenmerk IDW-2026-0412, 12 maart 2026" in detail
    link = reverse("applications:staff_document", args=[application.pk, pdf.pk])
    assert f'href="{link}">Pdf van de diplomawaardering</a>' in detail
    assert hr.get(link).status_code == 200
    # the candidate sees the same back, with their own PDF
    mine = portal_client(application.candidate)
    profile = mine.get(reverse("applications:portal_profile")).content.decode()
    assert SHOWN in profile
    assert reverse("applications:portal_document", args=[pdf.pk]) in profile


def test_the_evaluation_must_be_a_pdf_and_goes_through_the_shared_validator(client):
    vacancy = PublishedVacancyFactory()
    data = apply_post(
        cv=upload("cv.pdf", pdf_cv()),
        evaluation_file=upload("waardering.docx", docx_cv()),
        **FOREIGN,
    )
    response = client.post(_url(vacancy), data)
    assert response.status_code == 200
    page = response.content.decode()
    assert "stuur de diplomawaardering als PDF, zoals je die van IDW kreeg" in page
    # the step with the error opens folded out
    assert '<details class="tb-card tb-diploma-abroad" open>' in page
    assert not Application.objects.exists() and not Document.objects.exists()
    # a PDF with an evaluation that is not there is refused with a reason
    data = apply_post(
        cv=upload("cv.pdf", pdf_cv()),
        evaluation_file=upload("waardering.pdf", pdf_cv()),
        **{**FOREIGN, "diploma_evaluation": "self_declared"},
    )
    page = client.post(_url(vacancy), data).content.decode()
    assert "Een pdf hoort bij een diplomawaardering" in page
    assert not Application.objects.exists()


@pytest.mark.parametrize(
    "changes,error",
    [
        ({"evaluation_reference": ""}, "Vul het kenmerk van je diplomawaardering in."),
        ({"diploma_level": ""}, "Kies het niveau dat op je diplomawaardering staat."),
        ({"diploma_country": ""}, "Vul in in welk land je het diploma haalde."),
        ({"diploma_programme": ""}, "Vul de naam van je diploma in."),
        ({"evaluation_date": "2099-01-01"}, "Deze datum ligt in de toekomst."),
    ],
)
def test_an_incomplete_diploma_is_explained(client, changes, error):
    vacancy = PublishedVacancyFactory()
    data = apply_post(cv=upload("cv.pdf", pdf_cv()), **{**FOREIGN, **changes})
    response = client.post(_url(vacancy), data)
    assert response.status_code == 200 and error in response.content.decode()
    assert not Application.objects.exists()


def test_a_dutch_diploma_and_a_foreign_one_without_evaluation(client, staff_client, organisation):
    vacancy = PublishedVacancyFactory(organisation=organisation)
    dutch = apply_post(
        cv=upload("cv.pdf", pdf_cv()),
        diploma_programme="ICT-beheer",
        diploma_level="4",
        diploma_origin="nl",
    )
    assert client.post(_url(vacancy), dutch).status_code == 302
    education = Education.objects.get()
    assert education.level_source == EducationSource.DUTCH_DIPLOMA and not education.is_foreign
    foreign = apply_post(
        email="yonas@voorbeeld.nl",
        cv=upload("cv.pdf", pdf_cv()),
        diploma_programme="Electrical engineering",
        diploma_level="6",
        diploma_origin="abroad",
        diploma_country="Eritrea",
        diploma_evaluation="self_declared",
    )
    assert client.post(_url(vacancy), foreign).status_code == 302
    application = Application.objects.get(candidate__email="yonas@voorbeeld.nl")
    education = Education.objects.get(application=application)
    assert education.needs_evaluation
    hr = staff_client(organisation, Role.HR_ADVISER)
    detail = hr.get(reverse("applications:staff_detail", args=[application.pk])).content.decode()
    assert "Buitenlands diploma zonder diplomawaardering" in detail
    profile = (
        portal_client(application.candidate)
        .get(reverse("applications:portal_profile"))
        .content.decode()
    )
    assert "Vraag een diplomawaardering aan bij IDW (Nuffic)" in profile


def test_a_known_address_keeps_the_diploma_and_pdf_until_the_link_is_followed(
    client, django_capture_on_commit_callbacks
):
    Candidate.objects.create(email="amira.haddad@voorbeeld.nl", name="Amira Haddad")
    vacancy = PublishedVacancyFactory()
    data = apply_post(
        cv=upload("cv.pdf", pdf_cv()),
        evaluation_file=upload("waardering.pdf", pdf_cv()),
        **FOREIGN,
    )
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(_url(vacancy), data).status_code == 302
    pending = PendingApplication.objects.get()
    assert pending.data["evaluation_date"] == "2026-03-12"
    assert not Education.objects.exists()
    [message] = [m for m in mail.outbox if "bevestigen" in m.body]
    url = re.search(r"https?://\S+/solliciteren/bevestigen/\S+/", message.body).group(0)
    with django_capture_on_commit_callbacks(execute=True):
        Client().post(urlsplit(url).path)
    education = Education.objects.get()
    assert education.evaluation_date == date(2026, 3, 12)
    assert education.evaluation_document.kind == DocumentKind.DIPLOMA_EVALUATION
