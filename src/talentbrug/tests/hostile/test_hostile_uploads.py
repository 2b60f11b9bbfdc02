"""Every file of the hostile suite (samples.py) through every upload path, outcome checked.

Paths: the candidate's apply form (CV and video), the portal upload, the answer to an HR
question, and the records import of single files, ZIP members and a server folder. A file is
either refused with a Dutch message that names the problem (and nothing is stored), or stored
under a name whose extension matches its content and served as an attachment with
``nosniff``. Files are posted as raw multipart so that long names reach the server unshortened
(Django's test client cuts names at 255 characters).
"""

from __future__ import annotations

import html
import io
import os
import threading
import zipfile
from pathlib import Path
from typing import Any

import pytest
from django.db import connection
from django.test import Client
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from django.urls import reverse

from talentbrug.accounts.constants import Role
from talentbrug.applications.models import Document as CandidateDocument
from talentbrug.applications.tests.factories import ApplicationFactory, PublishedVacancyFactory
from talentbrug.applications.tests.helpers import apply_post, portal_client
from talentbrug.records.constants import AnalysisStatus
from talentbrug.records.models import Document as RecordsDocument
from talentbrug.records.services import imports, uploads

from .attack import _check_nothing_half_written
from .samples import KEYS, LONG_NAME, Sample, hostile_samples, make_fifo

pytestmark = pytest.mark.django_db


def _samples() -> dict[str, Sample]:
    return {s.key: s for s in hostile_samples()}


def test_the_suite_has_every_sample():
    assert [s.key for s in hostile_samples()] == list(KEYS)


def _raw_post(client, url: str, data: dict[str, Any], field: str, sample: Sample):
    """POST multipart with the file part written by hand (the name exactly as sent)."""
    part = (
        (
            f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="{field}"; '
            f'filename="{sample.name}"\r\nContent-Type: application/octet-stream\r\n\r\n'
        ).encode()
        + sample.content
        + b"\r\n"
    )
    body = part + encode_multipart(BOUNDARY, data)
    return client.generic("POST", url, body, content_type=MULTIPART_CONTENT)


def _assert_attachment(response, extension: str, content: bytes) -> None:
    assert response.status_code == 200
    disposition = response["Content-Disposition"]
    assert disposition.startswith("attachment;"), disposition
    filename = disposition.split("filename", 1)[1]
    assert filename.rstrip('"').endswith(f".{extension}"), disposition
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == content


def _page_text(response) -> str:
    return html.unescape(response.content.decode("utf-8", "replace"))


# --------------------------------------------------------------------------- candidate paths


def _send_apply(sample, organisation, staff_client):
    vacancy = PublishedVacancyFactory(organisation=organisation)
    url = reverse("applications:apply_route", kwargs={"pk": vacancy.pk, "route": "cv"})
    return _raw_post(Client(), url, apply_post(), "cv", sample)


def _send_portal(sample, organisation, staff_client):
    application = ApplicationFactory(vacancy=PublishedVacancyFactory(organisation=organisation))
    url = reverse("applications:portal_upload", args=[application.pk])
    client = portal_client(application.candidate)
    return _raw_post(client, url, {"kind": "cv"}, "file", sample)


def _send_answer(sample, organisation, staff_client):
    from talentbrug.applications.services import questions

    application = ApplicationFactory(vacancy=PublishedVacancyFactory(organisation=organisation))
    hr = staff_client(organisation, *Role.values)
    question = questions.ask_question(
        application, "Wil je je diploma sturen?", actor=None, organisation=organisation
    )
    assert hr  # HR exists in this organisation (downloads are checked as HR below)
    url = reverse("applications:portal_question", args=[question.pk])
    client = portal_client(application.candidate)
    return _raw_post(client, url, {"answer": "Zie bijlage"}, "file", sample)


CANDIDATE_PATHS = {"apply": _send_apply, "portal": _send_portal, "answer": _send_answer}


@pytest.mark.parametrize("key", KEYS)
@pytest.mark.parametrize("path", list(CANDIDATE_PATHS))
def test_every_hostile_file_on_every_candidate_path(
    path, key, organisation, staff_client, settings, hostile_settings
):
    sample = _samples()[key]
    response = CANDIDATE_PATHS[path](sample, organisation, staff_client)
    assert response.status_code < 500
    documents = list(CandidateDocument.objects.all())
    if sample.outcome == "refuse":
        assert not documents, f"{key} was stored on {path}"
        text = _page_text(response)
        assert sample.message in text, text[text.find("error-summary") :][:600]
        assert "Bad Request" not in text
    else:
        assert response.status_code == 302, _page_text(response)[:2000]
        assert len(documents) == 1
        document = documents[0]
        assert document.original_name.endswith(f".{sample.safe_extension}")
        assert len(document.original_name) <= 150
        assert "/" not in document.original_name and "\u202e" not in document.original_name
        candidate = portal_client(document.candidate)
        own = candidate.get(reverse("applications:portal_document", args=[document.pk]))
        _assert_attachment(own, sample.safe_extension, sample.content)
        hr = staff_client(organisation, *Role.values)
        staff = hr.get(
            reverse("applications:staff_document", args=[document.application_id, document.pk])
        )
        _assert_attachment(staff, sample.safe_extension, sample.content)
    _check_nothing_half_written(settings)


