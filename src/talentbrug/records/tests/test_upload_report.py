"""Uploading a batch: each file is judged on its own, and the result names every file that
could not be read (empty, too large, damaged, encrypted) with what to do, with the right count."""

from __future__ import annotations

import io

import lxml.html
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from pypdf import PdfWriter

from talentbrug.conftest import verified_client
from talentbrug.records.constants import AnalysisStatus
from talentbrug.records.models import Document
from talentbrug.records.services import imports, limits, uploads

pytestmark = pytest.mark.django_db


def encrypted_pdf() -> bytes:
    writer = PdfWriter()
    writer.add_blank_page(200, 200)
    writer.encrypt(user_password="geheim", owner_password="eigenaar", algorithm="AES-256")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def report_items(html: str) -> dict[str, str]:
    """The result on the page: {file path: reason}."""
    (report,) = lxml.html.fromstring(html).xpath("//*[@id='import-report']")
    items = {}
    for li in report.xpath(".//li"):
        path = li.xpath("./strong")[0].text_content()
        items[path] = li.text_content()[len(path) + 2 :]
    return items


def test_one_empty_file_does_not_reject_the_batch_and_every_refused_file_is_named(
    collection, manager, settings
):
    settings.RECORDS_MAX_FILE_BYTES = 20_000
    client = verified_client(manager)
    files = [
        SimpleUploadedFile("verslag.txt", b"Verslag van het wervingsoverleg."),
        SimpleUploadedFile("leeg.txt", b""),
        SimpleUploadedFile("beveiligd.pdf", encrypted_pdf()),
        SimpleUploadedFile("groot.txt", b"x" * 20_001),
        SimpleUploadedFile("kapot.pdf", b"%PDF-1.7\n" + b"\x00\x01 geen pdf" * 20),
        SimpleUploadedFile("notitie.txt", b"Notitie over de planning."),
    ]
    response = client.post(
        reverse("records:collection_upload", args=[collection.pk]), {"files": files}, follow=True
    )
    html = response.content.decode()
    assert "Het verstuurde bestand is leeg" not in html
    assert Document.objects.filter(collection=collection).count() == 6
    unreadable = Document.objects.filter(
        collection=collection, analysis_status=AnalysisStatus.UNREADABLE
    )
    assert sorted(unreadable.values_list("name", flat=True)) == [
        "beveiligd.pdf",
        "groot.txt",
        "kapot.pdf",
    ]
    text = " ".join(lxml.html.fromstring(html).xpath("//*[@id='import-report']")[0].itertext())
    assert "6 documenten toegevoegd; 3 kunnen niet gelezen worden." in " ".join(text.split())
    items = report_items(html)
    assert set(items) == {"beveiligd.pdf", "groot.txt", "kapot.pdf", "leeg.txt"}
    assert items["beveiligd.pdf"].startswith("Versleuteld met een wachtwoord")
    assert "zonder wachtwoord" in items["beveiligd.pdf"]
    assert "Beschadigd" not in items["beveiligd.pdf"]
    assert items["groot.txt"].startswith("Te groot (meer dan 19,5\xa0KB); splits het bestand")
    assert items["kapot.pdf"].startswith("Beschadigd of onleesbaar; open het zelf")
    assert items["leeg.txt"].startswith("Leeg bestand (0 bytes)")
    # The result is shown once: a reload no longer shows it.
    again = client.get(reverse("records:collection_detail", args=[collection.pk]))
    assert 'id="import-report"' not in again.content.decode()


def test_a_broken_zip_is_named_at_its_field_and_changes_nothing(collection, manager):
    client = verified_client(manager)
    response = client.post(
        reverse("records:collection_upload", args=[collection.pk]),
        {
            "archive": SimpleUploadedFile("schijf.zip", b""),
            "files": [SimpleUploadedFile("a.txt", b"Tekst")],
        },
    )
    html = response.content.decode()
    assert response.status_code == 200
    tree = lxml.html.fromstring(html)
    assert (
        tree.xpath("//*[@id='id_archive-error']")[0].text_content().strip()
        == "schijf.zip: Dit is geen geldig ZIP-bestand."
    )
    assert tree.xpath("//*[@id='error-summary']//a/@href") == ["#id_archive"]
    assert not Document.objects.filter(collection=collection).exists()


def test_nothing_chosen_is_shown_at_the_field(collection, manager):
    response = verified_client(manager).post(
        reverse("records:collection_upload", args=[collection.pk]), {}
    )
    tree = lxml.html.fromstring(response.content.decode())
    assert (
        tree.xpath("//*[@id='id_files-error']")[0].text_content().strip()
        == "Kies bestanden of een ZIP-bestand."
    )


def test_the_report_counts_what_is_still_being_read(collection, manager):
    """With background workers the files are read later: the report says so, instead of
    claiming that none is unreadable."""
    pending = Document.objects.create(
        organisation=collection.organisation, collection=collection, path="a.txt", name="a.txt"
    )
    report = imports.import_report([pending])
    assert (report.added, report.unreadable, report.reading, report.problems) == (1, 0, 1, [])


def test_a_password_protected_office_file_is_encrypted_not_unknown(collection, manager):
    """Word, Excel and PowerPoint keep a file with a password as an OLE container with an
    EncryptedPackage stream: that is 'versleuteld', not an unknown or damaged file."""
    from talentbrug.docanalysis.tests.cfb import build_cfb

    protected = build_cfb(
        {
            "EncryptionInfo": b"\x04\x00\x04\x00\x40\x00\x00\x00" + b"\x00" * 64,
            "EncryptedPackage": b"\x10\x00\x00\x00\x00\x00\x00\x00" + b"\x8f" * 600,
        }
    )
    uploads.import_files(collection, manager, [SimpleUploadedFile("begroting.xlsx", protected)])
    document = Document.objects.get(collection=collection)
    assert document.analysis_status == AnalysisStatus.UNREADABLE
    assert document.unreadable_reason == limits.encrypted_reason()


@pytest.mark.django_db(transaction=True)  # as in production: the job starts on commit
def test_a_zip_upload_names_its_unreadable_members_too(collection, manager):
    """A ZIP is read by a background job (at once without a broker): the result still names
    each member that cannot be read, with the right count."""
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr("Werving/verslag.txt", b"Verslag van het overleg.")
        zf.writestr("Werving/leeg.txt", b"")
        zf.writestr("Werving/beveiligd.pdf", encrypted_pdf())
    response = verified_client(manager).post(
        reverse("records:collection_upload", args=[collection.pk]),
        {"archive": SimpleUploadedFile("schijf.zip", buffer.getvalue())},
        follow=True,
    )
    html = response.content.decode()
    text = " ".join(
        " ".join(lxml.html.fromstring(html).xpath("//*[@id='import-report']")[0].itertext()).split()
    )
    assert "3 documenten toegevoegd; 1 kan niet gelezen worden." in text
    items = report_items(html)
    assert set(items) == {"Werving/beveiligd.pdf", "Werving/leeg.txt"}
    assert items["Werving/beveiligd.pdf"].startswith("Versleuteld met een wachtwoord")
