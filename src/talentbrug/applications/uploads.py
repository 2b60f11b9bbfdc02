"""Checks for uploaded files: type by content (docanalysis), size, macros, zip bombs, PDFs.

Every check raises :class:`UploadRejected` with a message for the candidate (translated,
B1). Nothing is stored before a file passes.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from typing import BinaryIO

from django.utils.translation import gettext as _

from talentbrug.docanalysis import DocType, Limits, detect_type
from talentbrug.docanalysis.extractors import check_zip_container
from talentbrug.docanalysis.macros import macro_reason
from talentbrug.docanalysis.model import EXTENSIONS

from .constants import MAX_CV_BYTES, MAX_VIDEO_BYTES, MAX_VIDEO_SECONDS, VIDEO_GRACE_SECONDS
from .videoinfo import video_duration

DOCUMENT_TYPES = {DocType.PDF, DocType.DOCX, DocType.ODT, DocType.TXT, DocType.MD}
DOCUMENT_EXTENSIONS = {"pdf", "docx", "odt", "txt", "md"}
VIDEO_EXTENSIONS = {"webm", "mp4", "m4v", "mov"}
UPLOAD_LIMITS = Limits(max_zip_uncompressed=60 * 1024 * 1024, max_zip_ratio=100)
_MP4_BRANDS = {
    b"isom",
    b"iso2",
    b"iso5",
    b"iso6",
    b"mp41",
    b"mp42",
    b"avc1",
    b"M4V ",
    b"dash",
    b"qt  ",
}
# Bidirectional controls (RLO, LRO, isolates, marks) and other invisible format characters.
_BIDI_RE = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c]")


class UploadRejected(Exception):
    """The file may not be stored; ``message`` says why, for the candidate."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class CheckedFile:
    name: str
    detected_type: str
    content_type: str
    size: int
    sha256: str
    duration: float | None = None  # seconds, videos only; None: the file does not say


def clean_text(value: str, max_length: int | None = None) -> str:
    """Remove bidirectional overrides and control characters; normalise to NFC."""
    value = unicodedata.normalize("NFC", value or "")
    value = _BIDI_RE.sub("", value)
    value = "".join(
        ch for ch in value if ch in "\n\t" or unicodedata.category(ch) not in ("Cc", "Cf")
    )
    value = value.strip()
    return value[:max_length] if max_length else value


def clean_filename(name: str) -> str:
    """A safe display name: no path, no right-to-left tricks, at most 150 characters."""
    name = clean_text(name.replace("\\", "/").rsplit("/", 1)[-1]).replace("\n", " ")
    name = re.sub(r"\s+", " ", name).strip(". ") or "bestand"
    if len(name) > 150:
        stem, dot, ext = name.rpartition(".")
        name = (stem[: 140 - len(ext)] + dot + ext) if dot and len(ext) <= 8 else name[:150]
    return name


def _extension(name: str) -> str:
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def _sha256(stream: BinaryIO) -> str:
    digest = hashlib.sha256()
    stream.seek(0)
    for chunk in iter(lambda: stream.read(1024 * 1024), b""):
        digest.update(chunk)
    stream.seek(0)
    return digest.hexdigest()


def _size(upload: object) -> int:
    size = getattr(upload, "size", None)
    if size is None:
        stream: BinaryIO = upload  # type: ignore[assignment]
        stream.seek(0, 2)
        size = stream.tell()
        stream.seek(0)
    return int(size)


