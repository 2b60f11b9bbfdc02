"""The length of a video, read from its container. PURE: no Django, only the standard library.

* WebM / Matroska: ``Segment > Info > Duration`` (a float in units of ``TimecodeScale``). A
  browser recording (MediaRecorder) usually has no Duration: then the last block timestamp of
  the clusters is used (only the element headers are read; the frames are skipped).
* MP4 / MOV: ``moov > mvhd`` (duration / timescale); for fragmented MP4 with an empty mvhd,
  ``moov > mvex > mehd``.

:func:`video_duration` returns seconds, or ``None`` when the file does not say (then the caller
decides: Talentbrug accepts the video and shows HR that the length is unknown).
A damaged or hostile file never raises: it gives ``None``. Work is bounded (``MAX_ELEMENTS``).
"""

from __future__ import annotations

import contextlib
import struct
from typing import BinaryIO

MAX_ELEMENTS = 2_000_000  # headers read at most; a 200 MB recording has far fewer

# Matroska element ids (with their length marker bits, as in the specification).
EBML_HEADER = 0x1A45DFA3
SEGMENT = 0x18538067
INFO = 0x1549A966
TIMECODE_SCALE = 0x2AD7B1
DURATION = 0x4489
CLUSTER = 0x1F43B675
CLUSTER_TIMECODE = 0xE7
SIMPLE_BLOCK = 0xA3
BLOCK_GROUP = 0xA0
BLOCK = 0xA1
BLOCK_DURATION = 0x9B
# Level-1 children of Segment: meeting one ends an unknown-sized cluster.
SEGMENT_CHILDREN = {
    0x114D9B74,  # SeekHead
    INFO,
    0x1654AE6B,  # Tracks
    CLUSTER,
    0x1C53BB6B,  # Cues
    0x1941A469,  # Attachments
    0x1043A770,  # Chapters
    0x1254C367,  # Tags
}


class _Bad(Exception):
    pass


def _size(stream: BinaryIO) -> int:
    here = stream.tell()
    stream.seek(0, 2)
    end = stream.tell()
    stream.seek(here)
    return end


def video_duration(stream: BinaryIO) -> float | None:
    """Seconds of video according to the container, or ``None`` when unknown."""
    try:
        stream.seek(0)
        head = stream.read(12)
        stream.seek(0)
        if head.startswith(b"\x1a\x45\xdf\xa3"):
            return matroska_duration(stream)
        if head[4:8] == b"ftyp":
            return mp4_duration(stream)
    except (_Bad, OSError, struct.error, ValueError, OverflowError):
        return None
    finally:
        with contextlib.suppress(OSError, ValueError):
            stream.seek(0)
    return None


# --------------------------------------------------------------------------- Matroska / WebM


def _read_id(stream: BinaryIO) -> int | None:
    first = stream.read(1)
    if not first:
        return None
    b = first[0]
    length = 1
    mask = 0x80
    while length <= 4 and not b & mask:
        mask >>= 1
        length += 1
    if length > 4:
        raise _Bad("bad element id")
    rest = stream.read(length - 1)
    if len(rest) != length - 1:
        raise _Bad("truncated id")
    return int.from_bytes(first + rest, "big")


def _read_size(stream: BinaryIO) -> int | None:
    """Element data size; ``None`` means 'unknown' (all value bits set)."""
    first = stream.read(1)
    if not first:
        raise _Bad("truncated size")
    b = first[0]
    length = 1
    mask = 0x80
    while length <= 8 and not b & mask:
        mask >>= 1
        length += 1
    if length > 8:
        raise _Bad("bad size")
    rest = stream.read(length - 1)
    if len(rest) != length - 1:
        raise _Bad("truncated size")
    value = b & (mask - 1)
    for byte in rest:
        value = (value << 8) | byte
    if value == (1 << (7 * length)) - 1:
        return None
    return value


def _read_uint(stream: BinaryIO, size: int) -> int:
    if size > 8:
        raise _Bad("uint too long")
    data = stream.read(size)
    if len(data) != size:
        raise _Bad("truncated uint")
    return int.from_bytes(data, "big") if data else 0


def _read_float(stream: BinaryIO, size: int) -> float:
    data = stream.read(size)
    if size == 4 and len(data) == 4:
        return float(struct.unpack(">f", data)[0])
    if size == 8 and len(data) == 8:
        return float(struct.unpack(">d", data)[0])
    if size == 0:
        return 0.0
    raise _Bad("bad float")


def _block_timecode(stream: BinaryIO, size: int) -> int:
    """Relative timecode (int16) of a (Simple)Block; leaves the stream after the block."""
    start = stream.tell()
    _read_size(stream)  # track number, a vint like a size
    data = stream.read(2)
    if len(data) != 2:
        raise _Bad("truncated block")
    stream.seek(start + size)
    return int(struct.unpack(">h", data)[0])


