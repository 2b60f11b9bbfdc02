"""MDTO export of kept documents, validated against the official MDTO-XML schemas."""

from __future__ import annotations

import hashlib
import io
import struct
import zipfile
from datetime import date

import pytest
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.urls import reverse
from lxml import etree
from PIL import Image

from talentbrug.conftest import verified_client
from talentbrug.docanalysis.tests.samples import (
    make_docx,
    make_eml,
    make_msg,
    make_odt,
    make_pdf,
    make_xlsx,
)
from talentbrug.records import mdto, pronom
from talentbrug.records.constants import Decision, Waardering
from talentbrug.records.models import Document
from talentbrug.records.services import triage, uploads

from .factories import CategoryFactory, DocumentFactory, with_file

pytestmark = pytest.mark.django_db
NS = {"m": mdto.NS}


def assert_valid_everywhere(xml: bytes) -> None:
    """Valid against every official MDTO-XML version we ship (1.0.1 and 1.0.2)."""
    for path in mdto.SCHEMA_PATHS:
        mdto.validate(xml, path)


def exported_xml(archive: zipfile.ZipFile) -> dict[str, etree._Element]:
    """Every MDTO file of an export, each validated against the official schemas."""
    found = {}
    for name in archive.namelist():
        if name.endswith(".mdto.xml"):
            data = archive.read(name)
            assert_valid_everywhere(data)
            found[name] = etree.fromstring(data)
    return found


def _kept(collection, manager, content, **kwargs):
    doc = with_file(DocumentFactory(collection=collection, **kwargs), content)
    doc.sha256 = hashlib.sha256(content).hexdigest()
    doc.size = len(content)
    doc.mime_type = "text/plain"
    doc.save()
    return triage.decide_document(doc, manager, Decision.KEEP)


def _image(fmt: str, **save) -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (8, 8), "teal").save(buf, fmt, **save)
    return buf.getvalue()


def test_export_zip_has_files_and_valid_mdto_xml(collection, manager):
    beleid = CategoryFactory(
        organisation=collection.organisation,
        code="1.3",
        name="Beleid werving",
        waardering=Waardering.BEWAREN,
        bewaartermijn_years=None,
        informatiecategorie="beleid",
    )
    collection.default_category.bewaartermijn_years = 5
    collection.default_category.save()
    v_doc = _kept(
        collection, manager, b"Selectieverslag", document_date=date(2023, 5, 1), has_email=True
    )
    undated = _kept(collection, manager, b"Zonder datum", document_date=None)
    b_doc = DocumentFactory(collection=collection, path="Beleid/visie.txt", sha256="")
    with_file(b_doc, b"Visie")
    triage.decide_document(b_doc, manager, Decision.KEEP, category=beleid)
    DocumentFactory(collection=collection)  # undecided: not exported
    archive = zipfile.ZipFile(mdto.export_kept_documents(collection, manager))
    xml = exported_xml(archive)
    assert len(xml) == 7  # the collection, plus informatieobject and bestand per document
    base = mdto.identifier(v_doc)
    assert archive.read(f"{base}/{v_doc.name}") == b"Selectieverslag"
    io_el = xml[f"{base}/{base}.mdto.xml"].find("m:informatieobject", NS)
    assert io_el.findtext("m:aggregatieniveau/m:begripLabel", namespaces=NS) == "Archiefstuk"
    assert io_el.findtext("m:waardering/m:begripCode", namespaces=NS) == "V"
    assert io_el.findtext("m:bewaartermijn/m:termijnStartdatumLooptijd", namespaces=NS) == (
        "2023-05-01"
    )
    assert io_el.findtext("m:bewaartermijn/m:termijnLooptijd", namespaces=NS) == "P5Y"
    assert io_el.findtext("m:bewaartermijn/m:termijnEinddatum", namespaces=NS) == "2028-05-01"
    # informatiecategorie is a concept (begrip) from the organisation's selectielijst.
    category = io_el.find("m:informatiecategorie", NS)
    assert category.findtext("m:begripCode", namespaces=NS) == collection.default_category.code
    assert category.findtext("m:begripLabel", namespaces=NS).endswith(
        collection.default_category.name
    )
    assert collection.organisation.name in category.findtext(
        "m:begripBegrippenlijst/m:verwijzingNaam", namespaces=NS
    )
    assert io_el.find("m:informatiecategorie/m:verwijzingNaam", NS) is None
    collection_id = mdto.collection_identifier(collection)
    assert (
        io_el.findtext(
            "m:isOnderdeelVan/m:verwijzingIdentificatie/m:identificatieKenmerk", namespaces=NS
        )
        == collection_id
    )
    assert io_el.findtext("m:archiefvormer/m:verwijzingNaam", namespaces=NS) == (
        collection.organisation.name
    )
    assert io_el.findtext(".//m:beperkingGebruikType/m:begripCode", namespaces=NS) == "AVG"
    bestand = xml[f"{base}/{base}-bestand.mdto.xml"].find("m:bestand", NS)
    assert bestand.findtext("m:omvang", namespaces=NS) == str(len(b"Selectieverslag"))
    assert bestand.findtext("m:checksum/m:checksumWaarde", namespaces=NS) == v_doc.sha256
    assert bestand.findtext("m:bestandsformaat/m:begripCode", namespaces=NS) == "x-fmt/111"
    assert bestand.findtext(
        "m:bestandsformaat/m:begripBegrippenlijst/m:verwijzingNaam", namespaces=NS
    ) == ("PRONOM-register")
    # No document date: the term has no start and no end date (the upload day is not one).
    u_base = mdto.identifier(undated)
    term = xml[f"{u_base}/{u_base}.mdto.xml"].find("m:informatieobject/m:bewaartermijn", NS)
    assert term.find("m:termijnStartdatumLooptijd", NS) is None
    assert term.find("m:termijnEinddatum", NS) is None
    b_base = mdto.identifier(b_doc)
    b_xml = xml[f"{b_base}/{b_base}.mdto.xml"]
    assert b_xml.findtext(".//m:waardering/m:begripCode", namespaces=NS) == "B"
    assert b_xml.find(".//m:bewaartermijn", NS) is None
    assert b_xml.findtext(".//m:informatiecategorie/m:begripLabel", namespaces=NS) == "beleid"
    # A checksum computed at export (none stored) is dated at the export.
    b_file = xml[f"{b_base}/{b_base}-bestand.mdto.xml"]
    assert b_file.findtext(".//m:checksumWaarde", namespaces=NS) == (
        hashlib.sha256(b"Visie").hexdigest()
    )
    whole = xml[f"{collection_id}.mdto.xml"].find("m:informatieobject", NS)
    assert whole.findtext("m:aggregatieniveau/m:begripLabel", namespaces=NS) == "Serie"
    assert whole.findtext("m:waardering/m:begripCode", namespaces=NS) == "B"
    parts = whole.findall("m:bevatOnderdeel//m:identificatieKenmerk", NS)
    assert sorted(p.text for p in parts) == sorted(
        mdto.identifier(d) for d in (v_doc, undated, b_doc)
    )


