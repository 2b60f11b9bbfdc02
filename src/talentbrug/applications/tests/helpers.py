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
    data: dict[str, object] = {
        "name": "Amira Haddad",
        "email": "amira.haddad@voorbeeld.nl",
        "phone": "",
        "preferred_language": "nl",
        "right_to_work": "yes",
        "privacy": "on",
        "idempotency_key": str(uuid.uuid4()),
        "website": "",
    }
    data.update(extra)
    return data


# --------------------------------------------------------------------------- small real videos


def _ebml(element_id: bytes, data: bytes, unknown_size: bool = False) -> bytes:
    size = (
        b"\x01\xff\xff\xff\xff\xff\xff\xff"
        if unknown_size
        else b"\x01" + len(data).to_bytes(7, "big")
    )
    return element_id + size + data


def webm_of(
    seconds: float,
    *,
    with_duration: bool = True,
    unknown_sizes: bool = False,
    scale: int = 1_000_000,
) -> bytes:
    """A structurally valid WebM: EBML header, Segment > Info (+Duration) > Tracks > Clusters.

    ``with_duration=False`` is what a browser recording (MediaRecorder) looks like; the last
    block then says how long the video is. The frames are a few dummy bytes.
    """
    import struct

    header = _ebml(b"\x1a\x45\xdf\xa3", _ebml(b"\x42\x86", b"\x01") + _ebml(b"\x42\x82", b"webm"))
    info = _ebml(b"\x2a\xd7\xb1", scale.to_bytes(4, "big"))
    ticks_per_second = 1e9 / scale
    if with_duration:
        info += _ebml(b"\x44\x89", struct.pack(">d", seconds * ticks_per_second))
    body = _ebml(b"\x15\x49\xa9\x66", info) + _ebml(b"\x16\x54\xae\x6b", b"\xae\x80")
    whole = int(seconds)
    for second in range(whole + 1):
        relative = 0 if second < whole else int((seconds - whole) * ticks_per_second)
        block = b"\x81" + struct.pack(">h", relative) + b"\x80" + b"\x00" * 16
        cluster = _ebml(b"\xe7", int(second * ticks_per_second).to_bytes(4, "big"))
        cluster += _ebml(b"\xa3", block)
        body += _ebml(b"\x1f\x43\xb6\x75", cluster, unknown_size=unknown_sizes)
    return header + _ebml(b"\x18\x53\x80\x67", body, unknown_size=unknown_sizes)


def _box(kind: bytes, data: bytes) -> bytes:
    import struct

    return struct.pack(">I4s", 8 + len(data), kind) + data


def mp4_of(
    seconds: float, *, version: int = 0, timescale: int = 1000, moov_last: bool = False
) -> bytes:
    """A small MP4 with ftyp, mdat and moov > mvhd saying ``seconds``."""
    import struct

    duration = round(seconds * timescale)
    if version == 1:
        mvhd = struct.pack(">B3xQQIQ", 1, 0, 0, timescale, duration)
    else:
        mvhd = struct.pack(">B3xIIII", 0, 0, 0, timescale, duration)
    mvhd += b"\x00" * 80
    ftyp = _box(b"ftyp", b"isom\x00\x00\x02\x00isomiso2mp41")
    moov = _box(b"moov", _box(b"mvhd", mvhd))
    mdat = _box(b"mdat", b"\x00" * 256)
    return ftyp + (mdat + moov if moov_last else moov + mdat)
