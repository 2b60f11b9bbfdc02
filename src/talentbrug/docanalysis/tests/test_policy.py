"""The upload policy: allow-lists by detected type and safe names (pure, no Django)."""

import pytest

from talentbrug.docanalysis import DocType, detect_bytes
from talentbrug.docanalysis.policy import Purpose, is_allowed, safe_name


@pytest.mark.parametrize(
    "name,doc_type,expected",
    [
        ("cv.hta", "txt", "cv.txt"),
        ("cv.bat", "txt", "cv.txt"),
        ("cv.js", "txt", "cv.txt"),
        ("data.json", "txt", "data.txt"),  # fits "text", but a browser treats it as script data
        ("scan.pdf.exe", "pdf", "scan.pdf"),
        ("cv.exe", "pdf", "cv.pdf"),
        ("foto.JPEG", "jpeg", "foto.jpeg"),
        ("foto.png", "jpeg", "foto.jpg"),
        ("brief.docm", "docx", "brief.docx"),
        ("../../../../etc/passwd%00.pdf", "pdf", "passwd%00.pdf"),
        ("..\\..\\boot.ini.pdf", "pdf", "boot.ini.pdf"),
        ("cv\u202etxt.exe", "txt", "cvtxt.txt"),
        ('a"b<c>.pdf', "pdf", "a_b_c_.pdf"),
        ("", "pdf", "bestand.pdf"),
        ("...", "txt", "bestand.txt"),
        ("film.mov", "mp4", "film.mp4"),
        ("tekening.dwg", "binary", "tekening.bin"),
        ("oud.doc", "", "oud.bin"),  # no detected type yet: unknown binary
    ],
)
def test_safe_name_has_the_extension_of_the_detected_type(
    name: str, doc_type: str, expected: str
) -> None:
    assert safe_name(name, doc_type) == expected


def test_a_long_name_is_cut_and_keeps_its_extension() -> None:
    name = safe_name("cv-" + "ä" * 1000 + ".pdf", DocType.PDF)
    assert len(name) == 150 and name.endswith("ä.pdf")


@pytest.mark.parametrize(
    "content,expected",
    [
        (b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>', "svg"),
        (b'<?xml version="1.0"?>\n<!-- x -->\n<svg onload="alert(1)"></svg>', "svg"),
        (b'<HTA:APPLICATION ID="x" />\n<script>x</script>', "html"),
        (b"  <script>alert(1)</script>", "html"),
        (b"Jan Jansen\nErvaring met <script>-tags en <iframe> in HTML.\n", "txt"),
        (b"MZ\x90\x00\x03\x00\x00\x00", "executable"),
        (b"\x7fELF\x02\x01\x01\x00", "executable"),
        (b"MZ is mijn afkorting.\nTot ziens.", "txt"),
    ],
)
def test_active_content_and_programs_are_detected(content: bytes, expected: str) -> None:
    assert detect_bytes(content) == expected


def test_allow_lists_per_purpose() -> None:
    assert is_allowed(DocType.RTF, Purpose.DOCUMENT)
    assert not is_allowed(DocType.HTML, Purpose.DOCUMENT)
    assert not is_allowed(DocType.SVG, Purpose.IMAGE)
    assert is_allowed(DocType.WEBP, Purpose.IMAGE)
    assert is_allowed(DocType.XLS, Purpose.RECORDS) and is_allowed(DocType.BINARY, Purpose.RECORDS)
    assert not is_allowed(DocType.EXECUTABLE, Purpose.RECORDS)
    # a diploma evaluation (IDW) is the PDF as it was sent: no Word file, no photo
    assert is_allowed(DocType.PDF, Purpose.CREDENTIAL)
    assert not is_allowed(DocType.DOCX, Purpose.CREDENTIAL)
    assert not is_allowed(DocType.JPEG, Purpose.CREDENTIAL)


@pytest.mark.parametrize(
    "content,active",
    [
        (b"<!DOCTYPE html><html><body><p>Vacature</p></body></html>", False),
        (b"<html><body><p>Zie <a href='https://example.org'>hier</a></p></body></html>", False),
        (b"<html><body><script>alert(1)</script></body></html>", True),
        (b"<svg xmlns='http://www.w3.org/2000/svg'><rect onclick='x()'/></svg>", True),
        (b"<html><a href='JavaScript:alert(1)'>x</a></html>", True),
        (b"<html><meta http-equiv='refresh' content='0;url=x'></html>", True),
        (b"<html>" + b"x" * (1024 * 1024 - 3) + b"<script>", True),  # split over two chunks
    ],
)
def test_active_markup_is_found_anywhere_in_the_file(content: bytes, active: bool) -> None:
    import io

    from talentbrug.docanalysis.policy import has_active_markup

    assert has_active_markup(io.BytesIO(content)) is active


def test_a_pdf_declaring_more_pages_than_the_limit_is_read_lazily(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """pypdf's page list (the whole tree: ~11 s and ~300 MB for 60,000 pages) is not built."""
    import pypdf

    from talentbrug.docanalysis import Limits, analyse
    from talentbrug.tests.hostile.samples import many_page_pdf

    def no_page_list(self: object) -> None:
        raise AssertionError("the whole page tree was loaded")

    monkeypatch.setattr(pypdf.PdfReader, "pages", property(no_page_list))
    result = analyse(many_page_pdf(3_000), name="dik.pdf", limits=Limits(max_pdf_pages=100))
    assert result.properties["pages"] == "3000"
    assert result.text_truncated
    assert not result.errors
