"""Detect a document's type from its content (magic bytes, container layout), not its name."""

from __future__ import annotations

import io
import re
import zipfile
from typing import BinaryIO

from .model import DocType
from .textdecode import decode_bytes, utf16_without_bom

HEAD_BYTES = 8192

_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_EML_HEADER_RE = re.compile(
    rb"^(?:From|To|Cc|Subject|Date|Received|Return-Path|MIME-Version|Message-ID|"
    rb"Content-Type|X-[\w-]+|Delivered-To|Reply-To|Sender|DKIM-Signature|"
    rb"Authentication-Results|Thread-Topic|Thread-Index|In-Reply-To|References)"
    rb"[ \t]*:",
    re.IGNORECASE | re.MULTILINE,
)
# An SVG image: optional XML declaration, comments and doctype, then the <svg> element.
_SVG_RE = re.compile(
    r"^(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*|<!doctype[^>]*>\s*)*<svg[\s>]", re.DOTALL
)
# Markup that a browser (or mshta.exe) executes: a text that starts with a script-like tag, or
# holds an HTA application tag anywhere. (A CV that mentions "<script>" mid-text stays text.)
_ACTIVE_START_RE = re.compile(
    r"<\s*(?:script|hta:application|iframe|object|embed)\b", re.IGNORECASE
)
_HTA_RE = re.compile(r"<\s*hta:application\b", re.IGNORECASE)
_ODF_MIMES = {
    b"application/vnd.oasis.opendocument.text": DocType.ODT,
    b"application/vnd.oasis.opendocument.text-template": DocType.ODT,
    b"application/vnd.oasis.opendocument.spreadsheet": DocType.ODS,
    b"application/vnd.oasis.opendocument.spreadsheet-template": DocType.ODS,
    b"application/vnd.oasis.opendocument.presentation": DocType.ODP,
    b"application/vnd.oasis.opendocument.presentation-template": DocType.ODP,
}


def sniff_magic(head: bytes) -> DocType | None:
    """Types recognisable from the first bytes alone (None: container or text, look deeper)."""
    if not head:
        return DocType.EMPTY
    if head.startswith(b"%PDF-") or b"%PDF-" in head[:1024]:
        return DocType.PDF
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return DocType.PNG
    if head.startswith(b"\xff\xd8\xff"):
        return DocType.JPEG
    if head.startswith((b"GIF87a", b"GIF89a")):
        return DocType.GIF
    if head.startswith((b"II*\x00", b"MM\x00*")):
        return DocType.TIFF
    if head.startswith(b"BM") and len(head) > 14 and head[6:10] == b"\x00\x00\x00\x00":
        return DocType.BMP
    if head.startswith(b"RIFF") and head[8:12] == b"WEBP":
        return DocType.WEBP
    if head[4:8] == b"ftyp" and head[8:12] in (b"heic", b"heix", b"mif1", b"msf1", b"heif"):
        return DocType.HEIC
    if _is_executable(head):
        return DocType.EXECUTABLE
    if head.startswith(b"{\\rtf"):
        return DocType.RTF
    if head.startswith(b"\x1f\x8b"):
        return DocType.GZIP
    if head.startswith(b"7z\xbc\xaf\x27\x1c"):
        return DocType.SEVEN_Z
    return None


def _is_executable(head: bytes) -> bool:
    """Windows PE/DOS (MZ with a binary header), ELF, or Mach-O (32/64 bit, fat)."""
    if head.startswith(b"MZ") and b"\x00" in head[2:64]:
        return True
    return head.startswith(
        (
            b"\x7fELF",
            b"\xfe\xed\xfa\xce",
            b"\xfe\xed\xfa\xcf",
            b"\xcf\xfa\xed\xfe",
            b"\xca\xfe\xba\xbe",
        )
    )


def classify_zip(zf: zipfile.ZipFile) -> DocType:
    names = set(zf.namelist())
    if "mimetype" in names:
        try:
            with zf.open("mimetype") as fh:
                mime = fh.read(100).strip()
        except (OSError, zipfile.BadZipFile, RuntimeError, ValueError, EOFError):
            mime = b""
        if mime in _ODF_MIMES:
            return _ODF_MIMES[mime]
    if "[Content_Types].xml" in names:
        if any(n.startswith("word/") for n in names):
            return DocType.DOCX
        if any(n.startswith("xl/") for n in names):
            return DocType.XLSX
        if any(n.startswith("ppt/") for n in names):
            return DocType.PPTX
    return DocType.ZIP


