from __future__ import annotations

import io
import uuid
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from talentbrug.docanalysis.tests import samples

from ..tokens import SESSION_KEY

CV_TEXT = [
    "Amira Haddad",
    "Servicedesk in Damascus, 3 jaar",
    "Ik kan klanten helpen en netwerkbeheer.",
]


def pdf_cv() -> bytes:
    return samples.make_pdf(CV_TEXT)


def docx_cv() -> bytes:
    return samples.make_docx(CV_TEXT)


def upload(
    name: str, data: bytes, content_type: str = "application/octet-stream"
) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type=content_type)


def encrypted_pdf() -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(pdf_cv())).pages:
        writer.add_page(page)
    writer.encrypt("geheim")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def corrupt_pdf() -> bytes:
    return pdf_cv()[:60] + b"\x00kapot" * 30


def docm() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx_cv())) as source, zipfile.ZipFile(buffer, "w") as target:
        for item in source.infolist():
            target.writestr(item, source.read(item.filename))
        target.writestr("word/vbaProject.bin", b"\x00" * 100)
    return buffer.getvalue()


def zip_bomb_docx() -> bytes:
    buffer = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(docx_cv())) as source,
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for item in source.infolist():
            target.writestr(item, source.read(item.filename))
        target.writestr("word/media/bom.bin", b"\x00" * (70 * 1024 * 1024))
    return buffer.getvalue()


def webm() -> bytes:
    # EBML header with DocType "webm", then some bytes: enough for the magic-byte check.
    return bytes.fromhex("1a45dfa3") + b"\x9f\x42\x86\x81\x01\x42\x82\x84webm" + b"\x00" * 200


def mp4() -> bytes:
    return b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + b"\x00" * 200


def portal_client(candidate) -> Client:
    client = Client()
    session = client.session
    session[SESSION_KEY] = {"c": candidate.pk, "v": candidate.token_version}
    session.save()
    return client


def apply_post(**extra: object) -> dict[str, object]:
    from ..antibot import started_token

    data: dict[str, object] = {
        "name": "Amira Haddad",
        "email": "amira.haddad@voorbeeld.nl",
        "phone": "",
        "preferred_language": "nl",
        "right_to_work": "yes",
        "privacy": "on",
        "started": started_token(),
        "idempotency_key": str(uuid.uuid4()),
        "website": "",
    }
    data.update(extra)
    return data