def check_document(upload: object, max_bytes: int = MAX_CV_BYTES) -> CheckedFile:
    """A CV or other document: PDF, DOCX, ODT or TXT, checked by content."""
    name = clean_filename(getattr(upload, "name", "") or "bestand")
    size = _size(upload)
    if size == 0:
        raise UploadRejected(_("Het bestand is leeg. Kies een ander bestand."))
    if size > max_bytes:
        raise UploadRejected(
            _("Het bestand is te groot. Het mag maximaal %(mb)s MB zijn.")
            % {"mb": max_bytes // (1024 * 1024)}
        )
    stream: BinaryIO = upload  # type: ignore[assignment]
    extension = _extension(name)
    doc_type, _warnings = detect_type(stream, extension)
    if doc_type not in DOCUMENT_TYPES:
        raise UploadRejected(
            _("We kunnen dit bestand niet lezen. Stuur een PDF, Word (docx), ODT of tekstbestand.")
        )
    if extension in DOCUMENT_EXTENSIONS and extension not in EXTENSIONS.get(doc_type, set()):
        raise UploadRejected(
            _(
                "De inhoud past niet bij de naam van het bestand. Sla het opnieuw op en probeer het nog eens."
            )
        )
    if macro_reason(stream, name):
        raise UploadRejected(
            _(
                "Dit bestand bevat macro's. Die nemen we niet aan. Sla het op als gewone docx of PDF."
            )
        )
    if doc_type in (DocType.DOCX, DocType.ODT):
        try:
            check_zip_container(stream, UPLOAD_LIMITS)
        except Exception:
            raise UploadRejected(
                _(
                    "We kunnen dit bestand niet veilig openen. Sla het op als PDF en probeer het opnieuw."
                )
            ) from None
    if doc_type is DocType.PDF:
        _check_pdf(stream)
    _scan_for_viruses(stream)
    stream.seek(0)
    return CheckedFile(name, doc_type.value, doc_type.mime_type, size, _sha256(stream))


def _scan_for_viruses(stream: BinaryIO) -> None:
    """clamd, when configured (privacy.virusscan): infected or scanner down → refused."""
    from talentbrug.privacy.virusscan import ScanError, scan

    try:
        scan(stream, source="applications")
    except ScanError as exc:
        raise UploadRejected(exc.message) from None


def _check_pdf(stream: BinaryIO) -> None:
    from pypdf import PdfReader

    stream.seek(0)
    try:
        reader = PdfReader(stream, strict=False)
        encrypted = reader.is_encrypted
        pages = 0 if encrypted else len(reader.pages)
    except Exception:
        encrypted, pages = False, 0
    stream.seek(0)
    if encrypted:
        raise UploadRejected(_("Deze PDF heeft een wachtwoord. Stuur een PDF zonder wachtwoord."))
    if pages == 0:
        raise UploadRejected(
            _("Deze PDF is kapot of onvolledig. Sla hem opnieuw op en probeer het nog eens.")
        )


def video_kind(head: bytes) -> str | None:
    """'webm' or 'mp4' when the first bytes are those of a WebM/Matroska or MP4 video."""
    if head.startswith(b"\x1a\x45\xdf\xa3"):
        return "webm" if b"webm" in head[:64] or b"matroska" in head[:64] else None
    if head[4:8] == b"ftyp" and head[8:12] in _MP4_BRANDS:
        return "mp4"
    return None


def check_video(upload: object, max_bytes: int = MAX_VIDEO_BYTES) -> CheckedFile:
    """A video: WebM or MP4 by content, at most 200 MB and (when the file says) 3 minutes.

    The length comes from the container (``videoinfo``). When the file does not say how long
    it is, we accept it and store ``duration_seconds=None``: HR sees "length unknown" and
    checks. Refusing would block candidates whose phone or browser writes no length, for a
    limit that only keeps the review short.
    """
    name = clean_filename(getattr(upload, "name", "") or "video")
    size = _size(upload)
    if size == 0:
        raise UploadRejected(_("Het bestand is leeg. Kies een ander bestand."))
    if size > max_bytes:
        raise UploadRejected(
            _("De video is te groot. Hij mag maximaal %(mb)s MB zijn.")
            % {"mb": max_bytes // (1024 * 1024)}
        )
    stream: BinaryIO = upload  # type: ignore[assignment]
    stream.seek(0)
    head = stream.read(64)
    stream.seek(0)
    kind = video_kind(head)
    if kind is None:
        raise UploadRejected(
            _("Dit bestand is geen video. Stuur een video als webm of mp4, of schrijf een tekst.")
        )
    duration = video_duration(stream)
    if duration is not None and duration > MAX_VIDEO_SECONDS + VIDEO_GRACE_SECONDS:
        raise UploadRejected(
            _(
                "Je video duurt %(minutes)d minuten en %(seconds)d seconden. Hij mag maximaal "
                "3 minuten duren. Maak hem korter of neem een nieuwe video op."
            )
            % {"minutes": int(duration) // 60, "seconds": int(duration) % 60}
        )
    mime = "video/webm" if kind == "webm" else "video/mp4"
    _scan_for_viruses(stream)
    return CheckedFile(name, kind, mime, size, _sha256(stream), duration)