def test_imported_mixed_batch_exports_valid_mdto_with_pronom_formats(collection, manager):
    """A realistic batch through the real import and analysis, kept and exported."""
    exif = Image.Exif()
    exif[0x010F] = "Camera"
    files = {
        "verslag.pdf": make_pdf(["Selectieverslag"]),
        "brief.docx": make_docx(["Brief aan kandidaat"]),
        "lijst.xlsx": make_xlsx([["naam", "score"], ["A", 7]]),
        "notitie.odt": make_odt(["Notitie"]),
        "mail.eml": make_eml("Beste Fatima, dank voor je brief."),
        "outlook.msg": make_msg(),
        "logo.png": _image("PNG"),
        "foto.jpg": _image("JPEG"),
        "scan.gif": _image("GIF"),
        "kaart.bmp": _image("BMP"),
        "pagina.html": b"<!DOCTYPE html><html><body><p>Vacature</p></body></html>",
        "lees.txt": "Leesmij: één regel".encode(),
        "onbekend.bin": bytes(range(256)) * 4,
    }
    uploads.import_files(
        collection, manager, [ContentFile(data, name=name) for name, data in files.items()]
    )
    for doc in Document.objects.filter(collection=collection):
        triage.decide_document(doc, manager, Decision.KEEP)
    archive = zipfile.ZipFile(mdto.export_kept_documents(collection, manager))
    xml = exported_xml(archive)
    formats = {}
    for root in xml.values():
        bestand = root.find("m:bestand", NS)
        if bestand is not None:
            formats[bestand.findtext("m:naam", namespaces=NS)] = (
                bestand.findtext("m:bestandsformaat/m:begripCode", namespaces=NS),
                bestand.findtext("m:bestandsformaat/m:begripLabel", namespaces=NS),
            )
    assert {name: code for name, (code, _label) in formats.items()} == {
        "verslag.pdf": "fmt/18",
        "brief.docx": "fmt/412",
        "lijst.xlsx": "fmt/214",
        "notitie.odt": "fmt/291",
        "mail.eml": "fmt/950",
        "outlook.msg": "x-fmt/430",
        "logo.png": "fmt/11",
        "foto.jpg": "fmt/43",
        "scan.gif": "fmt/3",  # Pillow writes GIF87a when nothing needs 89a
        "kaart.bmp": "fmt/116",
        "pagina.html": "fmt/471",
        "lees.txt": "x-fmt/111",
        "onbekend.bin": None,  # no PRONOM claim for content we cannot identify
    }
    assert formats["verslag.pdf"][1] == "Acrobat PDF 1.4 - Portable Document Format"
    assert formats["onbekend.bin"][1] == "Onbekend bestandsformaat"
    assert not any("/" in label and label.count("/") == 1 for _c, label in formats.values())


