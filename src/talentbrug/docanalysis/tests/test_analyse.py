from __future__ import annotations

import hashlib
import io
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from talentbrug.docanalysis import DocType, Limits, analyse, make_preview

from . import samples

DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def test_pdf_text_metadata_and_checksum(tmp_path: Path) -> None:
    data = samples.make_pdf(["Selectielijst Rijk 2023", "Bewaartermijn 7 jaar"], title="Besluit")
    path = tmp_path / "besluit.pdf"
    path.write_bytes(data)
    result = analyse(path)
    assert result.errors == []
    assert result.name == "besluit.pdf"
    assert result.detected_type is DocType.PDF
    assert result.mime_type == "application/pdf"
    assert result.size == len(data)
    assert result.sha256 == hashlib.sha256(data).hexdigest()
    assert "Selectielijst Rijk 2023" in result.text and "Bewaartermijn 7 jaar" in result.text
    assert result.title == "Besluit" and result.author == "Tester"
    assert result.created is not None and result.created.year == 2023
    assert (
        result.modified is not None and result.modified.isoformat() == "2024-02-01T12:00:00+00:00"
    )
    assert result.properties["pages"] == "1"
    assert result.extension_matches is True
    assert result.signature is not None and len(result.signature) == 128


def test_docx() -> None:
    data = samples.make_docx(["Verslag overleg", "Aanwezig: team IV.", "Actiepunt: archiveren."])
    result = analyse(data, name="verslag.docx")
    assert result.errors == []
    assert result.detected_type is DocType.DOCX
    assert result.text.splitlines()[:3] == [
        "Verslag overleg",
        "Aanwezig: team IV.",
        "Actiepunt: archiveren.",
    ]
    assert "Kolom A\tKolom B" in result.text
    assert result.title == "Notitie" and result.author == "J. Jansen"
    assert result.created is not None and result.created.year == 2022
    assert result.preview.startswith("Verslag overleg\nAanwezig: team IV.")


def test_xlsx() -> None:
    data = samples.make_xlsx([["Post", "Bedrag"], ["Laptops", 12500], ["Licenties", 3400.5]])
    result = analyse(data, name="begroting.xlsx")
    assert result.errors == []
    assert result.detected_type is DocType.XLSX
    assert "Post\tBedrag" in result.text and "Licenties\t3400.5" in result.text
    assert "# Blad1" in result.text and "# Leeg" in result.text
    assert result.title == "Begroting" and result.author == "Financiën"
    assert result.properties["sheets"] == "2"


def test_pptx() -> None:
    data = samples.make_pptx([("Inwerken", "Dag 1: laptop ophalen"), ("Archief", "MDTO")])
    result = analyse(data, name="slides.pptx")
    assert result.errors == []
    assert result.detected_type is DocType.PPTX
    for expected in ("Inwerken", "Dag 1: laptop ophalen", "Extra tekstvak", "Notities bij Archief"):
        assert expected in result.text
    assert result.properties["slides"] == "2"
    assert result.title == "Presentatie"


def test_odt() -> None:
    data = samples.make_odt(["Kop van ODT", "Eerste alinea.", "Tweede alinea."])
    result = analyse(data, name="notitie.odt")
    assert result.errors == []
    assert result.detected_type is DocType.ODT
    assert result.text == "Kop van ODT\nEerste alinea.\nTweede alinea.\n"
    assert result.title == "ODT-notitie" and result.author == "O. Open"
    assert result.created is not None and result.created.year == 2020


def test_eml_with_attachments_as_children() -> None:
    cv = samples.make_docx(["Curriculum vitae", "Python, Linux"])
    data = samples.make_eml(
        "Geachte heer,\n\nIn de bijlage mijn cv. Bel 06-12345678.\n",
        attachments=[
            ("cv.docx", cv, DOCX_MIME),
            ("brief.txt", "Motivatie ü".encode(), "text/plain"),
        ],
    )
    result = analyse(data, name="sollicitatie.eml")
    assert result.errors == []
    assert result.detected_type is DocType.EML
    assert result.title == "Sollicitatie ICT-beheerder"
    assert result.author is not None and "fatima.yilmaz@example.org" in result.author
    assert result.created is not None and result.created.utcoffset() is not None
    assert "Subject: Sollicitatie ICT-beheerder" in result.text
    assert "In de bijlage mijn cv." in result.text
    assert result.personal_data.emails >= 2 and result.personal_data.phones == 1
    assert [(c.name, c.detected_type) for c in result.children] == [
        ("cv.docx", DocType.DOCX),
        ("brief.txt", DocType.TXT),
    ]
    assert "Python, Linux" in result.children[0].text
    assert result.children[0].sha256 == hashlib.sha256(cv).hexdigest()
    assert result.children[1].text == "Motivatie ü"
    assert len(result.iter_all()) == 3


