"""A tiny writer for OLE2 / Compound File Binary (version 3) files, to build Outlook .msg
test fixtures without Outlook. Supports storages, streams, the mini stream and FAT; no DIFAT
sectors (so files up to about 7 MB), which is plenty for tests.
"""

from __future__ import annotations

import math
import struct
from dataclasses import dataclass, field

SECTOR = 512
MINI = 64
CUTOFF = 4096
FREESECT = 0xFFFFFFFF
ENDOFCHAIN = 0xFFFFFFFE
FATSECT = 0xFFFFFFFD
NOSTREAM = 0xFFFFFFFF

Tree = dict[str, "bytes | Tree"]


@dataclass
class _Entry:
    name: str
    kind: int  # 1 storage, 2 stream, 5 root
    data: bytes = b""
    children: list[int] = field(default_factory=list)
    left: int = NOSTREAM
    right: int = NOSTREAM
    child: int = NOSTREAM
    start: int = ENDOFCHAIN
    size: int = 0


def _sort_key(name: str) -> tuple[int, str]:
    return (len(name), name.upper())


def _flatten(tree: Tree) -> list[_Entry]:
    entries = [_Entry("Root Entry", 5)]

    def add(parent: int, node: Tree) -> None:
        for name, value in node.items():
            idx = len(entries)
            if isinstance(value, dict):
                entries.append(_Entry(name, 1))
                entries[parent].children.append(idx)
                add(idx, value)
            else:
                entries.append(_Entry(name, 2, data=value, size=len(value)))
                entries[parent].children.append(idx)

    add(0, tree)

    def balanced(ids: list[int]) -> int:
        if not ids:
            return NOSTREAM
        mid = len(ids) // 2
        node = entries[ids[mid]]
        node.left = balanced(ids[:mid])
        node.right = balanced(ids[mid + 1 :])
        return ids[mid]

    for entry in entries:
        ordered = sorted(entry.children, key=lambda i: _sort_key(entries[i].name))
        entry.child = balanced(ordered)
    return entries


def build_cfb(tree: Tree) -> bytes:
    entries = _flatten(tree)
    streams = [e for e in entries if e.kind == 2]
    mini = bytearray()
    minifat: list[int] = []
    big: list[_Entry] = []
    for e in streams:
        if e.size == 0:
            e.start = ENDOFCHAIN
        elif e.size < CUTOFF:
            first = len(mini) // MINI
            count = math.ceil(e.size / MINI)
            e.start = first
            minifat.extend(first + i + 1 for i in range(count - 1))
            minifat.append(ENDOFCHAIN)
            mini += e.data + b"\x00" * (count * MINI - e.size)
        else:
            big.append(e)
    n_dir = math.ceil(len(entries) / 4)
    n_minifat = math.ceil(len(minifat) * 4 / SECTOR)
    n_mini = math.ceil(len(mini) / SECTOR)
    n_big = sum(math.ceil(e.size / SECTOR) for e in big)
    body = n_dir + n_minifat + n_mini + n_big
    n_fat = 1
    while n_fat * (SECTOR // 4) < body + n_fat:
        n_fat += 1
    if n_fat > 109:
        raise ValueError("file too large for this simple writer")
    fat = [FATSECT] * n_fat
    sector_data: list[bytes] = []

    def place(data: bytes) -> int:
        count = max(1, math.ceil(len(data) / SECTOR))
        first = len(fat)
        fat.extend(first + i + 1 for i in range(count - 1))
        fat.append(ENDOFCHAIN)
        sector_data.append(data + b"\x00" * (count * SECTOR - len(data)))
        return first

    root = entries[0]
    # directory is written last but its sectors are reserved first
    dir_start = len(fat)
    fat.extend(dir_start + i + 1 for i in range(n_dir - 1))
    fat.append(ENDOFCHAIN)
    minifat_start = (
        place(b"".join(struct.pack("<I", v) for v in minifat)) if minifat else ENDOFCHAIN
    )
    if mini:
        root.start = place(bytes(mini))
        root.size = len(mini)
    for e in big:
        e.start = place(e.data)
    directory = bytearray()
    for e in entries:
        name = e.name.encode("utf-16-le")[:62]
        directory += name + b"\x00" * (64 - len(name))
        directory += struct.pack("<HBB", len(name) + 2, e.kind, 1)
        directory += struct.pack("<III", e.left, e.right, e.child)
        directory += b"\x00" * 16 + struct.pack("<I", 0) + b"\x00" * 16
        directory += struct.pack("<IQ", e.start, e.size)
    while len(directory) % SECTOR:
        directory += b"\x00" * 64 + struct.pack("<HBB", 0, 0, 0)
        directory += struct.pack("<III", NOSTREAM, NOSTREAM, NOSTREAM) + b"\x00" * 48
    fat.extend([FREESECT] * (n_fat * (SECTOR // 4) - len(fat)))
    header = bytearray()
    header += bytes.fromhex("D0CF11E0A1B11AE1") + b"\x00" * 16
    header += struct.pack("<HHHHH", 0x3E, 3, 0xFFFE, 9, 6) + b"\x00" * 6
    header += struct.pack("<IIII", 0, n_fat, dir_start, 0)
    header += struct.pack("<IIIII", CUTOFF, minifat_start, n_minifat, ENDOFCHAIN, 0)
    difat = list(range(n_fat)) + [FREESECT] * (109 - n_fat)
    header += b"".join(struct.pack("<I", v) for v in difat)
    assert len(header) == SECTOR
    fat_bytes = b"".join(struct.pack("<I", v) for v in fat)
    return bytes(header) + fat_bytes + bytes(directory) + b"".join(sector_data)
