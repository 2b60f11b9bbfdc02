"""PDF, with pdfminer as the fallback reader."""

from __future__ import annotations

import io
from typing import Any, BinaryIO, cast

from ..model import Limits
from .sink import Extracted, TextLimitReached, TextSink, as_aware, clean_value

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
            meta.title = clean_value(info.title)
            meta.author = clean_value(info.author)
            for attr, target in (("creation_date", "created"), ("modification_date", "modified")):
                try:
                    setattr(meta, target, as_aware(getattr(info, attr)))
                except Exception:  # noqa: S112 - unparsable date strings are common
                    continue
            producer = clean_value(info.producer)
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
