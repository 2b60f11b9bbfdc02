"""The IDW evaluation PDF from the portal profile (issue #22).

The apply form takes the PDF; the personal page ("Voeg opleiding toe") takes it too. A Document
always belongs to an application, so the candidate chooses which organisation may see it: the
education and its PDF go with their open application there. Another organisation never sees
them: not on its pages, not in its staff export ZIP. The candidate's own export holds the PDF.
"""

from __future__ import annotations

import io
import json
import zipfile

import pytest
from django.urls import reverse

from talentbrug.accounts.constants import Role

from ..constants import DocumentKind, EducationSource
from ..exports import export_zip
from ..models import Document, Education
from .factories import ApplicationFactory, CandidateFactory, PublishedVacancyFactory
from .helpers import docx_cv, pdf_cv, portal_client, upload

pytestmark = pytest.mark.django_db

REFERENCE = "IDW-2026-7781"
PROFILE = reverse("applications:portal_profile")


def _two_applications(organisation, other_organisation):
    candidate = CandidateFactory()
    mine = ApplicationFactory(
        candidate=candidate, vacancy=PublishedVacancyFactory(organisation=organisation)
    )
    theirs = ApplicationFactory(
        candidate=candidate, vacancy=PublishedVacancyFactory(organisation=other_organisation)
    )
    return candidate, mine, theirs


def _post(client, share_with, **extra):
    data = {
        "action": "education",
        "edu-programme": "Computer Engineering",
        "edu-country": "Syrië",
        "edu-level": "6",
        "edu-level_source": EducationSource.IDW_RECEIVED,
        "edu-evaluation_reference": REFERENCE,
        "edu-evaluation_date": "2026-03-12",
        "edu-completed": "on",
        "edu-evaluation_file": upload("waardering.pdf", pdf_cv(), "application/pdf"),
        "edu-share_with": str(share_with) if share_with else "",
    }
    data.update(extra)
    return client.post(PROFILE, {k: v for k, v in data.items() if v is not None})


def _zip(content: bytes) -> tuple[dict[str, bytes], str]:
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        files = {name: archive.read(name) for name in archive.namelist()}
    return files, files["data.json"].decode()


def test_the_profile_form_asks_for_the_pdf_and_which_organisation_sees_it(
    organisation, other_organisation
):
    candidate, _mine, _theirs = _two_applications(organisation, other_organisation)
    page = portal_client(candidate).get(PROFILE).content.decode()
    form = page.split('value="education">', 1)[1].split("</form>", 1)[0]
    assert 'name="edu-evaluation_file"' in form and 'accept=".pdf,application/pdf"' in form
    assert 'name="edu-share_with"' in form
    assert organisation.name in form and other_organisation.name in form
    before = page.split('value="education">', 1)[0].rsplit("<form", 1)[1]
    assert 'enctype="multipart/form-data"' in before


