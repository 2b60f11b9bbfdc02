"""Office documents: OOXML (docx, xlsx, pptx) and ODF."""

from __future__ import annotations

from datetime import datetime
from typing import Any, BinaryIO

from ..model import Limits
from .archives import check_zip_container
from .sink import Extracted, TextLimitReached, TextSink, as_aware, clean_value

# --------------------------------------------------------------------------- OOXML


def _core_properties(props: Any, meta: Extracted) -> None:
    meta.title = clean_value(getattr(props, "title", None))
    meta.author = clean_value(getattr(props, "author", None) or getattr(props, "creator", None))
    meta.created = as_aware(getattr(props, "created", None))
    meta.modified = as_aware(getattr(props, "modified", None))
    last = clean_value(
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
        return as_aware(datetime.fromisoformat(value.rstrip("Z")[:26]))
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
            meta.title = clean_value(value)
        elif local == "creator":
            meta.properties["last_modified_by"] = clean_value(value) or ""
        elif local == "initial-creator":
            meta.author = clean_value(value)
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
