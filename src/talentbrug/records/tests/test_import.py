"""Import and analysis: uploads, ZIPs (with every kind of bad input), server folders."""

from __future__ import annotations

import io
import os
import stat
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile

from talentbrug.audit.models import AuditEvent
from talentbrug.docanalysis.tests.samples import make_docx, make_pdf
from talentbrug.records.constants import AnalysisStatus
from talentbrug.records.models import Document
from talentbrug.records.services import imports, triage
from talentbrug.records.services import uploads as uploads_services

pytestmark = pytest.mark.django_db


def make_zip(members: dict[str, bytes], *, symlink: str | None = None) -> io.BytesIO:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
        if symlink:
            info = zipfile.ZipInfo(symlink)
            info.external_attr = (stat.S_IFLNK | 0o777) << 16
            zf.writestr(info, "/etc/passwd")
    buffer.seek(0)
    return buffer


def by_path(collection):
    return {d.path: d for d in Document.objects.filter(collection=collection)}


def test_upload_is_analysed_with_progress_and_pii_signs(collection, manager, private_media):
    files = [
        ContentFile(
            b"Notitie. Mail jan@example.org of bel 06-12345678. BSN 111222333.", name="notitie.txt"
        ),
        ContentFile(
            make_docx(["Selectieverslag", "Drie gesprekken gevoerd."]), name="verslag.docx"
        ),
        ContentFile(make_pdf(["Vacature cloud engineer"]), name="vacature.pdf"),
    ]
    created = uploads_services.import_files(collection, manager, files)
    assert len(created) == 3
    collection.refresh_from_db()
    assert (collection.analysis_done, collection.analysis_total) == (3, 3)
    docs = by_path(collection)
    note = docs["notitie.txt"]
    assert note.analysis_status == AnalysisStatus.DONE
    assert note.has_email and note.has_phone and note.has_bsn and not note.has_iban
    assert len(note.sha256) == 64 and note.size > 0
    assert docs["verslag.docx"].detected_type == "docx"
    assert "Drie gesprekken" in docs["verslag.docx"].extracted_text
    assert docs["vacature.pdf"].detected_type == "pdf"
    assert docs["vacature.pdf"].title == "Testdocument"
    # Files are stored under generated names in private storage, not under the upload name.
    stored = docs["notitie.txt"].file.name
    assert stored.startswith(f"records/{collection.organisation_id}/{collection.pk}/")
    assert "notitie" not in stored
    event = AuditEvent.objects.get(event_type="records.documents_imported")
    assert event.data == {"count": 3, "unreadable": 0}


def test_type_is_detected_by_content_not_extension(collection, manager):
    uploads_services.import_files(
        collection, manager, [ContentFile(make_pdf(["x"]), name="brief.docx")]
    )
    assert Document.objects.get().detected_type == "pdf"


def test_zip_keeps_folders_and_makes_unreadable_cards_for_bad_members(
    collection, manager, settings
):
    settings.RECORDS_MAX_FILE_BYTES = 3 * 1024 * 1024
    bomb = b"\0" * (3 * 1024 * 1024 - 10)  # compresses > 100:1
    archive = make_zip(
        {
            "Werving/2019/vacature.txt": b"Vacature junior developer",
            "../../etc/evil.txt": b"escape",
            "/absoluut.txt": b"absolute",
            "C:/windows.txt": b"drive",
            "Werving/bom.txt": bomb,
            "Werving/leeg.txt": b"",
            "Werving/kapot.docx": b"PK\x03\x04 niet echt",
        },
        symlink="Werving/link",
    )
    created = imports.import_zip(collection, manager, archive)
    assert len(created) == 8
    docs = by_path(collection)
    assert docs["Werving/2019/vacature.txt"].analysis_status == AnalysisStatus.DONE
    assert docs["Werving/2019/vacature.txt"].source_modified is not None  # ZIP entry time
    assert "buiten de map" in docs["etc/evil.txt"].unreadable_reason
    assert "absoluut" in docs["absoluut.txt"].unreadable_reason
    assert "absoluut" in docs["C:/windows.txt"].unreadable_reason
    assert "zipbom" in docs["Werving/bom.txt"].unreadable_reason
    assert "koppeling" in docs["Werving/link"].unreadable_reason
    assert docs["Werving/kapot.docx"].analysis_status == AnalysisStatus.UNREADABLE
    assert docs["Werving/leeg.txt"].empty_or_temporary_reason
    for path in ("etc/evil.txt", "absoluut.txt", "Werving/bom.txt", "Werving/link"):
        assert not docs[path].file  # nothing stored for unsafe members
    collection.refresh_from_db()
    assert collection.analysis_done == collection.analysis_total == 8


def test_zip_header_that_lies_about_size_is_stopped(collection, manager, settings):
    settings.RECORDS_MAX_FILE_BYTES = 1000
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_STORED) as zf:
        zf.writestr("groot.txt", b"a" * 5000)
    # Patch the central directory's uncompressed size down to 10 bytes.
    data = bytearray(buffer.getvalue())
    cd = data.rfind(b"PK\x01\x02")
    data[cd + 24 : cd + 28] = (10).to_bytes(4, "little")
    lf = data.find(b"PK\x03\x04")
    data[lf + 22 : lf + 26] = (10).to_bytes(4, "little")
    imports.import_zip(collection, manager, io.BytesIO(bytes(data)))
    doc = Document.objects.get()
    assert doc.analysis_status == AnalysisStatus.UNREADABLE
    assert not doc.file