def test_nested_eml_attachment() -> None:
    inner = samples.make_eml("Doorgestuurd bericht.", subject="Origineel")
    outer = samples.make_eml("Zie doorgestuurd.", attachments=[("fw.eml", inner, "message/rfc822")])
    result = analyse(outer, name="fw.eml")
    assert result.errors == []
    child = result.children[0]
    assert child.detected_type is DocType.EML and child.title == "Origineel"
    assert "Doorgestuurd bericht." in child.text

    # the standard way: the inner message attached as a message object (7bit)
    import email
    import email.policy
    from email.message import EmailMessage

    outer_msg = email.message_from_bytes(
        samples.make_eml("Zie doorgestuurd."), policy=email.policy.default
    )
    assert isinstance(outer_msg, EmailMessage)
    outer_msg.add_attachment(email.message_from_bytes(inner, policy=email.policy.default))
    result = analyse(outer_msg.as_bytes(), name="fw2.eml")
    assert result.errors == []
    assert result.children[0].title == "Origineel"


def test_eml_detected_without_extension() -> None:
    data = samples.make_eml("Hallo")
    assert analyse(data, name="bericht").detected_type is DocType.EML


def test_msg_with_attachments_as_children() -> None:
    cv = samples.make_docx(["CV uit Outlook", "BSN 111222333"])
    data = samples.make_msg(
        attachments=[("notitie.txt", b"Inhoud van de bijlage"), ("cv.docx", cv)]
    )
    result = analyse(data, name="bericht.msg")
    assert result.errors == []
    assert result.detected_type is DocType.MSG
    assert result.title == "Verslag overleg archief"
    assert result.author is not None and "jan.jansen@example.nl" in result.author
    assert result.created is not None and result.created.isoformat() == "2023-03-06T09:00:00+01:00"
    assert "Subject: Verslag overleg archief" in result.text
    assert "Hierbij het verslag." in result.text
    assert [(c.name, c.detected_type) for c in result.children] == [
        ("notitie.txt", DocType.TXT),
        ("cv.docx", DocType.DOCX),
    ]
    assert result.children[0].text == "Inhoud van de bijlage"
    assert result.children[1].personal_data.bsns == 1
    # detected by content, whatever the name says
    assert analyse(data, name="bericht.dat").detected_type is DocType.MSG


def test_other_ole_file_is_not_msg() -> None:
    from .cfb import build_cfb

    doc = build_cfb({"WordDocument": b"\x00" * 5000, "1Table": b"\x00" * 100})
    result = analyse(doc, name="oud.doc")
    assert result.detected_type is DocType.DOC
    assert result.errors == [] and result.properties["note"].startswith("no text extraction")


@pytest.mark.parametrize(
    ("raw", "encoding", "text"),
    [
        ("Überweisung café".encode(), "utf-8", "Überweisung café"),
        ("Café – “quotes”".encode("cp1252"), "cp1252", "Café – “quotes”"),
        ("\ufeffmet BOM".encode(), "utf-8-bom", "met BOM"),
        ("UTF-16 tekst".encode("utf-16"), "utf-16-le-bom", "UTF-16 tekst"),
        ("UTF-16 zonder BOM".encode("utf-16-le"), "utf-16-le", "UTF-16 zonder BOM"),
    ],
)
def test_text_encodings(raw: bytes, encoding: str, text: str) -> None:
    result = analyse(raw, name="x.txt")
    assert result.detected_type is DocType.TXT
    assert result.encoding == encoding
    assert result.text == text


