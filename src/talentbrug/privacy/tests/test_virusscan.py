"""Virus scanning through clamd: every upload path, fail closed, against a fake clamd that
speaks the real INSTREAM protocol (Unix socket and TCP)."""

from __future__ import annotations

import io
import os
import tempfile
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.urls import reverse

from talentbrug.applications.models import Application, Candidate, Document
from talentbrug.applications.tests.factories import PublishedVacancyFactory
from talentbrug.applications.tests.helpers import apply_post, pdf_cv, upload
from talentbrug.applications.uploads import UploadRejected, check_document, check_video
from talentbrug.audit.models import AuditEvent
from talentbrug.core import virusscan

from .fakeclamd import EICAR, FakeClamd

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _quick_forms(settings, monkeypatch):
    """No minimum fill time, a clean rate-limit cache and a quick skill extractor."""
    from django.core.cache import cache

    from talentbrug.applications.services import extraction as application_extraction
    from talentbrug.applications.tests.conftest import fake_extract_skills

    cache.clear()
    monkeypatch.setattr(application_extraction, "extract_skills", fake_extract_skills)
    yield
    cache.clear()


@pytest.fixture
def clamd(settings):
    """A fake clamd on a Unix socket, configured through CLAMD_SOCKET."""
    # A short path: Unix socket paths are limited to about 100 characters.
    folder = Path(tempfile.mkdtemp(prefix="clamd-"))
    server = FakeClamd(folder / "clamd.sock")
    settings.CLAMD_SOCKET = str(folder / "clamd.sock")
    settings.CLAMD_HOST = ""
    yield server
    server.close()
    os.unlink(folder / "clamd.sock")
    folder.rmdir()


@pytest.fixture
def clamd_down(settings):
    folder = Path(tempfile.mkdtemp(prefix="clamd-"))
    settings.CLAMD_SOCKET = str(folder / "gone.sock")  # nothing listens here
    settings.CLAMD_HOST = ""
    yield
    folder.rmdir()


def _infected_events():
    return AuditEvent.objects.filter(event_type="privacy.upload_infected")


# --------------------------------------------------------------------------- the client


def test_off_without_settings(settings):
    settings.CLAMD_SOCKET = ""
    settings.CLAMD_HOST = ""
    assert not virusscan.is_configured()
    virusscan.scan(io.BytesIO(EICAR), source="test")  # not configured: nothing happens


def test_clean_file_passes_and_the_whole_stream_is_sent(clamd):
    data = os.urandom(200 * 1024)  # several INSTREAM chunks
    stream = io.BytesIO(data)
    virusscan.scan(stream, source="test")
    assert clamd.scanned == [data]
    assert stream.tell() == 0  # rewound for whoever stores it next


def test_eicar_is_refused_and_audited_without_personal_data(clamd, organisation):
    with pytest.raises(virusscan.VirusFound) as caught:
        virusscan.scan(io.BytesIO(b"prefix " + EICAR), source="test", organisation=organisation)
    assert caught.value.signature == "Eicar-Test-Signature"
    assert "virus" in caught.value.message
    event = _infected_events().get()
    assert event.organisation == organisation
    assert event.data == {"source": "test", "signature": "Eicar-Test-Signature"}


def test_tcp_host_and_port(settings):
    server = FakeClamd()
    try:
        settings.CLAMD_SOCKET = ""
        settings.CLAMD_HOST, settings.CLAMD_PORT = server.address
        virusscan.scan(io.BytesIO(b"schoon"), source="test")
        with pytest.raises(virusscan.VirusFound):
            virusscan.scan(io.BytesIO(EICAR), source="test")
    finally:
        server.close()


def test_scanner_down_fails_closed(clamd_down):
    with pytest.raises(virusscan.ScannerUnavailable) as caught:
        virusscan.scan(io.BytesIO(b"schoon"), source="test")
    assert "niet op virussen controleren" in caught.value.message
    assert not _infected_events().exists()


def test_scanner_error_answer_fails_closed(settings):
    folder = Path(tempfile.mkdtemp(prefix="clamd-"))
    server = FakeClamd(folder / "c.sock", max_length=1000)  # like a small StreamMaxLength
    settings.CLAMD_SOCKET, settings.CLAMD_HOST = str(folder / "c.sock"), ""
    try:
        with pytest.raises(virusscan.ScannerUnavailable):
            virusscan.scan(io.BytesIO(b"x" * 5000), source="test")
    finally:
        server.close()
        os.unlink(folder / "c.sock")
        folder.rmdir()


