"""The sandboxed parser: same answers as docanalysis, and limits that hold."""

from __future__ import annotations

import io

from talentbrug.core import safeparse
from talentbrug.docanalysis import analyse as direct


def _pdf(text: str) -> bytes:
    from weasyprint import HTML

    return HTML(string=f"<p>{text}</p>").write_pdf()


def test_same_result_as_in_process():
    content = _pdf("Python en netwerkbeheer")
    ours = safeparse.analyse(io.BytesIO(content), name="cv.pdf")
    theirs = direct(content, name="cv.pdf")
    assert ours.detected_type == theirs.detected_type
    assert ours.sha256 == theirs.sha256 and ours.size == theirs.size
    assert ours.text.strip() == theirs.text.strip() and "netwerkbeheer" in ours.text


def test_memory_limit_stops_the_parser():
    result = safeparse.analyse(
        b"memory", name="a.pdf", memory_mb=256, _module="talentbrug.privacy.tests.hog"
    )
    assert result.errors and result.errors[0].startswith("safeparse: parser stopped")
    assert result.size == 6 and len(result.sha256) == 64


def test_cpu_limit_stops_the_parser():
    result = safeparse.analyse(
        b"spin", name="a.pdf", timeout=1, _module="talentbrug.privacy.tests.hog"
    )
    assert result.errors and "safeparse" in result.errors[0]


def test_garbage_is_an_error_not_an_exception():
    result = safeparse.analyse(b"%PDF-1.7\n" + b"\x00\xff" * 5000, name="kapot.pdf")
    assert result.size == 10009


def test_pdf_facts_reads_password_and_pages_in_the_child():
    from talentbrug.tests.hostile.samples import encrypted_pdf, many_page_pdf

    assert safeparse.pdf_facts(encrypted_pdf(), max_pages=300).encrypted
    assert safeparse.pdf_facts(_pdf("Een pagina"), max_pages=300).pages == 1
    # The declared count is read without building the page list: over the limit at once.
    assert safeparse.pdf_facts(many_page_pdf(60_000), max_pages=300).pages == 60_000
    assert safeparse.pdf_facts(b"%PDF-1.7\n" + b"\x00" * 100, max_pages=300).error


def test_pdf_facts_over_a_limit_is_refused_with_a_dutch_message(monkeypatch):
    import pytest

    from talentbrug.core.filecheck import UploadRejected, check_pdf

    result = safeparse.pdf_facts(
        b"spin", max_pages=10, timeout=1, _module="talentbrug.privacy.tests.hog"
    )
    assert result.error.startswith("safeparse:")
    monkeypatch.setattr(safeparse, "pdf_facts", lambda *args, **kwargs: result)
    with pytest.raises(UploadRejected) as refused:
        check_pdf(io.BytesIO(b"%PDF-1.7"), "zwaar.pdf")
    assert "niet op tijd openen" in refused.value.message and "zwaar.pdf" in refused.value.message
