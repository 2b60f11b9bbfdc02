"""PRONOM format identifiers (PUIDs) for the file types that docanalysis detects.

MDTO wants ``bestandsformaat`` as a concept from the PRONOM registry: the PUID as
``begripCode`` and the PRONOM name as ``begripLabel``. We do not run a full format identifier
(DROID, fido, siegfried); docanalysis already knows the type from the content, and for the
types whose PUID depends on a version we read that version from the file the way the PRONOM
signatures do (PDF header and PDF/A identification, JFIF/Exif version, PNG chunks, GIF and BMP
headers, WebP chunk, ODF manifest version, HTML5 doctype).

PUIDs and names: PRONOM technical registry, The National Archives (UK),
https://www.nationalarchives.gov.uk/PRONOM/ (Open Government Licence v3.0), as distributed in
the signature file ``formats-v109.xml`` of opf-fido 1.6.1 (Apache-2.0). When a version cannot be
read we give the PRONOM name without a PUID rather than guess one.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from typing import IO

PRONOM = "PRONOM-register"
PDF_SCAN_BYTES = 64 * 1024 * 1024  # look for PDF/A identification in at most this much
_HEAD = 64 * 1024


@dataclass(frozen=True)
class Format:
    label: str  # PRONOM name and version
    puid: str  # "" when the version, and so the PUID, is unknown
    registry: str = PRONOM


UNKNOWN = Format("Onbekend bestandsformaat", "", "Talentbrug")

# docanalysis type -> format when the PUID does not depend on a version we read.
FIXED: dict[str, Format] = {
    "docx": Format("Microsoft Word for Windows 2007 onwards", "fmt/412"),
    "xlsx": Format("Microsoft Excel for Windows 2007 onwards", "fmt/214"),
    "pptx": Format("Microsoft Powerpoint for Windows 2007 onwards", "fmt/215"),
    "doc": Format("Microsoft Word Document 97-2003", "fmt/40"),
    "xls": Format("Microsoft Excel 97 Workbook (xls) 8", "fmt/61"),
    "ppt": Format("Microsoft Powerpoint Presentation 97-2003", "fmt/126"),
    "ole": Format("OLE2 Compound Document Format", "fmt/111"),
    "txt": Format("Plain Text File", "x-fmt/111"),
    "md": Format("Markdown", "fmt/1149"),
    "csv": Format("Comma Separated Values", "x-fmt/18"),
    "html": Format("Hypertext Markup Language", "fmt/96"),
    "eml": Format("MIME Email 1.0", "fmt/950"),
    "msg": Format("Microsoft Outlook Email Message 97-2003", "x-fmt/430"),
    "zip": Format("ZIP Format", "x-fmt/263"),
    "gzip": Format("GZIP Format", "x-fmt/266"),
    "7z": Format("7Zip format", "fmt/484"),
    "tiff": Format("Tagged Image File Format", "fmt/353"),
    "heic": Format("High Efficiency Image File Format", "fmt/1101"),
    # PRONOM tells RTF versions apart by control words we do not parse: name only.
    "rtf": Format("Rich Text Format", ""),
    "pdf": Format("Acrobat PDF - Portable Document Format", ""),
    "jpeg": Format("Raw JPEG Stream", "fmt/41"),
    "png": Format("Portable Network Graphics", ""),
    "gif": Format("Graphics Interchange Format", ""),
    "bmp": Format("Windows Bitmap", ""),
    "webp": Format("WebP", ""),
    "odt": Format("OpenDocument Text", ""),
    "ods": Format("OpenDocument Spreadsheet", ""),
    "odp": Format("OpenDocument Presentation", ""),
}

_PDF = {
    "1.0": "fmt/14",
    "1.1": "fmt/15",
    "1.2": "fmt/16",
    "1.3": "fmt/17",
    "1.4": "fmt/18",
    "1.5": "fmt/19",
    "1.6": "fmt/20",
    "1.7": "fmt/276",
}
_PDF_A = {
    "1a": "fmt/95",
    "1b": "fmt/354",
    "2a": "fmt/476",
    "2b": "fmt/477",
    "2u": "fmt/478",
    "3a": "fmt/479",
    "3b": "fmt/480",
    "3u": "fmt/481",
}
_JFIF = {(1, 0): "fmt/42", (1, 1): "fmt/43", (1, 2): "fmt/44"}
_EXIF = {b"022": ("2.2.1", "fmt/645"), b"023": ("2.3.x", "fmt/1507")}
_BMP = {  # size of the DIB header -> version
    12: ("2.0", "fmt/115"),
    40: ("3.0", "fmt/116"),
    108: ("4.0", "fmt/118"),
    124: ("5.0", "fmt/119"),
}
_WEBP = {
    b"VP8 ": ("Lossy", "fmt/566"),
    b"VP8L": ("Lossless", "fmt/567"),
    b"VP8X": ("Extended", "fmt/568"),
}
_EXIF_VERSION = re.compile(  # ExifVersion tag (0x9000, UNDEFINED, count 4), either byte order
    rb"(?:\x90\x00\x00\x07\x00\x00\x00\x04|\x00\x90\x07\x00\x04\x00\x00\x00)(02\d)\d"
)
_ODF = {
    "odt": {"1.0": "fmt/136", "1.1": "fmt/290", "1.2": "fmt/291", "1.3": "fmt/1756"},
    "ods": {"1.0": "fmt/137", "1.1": "fmt/294", "1.2": "fmt/295", "1.3": "fmt/1755"},
    "odp": {"1.0": "fmt/138", "1.1": "fmt/292", "1.2": "fmt/293", "1.3": "fmt/1754"},
}
_PDF_HEADER = re.compile(rb"%PDF-(\d\.\d)")
_PDF_A_PART = re.compile(rb"pdfaid:part(?:>|=[\"'])\s*(\d)")
_PDF_A_CONFORMANCE = re.compile(rb"pdfaid:conformance(?:>|=[\"'])\s*([ABUabu])")
_ODF_VERSION = re.compile(rb"(?:manifest|office):version=[\"'](\d\.\d)[\"']")


def _versioned(base: Format, version: str, puid: str | None) -> Format:
    if not puid:
        return base
    return Format(f"{base.label} {version}".strip(), puid)


def _pdf(fh: IO[bytes], head: bytes) -> Format:
    header = _PDF_HEADER.search(head[:1024])
    version = header.group(1).decode() if header else ""
    # PDF/A identification lives in the XMP metadata, which may be anywhere in the file.
    fh.seek(0)
    part = conformance = b""
    tail = b""
    read = 0
    while read < PDF_SCAN_BYTES and not (part and conformance):
        chunk = fh.read(1024 * 1024)
        if not chunk:
            break
        read += len(chunk)
        window = tail + chunk
        part = part or _group(_PDF_A_PART, window)
        conformance = conformance or _group(_PDF_A_CONFORMANCE, window)
        tail = chunk[-64:]
    if part and conformance:
        level = (part + conformance).decode().lower()
        if level in _PDF_A:
            return Format(f"Acrobat PDF/A - Portable Document Format {level}", _PDF_A[level])
    if version == "2.0":
        return Format("PDF 2.0 - Portable Document Format", "fmt/1129")
    if version in _PDF:
        return Format(f"Acrobat PDF {version} - Portable Document Format", _PDF[version])
    return FIXED["pdf"]


def _group(pattern: re.Pattern[bytes], data: bytes) -> bytes:
    found = pattern.search(data)
    return found.group(1) if found else b""


def _jpeg(head: bytes) -> Format:
    if head[6:11] == b"JFIF\x00" and len(head) > 12:
        version = (head[11], head[12])
        puid = _JFIF.get(version)
        if puid:
            return Format(f"JPEG File Interchange Format {version[0]}.{version[1]:02d}", puid)
    if b"Exif\x00\x00" in head[:64]:
        found = _EXIF_VERSION.search(head)
        if found and found.group(1) in _EXIF:
            version, puid = _EXIF[found.group(1)]
            return Format(f"Exchangeable Image File Format (Compressed) {version}", puid)
    return FIXED["jpeg"]


def _png(head: bytes) -> Format:
    """PNG 1.2 added iTXt and sPLT, PNG 1.1 sRGB and iCCP; the PRONOM signatures check these."""
    chunks = set()
    pos = 8
    while pos + 8 <= len(head):
        length = int.from_bytes(head[pos : pos + 4], "big")
        kind = head[pos + 4 : pos + 8]
        chunks.add(kind)
        if kind in (b"IDAT", b"IEND"):
            break
        pos += 12 + length
    if chunks & {b"iTXt", b"sPLT"}:
        return Format("Portable Network Graphics 1.2", "fmt/13")
    if chunks & {b"sRGB", b"iCCP"}:
        return Format("Portable Network Graphics 1.1", "fmt/12")
    return Format("Portable Network Graphics 1.0", "fmt/11")


def _odf(fh: IO[bytes], doc_type: str) -> Format:
    """The ODF version from the manifest, else from meta.xml or content.xml (office:version)."""
    base = FIXED[doc_type]
    version = b""
    try:
        fh.seek(0)
        with zipfile.ZipFile(fh) as archive:
            members = set(archive.namelist())
            for member in ("META-INF/manifest.xml", "meta.xml", "content.xml"):
                if member in members and not version:
                    with archive.open(member) as part:
                        version = _group(_ODF_VERSION, part.read(64 * 1024))
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, RuntimeError, NotImplementedError):
        return base  # damaged, encrypted or oddly compressed: no version, so no PUID
    text = version.decode()
    return _versioned(base, text, _ODF[doc_type].get(text))


def identify(doc_type: str, fh: IO[bytes] | None) -> Format:
    """The PRONOM format of a stored file whose content docanalysis typed as ``doc_type``.

    ``fh`` is a seekable binary file (``None`` when the file is gone); it is read, not closed.
    """
    if doc_type not in FIXED:
        return UNKNOWN
    if fh is None:
        return FIXED[doc_type]
    fh.seek(0)
    head = fh.read(_HEAD)
    if doc_type == "pdf":
        return _pdf(fh, head)
    if doc_type == "jpeg":
        return _jpeg(head)
    if doc_type == "png":
        return _png(head)
    if doc_type in _ODF:
        return _odf(fh, doc_type)
    if doc_type == "gif":
        version = head[3:6].decode("ascii", "replace")
        puid = {"87a": "fmt/3", "89a": "fmt/4"}.get(version)
        return _versioned(FIXED["gif"], version, puid)
    if doc_type == "bmp":
        version, puid = _BMP.get(int.from_bytes(head[14:18], "little"), ("", ""))
        return _versioned(FIXED["bmp"], version, puid)
    if doc_type == "webp":
        version, puid = _WEBP.get(head[12:16], ("", ""))
        return _versioned(FIXED["webp"], version, puid)
    if doc_type == "html" and head.lstrip()[:15].lower() == b"<!doctype html>":
        return Format("Hypertext Markup Language 5", "fmt/471")
    return FIXED[doc_type]
