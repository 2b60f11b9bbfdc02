"""Decode text files: BOM, then strict UTF-8, then Windows-1252, then Latin-1 (never fails)."""

from __future__ import annotations

import codecs

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# bytes that are undefined in Windows-1252: their presence means it is not cp1252
_CP1252_UNDEFINED = frozenset({0x81, 0x8D, 0x8F, 0x90, 0x9D})


def utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without a BOM shows up as every other byte being NUL."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even_nul = sample[0::2].count(0) / max(1, len(sample[0::2]))
    odd_nul = sample[1::2].count(0) / max(1, len(sample[1::2]))
    if odd_nul > 0.4 and even_nul < 0.05:
        return "utf-16-le"
    if even_nul > 0.4 and odd_nul < 0.05:
        return "utf-16-be"
    return None


def decode_bytes(data: bytes, *, final: bool = True) -> tuple[str, str]:
    """Return ``(text, encoding)``. ``final=False``: ``data`` may end mid-character."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            body = data[len(bom) :]
            return codecs.getincrementaldecoder(enc)("replace").decode(body, final), enc + "-bom"
    enc16 = utf16_without_bom(data)
    if enc16:
        return codecs.getincrementaldecoder(enc16)("replace").decode(data, final), enc16
    try:
        return codecs.getincrementaldecoder("utf-8")("strict").decode(data, final), "utf-8"
    except UnicodeDecodeError:
        pass
    if not any(b in _CP1252_UNDEFINED for b in data):
        return data.decode("cp1252", "replace"), "cp1252"
    return data.decode("latin-1"), "latin-1"
