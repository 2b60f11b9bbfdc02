"""Result types of the document analysis."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from .similarity import signature_to_hex


class DocType(StrEnum):
    PDF = "pdf"
    DOCX = "docx"
    XLSX = "xlsx"
    PPTX = "pptx"
    ODT = "odt"
    ODS = "ods"
    ODP = "odp"
    TXT = "txt"
    MD = "md"
    CSV = "csv"
    HTML = "html"
    SVG = "svg"  # XML image; may carry scripts
    EML = "eml"
    MSG = "msg"
    DOC = "doc"  # legacy OLE Word
    XLS = "xls"
    PPT = "ppt"
    OLE = "ole"  # other OLE compound file
    ZIP = "zip"
    PNG = "png"
    JPEG = "jpeg"
    GIF = "gif"
    TIFF = "tiff"
    BMP = "bmp"
    WEBP = "webp"
    HEIC = "heic"
    RTF = "rtf"
    GZIP = "gzip"
    SEVEN_Z = "7z"
    EMPTY = "empty"
    EXECUTABLE = "executable"  # a program (Windows PE, ELF, Mach-O)
    BINARY = "binary"  # unknown binary content

    @property
    def mime_type(self) -> str:
        return _MIME.get(self, "application/octet-stream")

    @property
    def is_image(self) -> bool:
        return self in _IMAGES


_IMAGES = {
    DocType.PNG,
    DocType.JPEG,
    DocType.GIF,
    DocType.TIFF,
    DocType.BMP,
    DocType.WEBP,
    DocType.HEIC,
}

_MIME: dict[DocType, str] = {
    DocType.PDF: "application/pdf",
    DocType.DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    DocType.XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    DocType.PPTX: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    DocType.ODT: "application/vnd.oasis.opendocument.text",
    DocType.ODS: "application/vnd.oasis.opendocument.spreadsheet",
    DocType.ODP: "application/vnd.oasis.opendocument.presentation",
    DocType.TXT: "text/plain",
    DocType.MD: "text/markdown",
    DocType.CSV: "text/csv",
    DocType.HTML: "text/html",
    DocType.SVG: "image/svg+xml",
    DocType.EML: "message/rfc822",
    DocType.MSG: "application/vnd.ms-outlook",
    DocType.DOC: "application/msword",
    DocType.XLS: "application/vnd.ms-excel",
    DocType.PPT: "application/vnd.ms-powerpoint",
    DocType.OLE: "application/x-ole-storage",
    DocType.ZIP: "application/zip",
    DocType.PNG: "image/png",
    DocType.JPEG: "image/jpeg",
    DocType.GIF: "image/gif",
    DocType.TIFF: "image/tiff",
    DocType.BMP: "image/bmp",
    DocType.WEBP: "image/webp",
    DocType.HEIC: "image/heic",
    DocType.RTF: "application/rtf",
    DocType.GZIP: "application/gzip",
    DocType.SEVEN_Z: "application/x-7z-compressed",
    DocType.EMPTY: "application/x-empty",
}

# Extensions that are fine for a detected type (used to flag e.g. a DOCX named .pdf).
EXTENSIONS: dict[DocType, frozenset[str]] = {
    DocType.PDF: frozenset({"pdf"}),
    DocType.DOCX: frozenset({"docx", "docm", "dotx", "dotm"}),
    DocType.XLSX: frozenset({"xlsx", "xlsm", "xltx", "xltm"}),
    DocType.PPTX: frozenset({"pptx", "pptm", "potx", "ppsx"}),
    DocType.ODT: frozenset({"odt", "ott"}),
    DocType.ODS: frozenset({"ods", "ots"}),
    DocType.ODP: frozenset({"odp", "otp"}),
    DocType.TXT: frozenset({"txt", "text", "log", "md", "csv", "tsv", "ini", "cfg", "json", "xml"}),
    DocType.MD: frozenset({"md", "markdown", "txt"}),
    DocType.CSV: frozenset({"csv", "tsv", "txt"}),
    DocType.HTML: frozenset({"html", "htm", "xhtml"}),
    DocType.SVG: frozenset({"svg", "svgz"}),
    DocType.EML: frozenset({"eml", "mht", "mhtml", "txt"}),
    DocType.MSG: frozenset({"msg"}),
    DocType.DOC: frozenset({"doc", "dot"}),
    DocType.XLS: frozenset({"xls", "xlt"}),
    DocType.PPT: frozenset({"ppt", "pps", "pot"}),
    DocType.ZIP: frozenset({"zip"}),
    DocType.PNG: frozenset({"png"}),
    DocType.JPEG: frozenset({"jpg", "jpeg", "jpe", "jfif"}),
    DocType.GIF: frozenset({"gif"}),
    DocType.TIFF: frozenset({"tif", "tiff"}),
    DocType.BMP: frozenset({"bmp"}),
    DocType.WEBP: frozenset({"webp"}),
    DocType.HEIC: frozenset({"heic", "heif"}),
    DocType.RTF: frozenset({"rtf"}),
    DocType.GZIP: frozenset({"gz", "tgz"}),
    DocType.SEVEN_Z: frozenset({"7z"}),
}


@dataclass(frozen=True, slots=True)
class Limits:
    """Bounds that protect memory and time; every one can be changed per call."""

    max_text_chars: int = 2_000_000  # extracted text is cut here
    max_extract_bytes: int = 100 * 1024 * 1024  # larger files: checksum and type only
    max_pdf_pages: int = 2_000
    max_sheet_rows: int = 100_000
    max_zip_uncompressed: int = 500 * 1024 * 1024  # zip-bomb guard for OOXML/ODF/ZIP
    max_zip_ratio: int = 200  # compressed:uncompressed ratio above which a zip is suspicious
    max_children: int = 100  # attachments / archive members analysed
    max_child_bytes: int = 50 * 1024 * 1024
    max_depth: int = 3  # nesting of attachments in attachments
    preview_chars: int = 600
    compute_signature: bool = True


DEFAULT_LIMITS = Limits()


@dataclass(slots=True)
class PersonalDataSigns:
    """Counts of signs of personal data; examples are masked so they are safe to display."""

    emails: int = 0
    phones: int = 0
    bsns: int = 0
    ibans: int = 0
    examples: dict[str, list[str]] = field(default_factory=dict)

    @property
    def any(self) -> bool:
        return bool(self.emails or self.phones or self.bsns or self.ibans)

    def as_dict(self) -> dict[str, Any]:
        return {
            "emails": self.emails,
            "phones": self.phones,
            "bsns": self.bsns,
            "ibans": self.ibans,
            "examples": {k: list(v) for k, v in self.examples.items()},
        }


@dataclass(slots=True)
class DocumentAnalysis:
    """Everything ``analyse()`` learned about one document (and its attachments)."""

    name: str
    size: int = 0
    sha256: str = ""
    detected_type: DocType = DocType.BINARY
    extension: str = ""
    extension_matches: bool | None = None
    encoding: str | None = None
    title: str | None = None
    author: str | None = None
    created: datetime | None = None
    modified: datetime | None = None
    text: str = ""
    text_truncated: bool = False
    preview: str = ""
    word_count: int = 0
    personal_data: PersonalDataSigns = field(default_factory=PersonalDataSigns)
    empty_or_temporary: bool = False
    empty_or_temporary_reason: str | None = None
    signature: tuple[int, ...] | None = None
    properties: dict[str, str] = field(default_factory=dict)
    children: list[DocumentAnalysis] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    @property
    def mime_type(self) -> str:
        return self.detected_type.mime_type

    @property
    def ok(self) -> bool:
        return not self.errors

    def iter_all(self) -> list[DocumentAnalysis]:
        """This document and all nested children, depth first."""
        out = [self]
        for child in self.children:
            out.extend(child.iter_all())
        return out

    def as_dict(self, *, include_text: bool = False) -> dict[str, Any]:
        data: dict[str, Any] = {
            "name": self.name,
            "size": self.size,
            "sha256": self.sha256,
            "detected_type": self.detected_type.value,
            "mime_type": self.mime_type,
            "extension": self.extension,
            "extension_matches": self.extension_matches,
            "encoding": self.encoding,
            "title": self.title,
            "author": self.author,
            "created": self.created.isoformat() if self.created else None,
            "modified": self.modified.isoformat() if self.modified else None,
            "text_truncated": self.text_truncated,
            "preview": self.preview,
            "word_count": self.word_count,
            "personal_data": self.personal_data.as_dict(),
            "empty_or_temporary": self.empty_or_temporary,
            "empty_or_temporary_reason": self.empty_or_temporary_reason,
            "signature": signature_to_hex(self.signature) if self.signature else None,
            "properties": dict(self.properties),
            "children": [c.as_dict(include_text=include_text) for c in self.children],
            "errors": list(self.errors),
        }
        if include_text:
            data["text"] = self.text
        return data
