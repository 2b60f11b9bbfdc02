"""Checks for uploaded files: type by content (docanalysis), size, macros, zip bombs, PDFs.

Every check raises :class:`UploadRejected` with a message for the candidate (translated,
B1). Nothing is stored before a file passes.
"""

from __future__ import annotations

import re
import unicodedata
from typing import BinaryIO

from django.utils.translation import gettext as _

from talentbrug.core.filecheck import (
    CheckedFile,
    UploadRejected,
    check_file,
    refuse_empty_or_large,
    scan_for_viruses,
    sha256_of,
    stream_size,
)
from talentbrug.docanalysis.policy import Purpose, safe_name

from .constants import MAX_CV_BYTES, MAX_VIDEO_BYTES, MAX_VIDEO_SECONDS, VIDEO_GRACE_SECONDS
from .videoinfo import video_duration

__all__ = [
    "CheckedFile",
    "UploadRejected",
    "check_credential",
    "check_document",
    "check_video",
    "clean_text",
]

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
    """A safe display name (no path, no right-to-left tricks, at most 150 characters) that
    keeps its own extension; for a stored file use the name from :func:`check_document`."""
    name = clean_text(name.replace("\\", "/").rsplit("/", 1)[-1]).replace("\n", " ")
    name = re.sub(r"\s+", " ", name).strip(". ") or "bestand"
    if len(name) > 150:
        stem, dot, ext = name.rpartition(".")
        name = (stem[: 140 - len(ext)] + dot + ext) if dot and len(ext) <= 8 else name[:150]
    return name


def check_document(upload: object, max_bytes: int = MAX_CV_BYTES) -> CheckedFile:
    """A CV or other document: PDF, DOCX, ODT, RTF or text, checked by content (shared
    validator ``core.filecheck``); kept under a name with the detected type's extension."""
    return check_file(upload, Purpose.DOCUMENT, max_bytes=max_bytes)


def check_credential(upload: object, max_bytes: int = MAX_CV_BYTES) -> CheckedFile:
    """A diploma evaluation (IDW/Nuffic): only a PDF, through the same shared validator
    (password, pages, parse budget, viruses) with the credential allow-list."""
    return check_file(upload, Purpose.CREDENTIAL, max_bytes=max_bytes)


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
    raw_name = getattr(upload, "name", "") or "video"
    size = stream_size(upload)
    refuse_empty_or_large(raw_name, size, max_bytes)
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
    scan_for_viruses(stream, "applications")
    return CheckedFile(
        safe_name(raw_name, kind, fallback="video"), kind, mime, size, sha256_of(stream), duration
    )