def test_a_pdf_from_the_profile_goes_to_the_chosen_organisation_only(
    organisation, other_organisation, staff_client
):
    candidate, mine, theirs = _two_applications(organisation, other_organisation)
    candidate_client = portal_client(candidate)
    response = _post(candidate_client, mine.pk)
    assert response.status_code == 302, response.content.decode()[:3000]

    education = Education.objects.get(candidate=candidate)
    pdf = education.evaluation_document
    assert education.application == mine and education.confirmed
    assert education.is_evaluated and education.evaluation_reference == REFERENCE
    assert pdf.kind == DocumentKind.DIPLOMA_EVALUATION and pdf.detected_type == "pdf"
    assert pdf.application == mine and pdf.candidate == candidate
    pdf_bytes = pdf.file.open("rb").read()
    assert pdf_bytes == pdf_cv()

    # the candidate sees it back on the profile, with their own PDF to open
    profile = candidate_client.get(PROFILE).content.decode()
    assert reverse("applications:portal_document", args=[pdf.pk]) in profile
    assert f"(alleen {organisation.name} ziet dit)" in profile
    assert (
        candidate_client.get(reverse("applications:portal_document", args=[pdf.pk])).status_code
        == 200
    )

    # the chosen organisation: on the application page, and in its staff export ZIP
    hr = staff_client(organisation, Role.HR_ADVISER)
    detail = hr.get(reverse("applications:staff_detail", args=[mine.pk])).content.decode()
    link = reverse("applications:staff_document", args=[mine.pk, pdf.pk])
    assert link in detail and REFERENCE in detail
    own = hr.get(reverse("privacy:access_download", args=[candidate.pk]))
    assert own.status_code == 200
    files, data = _zip(own.content)
    assert any(name.startswith(f"files/document-{pdf.pk}-") for name in files)
    assert pdf_bytes in files.values() and REFERENCE in data

    # the other organisation: not on its application page, not in its export ZIP
    other = staff_client(other_organisation, Role.HR_ADVISER)
    page = other.get(reverse("applications:staff_detail", args=[theirs.pk])).content.decode()
    assert REFERENCE not in page and "Computer Engineering" not in page
    assert other.get(link).status_code == 404
    assert (
        other.get(reverse("applications:staff_document", args=[theirs.pk, pdf.pk])).status_code
        == 404
    )
    zipped = other.get(reverse("privacy:access_download", args=[candidate.pk]))
    assert zipped.status_code == 200
    files, data = _zip(zipped.content)
    assert "data.json" in files  # the export itself was made
    assert not any(name.startswith(f"files/document-{pdf.pk}-") for name in files)
    assert pdf_bytes not in files.values()
    assert REFERENCE not in data and "Computer Engineering" not in data
    assert files.keys() == _zip(export_zip(candidate, organisation=other_organisation))[0].keys()

    # the candidate's own export (every organisation) holds the PDF and the entry
    files, data = _zip(candidate_client.get(reverse("applications:portal_export")).content)
    assert pdf_bytes in files.values()
    assert REFERENCE in json.dumps(json.loads(data), ensure_ascii=False)


def test_with_two_organisations_the_candidate_must_choose(organisation, other_organisation):
    candidate, _mine, _theirs = _two_applications(organisation, other_organisation)
    response = _post(portal_client(candidate), None)
    assert response.status_code == 400
    assert "Kies welke organisatie de pdf mag zien." in response.content.decode()
    assert not Document.objects.exists() and not Education.objects.exists()


def test_with_one_organisation_it_is_chosen_already(organisation):
    candidate = CandidateFactory()
    application = ApplicationFactory(
        candidate=candidate, vacancy=PublishedVacancyFactory(organisation=organisation)
    )
    page = portal_client(candidate).get(PROFILE).content.decode()
    assert f'<option value="{application.pk}" selected>' in page


def test_the_pdf_must_be_a_pdf_of_an_evaluation(organisation, other_organisation):
    candidate, mine, _theirs = _two_applications(organisation, other_organisation)
    client = portal_client(candidate)
    response = _post(
        client, mine.pk, **{"edu-evaluation_file": upload("waardering.docx", docx_cv())}
    )
    assert response.status_code == 400
    response = _post(
        client,
        mine.pk,
        **{"edu-level_source": EducationSource.SELF_DECLARED, "edu-evaluation_reference": ""},
    )
    assert response.status_code == 400
    assert "Een pdf hoort bij een diplomawaardering." in response.content.decode()
    # an application of someone else is no choice
    stranger = ApplicationFactory(vacancy=PublishedVacancyFactory(organisation=organisation))
    assert _post(client, stranger.pk).status_code == 400
    assert not Document.objects.exists() and not Education.objects.exists()


def test_without_a_pdf_the_entry_is_for_every_organisation_as_before(
    organisation, other_organisation
):
    candidate, mine, _theirs = _two_applications(organisation, other_organisation)
    response = _post(portal_client(candidate), mine.pk, **{"edu-evaluation_file": None})
    assert response.status_code == 302
    education = Education.objects.get()
    assert education.application is None and education.evaluation_document is None


def test_removing_the_entry_removes_its_pdf(
    organisation, other_organisation, django_capture_on_commit_callbacks
):
    candidate, mine, _theirs = _two_applications(organisation, other_organisation)
    client = portal_client(candidate)
    assert _post(client, mine.pk).status_code == 302
    education = Education.objects.get()
    pdf = education.evaluation_document
    storage, name = pdf.file.storage, pdf.file.name
    assert storage.exists(name)
    remove = reverse("applications:portal_profile_remove", args=["opleiding", education.pk])
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(remove).status_code == 302
    assert not Education.objects.exists() and not Document.objects.exists()
    assert not storage.exists(name)