def test_csv_and_markdown_by_content() -> None:
    csv_data = b"naam;datum;bedrag\nJan;2023-01-01;12\nPiet;2023-02-01;13\n"
    assert analyse(csv_data, name="export.txt").detected_type is DocType.CSV
    md = b"# Titel\n\nZie [de site](https://example.nl).\n\n## Kop 2\n- punt\n"
    assert analyse(md, name="LEESMIJ").detected_type is DocType.MD
    assert analyse(b"Gewone tekst.\nNog een regel.", name="a.md").detected_type is DocType.MD
    assert analyse(b"Gewone tekst.\nNog een regel.", name="a").detected_type is DocType.TXT


def test_type_by_content_not_extension() -> None:
    docx_bytes = samples.make_docx(["Eigenlijk Word"])
    result = analyse(docx_bytes, name="vermomd.pdf")
    assert result.detected_type is DocType.DOCX
    assert result.extension == "pdf" and result.extension_matches is False
    assert "Eigenlijk Word" in result.text


@pytest.mark.parametrize(
    ("data", "doc_type"),
    [
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 50, DocType.PNG),
        (b"\xff\xd8\xff\xe0" + b"\x00" * 50, DocType.JPEG),
        (b"GIF89a" + b"\x00" * 50, DocType.GIF),
        (b"II*\x00" + b"\x00" * 50, DocType.TIFF),
        (b"RIFF\x00\x00\x00\x00WEBPVP8 " + b"\x00" * 20, DocType.WEBP),
    ],
)
def test_images(data: bytes, doc_type: DocType) -> None:
    result = analyse(data, name="plaatje.bin")
    assert result.detected_type is doc_type
    assert result.detected_type.is_image
    assert result.errors == [] and result.text == ""


def test_plain_zip_members_are_children() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("map/notitie.txt", "Inhoud van de notitie")
        zf.writestr("map/verslag.docx", samples.make_docx(["Verslag in zip"]))
        zf.writestr("map/", "")
    result = analyse(buf.getvalue(), name="archief.zip")
    assert result.detected_type is DocType.ZIP
    assert result.errors == []
    assert "map/notitie.txt" in result.text
    assert [c.detected_type for c in result.children] == [DocType.TXT, DocType.DOCX]
    assert "Verslag in zip" in result.children[1].text


# ----------------------------------------------------------------- robustness


def test_corrupt_pdf_returns_errors() -> None:
    data = samples.make_pdf(["tekst"])[:60] + b"\x00garbage" * 20
    result = analyse(data, name="kapot.pdf")
    assert result.detected_type is DocType.PDF
    assert result.sha256 == hashlib.sha256(data).hexdigest()
    # either a clear error or simply no text; never an exception
    assert result.errors or result.text.strip() == ""