def _classify_ole(stream: BinaryIO) -> DocType:
    try:
        import olefile  # comes with extract-msg
    except ImportError:  # pragma: no cover - depends on the environment
        return DocType.OLE
    try:
        stream.seek(0)
        ole = olefile.OleFileIO(stream)
        try:
            entries = {"/".join(e) for e in ole.listdir(streams=True, storages=True)}
        finally:
            ole.close()
    except Exception:
        return DocType.OLE
    if any(e.startswith("__substg1.0_") or "/__substg1.0_" in e for e in entries):
        return DocType.MSG
    if "WordDocument" in entries:
        return DocType.DOC
    if "Workbook" in entries or "Book" in entries:
        return DocType.XLS
    if "PowerPoint Document" in entries:
        return DocType.PPT
    return DocType.OLE


def looks_binary(head: bytes) -> bool:
    if head.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return False
    sample = head[:HEAD_BYTES]
    if b"\x00" in sample:
        return True
    control = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    return control > max(2, len(sample) // 100)


def classify_text(sample: str, extension: str = "") -> DocType:
    """EML, HTML, CSV or Markdown by content; the extension only breaks ties."""
    stripped = sample.lstrip("\ufeff \t\r\n")
    head = stripped[:4096]
    # e-mail: the message starts with a block of RFC 822 headers
    first_block = head.split("\n\n", 1)[0].split("\r\n\r\n", 1)[0]
    header_lines = _EML_HEADER_RE.findall(first_block.encode("utf-8", "replace"))
    if len(header_lines) >= 2 and _EML_HEADER_RE.match(first_block.encode("utf-8", "replace")):
        return DocType.EML
    low = head[:512].lower()
    if _SVG_RE.match(low):
        return DocType.SVG
    if low.startswith(("<!doctype html", "<html")) or ("<html" in low and "<body" in head.lower()):
        return DocType.HTML
    if _ACTIVE_START_RE.match(stripped) or _HTA_RE.search(head):
        # A browser would run this (an .hta, or a text with a script tag): treat it as HTML.
        return DocType.HTML
    lines = [ln for ln in head.splitlines()[:20] if ln.strip()]
    if len(lines) >= 2:
        for delim in (";", ",", "\t", "|"):
            counts = [ln.count(delim) for ln in lines]
            if counts[0] >= 1 and all(c == counts[0] for c in counts):
                if delim == "|" and extension == "md":
                    break
                return DocType.CSV
    md_signs = (
        len(re.findall(r"^#{1,6} \S", head, re.MULTILINE))
        + len(re.findall(r"^```", head, re.MULTILINE))
        + len(re.findall(r"\[[^\]\n]+\]\([^)\s]+\)", head))
        + len(re.findall(r"^\s*[-*] \[[ xX]\] ", head, re.MULTILINE))
        + len(re.findall(r"^\|.*\|\s*$\n^\|\s*:?-{3,}", head, re.MULTILINE))
    )
    if md_signs >= 2 or (md_signs >= 1 and extension in ("md", "markdown")):
        return DocType.MD
    if extension in ("md", "markdown"):
        return DocType.MD
    return DocType.TXT


def detect_type(stream: BinaryIO, extension: str = "") -> tuple[DocType, list[str]]:
    """Detect the type of a seekable binary stream. Returns the type and any warnings."""
    warnings: list[str] = []
    stream.seek(0)
    head = stream.read(HEAD_BYTES)
    magic = sniff_magic(head)
    if magic is not None:
        return magic, warnings
    if head.startswith(b"PK\x03\x04") or head.startswith(b"PK\x05\x06"):
        try:
            stream.seek(0)
            with zipfile.ZipFile(stream) as zf:
                return classify_zip(zf), warnings
        except (zipfile.BadZipFile, OSError, ValueError, EOFError, RuntimeError) as exc:
            warnings.append(f"detect: damaged zip container: {exc}")
            return DocType.ZIP, warnings
    if head.startswith(_OLE_MAGIC):
        return _classify_ole(stream), warnings
    if looks_binary(head) and utf16_without_bom(head) is None:
        return DocType.BINARY, warnings

    sample, _ = decode_bytes(head, final=False)
    return classify_text(sample, extension), warnings


def detect_bytes(data: bytes, extension: str = "") -> DocType:
    return detect_type(io.BytesIO(data), extension)[0]
