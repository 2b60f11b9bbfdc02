"""The one validator every upload goes through: type by content, size, macros, PDFs, viruses.

Used by every upload path: the candidate's apply form, the portal, answers to HR questions,
videos (``applications.uploads``), and the records import of single files, ZIP members and
server folders (``records.services``). A file passes when its DETECTED type (content
sniffing in ``docanalysis.detect``) is on the allow-list of its purpose
(``docanalysis.policy``); it is then kept under a name whose extension matches that type
(``cv.hta`` holding text is kept as ``cv.txt``), never the uploaded extension.

Every refusal raises :class:`UploadRejected` with a translated, B1 Dutch message that names
the file and says what to do. Nothing is stored before a file passes. PDFs are opened in a
child process with CPU, memory and wall-clock limits (``core.safeparse.pdf_facts``).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import BinaryIO

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from talentbrug.accounts.branding import LOGO_MAX_BYTES
from talentbrug.docanalysis import DocType, Limits, detect_type
from talentbrug.docanalysis.extractors.archives import check_zip_container
from talentbrug.docanalysis.macros import macro_reason
from talentbrug.docanalysis.model import EXTENSIONS
from talentbrug.docanalysis.policy import (
    MARKUP_TYPES,
    Purpose,
    has_active_markup,
    is_allowed,
    safe_name,
)

from . import safeparse, virusscan

__all__ = [
    "MAX_PDF_PAGES",
    "CheckedFile",
    "Purpose",
    "UploadRejected",
    "check_file",
    "display_name",
    "stream_size",
]

# A CV or an answer is a few pages; a work sample or portfolio some dozens. More than this is
# not a document a person reads in a selection, and parsing it costs seconds and memory.
MAX_PDF_PAGES = 300
CONTAINER_LIMITS = Limits(max_zip_uncompressed=60 * 1024 * 1024, max_zip_ratio=100)
# Extensions that name a document type: a file with one of these whose content is another
# document type is refused for documents (it was saved wrongly, the candidate can fix it).
_DOCUMENT_EXTENSIONS = {"pdf", "docx", "odt", "txt", "md", "rtf"}


class UploadRejected(Exception):
    """The file may not be stored; ``message`` says why and what to do (translated)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class CheckedFile:
    name: str  # safe name: the extension matches the detected type
    detected_type: str
    content_type: str
    size: int
    sha256: str
    duration: float | None = None  # seconds, videos only; None: the file does not say


def display_name(name: str, limit: int = 60) -> str:
    """The uploaded name for a message: no path or invisible characters, at most ``limit``
    characters (a 1,000-character name is shortened in the middle and stays readable)."""
    name = (name or "").replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(ch for ch in name if ch.isprintable()).strip() or _("bestand")
    return name if len(name) <= limit else name[: limit - 11] + "…" + name[-10:]


def stream_size(upload: object) -> int:
    size = getattr(upload, "size", None)
    if size is None:
        stream: BinaryIO = upload  # type: ignore[assignment]
        stream.seek(0, 2)
        size = stream.tell()
        stream.seek(0)
    return int(size)


def sha256_of(stream: BinaryIO) -> str:
    digest = hashlib.sha256()
    stream.seek(0)
    for chunk in iter(lambda: stream.read(1024 * 1024), b""):
        digest.update(chunk)
    stream.seek(0)
    return digest.hexdigest()