@pytest.mark.parametrize("key", KEYS)
def test_every_hostile_file_as_a_video(key, organisation, settings, hostile_settings):
    """The video route accepts WebM/MP4 only: every sample is refused, and says why."""
    sample = _samples()[key]
    vacancy = PublishedVacancyFactory(organisation=organisation)
    url = reverse("applications:apply_route", kwargs={"pk": vacancy.pk, "route": "video"})
    response = _raw_post(Client(), url, apply_post(motivation=""), "video", sample)
    assert response.status_code < 500
    assert not CandidateDocument.objects.exists()
    text = _page_text(response)
    assert ("leeg" if key == "zero" else "geen video") in text
    _check_nothing_half_written(settings)


# --------------------------------------------------------------------------- records paths

# What records do with each sample (records keep more types, and empty files as cards).
RECORDS_REFUSED = {"hta", "html", "svg-script", "exe"}  # active content: a card, no file
RECORDS_UNREADABLE = {"encrypted-pdf": "Versleuteld", "zip-bomb": "zipbom"}
# Extension of samples that candidates may not send but records keep.
RECORDS_EXTENSION = {"encrypted-pdf": "pdf", "many-pages": "pdf", "zip-bomb": "docx"}


def _records_import(path: str, sample: Sample, collection, manager, tmp_path: Path):
    if path == "files":
        upload = io.BytesIO(sample.content)
        upload.name = sample.name  # type: ignore[attr-defined]
        upload.size = len(sample.content)  # type: ignore[attr-defined]
        return uploads.import_files(collection, manager, [upload])
    if path == "zip":
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
            zf.writestr(f"map/{sample.name}", sample.content)
        buffer.seek(0)
        return imports.import_zip(collection, manager, buffer)
    root = tmp_path / "share"
    (root / "map").mkdir(parents=True, exist_ok=True)
    # A file system name cannot hold "/" and at most 255 bytes: the nearest name it can.
    stem, dot, ext = sample.name.replace("/", "_").rpartition(".")
    stem = stem.encode()[:240].decode("utf-8", "ignore")
    name = f"{stem}{dot}{ext}"
    (root / "map" / name).write_bytes(sample.content)
    from django.conf import settings

    settings.RECORDS_IMPORT_ROOTS = {"share": str(root)}
    return imports.import_folder(collection, manager, "share")


def _records_client(manager):
    from talentbrug.conftest import verified_client

    return verified_client(manager)


@pytest.mark.parametrize("key", KEYS)
@pytest.mark.parametrize("path", ["files", "zip", "folder"])
def test_every_hostile_file_on_every_records_path(
    path, key, collection, manager, settings, hostile_settings, tmp_path
):
    sample = _samples()[key]
    created = _records_import(path, sample, collection, manager, tmp_path)
    assert len(created) == 1
    _assert_records_outcome(path, sample, RecordsDocument.objects.get(pk=created[0].pk), manager)
    _check_nothing_half_written(settings)


@pytest.mark.parametrize(
    "key", [k for k in KEYS if k != "zero"]
)  # empty: the form says so (#15 item 4)
@pytest.mark.parametrize("field", ["files", "archive"])
def test_every_hostile_file_through_the_records_upload_page(
    field, key, collection, manager, settings, hostile_settings, django_capture_on_commit_callbacks
):
    sample = _samples()[key]
    if field == "archive":
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
            zf.writestr(f"map/{sample.name}", sample.content)
        sample = Sample(sample.key, "map.zip", buffer.getvalue(), sample.outcome)
    url = reverse("records:collection_upload", args=[collection.pk])
    with django_capture_on_commit_callbacks(execute=True):  # a ZIP is imported by a job
        response = _raw_post(_records_client(manager), url, {}, field, sample)
    assert response.status_code == 302
    document = RecordsDocument.objects.get(collection=collection)
    _assert_records_outcome(
        "zip" if field == "archive" else "page", _samples()[key], document, manager
    )
    _check_nothing_half_written(settings)