def _fh(data: bytes) -> io.BytesIO:
    return io.BytesIO(data)


def _png(*chunks: bytes) -> bytes:
    out = b"\x89PNG\r\n\x1a\n"
    for kind in (b"IHDR", *chunks, b"IDAT", b"IEND"):
        out += struct.pack(">I", 0) + kind + b"\x00\x00\x00\x00"
    return out


@pytest.mark.parametrize(
    ("doc_type", "data", "puid"),
    [
        ("pdf", b"%PDF-1.7\n%\xe2\xe3\n1 0 obj", "fmt/276"),
        ("pdf", b"%PDF-2.0\n", "fmt/1129"),
        (
            "pdf",
            b"%PDF-1.4\n" + b"x" * 2_000_000 + b'<rdf:Description pdfaid:part="1" '
            b'pdfaid:conformance="B"/>',
            "fmt/354",
        ),
        ("pdf", b"%PDF-1.6\n<pdfaid:part>2</pdfaid:part><pdfaid:conformance>U<", "fmt/478"),
        ("pdf", b"junk", ""),
        ("jpeg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x02", "fmt/44"),
        (
            "jpeg",
            b"\xff\xd8\xff\xe1\x00\x40Exif\x00\x00II*\x00"
            + b"\x00\x90\x07\x00\x04\x00\x00\x000230",
            "fmt/1507",
        ),
        (
            "jpeg",
            b"\xff\xd8\xff\xe1\x00\x40Exif\x00\x00MM\x00*"
            + b"\x90\x00\x00\x07\x00\x00\x00\x040220",
            "fmt/645",
        ),
        ("jpeg", b"\xff\xd8\xff\xdb", "fmt/41"),
        ("png", _png(), "fmt/11"),
        ("png", _png(b"sRGB"), "fmt/12"),
        ("png", _png(b"sRGB", b"iTXt"), "fmt/13"),
        ("gif", b"GIF87a", "fmt/3"),
        ("bmp", b"BM" + b"\x00" * 12 + struct.pack("<I", 124), "fmt/119"),
        ("webp", b"RIFF\x00\x00\x00\x00WEBPVP8L", "fmt/567"),
        ("html", b"<html><body>oud</body></html>", "fmt/96"),
        ("docx", b"PK", "fmt/412"),
        ("heic", b"\x00\x00\x00\x18ftypheic", "fmt/1101"),
        ("rtf", b"{\\rtf1\\ansi", ""),
        ("binary", b"\x00\x01", ""),
        ("empty", b"", ""),
    ],
)
def test_pronom_identifies_versions_from_the_content(doc_type, data, puid):
    assert pronom.identify(doc_type, _fh(data)).puid == puid


def test_pronom_reads_the_odf_version_from_the_manifest():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet")
        zf.writestr(
            "META-INF/manifest.xml",
            '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:'
            '1.0" manifest:version="1.3"/>',
        )
    found = pronom.identify("ods", buf)
    assert (found.puid, found.label) == ("fmt/1755", "OpenDocument Spreadsheet 1.3")
    assert pronom.identify("ods", _fh(b"not a zip")).puid == ""
    assert pronom.identify("ods", None).puid == ""


def test_schema_rejects_missing_required_elements(collection, manager):
    doc = _kept(collection, manager, b"x")
    xml = mdto.informatieobject_xml(doc)
    assert_valid_everywhere(xml)
    broken = etree.fromstring(xml)
    archiefvormer = broken.find(f".//{{{mdto.NS}}}archiefvormer")
    archiefvormer.getparent().remove(archiefvormer)
    with pytest.raises(etree.DocumentInvalid):
        mdto.validate(etree.tostring(broken))


def test_export_refuses_output_that_does_not_fit_the_schema(collection, manager, monkeypatch):
    doc = _kept(collection, manager, b"Bewaard")
    real = mdto.informatieobject_xml

    def without_archiefvormer(document, collection_id=""):
        root = etree.fromstring(real(document, collection_id))
        node = root.find(f".//{{{mdto.NS}}}archiefvormer")
        node.getparent().remove(node)
        return etree.tostring(root)

    monkeypatch.setattr(mdto, "informatieobject_xml", without_archiefvormer)
    with pytest.raises(ValidationError) as refused:
        mdto.export_kept_documents(collection, manager)
    assert doc.path in refused.value.messages[0]
    assert "MDTO-schema" in refused.value.messages[0]
    response = verified_client(manager).get(reverse("records:export_mdto", args=[collection.pk]))
    assert response.status_code == 302
    assert not response.get("Content-Disposition")


