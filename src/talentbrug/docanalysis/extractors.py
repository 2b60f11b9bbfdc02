"""Text and metadata extraction per format. Every extractor writes into a bounded ``TextSink``.

Extractors may raise anything; ``analyse()`` turns exceptions into entries of ``errors``.
"""

from __future__ import annotations

import base64
import contextlib
import email
import email.policy
import email.utils
import io
import quopri
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from html.parser import HTMLParser
from typing import Any, BinaryIO, cast

from .model import DocType, Limits
from .textdecode import decode_bytes


class TextLimitReached(Exception):
    """Raised by ``TextSink`` once the text limit is reached, to stop extraction early."""


class TextSink:
    """Collects extracted text up to ``limit`` characters."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.size = 0
        self.truncated = False
        self._parts: list[str] = []

    def add(self, text: str) -> None:
        if not text:
            return
        room = self.limit - self.size
        if room <= 0:
            self.truncated = True
            raise TextLimitReached
        if len(text) > room:
            text = text[:room]
            self.truncated = True
        self._parts.append(text)
        self.size += len(text)
        if self.truncated:
            raise TextLimitReached

    def line(self, text: str) -> None:
        self.add(text + "\n")

    def text(self) -> str:
        return "".join(self._parts)


@dataclass(slots=True)
class Extracted:
    """Metadata found while extracting; attachments are analysed as child documents."""

    title: str | None = None
    author: str | None = None
    created: datetime | None = None
    modified: datetime | None = None
    encoding: str | None = None
    properties: dict[str, str] = field(default_factory=dict)
    attachments: list[tuple[str, bytes]] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


Extractor = Callable[[BinaryIO, TextSink, Extracted, Limits], None]


def _aware(value: object) -> datetime | None:
    """Datetimes as timezone-aware; naive Office/ODF timestamps are UTC by specification."""
    if not isinstance(value, datetime):
        return None
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _clean(value: object) -> str | None:
    if value is None:
        return None
    text = " ".join(str(value).split())
    return text[:500] or None


def check_zip_container(stream: BinaryIO, limits: Limits) -> None:
    """Refuse zip bombs before a library inflates them."""
    stream.seek(0)
    with zipfile.ZipFile(stream) as zf:
        infos = zf.infolist()
        total = sum(i.file_size for i in infos)
        packed = sum(i.compress_size for i in infos)
    if total > limits.max_zip_uncompressed:
        raise ValueError(f"container expands to {total} bytes, over the limit")
    if total > 20 * 1024 * 1024 and total > limits.max_zip_ratio * max(1, packed):
        raise ValueError(f"suspicious compression ratio ({total} / {packed} bytes)")
    stream.seek(0)


# --------------------------------------------------------------------------- plain text


def extract_text_file(stream: BinaryIO, sink: TextSink, meta: Extracted, limits: Limits) -> None:
    budget = limits.max_text_chars * 4 + 4
    stream.seek(0)
    data = stream.read(budget)
    more = bool(stream.read(1))
    text, encoding = decode_bytes(data, final=not more)
    meta.encoding = encoding
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if more:
        sink.truncated = True
    sink.add(text)


class _HTMLText(HTMLParser):
    _SKIP = frozenset({"script", "style", "head", "noscript", "template"})
    _BLOCK = frozenset(
        {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section"}
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.title: str | None = None
        self._skip = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._SKIP:
            self._skip += 1
        if tag == "title":
            self._in_title = True
        if tag in self._BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIP and self._skip:
            self._skip -= 1
        if tag == "title":
            self._in_title = False
        if tag in self._BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title = (self.title or "") + data
        elif not self._skip:
            self.parts.append(data)


def html_to_text(markup: str) -> tuple[str, str | None]:
    parser = _HTMLText()
    parser.feed(markup)
    parser.close()
    text = "".join(parser.parts)
    text = re.sub(r"[ \t\r\f\v]+", " ", text)
    text = re.sub(r"\n\s*\n+", "\n\n", text)
    return text.strip(), _clean(parser.title)


def extract_html(stream: BinaryIO, sink: TextSink, meta: Extracted, limits: Limits) -> None:
    inner = TextSink(limits.max_text_chars * 3)
    with contextlib.suppress(TextLimitReached):
        extract_text_file(stream, inner, meta, limits)
    text, title = html_to_text(inner.text())
    meta.title = title
    sink.add(text)


def extract_rtf(stream: BinaryIO, sink: TextSink, meta: Extracted, limits: Limits) -> None:
    """Basic RTF to text: drops control words and destination groups."""
    stream.seek(0)
    raw = stream.read(limits.max_text_chars * 4).decode("latin-1")
    raw = re.sub(r"\{\\\*[^{}]*\}", "", raw)
    raw = re.sub(
        r"\\'([0-9a-fA-F]{2})",
        lambda m: bytes([int(m.group(1), 16)]).decode("cp1252", "replace"),
        raw,
    )
    raw = re.sub(r"\\(?:par|line)\b ?", "\n", raw)
    raw = re.sub(r"\\[a-zA-Z]+-?\d* ?", "", raw)
    raw = raw.replace("{", "").replace("}", "").replace("\\\\", "\\")
    sink.add(raw.strip())


# --------------------------------------------------------------------------- PDF


def extract_pdf(stream: BinaryIO, sink: TextSink, meta: Extracted, limits: Limits) -> None:
    from pypdf import PdfReader

    stream.seek(0)
    try:
        reader = PdfReader(stream, strict=False)
        if reader.is_encrypted:
            meta.properties["encrypted"] = "yes"
            reader.decrypt("")
        declared = _declared_pages(reader)
        if declared > limits.max_pdf_pages:
            # pypdf builds the whole page list (a 60,000-page PDF: ~11 s, ~300 MB);
            # pdfminer walks the page tree lazily and stops at the limit.
            meta.properties["pages"] = str(declared)
            _extract_pdf_pdfminer(stream, sink, limits)
            sink.truncated = True
            return
        pages = reader.pages
        page_count = len(pages)
    except TextLimitReached:
        raise
    except Exception as exc:
        meta.errors.append(f"pypdf: {type(exc).__name__}: {exc}"[:300])
        _extract_pdf_pdfminer(stream, sink, limits)
        return
    meta.properties["pages"] = str(page_count)
    try:
        info = reader.metadata
        if info is not None:
            meta.title = _clean(info.title)
            meta.author = _clean(info.author)
            for attr, target in (("creation_date", "created"), ("modification_date", "modified")):
                try:
                    setattr(meta, target, _aware(getattr(info, attr)))
                except Exception:  # noqa: S112 - unparsable date strings are common
                    continue
            producer = _clean(info.producer)
            if producer:
                meta.properties["producer"] = producer
    except Exception as exc:
        meta.errors.append(f"pdf metadata: {type(exc).__name__}: {exc}"[:300])
    failed = 0
    for i in range(min(page_count, limits.max_pdf_pages)):
        try:
            page_text = pages[i].extract_text() or ""
        except TextLimitReached:
            raise
        except Exception as exc:
            failed += 1
            if failed <= 3:
                meta.errors.append(f"pdf page {i + 1}: {type(exc).__name__}: {exc}"[:300])
            continue
        sink.line(page_text)
    if page_count > limits.max_pdf_pages:
        sink.truncated = True


def _declared_pages(reader: Any) -> int:
    """The page count the page tree declares (read lazily; 0 when absent or unreadable)."""
    try:
        return int(reader.trailer["/Root"]["/Pages"]["/Count"])
    except Exception:
        return 0


def _extract_pdf_pdfminer(stream: BinaryIO, sink: TextSink, limits: Limits) -> None:
    from pdfminer.high_level import extract_text

    stream.seek(0)
    sink.add(extract_text(cast(io.IOBase, stream), maxpages=limits.max_pdf_pages))


# --------------------------------------------------------------------------- OOXML


def _core_properties(props: Any, meta: Extracted) -> None:
    meta.title = _clean(getattr(props, "title", None))
    meta.author = _clean(getattr(props, "author", None) or getattr(props, "creator", None))
    meta.created = _aware(getattr(props, "created", None))
    meta.modified = _aware(getattr(props, "modified", None))
    last = _clean(
        getattr(props, "last_modified_by", None) or getattr(props, "lastModifiedBy", None)
    )
    if last:
        meta.properties["last_modified_by"] = last


def extract_docx(stream: BinaryIO, sink: TextSink, meta: Extracted, limits: Limits) -> None:
    import docx
    from docx.table import Table

    check_zip_container(stream, limits)
    document = docx.Document(stream)
    _core_properties(document.core_properties, meta)

    def table_text(table: Table) -> None:
        for row in table.rows:
            cells: list[str] = []
            for cell in row.cells:
                value = cell.text.strip()
                if value and (not cells or cells[-1] != value):
                    cells.append(value)
            if cells:
                sink.line("\t".join(cells))

    for block in document.iter_inner_content():
        if isinstance(block, Table):
            table_text(block)
        else:
            sink.line(block.text)
    for section in document.sections:
        for part in (section.header, section.footer):
            try:
                text = "\n".join(p.text for p in part.paragraphs if p.text.strip())
            except TextLimitReached:
                raise
            except Exception:  # noqa: S112 - headers are optional extras
                continue
            if text:
                sink.line(text)


def extract_xlsx(stream: BinaryIO, sink: TextSink, meta: Extracted, limits: Limits) -> None:
    import openpyxl

    check_zip_container(stream, limits)
    wb = openpyxl.load_workbook(stream, read_only=True, data_only=True)
    try:
        _core_properties(wb.properties, meta)
        meta.properties["sheets"] = str(len(wb.sheetnames))
        rows_seen = 0
        for ws in wb.worksheets:
            sink.line(f"# {ws.title}")
            if not hasattr(ws, "iter_rows"):
                continue
            for row in ws.iter_rows(values_only=True):
                rows_seen += 1
                if rows_seen > limits.max_sheet_rows:
                    sink.truncated = True
                    return
                values = [str(v) for v in row if v is not None and str(v).strip()]
                if values:
                    sink.line("\t".join(values))
    finally:
        wb.close()


def extract_pptx(stream: BinaryIO, sink: TextSink, meta: Extracted, limits: Limits) -> None:
    from pptx import Presentation

    check_zip_container(stream, limits)
    prs = Presentation(stream)
    _core_properties(prs.core_properties, meta)

    def shape_text(shape: Any, depth: int = 0) -> None:
        if depth > 20:
            return
        if getattr(shape, "has_text_frame", False) and shape.has_text_frame:
            text = shape.text_frame.text
            if text.strip():
                sink.line(text)
        if getattr(shape, "has_table", False) and shape.has_table:
            for row in shape.table.rows:
                cells = [c.text.strip() for c in row.cells if c.text.strip()]
                if cells:
                    sink.line("\t".join(cells))
        for sub in getattr(shape, "shapes", ()):  # group shapes
            shape_text(sub, depth + 1)

    count = 0
    for number, slide in enumerate(prs.slides, 1):
        count = number
        sink.line(f"--- dia {number} ---")
        for shape in slide.shapes:
            shape_text(shape)
        if slide.has_notes_slide:
            notes = slide.notes_slide.notes_text_frame
            if notes is not None and notes.text.strip():
                sink.line(notes.text)
    meta.properties["slides"] = str(count)


# --------------------------------------------------------------------------- ODF


def _parse_odf_date(value: str) -> datetime | None:
    value = value.strip()
    if not value:
        return None
    try:
        return _aware(datetime.fromisoformat(value.rstrip("Z")[:26]))
    except ValueError:
        return None


def extract_odf(stream: BinaryIO, sink: TextSink, meta: Extracted, limits: Limits) -> None:
    from odf import teletype
    from odf.namespaces import TEXTNS
    from odf.opendocument import load

    check_zip_container(stream, limits)
    doc = load(stream)
    for node in getattr(doc.meta, "childNodes", []):
        local = node.qname[1] if getattr(node, "qname", None) else ""
        value = teletype.extractText(node)
        if local == "title":
            meta.title = _clean(value)
        elif local == "creator":
            meta.properties["last_modified_by"] = _clean(value) or ""
        elif local == "initial-creator":
            meta.author = _clean(value)
        elif local == "creation-date":
            meta.created = _parse_odf_date(value)
        elif local == "date":
            meta.modified = _parse_odf_date(value)
    if meta.author is None and meta.properties.get("last_modified_by"):
        meta.author = meta.properties["last_modified_by"]
    stack = [doc.body]
    while stack:
        node = stack.pop()
        qname = getattr(node, "qname", None)
        if qname and qname[0] == TEXTNS and qname[1] in ("p", "h"):
            sink.line(teletype.extractText(node))
            continue
        children = getattr(node, "childNodes", None) or []
        stack.extend(reversed(children))


# --------------------------------------------------------------------------- e-mail


def _header(msg: email.message.Message, name: str) -> str | None:
    try:
        value = msg.get(name)
    except Exception:
        return None
    return _clean(value)


def extract_eml(stream: BinaryIO, sink: TextSink, meta: Extracted, limits: Limits) -> None:
    stream.seek(0)
    msg = email.message_from_binary_file(stream, policy=email.policy.default)
    subject = _header(msg, "Subject")
    sender = _header(msg, "From")
    meta.title = subject
    meta.author = sender
    date = _header(msg, "Date")
    if date:
        try:
            meta.created = _aware(email.utils.parsedate_to_datetime(date))
        except (TypeError, ValueError, IndexError):
            meta.errors.append(f"eml: unparsable Date header {date[:60]!r}")
    for key in ("From", "To", "Cc", "Date", "Subject", "Message-ID"):
        value = _header(msg, key)
        if value:
            meta.properties[key.lower()] = value
            sink.line(f"{key}: {value}")
    sink.line("")
    body_text = ""
    if isinstance(msg, email.message.EmailMessage):
        body = msg.get_body(preferencelist=("plain", "html"))
        if body is not None:
            content = body.get_content()
            if isinstance(content, str):
                body_text = (
                    html_to_text(content)[0] if body.get_content_subtype() == "html" else content
                )
    else:  # pragma: no cover - policy.default always gives EmailMessage
        payload = msg.get_payload()
        body_text = payload if isinstance(payload, str) else ""
    sink.line(body_text.replace("\r\n", "\n"))
    if isinstance(msg, email.message.EmailMessage):
        for n, part in enumerate(msg.iter_attachments(), 1):
            if len(meta.attachments) >= limits.max_children:
                meta.errors.append("eml: too many attachments, rest skipped")
                break
            filename = part.get_filename() or f"bijlage-{n}"
            if part.get_content_type() == "message/rfc822":
                inner = part.get_content()
                data = inner.as_bytes() if isinstance(inner, email.message.Message) else b""
                cte = str(part.get("Content-Transfer-Encoding", "")).strip().lower()
                if cte == "base64":  # not allowed by RFC 2046, but seen in the wild
                    data = base64.b64decode(data, validate=False)
                elif cte == "quoted-printable":
                    data = quopri.decodestring(data)
                if not filename.lower().endswith(".eml"):
                    filename += ".eml"
            else:
                raw = part.get_payload(decode=True)
                data = raw if isinstance(raw, bytes) else b""
            if len(data) > limits.max_child_bytes:
                meta.errors.append(f"eml: attachment {filename!r} too large, skipped")
                continue
            meta.attachments.append((filename, data))


def extract_msg(stream: BinaryIO, sink: TextSink, meta: Extracted, limits: Limits) -> None:
    import extract_msg as xmsg

    stream.seek(0)
    data = stream.read()
    msg = xmsg.openMsg(data, delayAttachments=False)
    try:
        meta.title = _clean(getattr(msg, "subject", None))
        meta.author = _clean(getattr(msg, "sender", None))
        meta.created = _aware(getattr(msg, "date", None))
        if meta.created is None:  # no PR_CLIENT_SUBMIT_TIME: use the transport headers
            header = getattr(msg, "header", None)
            date_value = header.get("Date") if header is not None else None
            if date_value:
                try:
                    meta.created = _aware(email.utils.parsedate_to_datetime(str(date_value)))
                except (TypeError, ValueError, IndexError):
                    meta.errors.append(f"msg: unparsable Date header {str(date_value)[:60]!r}")
        for key, attr in (("From", "sender"), ("To", "to"), ("Cc", "cc"), ("Subject", "subject")):
            value = _clean(getattr(msg, attr, None))
            if value:
                meta.properties[key.lower()] = value
                sink.line(f"{key}: {value}")
        if meta.created:
            sink.line(f"Date: {meta.created.isoformat()}")
        sink.line("")
        body = getattr(msg, "body", None)
        if not body:
            html_body = getattr(msg, "htmlBody", None)
            if isinstance(html_body, bytes):
                body = html_to_text(html_body.decode("utf-8", "replace"))[0]
        if isinstance(body, bytes):
            body = body.decode("utf-8", "replace")
        if isinstance(body, str):
            sink.line(body.replace("\r\n", "\n"))
        for n, att in enumerate(getattr(msg, "attachments", []) or [], 1):
            if len(meta.attachments) >= limits.max_children:
                meta.errors.append("msg: too many attachments, rest skipped")
                break
            filename = (
                getattr(att, "longFilename", None)
                or getattr(att, "shortFilename", None)
                or getattr(att, "name", None)
                or f"bijlage-{n}"
            )
            payload = getattr(att, "data", None)
            if payload is not None and not isinstance(payload, bytes):
                export = getattr(payload, "exportBytes", None)  # embedded message
                payload = export() if callable(export) else None
                filename = str(filename) + ("" if str(filename).endswith(".msg") else ".msg")
            if not isinstance(payload, bytes):
                continue
            if len(payload) > limits.max_child_bytes:
                meta.errors.append(f"msg: attachment {filename!r} too large, skipped")
                continue
            meta.attachments.append((str(filename), payload))
    finally:
        msg.close()


# --------------------------------------------------------------------------- ZIP archives


def extract_zip(stream: BinaryIO, sink: TextSink, meta: Extracted, limits: Limits) -> None:
    """List the members; analyse regular members as children (within the limits)."""
    stream.seek(0)
    with zipfile.ZipFile(stream) as zf:
        infos = zf.infolist()
        meta.properties["members"] = str(len(infos))
        budget = limits.max_zip_uncompressed
        for info in infos:
            sink.line(info.filename)
        for info in infos:
            if info.is_dir():
                continue
            if len(meta.attachments) >= limits.max_children:
                meta.errors.append("zip: too many members, rest not analysed")
                break
            if info.file_size > limits.max_child_bytes or info.file_size > budget:
                meta.errors.append(f"zip: member {info.filename!r} too large, not analysed")
                continue
            if info.flag_bits & 0x1:
                meta.errors.append(f"zip: member {info.filename!r} is encrypted")
                continue
            try:
                with zf.open(info) as fh:
                    data = fh.read(limits.max_child_bytes + 1)
            except (zipfile.BadZipFile, OSError, EOFError, ValueError, RuntimeError) as exc:
                meta.errors.append(f"zip: member {info.filename!r}: {exc}"[:300])
                continue
            budget -= len(data)
            meta.attachments.append((info.filename, data))


EXTRACTORS: dict[DocType, Extractor] = {
    DocType.PDF: extract_pdf,
    DocType.DOCX: extract_docx,
    DocType.XLSX: extract_xlsx,
    DocType.PPTX: extract_pptx,
    DocType.ODT: extract_odf,
    DocType.ODS: extract_odf,
    DocType.ODP: extract_odf,
    DocType.TXT: extract_text_file,
    DocType.MD: extract_text_file,
    DocType.CSV: extract_text_file,
    DocType.HTML: extract_html,
    DocType.RTF: extract_rtf,
    DocType.EML: extract_eml,
    DocType.MSG: extract_msg,
    DocType.ZIP: extract_zip,
}

__all__ = [
    "EXTRACTORS",
    "Extracted",
    "TextLimitReached",
    "TextSink",
    "check_zip_container",
    "html_to_text",
]