def _extension(name: str) -> str:
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def refuse_empty_or_large(name: str, size: int, max_bytes: int) -> None:
    shown = display_name(name)
    if size == 0:
        raise UploadRejected(
            _(
                "Het bestand ‘%(name)s’ is leeg (0 bytes). Kies het goede bestand en probeer het opnieuw."
            )
            % {"name": shown}
        )
    if size > max_bytes:
        raise UploadRejected(
            _(
                "Het bestand ‘%(name)s’ is te groot. Het mag maximaal %(mb)s MB zijn. Maak het kleiner of stuur een ander bestand."
            )
            % {"name": shown, "mb": max_bytes // (1024 * 1024)}
        )


def _not_accepted(name: str, purpose: Purpose) -> UploadRejected:
    shown = display_name(name)
    if purpose is Purpose.RECORDS:
        return UploadRejected(
            _(
                "Niet opgeslagen: ‘%(name)s’ kan code uitvoeren als iemand het opent (een "
                "programma, of HTML of SVG met scripts). Beoordeel de kaart op naam en map; het "
                "origineel staat nog bij de bron."
            )
            % {"name": shown}
        )
    if purpose is Purpose.CREDENTIAL:
        return UploadRejected(
            _(
                "We nemen ‘%(name)s’ niet aan: stuur de diplomawaardering als PDF, zoals je die van IDW kreeg."
            )
            % {"name": shown}
        )
    if purpose is Purpose.IMAGE:
        return UploadRejected(
            _(
                "We nemen ‘%(name)s’ niet aan: het is geen foto die we kunnen tonen. Stuur een PNG, JPG of WebP."
            )
            % {"name": shown}
        )
    return UploadRejected(
        _(
            "We nemen ‘%(name)s’ niet aan: we kunnen dit soort bestand niet lezen, of het kan gevaarlijk zijn. Stuur een PDF, Word (docx), ODT, RTF of tekstbestand."
        )
        % {"name": shown}
    )


def check_pdf(stream: BinaryIO, name: str, max_pages: int = MAX_PDF_PAGES) -> None:
    """Password, page count and parse budget of a PDF, read in a limited child process."""
    stream.seek(0)
    facts = safeparse.pdf_facts(stream, max_pages=max_pages)
    stream.seek(0)
    shown = display_name(name)
    if facts.encrypted:
        raise UploadRejected(
            _(
                "De PDF ‘%(name)s’ is versleuteld met een wachtwoord. Die kunnen we niet openen. Sla hem op zonder wachtwoord en stuur hem opnieuw."
            )
            % {"name": shown}
        )
    if facts.pages > max_pages:
        raise UploadRejected(
            _(
                "De PDF ‘%(name)s’ heeft %(pages)s pagina's. Dat zijn er te veel: stuur een PDF van maximaal %(max)s pagina's."
            )
            % {"name": shown, "pages": facts.pages, "max": max_pages}
        )
    if facts.error.startswith("safeparse:"):
        raise UploadRejected(
            _(
                "We konden de PDF ‘%(name)s’ niet op tijd openen. Hij is te zwaar. Sla hem opnieuw op als PDF met minder pagina's of plaatjes."
            )
            % {"name": shown}
        )
    if facts.error or facts.pages == 0:
        raise UploadRejected(
            _(
                "De PDF ‘%(name)s’ is kapot of onvolledig. Sla hem opnieuw op en probeer het nog eens."
            )
            % {"name": shown}
        )


def scan_for_viruses(stream: BinaryIO, source: str) -> None:
    """clamd, when configured (core.virusscan): infected or scanner down → refused."""
    try:
        virusscan.scan(stream, source=source)
    except virusscan.ScanError as exc:
        raise UploadRejected(exc.message) from None


def check_file(
    upload: object,
    purpose: Purpose,
    *,
    max_bytes: int,
    name: str | None = None,
    virus_source: str = "applications",
) -> CheckedFile:
    """Check one uploaded file for ``purpose``; its safe name and facts, or UploadRejected.

    ``upload`` is a seekable binary stream (a Django UploadedFile or any file object);
    ``name`` defaults to its ``name`` attribute. Videos are checked by
    ``applications.uploads.check_video`` (their types are not document types).
    """
    raw_name = name if name is not None else (getattr(upload, "name", "") or "")
    size = stream_size(upload)
    refuse_empty_or_large(raw_name, size, max_bytes)
    stream: BinaryIO = upload  # type: ignore[assignment]
    extension = _extension(raw_name.replace("\\", "/").rsplit("/", 1)[-1])
    doc_type, _warnings = detect_type(stream, extension)
    if not is_allowed(doc_type, purpose) or (
        doc_type in MARKUP_TYPES and has_active_markup(stream)
    ):
        raise _not_accepted(raw_name, purpose)
    shown = display_name(raw_name)
    if (
        purpose is Purpose.DOCUMENT
        and extension in _DOCUMENT_EXTENSIONS
        and extension not in EXTENSIONS.get(doc_type, set())
    ):
        raise UploadRejected(
            _(
                "De inhoud van ‘%(name)s’ past niet bij de naam van het bestand. Sla het opnieuw op en probeer het nog eens."
            )
            % {"name": shown}
        )
    if purpose is not Purpose.RECORDS:
        # Records keep macro documents and containers as cards (analysed in a child process);
        # candidates' documents are opened by staff, so these are refused here.
        if macro_reason(stream, raw_name):
            raise UploadRejected(
                _(
                    "‘%(name)s’ bevat macro's. Die nemen we niet aan. Sla het op als gewone docx of PDF."
                )
                % {"name": shown}
            )
        if doc_type in (DocType.DOCX, DocType.ODT):
            try:
                check_zip_container(stream, CONTAINER_LIMITS)
            except Exception:
                raise UploadRejected(
                    _(
                        "We kunnen ‘%(name)s’ niet veilig openen. Sla het op als PDF en probeer het opnieuw."
                    )
                    % {"name": shown}
                ) from None
        if doc_type is DocType.PDF:
            check_pdf(stream, raw_name)
        scan_for_viruses(stream, virus_source)
    stream.seek(0)
    return CheckedFile(
        safe_name(raw_name, doc_type), doc_type.value, doc_type.mime_type, size, sha256_of(stream)
    )


def check_logo_image(upload: object) -> tuple[str, str]:
    """An organisation's logo: a PNG, JPEG or WebP by content, at most 1 MB, virus-scanned.
    Returns (safe name, sha256); a refusal is a ValidationError for the settings form."""
    try:
        checked = check_file(
            upload, Purpose.IMAGE, max_bytes=LOGO_MAX_BYTES, virus_source="accounts"
        )
    except UploadRejected as exc:
        raise ValidationError(exc.message) from None
    if checked.detected_type not in ("png", "jpeg", "webp"):
        raise ValidationError(_("Een logo is een PNG, JPG of WebP."))
    return checked.name, checked.sha256