def test_export_refuses_a_file_that_changed_since_import(collection, manager):
    doc = _kept(collection, manager, b"Origineel")
    doc.file.delete(save=False)
    doc.file.save(doc.name, ContentFile(b"Gewijzigd"), save=True)
    client = verified_client(manager)
    response = client.get(reverse("records:export_mdto", args=[collection.pk]))
    assert response.status_code == 302
    shown = [str(m) for m in get_messages(response.wsgi_request)]
    assert any(doc.path in m and "controlegetal" in m for m in shown), shown


def test_export_without_kept_documents_says_so(collection, manager):
    with pytest.raises(ValidationError):
        mdto.export_kept_documents(collection, manager)


def test_export_view_streams_a_zip(collection, manager):
    _kept(collection, manager, b"Bewaard")
    response = verified_client(manager).get(reverse("records:export_mdto", args=[collection.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    assert len(exported_xml(archive)) == 3
    assert any(n.endswith("-bestand.mdto.xml") for n in archive.namelist())


def test_names_from_hostile_files_still_give_valid_mdto(collection, manager):
    """Titles and names come from uploaded files: control characters or only spaces."""
    doc = _kept(
        collection, manager, b"Bewaard", path="Werving/rap\x01port\x0b.txt", title="  \x0c "
    )
    archive = zipfile.ZipFile(mdto.export_kept_documents(collection, manager))
    xml = exported_xml(archive)
    base = mdto.identifier(doc)
    io_el = xml[f"{base}/{base}.mdto.xml"].find("m:informatieobject", NS)
    assert io_el.findtext("m:naam", namespaces=NS) == "rapport.txt"
    bestand = xml[f"{base}/{base}-bestand.mdto.xml"].find("m:bestand", NS)
    assert bestand.findtext("m:naam", namespaces=NS) == "rapport.txt"


def test_pronom_gives_no_puid_for_an_odf_it_cannot_open():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("META-INF/manifest.xml", '<m manifest:version="1.2"/>')
    data = bytearray(buf.getvalue())
    for signature, offset in ((b"PK\x03\x04", 8), (b"PK\x01\x02", 10)):
        at = data.find(signature)
        data[at + offset : at + offset + 2] = (99).to_bytes(2, "little")  # unknown compression
    found = pronom.identify("odt", io.BytesIO(bytes(data)))
    assert (found.label, found.puid) == ("OpenDocument Text", "")


@pytest.mark.parametrize(
    ("rule", "expected"), [("DOCUMENT_DATE", "2020-03-01"), ("TRIGGER_DATE", "2023-06-30")]
)
def test_the_term_in_mdto_starts_by_the_categorys_rule(collection, rule, expected):
    """The bewaartermijn in the MDTO file counts from the same start date as the destruction
    guard: the document date, or the date of the event (end of the procedure)."""
    from talentbrug.records.constants import StartDateRule

    category = CategoryFactory(
        organisation=collection.organisation,
        waardering=Waardering.VERNIETIGEN,
        bewaartermijn_years=1,
        start_date_rule=StartDateRule[rule],
    )
    doc = DocumentFactory(
        collection=collection,
        category=category,
        document_date=date(2020, 3, 1),
        trigger_date=date(2023, 6, 30),
    )
    xml = mdto.informatieobject_xml(doc)
    assert_valid_everywhere(xml)
    root = etree.fromstring(xml)
    assert root.findtext(".//m:termijnStartdatumLooptijd", namespaces=NS) == expected


def test_export_names_each_file_by_its_safe_name_not_the_name_as_it_came_in(collection, manager):
    """The ZIP member and the MDTO ``bestand`` carry the download's safe name: no direction
    override, no control characters, no path, the detected type's extension."""
    tricky = "Verslag\u202egpj.exe"
    doc = _kept(collection, manager, b"Selectieverslag", path=f"Werving/{tricky}", name=tricky)
    archive = zipfile.ZipFile(mdto.export_kept_documents(collection, manager))
    base = mdto.identifier(doc)
    files = [n for n in archive.namelist() if n.startswith(f"{base}/") and ".mdto." not in n]
    assert files == [f"{base}/{mdto.safe_name(tricky, 'txt')}"]
    (member,) = files
    assert "\u202e" not in member and not member.endswith(".exe")
    assert archive.read(member) == b"Selectieverslag"
    bestand = exported_xml(archive)[f"{base}/{base}-bestand.mdto.xml"]
    naam = bestand.find("m:bestand/m:naam", NS).text
    assert naam == member.split("/", 1)[1]
    assert all("\u202e" not in n for n in archive.namelist())
