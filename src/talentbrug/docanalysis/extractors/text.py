"""Plain text, HTML and RTF."""

from __future__ import annotations

import contextlib
import re
from html.parser import HTMLParser
from typing import BinaryIO

from ..model import Limits
from ..textdecode import decode_bytes
from .sink import Extracted, TextLimitReached, TextSink, clean_value

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
    return text.strip(), clean_value(parser.title)


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