def _assert_records_outcome(path: str, sample: Sample, document, manager) -> None:
    key = sample.key
    assert document.analysis_status != AnalysisStatus.PENDING
    if key in RECORDS_REFUSED:
        assert not document.file
        assert document.analysis_status == AnalysisStatus.UNREADABLE
        assert "Niet opgeslagen" in document.unreadable_reason
    elif key == "traversal" and path in ("files", "zip"):
        # (A folder cannot hold the name; over HTTP, Django's parser keeps the last part only.)
        assert not document.file
        assert "buiten de map" in document.unreadable_reason
    elif key == "zero":
        assert document.empty_or_temporary_reason  # a card suggested for discarding
    else:
        assert document.file, document.unreadable_reason
        if key in RECORDS_UNREADABLE:
            assert document.analysis_status == AnalysisStatus.UNREADABLE
            assert RECORDS_UNREADABLE[key] in document.unreadable_reason
            assert "Beschadigd" not in document.unreadable_reason
        if key == "long-name":
            assert len(document.name) <= 300 and document.name.endswith(".pdf")
        if key == "many-pages":
            assert document.detected_type == "pdf"
        extension = sample.safe_extension or RECORDS_EXTENSION[key]
        response = _records_client(manager).get(
            reverse("records:document_download", args=[document.pk])
        )
        _assert_attachment(response, extension, sample.content)
        assert response["Content-Type"] == "application/octet-stream"


# --------------------------------------------------------------------------- server folder


def _run_with_deadline(fn, seconds: float = 60):
    """Run ``fn`` in a thread; fail (instead of hanging the test run) when it does not end."""
    outcome: dict[str, Any] = {}

    def target():
        try:
            outcome["value"] = fn()
        except BaseException as exc:
            outcome["error"] = exc
        finally:
            connection.close()

    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), "the import hangs"
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]


@pytest.mark.django_db(transaction=True)
def test_a_named_pipe_in_an_import_root_does_not_hang_or_lock(
    collection, manager, settings, tmp_path, monkeypatch, hostile_settings
):
    root = tmp_path / "share"
    root.mkdir()
    (root / "brief.txt").write_text("Een brief aan de kandidaat.")
    make_fifo(root, "pijp.pdf")
    settings.RECORDS_IMPORT_ROOTS = {"share": str(root)}
    # Files are read with no transaction open (SQLite's write lock is never held while reading).
    real_copy = imports._bounded_copy  # the folder import's reader
    seen_in_transaction: list[bool] = []

    def watched(*args, **kwargs):
        seen_in_transaction.append(connection.in_atomic_block)
        return real_copy(*args, **kwargs)

    monkeypatch.setattr(imports, "_bounded_copy", watched)
    created = _run_with_deadline(lambda: imports.import_folder(collection, manager, "share"))
    by_name = {d.name: d for d in RecordsDocument.objects.filter(pk__in=[d.pk for d in created])}
    assert set(by_name) == {"brief.txt", "pijp.pdf"}
    assert not by_name["pijp.pdf"].file
    assert "Geen gewoon bestand" in by_name["pijp.pdf"].unreadable_reason
    assert by_name["brief.txt"].file
    assert seen_in_transaction == [False]


def test_a_file_over_its_read_budget_becomes_a_card(
    collection, manager, settings, tmp_path, hostile_settings
):
    root = tmp_path / "share"
    root.mkdir()
    (root / "traag.txt").write_text("Van een trage netwerkschijf.")
    settings.RECORDS_IMPORT_ROOTS = {"share": str(root)}
    settings.RECORDS_IMPORT_FILE_SECONDS = 0  # every read is over budget
    (document,) = imports.import_folder(collection, manager, "share")
    document.refresh_from_db()
    assert not document.file
    assert "langer dan 0 seconden" in document.unreadable_reason


def test_a_symlink_swapped_for_a_pipe_is_not_opened(collection, manager, settings, tmp_path):
    root = tmp_path / "share"
    root.mkdir()
    outside = tmp_path / "buiten.txt"
    outside.write_text("geheim")
    os.symlink(outside, root / "link.txt")
    settings.RECORDS_IMPORT_ROOTS = {"share": str(root)}
    (document,) = imports.import_folder(collection, manager, "share")
    assert not document.file
    assert "koppeling" in document.unreadable_reason


def test_a_thousand_character_name_is_kept_short_with_its_extension(organisation, settings):
    from talentbrug.docanalysis.policy import safe_name

    assert len(LONG_NAME) == 1000
    name = safe_name(LONG_NAME, "pdf")
    assert len(name) <= 150 and name.endswith(".pdf") and name.startswith("cv-ää")


@pytest.mark.parametrize("key", ["hta", "svg-script", "exe", "hta-text"])
def test_the_admin_attachment_of_a_work_sample_goes_through_the_validator(key, organisation):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from talentbrug.applications.admin import WorkSampleAssignmentForm

    sample = _samples()[key]
    vacancy = PublishedVacancyFactory(organisation=organisation)
    form = WorkSampleAssignmentForm(
        data={
            "vacancy": vacancy.pk,
            "title": "Opdracht",
            "instructions": "Maak een plan.",
            "attachment_name": sample.name,
            "deadline": "2030-01-01 12:00",
        },
        files={"attachment": SimpleUploadedFile(sample.name, sample.content)},
    )
    if sample.outcome == "refuse":
        assert not form.is_valid()
        assert sample.message in form.errors["attachment"][0]
    else:
        assert form.is_valid(), form.errors
        assert form.cleaned_data["attachment_name"].endswith(f".{sample.safe_extension}")