# --------------------------------------------------------------------------- applications


def test_upload_checks_refuse_infected_documents_and_videos(clamd):
    with pytest.raises(UploadRejected) as caught:
        check_document(ContentFile(EICAR, name="cv.txt"))
    assert "virus" in caught.value.message
    from talentbrug.applications.tests.helpers import webm

    with pytest.raises(UploadRejected):
        check_video(ContentFile(webm() + EICAR, name="video.webm"))
    assert check_document(ContentFile(pdf_cv(), name="cv.pdf")).detected_type == "pdf"
    assert _infected_events().count() == 2


def test_apply_with_an_infected_cv_is_refused_and_nothing_is_stored(client, clamd):
    vacancy = PublishedVacancyFactory()
    url = reverse("applications:apply_route", kwargs={"pk": vacancy.pk, "route": "cv"})
    response = client.post(url, apply_post(cv=upload("cv.txt", b"Mijn cv\n" + EICAR)))
    assert response.status_code == 200
    assert "In dit bestand zit een virus" in response.content.decode()
    assert not Application.objects.exists() and not Candidate.objects.exists()
    assert not Document.objects.exists()
    assert _infected_events().get().data["source"] == "applications"


def test_apply_while_the_scanner_is_down_is_refused(client, clamd_down):
    vacancy = PublishedVacancyFactory()
    url = reverse("applications:apply_route", kwargs={"pk": vacancy.pk, "route": "cv"})
    response = client.post(url, apply_post(cv=upload("cv.pdf", pdf_cv())))
    assert response.status_code == 200
    assert "niet op virussen controleren" in response.content.decode()
    assert not Application.objects.exists()


def test_apply_with_a_clean_cv_is_scanned_and_stored(client, clamd):
    vacancy = PublishedVacancyFactory()
    url = reverse("applications:apply_route", kwargs={"pk": vacancy.pk, "route": "cv"})
    response = client.post(url, apply_post(cv=upload("cv.pdf", pdf_cv())))
    assert response.status_code == 302
    assert Document.objects.count() == 1
    assert len(clamd.scanned) == 1


# --------------------------------------------------------------------------- records


@pytest.fixture
def collection(organisation, make_staff):
    from talentbrug.accounts.constants import Role
    from talentbrug.records.tests.factories import CollectionFactory

    owner = make_staff(organisation, Role.RECORDS_MANAGER, username="archief")
    return CollectionFactory(organisation=organisation, owner=owner)


def test_records_import_turns_an_infected_file_into_an_unreadable_card(clamd, collection):
    from talentbrug.records.constants import AnalysisStatus
    from talentbrug.records.services import uploads as records_uploads

    created = records_uploads.import_files(
        collection,
        collection.owner,
        [ContentFile(b"notitie", name="notitie.txt"), ContentFile(EICAR, name="eicar.com")],
    )
    cards = {d.name: d for d in created}
    infected = cards["eicar.com"]
    assert infected.analysis_status == AnalysisStatus.UNREADABLE
    assert "Virus gevonden" in infected.unreadable_reason
    assert not infected.file  # never stored
    assert cards["notitie.txt"].file
    event = _infected_events().get()
    assert event.organisation == collection.organisation
    assert event.data["source"] == "records"


def test_records_zip_members_are_scanned(clamd, collection):
    import zipfile

    from talentbrug.records.services import imports as records_imports

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr("map/schoon.txt", b"schoon")
        zf.writestr("map/eicar.txt", EICAR)
    buffer.seek(0)
    created = records_imports.import_zip(collection, collection.owner, buffer)
    assert {d.path: bool(d.file) for d in created} == {
        "map/schoon.txt": True,
        "map/eicar.txt": False,
    }


def test_records_import_while_the_scanner_is_down_keeps_nothing(clamd_down, collection):
    from talentbrug.records.models import Document as RecordDocument
    from talentbrug.records.services import uploads as records_uploads

    with pytest.raises(ValidationError) as caught:
        records_uploads.import_files(
            collection, collection.owner, [ContentFile(b"notitie", name="notitie.txt")]
        )
    assert "niet op virussen controleren" in " ".join(caught.value.messages)
    assert not RecordDocument.objects.exists()
