"""No personal data in logs: the paths that handle file names, documents and look-ups log ids,
positions, counts and the kind of error only, never a name, an address or a file's name.

Each case makes the failure happen with a person's name in the input (and in the exception's
own message, as parsers and the OS do) and reads every log record, traceback included.
"""

from __future__ import annotations

import io
import logging
import zipfile

import pytest
from django.core.files.base import ContentFile

from talentbrug.applications.constants import ExtractionStatus
from talentbrug.applications.models import Document
from talentbrug.applications.services import extraction as application_extraction
from talentbrug.applications.tests.factories import ApplicationFactory
from talentbrug.conf.logredact import redact
from talentbrug.privacy import orphans
from talentbrug.records.services import imports

NAME = "Amina Yusuf"


def _logged(caplog: pytest.LogCaptureFixture) -> str:
    handler_format = logging.Formatter()
    parts = []
    for record in caplog.records:
        parts.append(record.getMessage())
        if record.exc_info:
            parts.append(handler_format.formatException(record.exc_info))
    return "\n".join(parts)


def test_an_unreadable_zip_member_is_logged_by_position_not_by_name(caplog):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(f"Werving/cv {NAME}.txt", b"Curriculum vitae " * 200)
    data = bytearray(buffer.getvalue())
    start = data.index(b"Werving/") + len(f"Werving/cv {NAME}.txt".encode())
    data[start + 5 : start + 40] = b"\xff" * 35  # broken compressed data: zipfile says which file
    with caplog.at_level(logging.DEBUG):
        found = list(imports._zip_members(zipfile.ZipFile(io.BytesIO(bytes(data)))))
    assert [item.problem for item in found if item.problem]  # the member was refused
    text = _logged(caplog)
    assert "ZIP member 1 of 1" in text
    assert "Amina" not in text and "Yusuf" not in text


@pytest.mark.django_db
def test_a_document_that_cannot_be_read_is_logged_by_id(caplog, monkeypatch, settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path)},
        },
    }
    application = ApplicationFactory(candidate__name=NAME)
    document = Document(
        candidate=application.candidate,
        application=application,
        kind="cv",
        original_name=f"CV {NAME}.pdf",
        detected_type="pdf",
        content_type="application/pdf",
        size=3,
        sha256="0" * 64,
        extraction_status=ExtractionStatus.PENDING,
    )
    document.file.save("cv", ContentFile(b"pdf"), save=True)

    def broken(handle, *, name):
        raise ValueError(f"cannot parse {name}: text begins 'Ik ben {NAME}'")

    monkeypatch.setattr(application_extraction, "analyse", broken)
    with caplog.at_level(logging.DEBUG):
        application_extraction.extract_document_text(document.pk)
    text = _logged(caplog)
    assert f"document {document.pk} could not be read (ValueError)" in text
    assert "Amina" not in text


def test_an_orphan_file_that_cannot_be_removed_is_logged_without_its_path(caplog, monkeypatch):
    path = f"applications/ab/cv-{NAME}"

    class Storage:
        def delete(self, name):
            raise PermissionError(13, "Permission denied", name)

    monkeypatch.setattr(orphans, "find_orphan_files", lambda storage, now: iter([path]))
    monkeypatch.setattr(orphans, "record_event", lambda *a, **k: None)
    with caplog.at_level(logging.DEBUG):
        assert orphans.remove_orphan_files(Storage()) == 0
    text = _logged(caplog)
    assert "PermissionError" in text and "Amina" not in text


def test_an_address_typed_in_a_look_up_never_reaches_an_access_log_line():
    line = '"GET /medewerkers/privacy/inzage/?email=amina.yusuf%40example.org HTTP/1.1" 200'
    assert "amina" not in redact(line)
    assert "email=[zoekterm]" in redact(line)
    assert "amina" not in redact("GET /medewerkers/sollicitaties/zoeken/?zoek=Amina+Yusuf")


def _fails_with_a_name(*args, **kwargs):
    person = {"name": NAME, "email": "amina.yusuf@example.org"}  # a local a traceback may show
    raise ValueError(f"cannot handle {person['name']} <{person['email']}>")


def test_a_failing_periodic_job_is_logged_by_name_and_error_type_only(caplog, monkeypatch):
    from talentbrug.core import periodic

    monkeypatch.setitem(periodic.PERIODIC_JOBS, "test.fails", _fails_with_a_name)
    monkeypatch.setitem(periodic.PERIODIC_JOBS, "test.works", lambda: 3)
    with caplog.at_level(logging.DEBUG):
        results = periodic.run_all(["test.fails", "test.works"])
    assert isinstance(results["test.fails"], ValueError) and results["test.works"] == 3
    text = _logged(caplog)
    assert "Periodic job test.fails failed: ValueError in talentbrug.tests." in text
    assert "_fails_with_a_name" in text  # where it happened, for whoever looks into it
    assert "Amina" not in text and "example.org" not in text
    assert not any(record.exc_info for record in caplog.records)


def test_a_text_vector_that_cannot_be_stored_is_logged_without_the_text(caplog, monkeypatch):
    from talentbrug.matches import textvectors

    monkeypatch.setattr(textvectors, "store_text_vector", _fails_with_a_name)
    with caplog.at_level(logging.DEBUG):
        textvectors.on_task_postrun(
            task=type("Task", (), {"name": textvectors.EXTRACT_TEXT_TASK})(),
            kwargs={"candidate_id": 1, "text": f"Ik ben {NAME}"},
            state="SUCCESS",
        )
    text = _logged(caplog)
    assert "the text vector could not be stored: ValueError" in text
    assert "Amina" not in text and not any(record.exc_info for record in caplog.records)


def test_a_failed_candidate_index_build_is_logged_without_profile_text(caplog, monkeypatch):
    from talentbrug.matches import engine

    monkeypatch.setattr(engine, "_build_and_install", _fails_with_a_name)
    monkeypatch.setitem(engine._state, "builder", None)
    monkeypatch.setitem(engine._state, "error", None)
    with caplog.at_level(logging.DEBUG):
        engine._background_build()
    text = _logged(caplog)
    assert "candidate index build failed: ValueError" in text
    assert "Amina" not in text and not any(record.exc_info for record in caplog.records)


def test_a_failed_task_is_logged_by_name_and_error_type_without_its_message(caplog):
    """Celery's own line for a failed task carries the exception's message and the traceback
    (a parser's "cannot read Amina Yusuf cv.pdf"); ours keeps the task, its id and the type."""
    from talentbrug.celery import app

    @app.task(name="talentbrug.tests.reads_a_file")
    def reads_a_file(name: str) -> None:
        raise ValueError(f"cannot read {name} cv.pdf")

    @app.task(name="talentbrug.tests.returns_a_name")
    def returns_a_name(name: str) -> str:
        return name

    with caplog.at_level(logging.INFO, logger="celery.app.trace"):
        reads_a_file.apply(args=(NAME,), throw=False)
        returns_a_name.apply(args=(NAME,))
    trace = [r for r in caplog.records if r.name == "celery.app.trace"]
    assert trace, "Celery wrote no task line: the check would prove nothing"
    logged = _logged(caplog)
    assert NAME not in logged and "cv.pdf" not in logged and "Traceback" not in logged
    assert "talentbrug.tests.reads_a_file" in logged and "ValueError" in logged
    assert "talentbrug.tests.returns_a_name" in logged and "succeeded in" in logged
