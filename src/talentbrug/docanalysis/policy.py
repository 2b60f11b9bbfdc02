"""Which detected types each kind of upload accepts, and the safe name a file is kept under.

Pure (no Django): the type comes from :func:`detect_type` (content), never from the name the
uploader chose. A file is stored and offered for download under a name whose extension is
the canonical one of its detected type: ``cv.hta`` holding plain text becomes ``cv.txt``,
``scan.pdf.exe`` holding a PDF becomes ``scan.pdf``. The validator that uses this policy for
every upload path is ``talentbrug.core.filecheck``.
"""

from __future__ import annotations

import re
import unicodedata
from enum import StrEnum
from typing import BinaryIO

from .model import EXTENSIONS, DocType


class Purpose(StrEnum):
    """What an upload is for; each purpose has its own allow-list of detected types."""

    DOCUMENT = "document"  # CV, work sample, answer to HR: a text document
    IMAGE = "image"
    VIDEO = "video"
    RECORDS = "records"  # a file offered for the records triage (broader list)
    CREDENTIAL = "credential"  # a diploma evaluation (IDW/Nuffic): the PDF as it was sent


DOCUMENT_TYPES = frozenset(
    {DocType.PDF, DocType.DOCX, DocType.ODT, DocType.TXT, DocType.MD, DocType.RTF}
)
IMAGE_TYPES = frozenset({DocType.PNG, DocType.JPEG, DocType.WEBP})
# Records: an archive holds every kind of file, and each must stay decidable, so records keep
# everything except programs, and markup (HTML, SVG) that carries scripts (see
# ``has_active_markup``): those become an unreadable card with a reason, without the file.
RECORDS_TYPES = frozenset(DocType) - {DocType.EXECUTABLE}
MARKUP_TYPES = frozenset({DocType.HTML, DocType.SVG})
_ACTIVE_MARKUP_RE = re.compile(
    rb"<\s*(?:script|hta:application|iframe|object|embed|applet|meta\s[^>]*http-equiv)\b"
    rb"|\son[a-z]+\s*=|javascript\s*:|vbscript\s*:",
    re.IGNORECASE,
)
_OVERLAP = 256  # bytes kept between chunks, so a tag split over two chunks is still found
# Videos are detected by ``applications.uploads.video_kind`` (WebM/MP4 are not DocTypes).
VIDEO_EXTENSIONS = {"webm": "webm", "mp4": "mp4"}

ALLOWED: dict[Purpose, frozenset[DocType]] = {
    Purpose.DOCUMENT: DOCUMENT_TYPES,
    Purpose.IMAGE: IMAGE_TYPES,
    Purpose.VIDEO: frozenset(),
    Purpose.RECORDS: RECORDS_TYPES,
    # IDW sends its diplomawaardering as a PDF; a photo or a Word file is not that document.
    Purpose.CREDENTIAL: frozenset({DocType.PDF}),
}

# The one extension a file of each type is stored and served under.
CANONICAL_EXTENSION: dict[DocType, str] = {
    DocType.JPEG: "jpg",
    DocType.TIFF: "tif",
    DocType.GZIP: "gz",
    DocType.SEVEN_Z: "7z",
    DocType.OLE: "bin",
    DocType.EXECUTABLE: "bin",
    DocType.BINARY: "bin",
    DocType.EMPTY: "bin",
}

# Extensions never kept even when they "fit": Windows or a browser gives them active
# behaviour (macros, markup, scripts) whatever the content turned out to be.
_NEVER_KEPT = frozenset(
    {"docm", "dotm", "xlsm", "xltm", "pptm", "xml", "json", "ini", "cfg", "mht", "mhtml"}
)
MAX_NAME_CHARS = 150
_BIDI_RE = re.compile("[\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c]")
# Characters Windows forbids in names, plus quotes that break a Content-Disposition header.
_FORBIDDEN_RE = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')


def is_allowed(doc_type: DocType, purpose: Purpose) -> bool:
    return doc_type in ALLOWED[purpose]


def has_active_markup(stream: BinaryIO, chunk_size: int = 1024 * 1024) -> bool:
    """Whether HTML/SVG content holds anything a browser runs: scripts, event handlers,
    ``javascript:`` links, frames, plug-ins, refresh redirects. Reads the whole stream."""
    stream.seek(0)
    tail = b""
    try:
        while chunk := stream.read(chunk_size):
            if _ACTIVE_MARKUP_RE.search(tail + chunk):
                return True
            tail = chunk[-_OVERLAP:]
        return False
    finally:
        stream.seek(0)


def extension_for(doc_type: DocType | str) -> str:
    """The canonical extension (without dot) of a detected type, or a video kind."""
    if isinstance(doc_type, str) and doc_type in VIDEO_EXTENSIONS:
        return VIDEO_EXTENSIONS[doc_type]
    kind = _doc_type(doc_type)
    return CANONICAL_EXTENSION.get(kind, kind.value)


def _doc_type(value: DocType | str) -> DocType:
    try:
        return DocType(value)
    except ValueError:  # an empty or unknown stored value: treat as unknown binary
        return DocType.BINARY


def _clean(name: str) -> str:
    name = unicodedata.normalize("NFC", name or "")
    name = _BIDI_RE.sub("", name.replace("\\", "/").rsplit("/", 1)[-1])
    name = "".join(ch for ch in name if unicodedata.category(ch) not in ("Cc", "Cf"))
    name = _FORBIDDEN_RE.sub("_", name)
    return re.sub(r"\s+", " ", name).strip(". ")


def _split(name: str) -> tuple[str, str]:
    stem, dot, ext = name.rpartition(".")
    if not dot or not stem or len(ext) > 10 or not ext.isalnum():
        return name, ""
    return stem, ext.lower()


def safe_name(name: str, doc_type: DocType | str, *, fallback: str = "bestand") -> str:
    """A display and download name: no path, no control or RTL characters, at most 150
    characters, and the extension of the detected type.

    The uploaded extension is kept only when it already fits the detected type
    (``foto.jpeg`` stays ``foto.jpeg``); otherwise it is replaced (``cv.hta`` → ``cv.txt``).
    """
    stem, ext = _split(_clean(name))
    stem = stem.strip(". ") or fallback
    if isinstance(doc_type, str) and doc_type in VIDEO_EXTENSIONS:
        fitting: frozenset[str] = frozenset({VIDEO_EXTENSIONS[doc_type]})
    else:
        fitting = EXTENSIONS.get(_doc_type(doc_type), frozenset()) - _NEVER_KEPT
    final = ext if ext and ext in fitting else extension_for(doc_type)
    if _split(stem)[1] == final:  # "scan.pdf.exe" → "scan.pdf", not "scan.pdf.pdf"
        stem = _split(stem)[0]
    stem = stem[: MAX_NAME_CHARS - len(final) - 1].rstrip(". ") or fallback
    return f"{stem}.{final}"