def test_encrypted_zip_member_becomes_an_unreadable_card(collection, manager):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr("geheim.txt", b"x")
    data = bytearray(buffer.getvalue())
    for marker in (b"PK\x03\x04", b"PK\x01\x02"):
        at = data.find(marker)
        offset = 6 if marker == b"PK\x03\x04" else 8
        data[at + offset] |= 0x1  # the "encrypted" flag bit
    imports.import_zip(collection, manager, io.BytesIO(bytes(data)))
    assert Document.objects.get().unreadable_reason == (
        "Versleuteld met een wachtwoord; vraag de maker om een versie zonder wachtwoord"
    )


@pytest.mark.parametrize("payload", [b"", b"geen zip", b"PK\x03\x04kapot"])
def test_a_broken_zip_changes_nothing(collection, manager, payload):
    with pytest.raises(ValidationError):
        imports.import_zip(collection, manager, io.BytesIO(payload))
    assert not Document.objects.exists()


def test_too_many_members_is_refused_before_anything_is_stored(collection, manager, settings):
    settings.RECORDS_MAX_ZIP_MEMBERS = 2
    with pytest.raises(ValidationError, match="meer dan 2"):
        imports.import_zip(collection, manager, make_zip({"a": b"1", "b": b"2", "c": b"3"}))
    assert not Document.objects.exists()


def test_oversized_upload_becomes_an_unreadable_card(collection, manager, settings):
    settings.RECORDS_MAX_FILE_BYTES = 10
    uploads_services.import_files(collection, manager, [ContentFile(b"x" * 11, name="groot.txt")])
    doc = Document.objects.get()
    assert doc.analysis_status == AnalysisStatus.UNREADABLE and "Te groot" in doc.unreadable_reason
    assert not doc.file


def test_macro_and_unknown_files_are_unreadable_but_decidable(collection, manager):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", "<w:document/>")
        zf.writestr("word/vbaProject.bin", b"\0" * 20)
    files = [
        ContentFile(buffer.getvalue(), name="macro.docm"),
        ContentFile(bytes(range(256)) * 3, name="onbekend.bin"),
    ]
    uploads_services.import_files(collection, manager, files)
    docs = by_path(collection)
    assert "macro" in docs["macro.docm"].unreadable_reason
    assert docs["macro.docm"].extracted_text == ""
    assert "niet ondersteund" in docs["onbekend.bin"].unreadable_reason
    from talentbrug.records.constants import Decision

    triage.decide_document(docs["onbekend.bin"], manager, Decision.DISCARD)


def test_mail_attachments_are_listed(collection, manager):
    from email.message import EmailMessage

    message = EmailMessage()
    message["Subject"] = "Uitnodiging gesprek"
    message["From"] = "werving@example.org"
    message["To"] = "kandidaat@example.org"
    message.set_content("Hierbij de uitnodiging.")
    message.add_attachment(b"Bijlage tekst", maintype="text", subtype="plain", filename="route.txt")
    uploads_services.import_files(
        collection, manager, [ContentFile(message.as_bytes(), name="mail.eml")]
    )
    doc = Document.objects.get()
    assert doc.detected_type == "eml"
    assert [a["name"] for a in doc.attachments] == ["route.txt"]
    assert doc.has_email


def test_near_duplicates_are_linked(collection, manager):
    base = " ".join(f"woord{i}" for i in range(200))
    files = [
        ContentFile(base.encode(), name="a.txt"),
        ContentFile((base + " extra").encode(), name="b.txt"),
        ContentFile(b"iets heel anders dan de rest van de tekst hier", name="c.txt"),
    ]
    uploads_services.import_files(collection, manager, files)
    docs = by_path(collection)
    assert docs["a.txt"].near_duplicate_of == docs["b.txt"]
    assert docs["b.txt"].near_duplicate_similarity > 0.8
    assert docs["c.txt"].near_duplicate_of is None


def test_server_folder_import_never_follows_symlinks(collection, manager, settings, tmp_path):
    root = tmp_path / "share"
    (root / "Werving").mkdir(parents=True)
    (root / "Werving" / "notitie.txt").write_text("Notitie over werving")
    outside = tmp_path / "geheim"
    outside.mkdir()
    (outside / "wachtwoorden.txt").write_text("geheim")
    os.symlink(outside / "wachtwoorden.txt", root / "Werving" / "link.txt")
    os.symlink(outside, root / "map-link")
    settings.RECORDS_IMPORT_ROOTS = {"share": str(root)}
    imports.import_folder(collection, manager, "share")
    docs = by_path(collection)
    assert docs["Werving/notitie.txt"].analysis_status == AnalysisStatus.DONE
    assert "koppeling" in docs["Werving/link.txt"].unreadable_reason
    assert "koppeling" in docs["map-link"].unreadable_reason
    assert not any("geheim" in d.extracted_text for d in docs.values())
    with pytest.raises(ValidationError):
        imports.import_folder(collection, manager, "share", "../geheim")
    with pytest.raises(ValidationError):
        imports.import_folder(collection, manager, "andere-root")