def test_truncated_zip_and_docx() -> None:
    docx_bytes = samples.make_docx(["Afgebroken"])
    result = analyse(docx_bytes[: len(docx_bytes) // 2], name="half.docx")
    assert result.errors
    assert result.detected_type in (DocType.ZIP, DocType.DOCX)
    assert result.size == len(docx_bytes) // 2


def test_binary_garbage() -> None:
    data = bytes(range(256)) * 40
    result = analyse(data, name="rommel.dat")
    assert result.detected_type is DocType.BINARY
    assert result.text == ""


def test_zip_bomb_is_refused() -> None:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", b"\x00" * (30 * 1024 * 1024))
    data = buf.getvalue()
    assert len(data) < 200_000
    result = analyse(data, name="bom.docx")
    assert any("compression ratio" in e for e in result.errors)


def test_huge_file_only_hashed(tmp_path: Path) -> None:
    path = tmp_path / "groot.txt"
    path.write_bytes(b"regel\n" * 50_000)
    result = analyse(path, limits=Limits(max_extract_bytes=100_000))
    assert result.size == 300_000
    assert result.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert result.text == "" and any("too large" in e for e in result.errors)


def test_text_limit() -> None:
    result = analyse(b"woord " * 100_000, name="lang.txt", limits=Limits(max_text_chars=1000))
    assert len(result.text) == 1000 and result.text_truncated
    docx_bytes = samples.make_docx(["x" * 50] * 200)
    result = analyse(docx_bytes, name="lang.docx", limits=Limits(max_text_chars=500))
    assert len(result.text) == 500 and result.text_truncated and result.errors == []


def test_missing_file_and_non_seekable_stream(tmp_path: Path) -> None:
    result = analyse(tmp_path / "bestaat-niet.pdf")
    assert result.errors and "FileNotFoundError" in result.errors[0]

    class Pipe(io.RawIOBase):
        def __init__(self, data: bytes) -> None:
            self._buf = io.BytesIO(data)

        def readable(self) -> bool:
            return True

        def readinto(self, b: bytearray) -> int:  # type: ignore[override]
            chunk = self._buf.read(len(b))
            b[: len(chunk)] = chunk
            return len(chunk)

    result = analyse(Pipe(b"stroom van tekst"), name="pipe.txt")  # type: ignore[arg-type]
    assert result.text == "stroom van tekst" and result.size == 16


@settings(max_examples=60, deadline=None)
@given(
    st.binary(max_size=2000), st.sampled_from(["a.pdf", "a.docx", "a.eml", "a.zip", "a.msg", ""])
)
def test_never_raises_on_random_bytes(data: bytes, name: str) -> None:
    result = analyse(data, name=name)
    assert result.size == len(data)


@settings(max_examples=30, deadline=None)
@given(st.integers(min_value=1, max_value=3000), st.sampled_from(["pdf", "docx", "xlsx", "odt"]))
def test_never_raises_on_truncated_documents(cut: int, kind: str) -> None:
    makers = {
        "pdf": lambda: samples.make_pdf(["tekst"]),
        "docx": lambda: samples.make_docx(["tekst"]),
        "xlsx": lambda: samples.make_xlsx([["a", 1]]),
        "odt": lambda: samples.make_odt(["tekst"]),
    }
    data = _cached(kind, makers[kind])
    result = analyse(data[:cut], name=f"x.{kind}")
    assert result.size == min(cut, len(data))


_CACHE: dict[str, bytes] = {}


def _cached(key: str, make: object) -> bytes:
    if key not in _CACHE:
        _CACHE[key] = make()  # type: ignore[operator]
    return _CACHE[key]


# ----------------------------------------------------------------- empty / temporary


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("leeg.docx", b"", "empty file"),
        ("~$rslag.docx", b"\x05Jan  " + b"\x00" * 150, "Office lock file"),
        ("export.tmp", b"iets", "temporary file"),
        ("Thumbs.db", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "thumbnail"),
        (".DS_Store", b"\x00\x00\x00\x01Bud1" + b"\x00" * 100, "macOS"),
        (".~lock.verslag.odt#", b"J,host,01.01.2024", "LibreOffice lock"),
        ("spaties.txt", b"   \n\n\t ", "no text content"),
    ],
)
def test_empty_or_temporary(name: str, data: bytes, reason: str) -> None:
    result = analyse(data, name=name)
    assert result.empty_or_temporary
    assert result.empty_or_temporary_reason is not None
    assert reason.lower() in result.empty_or_temporary_reason.lower()


def test_normal_file_is_not_temporary() -> None:
    result = analyse(b"Inhoud", name="verslag.txt")
    assert not result.empty_or_temporary and result.empty_or_temporary_reason is None


def test_preview() -> None:
    text = "\n\n  Eerste   regel  \n" + "\n".join(f"regel {i} " + "woord " * 10 for i in range(100))
    preview = make_preview(text, 600)
    assert preview.startswith("Eerste regel\nregel 0 woord")
    assert len(preview) <= 600 and preview.endswith("…")
    assert make_preview("kort", 600) == "kort"


def test_as_dict_is_json_ready() -> None:
    import json

    result = analyse(
        samples.make_eml("Hoi", attachments=[("a.txt", b"x", "text/plain")]), name="m.eml"
    )
    data = json.loads(json.dumps(result.as_dict()))
    assert data["detected_type"] == "eml" and data["children"][0]["name"] == "a.txt"
    assert "text" not in data and "text" in result.as_dict(include_text=True)
    assert data["signature"] is not None and len(data["signature"]) == 128 * 8
