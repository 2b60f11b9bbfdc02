import io
import zipfile

from talentbrug.docanalysis.macros import macro_reason


def _zip(names: dict[str, bytes]) -> io.BytesIO:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        for name, data in names.items():
            zf.writestr(name, data)
    buffer.seek(0)
    return buffer


def test_ooxml_with_vba_project_is_a_macro_document() -> None:
    stream = _zip({"[Content_Types].xml": b"<x/>", "word/vbaProject.bin": b"\0" * 10})
    assert macro_reason(stream, "brief.docx") == "contains a VBA macro project"


def test_macro_enabled_extension_is_flagged_even_without_parts() -> None:
    stream = _zip({"[Content_Types].xml": b"<x/>"})
    assert macro_reason(stream, "budget.XLSM") == "macro-enabled file type (.xlsm)"


def test_odf_basic_module_is_flagged() -> None:
    stream = _zip({"mimetype": b"x", "Basic/Standard/Module1.xml": b"<x/>"})
    assert macro_reason(stream, "a.odt") == "contains Basic macros"


def test_ole_with_vba_storage_is_flagged() -> None:
    data = (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100 + "_VBA_PROJECT_CUR".encode("utf-16-le")
    )
    assert macro_reason(io.BytesIO(data), "oud.doc") == "contains a VBA macro project"


def test_plain_documents_and_garbage_are_not_flagged_and_position_is_kept() -> None:
    stream = _zip({"[Content_Types].xml": b"<x/>", "word/document.xml": b"<x/>"})
    stream.seek(5)
    assert macro_reason(stream, "brief.docx") is None
    assert stream.tell() == 5
    assert macro_reason(io.BytesIO(b"PK\x03\x04kapot"), "x.docx") is None
    assert macro_reason(io.BytesIO(b"gewone tekst"), "x.txt") is None
