"""The CSP forbids inline styles and scripts without a nonce: templates must not contain them."""

import re
from pathlib import Path

import talentbrug

ROOT = Path(talentbrug.__file__).resolve().parent
STYLE_ATTR = re.compile(r"""\sstyle\s*=\s*["']""", re.I)
SCRIPT_TAG = re.compile(r"<script\b[^>]*>", re.I)
INLINE_HANDLER = re.compile(r"""\son[a-z]+\s*=\s*["']""", re.I)


def _templates():
    return list(ROOT.rglob("templates/**/*.html"))


def test_there_are_templates():
    assert len(_templates()) > 50


def test_no_inline_style_attributes_or_event_handlers():
    offenders = []
    for path in _templates():
        text = path.read_text(encoding="utf-8")
        if STYLE_ATTR.search(text) or INLINE_HANDLER.search(text):
            offenders.append(str(path.relative_to(ROOT)))
    assert offenders == []


def test_every_script_tag_carries_the_nonce():
    offenders = []
    for path in _templates():
        for tag in SCRIPT_TAG.findall(path.read_text(encoding="utf-8")):
            if "csp_nonce" not in tag:
                offenders.append(f"{path.relative_to(ROOT)}: {tag}")
    assert offenders == []
