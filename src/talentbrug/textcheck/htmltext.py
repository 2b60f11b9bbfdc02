"""Turn limited vacancy HTML into plain text.

The check works on plain text; finding spans refer to the text this function returns.
Block elements become line breaks, list items start with ``- `` so that a list keeps one item
per line (the sentence splitter treats every line as its own sentence).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

__all__ = ["html_to_text", "looks_like_html"]

_BLOCK = frozenset(
    {
        "p", "div", "section", "article", "header", "footer", "h1", "h2", "h3", "h4", "h5",
        "h6", "ul", "ol", "table", "tr", "blockquote", "pre", "dl", "dt", "dd", "main", "aside",
    }
)  # fmt: skip
_SKIP = frozenset({"script", "style", "template", "head", "title", "noscript"})
_TAG_RE = re.compile(r"<\s*/?\s*[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?\s*>")
_SPACES_RE = re.compile(r"[ \t\r\f\v\u00a0]+")
_BLANKS_RE = re.compile(r"\n\s*\n\s*\n+")


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP:
            self._skip_depth += 1
        elif tag == "br":
            self.parts.append("\n")
        elif tag == "li":
            self.parts.append("\n- ")
        elif tag in ("td", "th"):
            self.parts.append(" ")
        elif tag in _BLOCK:
            self.parts.append("\n\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self._skip_depth = max(0, self._skip_depth - 1)
        elif tag in _BLOCK:
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self._skip_depth:
            self.parts.append(data)


def looks_like_html(text: str) -> bool:
    """True when the text contains something that looks like an HTML tag."""
    return _TAG_RE.search(text) is not None


def html_to_text(html: str) -> str:
    """Convert (limited) HTML to plain text with one paragraph or list item per line.

    Entities are decoded, scripts and styles dropped, runs of spaces collapsed and at most one
    empty line kept between blocks. Spans of findings refer to the returned text.
    """
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    raw = "".join(parser.parts)
    lines = [_SPACES_RE.sub(" ", line).strip() for line in raw.split("\n")]
    text = "\n".join(lines)
    text = _BLANKS_RE.sub("\n\n", text)
    return text.strip()