def matroska_duration(stream: BinaryIO) -> float | None:
    end_of_file = _size(stream)
    stream.seek(0)
    if _read_id(stream) != EBML_HEADER:
        raise _Bad("not EBML")
    header_size = _read_size(stream)
    if header_size is None:
        raise _Bad("unknown header size")
    stream.seek(stream.tell() + header_size)
    element = _read_id(stream)
    if element != SEGMENT:
        raise _Bad("no segment")
    segment_size = _read_size(stream)
    segment_end = end_of_file if segment_size is None else stream.tell() + segment_size
    segment_end = min(segment_end, end_of_file)

    scale = 1_000_000  # nanoseconds per tick (the default TimecodeScale)
    duration_ticks: float | None = None
    last_ticks = -1.0
    elements = 0
    while stream.tell() < segment_end:
        elements += 1
        if elements > MAX_ELEMENTS:
            break
        element = _read_id(stream)
        if element is None:
            break
        size = _read_size(stream)
        data_start = stream.tell()
        if element == INFO and size is not None:
            info_end = data_start + size
            while stream.tell() < info_end:
                child = _read_id(stream)
                child_size = _read_size(stream)
                if child is None or child_size is None:
                    raise _Bad("bad info")
                child_start = stream.tell()
                if child == TIMECODE_SCALE:
                    scale = _read_uint(stream, child_size) or scale
                elif child == DURATION:
                    duration_ticks = _read_float(stream, child_size)
                stream.seek(child_start + child_size)
            if duration_ticks and duration_ticks > 0:
                return duration_ticks * scale / 1e9
        elif element == CLUSTER:
            cluster_end = segment_end if size is None else min(data_start + size, segment_end)
            base = 0
            while stream.tell() < cluster_end:
                elements += 1
                if elements > MAX_ELEMENTS:
                    break
                child_pos = stream.tell()
                child = _read_id(stream)
                if child is None:
                    break
                if size is None and child in SEGMENT_CHILDREN:
                    stream.seek(child_pos)  # an unknown-sized cluster ends here
                    break
                child_size = _read_size(stream)
                if child_size is None:
                    raise _Bad("unknown-sized cluster child")
                child_start = stream.tell()
                if child == CLUSTER_TIMECODE:
                    base = _read_uint(stream, child_size)
                elif child == SIMPLE_BLOCK:
                    last_ticks = max(last_ticks, base + _block_timecode(stream, child_size))
                elif child == BLOCK_GROUP:
                    group_end = child_start + child_size
                    relative, extra = 0, 0
                    while stream.tell() < group_end:
                        grandchild = _read_id(stream)
                        grandchild_size = _read_size(stream)
                        if grandchild is None or grandchild_size is None:
                            raise _Bad("bad block group")
                        grandchild_start = stream.tell()
                        if grandchild == BLOCK:
                            relative = _block_timecode(stream, grandchild_size)
                        elif grandchild == BLOCK_DURATION:
                            extra = _read_uint(stream, grandchild_size)
                        stream.seek(grandchild_start + grandchild_size)
                    last_ticks = max(last_ticks, base + relative + extra)
                stream.seek(child_start + child_size)
            continue
        if size is None:
            break  # another unknown-sized element: we cannot skip it
        stream.seek(data_start + size)
    if last_ticks >= 0:
        return last_ticks * scale / 1e9
    return None


# --------------------------------------------------------------------------- MP4 / MOV


def _boxes(stream: BinaryIO, start: int, end: int) -> list[tuple[bytes, int, int]]:
    """(type, data start, data end) of the boxes between ``start`` and ``end``."""
    found: list[tuple[bytes, int, int]] = []
    position = start
    while position + 8 <= end and len(found) < 10_000:
        stream.seek(position)
        header = stream.read(8)
        if len(header) < 8:
            break
        size, kind = struct.unpack(">I4s", header)
        data_start = position + 8
        if size == 1:
            large = stream.read(8)
            if len(large) < 8:
                break
            size = struct.unpack(">Q", large)[0]
            data_start = position + 16
        elif size == 0:
            size = end - position
        if size < data_start - position:
            raise _Bad("bad box size")
        box_end = min(position + size, end)
        found.append((kind, data_start, box_end))
        position = position + size
    return found


def _child(stream: BinaryIO, start: int, end: int, kind: bytes) -> tuple[int, int] | None:
    for found, data_start, data_end in _boxes(stream, start, end):
        if found == kind:
            return data_start, data_end
    return None


def mp4_duration(stream: BinaryIO) -> float | None:
    end_of_file = _size(stream)
    moov = _child(stream, 0, end_of_file, b"moov")
    if moov is None:
        return None
    mvhd = _child(stream, moov[0], moov[1], b"mvhd")
    if mvhd is None:
        return None
    stream.seek(mvhd[0])
    version = stream.read(4)[0]
    if version == 1:
        stream.seek(mvhd[0] + 4 + 16)
        timescale, duration = struct.unpack(">IQ", stream.read(12))
        unknown = duration == 0xFFFFFFFFFFFFFFFF
    else:
        stream.seek(mvhd[0] + 4 + 8)
        timescale, duration = struct.unpack(">II", stream.read(8))
        unknown = duration == 0xFFFFFFFF
    if not timescale:
        return None
    if duration and not unknown:
        return float(duration) / float(timescale)
    # Fragmented MP4: the movie header may say 0; the movie extends header knows the total.
    mvex = _child(stream, moov[0], moov[1], b"mvex")
    if mvex is not None:
        mehd = _child(stream, mvex[0], mvex[1], b"mehd")
        if mehd is not None:
            stream.seek(mehd[0])
            version = stream.read(4)[0]
            raw = stream.read(8 if version == 1 else 4)
            fragment = int.from_bytes(raw, "big")
            if fragment:
                return float(fragment) / float(timescale)
    return None
