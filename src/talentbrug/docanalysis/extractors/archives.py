"""ZIP containers: the zip-bomb check (also for Office files) and ZIP archives."""

from __future__ import annotations

import zipfile
from typing import BinaryIO

from ..model import Limits
from .sink import Extracted, TextSink


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
