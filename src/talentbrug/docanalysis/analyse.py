"""``analyse()``: one document in, one ``DocumentAnalysis`` out. Never raises on bad input.

Memory is bounded by ``Limits`` (text size, file size for extraction, zip expansion, number
and size of attachments, nesting depth). Time is bounded per format where the libraries
allow it (PDF pages, sheet rows); a pathological file can still be slow inside a parser, so
run ``analyse()`` in a worker with a time limit (e.g. a Celery soft time limit).
"""

from __future__ import annotations

import hashlib
import io
import os
import tempfile
from contextlib import ExitStack
from pathlib import Path
from typing import IO, BinaryIO

from .detect import detect_type
from .extractors.registry import EXTRACTORS
from .extractors.sink import Extracted, TextLimitReached, TextSink
from .model import DEFAULT_LIMITS, EXTENSIONS, DocType, DocumentAnalysis, Limits
from .personal import personal_data_signs
from .similarity import minhash_signature
from .temporary import temporary_reason

Source = str | os.PathLike[str] | bytes | bytearray | memoryview | IO[bytes]

CHUNK = 1024 * 1024
_TEXT_TYPES = {DocType.TXT, DocType.MD, DocType.CSV, DocType.HTML, DocType.RTF}
OFFICE_TYPES = {
    DocType.DOCX,
    DocType.XLSX,
    DocType.PPTX,
    DocType.ODT,
    DocType.ODS,
    DocType.ODP,
}
_NO_EXTRACTOR_NOTE = "no text extraction for this format"


def make_preview(text: str, limit: int = 600) -> str:
    """The first non-empty lines of ``text``, whitespace collapsed, at most ``limit`` chars."""
    lines: list[str] = []
    total = 0
    for raw in text.splitlines():
        line = " ".join(raw.split())
        if not line:
            continue
        lines.append(line)
        total += len(line) + 1
        if total >= limit:
            break
    preview = "\n".join(lines)
    if len(preview) > limit:
        cut = preview.rfind(" ", 0, limit - 1)
        preview = preview[: cut if cut > limit * 0.6 else limit - 1].rstrip() + "…"
    return preview


def _extension(name: str) -> str:
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    if "." not in base.strip("."):
        return ""
    return base.rsplit(".", 1)[1].lower()


def _hash_stream(stream: BinaryIO) -> tuple[str, int]:
    digest = hashlib.sha256()
    size = 0
    stream.seek(0)
    while chunk := stream.read(CHUNK):
        digest.update(chunk)
        size += len(chunk)
    stream.seek(0)
    return digest.hexdigest(), size


def _open(source: Source, stack: ExitStack) -> tuple[BinaryIO, str]:
    """A seekable binary stream for ``source`` and a default name."""
    if isinstance(source, (bytes, bytearray, memoryview)):
        return io.BytesIO(bytes(source)), ""
    if isinstance(source, (str, os.PathLike)):
        path = Path(source)
        fh = stack.enter_context(path.open("rb"))
        return fh, path.name
    stream: BinaryIO = source  # type: ignore[assignment]
    name = getattr(stream, "name", "")
    name = Path(name).name if isinstance(name, str) else ""
    seekable = getattr(stream, "seekable", None)
    if callable(seekable) and seekable():
        return stream, name
    spool = stack.enter_context(tempfile.SpooledTemporaryFile(max_size=16 * CHUNK))  # noqa: SIM115
    while chunk := stream.read(CHUNK):
        spool.write(chunk)
    spool.seek(0)
    return spool, name  # type: ignore[return-value]


def analyse(
    source: Source, *, name: str | None = None, limits: Limits = DEFAULT_LIMITS
) -> DocumentAnalysis:
    """Analyse one document: checksum, size, type, metadata, text, personal data signs.

    ``source`` is a path, the bytes of a file, or a binary file object. Problems with the
    input (corrupt, truncated, encrypted, too large) end up in ``result.errors``; this
    function does not raise for them.
    """
    return _analyse(source, name, limits, depth=0)


def _analyse(source: Source, name: str | None, limits: Limits, depth: int) -> DocumentAnalysis:
    result = DocumentAnalysis(name=name or "")
    try:
        with ExitStack() as stack:
            stream, default_name = _open(source, stack)
            result.name = name or default_name
            _fill(result, stream, limits, depth)
    except Exception as exc:
        result.errors.append(f"analyse: {type(exc).__name__}: {exc}"[:500])
    return result


def _fill(result: DocumentAnalysis, stream: BinaryIO, limits: Limits, depth: int) -> None:
    result.sha256, result.size = _hash_stream(stream)
    result.extension = _extension(result.name)
    reason = temporary_reason(result.name, result.size) if result.name else None
    if result.size == 0:
        reason = "empty file (0 bytes)"
    if reason:
        result.empty_or_temporary = True
        result.empty_or_temporary_reason = reason
    if result.size == 0:
        result.detected_type = DocType.EMPTY
        return
    doc_type, warnings = detect_type(stream, result.extension)
    result.detected_type = doc_type
    result.errors.extend(warnings)
    if result.extension and doc_type in EXTENSIONS:
        result.extension_matches = result.extension in EXTENSIONS[doc_type]
    if result.size > limits.max_extract_bytes:
        result.errors.append(
            f"too large for text extraction ({result.size} bytes > {limits.max_extract_bytes})"
        )
        return
    extractor = EXTRACTORS.get(doc_type)
    if extractor is None:
        if not doc_type.is_image and doc_type is not DocType.EMPTY:
            result.properties["note"] = _NO_EXTRACTOR_NOTE
        return
    sink = TextSink(limits.max_text_chars)
    meta = Extracted()
    try:
        extractor(stream, sink, meta, limits)
    except TextLimitReached:
        pass
    except Exception as exc:
        result.errors.append(f"extract {doc_type.value}: {type(exc).__name__}: {exc}"[:500])
    result.errors.extend(meta.errors)
    result.title, result.author = meta.title, meta.author
    result.created, result.modified = meta.created, meta.modified
    result.encoding = meta.encoding
    result.properties.update(meta.properties)
    result.text = sink.text()
    result.text_truncated = sink.truncated
    _text_facts(result, limits)
    if (
        not result.empty_or_temporary
        and not result.errors
        and not result.text.strip()
        and (doc_type in _TEXT_TYPES or doc_type in OFFICE_TYPES)
        and not meta.attachments
    ):
        result.empty_or_temporary = True
        result.empty_or_temporary_reason = "no text content"
    for child_name, data in meta.attachments:
        if depth + 1 > limits.max_depth:
            result.errors.append("attachments nested too deep, not analysed")
            break
        result.children.append(_analyse(data, child_name, limits, depth + 1))


def _text_facts(result: DocumentAnalysis, limits: Limits) -> None:
    text = result.text
    if not text:
        return
    result.preview = make_preview(text, limits.preview_chars)
    result.word_count = len(text.split())
    try:
        result.personal_data = personal_data_signs(text)
    except Exception as exc:
        result.errors.append(f"personal data scan: {type(exc).__name__}: {exc}"[:300])
    if limits.compute_signature and text.strip():
        result.signature = minhash_signature(text)
