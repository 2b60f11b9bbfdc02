"""Diplomas and their NLQF level read from free text."""

from __future__ import annotations

import re

from ..text import fold
from .findings import EVIDENCE_CHARS, EducationFinding

# --------------------------------------------------------------------------- education

# Degree words -> NLQF. Checked in this order: the first that matches wins, so "Yüksek Lisans"
# (master) comes before "Lisans" (bachelor) and "کارشناسی ارشد" before "کارشناسی".
_DEGREES: tuple[tuple[str, str], ...] = (
    ("8", r"\b(?:phd|ph\.d|doctora(?:at|te)|promotie|doktora)\b|دكتوراه|دکتری|دکترا|ዶክተሬት"),
    (
        "7",
        r"\b(?:master|msc|m\.sc|ma|mba|yüksek lisans|drs|ir)\b|ماجستير|کارشناسی ارشد"
        r"|فوق لیسانس|ማስተርስ|ማስትሬት",
    ),
    (
        "6",
        r"\b(?:bachelor|bsc|b\.sc|ba|hbo|wo|lisans|licence|licentiate|university degree)\b"
        r"|hbo-|بكالوريوس|بكالوريا جامعية|کارشناسی|لیسانس|ባችለር|ዲግሪ",
    ),
    ("5", r"\b(?:associate degree|ad-programma|önlisans|ön lisans|higher national diploma)\b"),
    ("4", r"\b(?:mbo[\s\-]*4|mbo[\s\-]*niveau[\s\-]*4|havo|lise)\b"),
    ("4+", r"\bvwo\b"),
    ("3", r"\bmbo[\s\-]*(?:niveau[\s\-]*)?3\b"),
    ("2", r"\b(?:mbo[\s\-]*(?:niveau[\s\-]*)?2|vmbo)\b"),
    ("1", r"\bmbo[\s\-]*(?:niveau[\s\-]*)?1\b"),
)

DEGREE_RES = tuple((lvl, re.compile(rx, re.IGNORECASE)) for lvl, rx in _DEGREES)
_EVALUATION_RE = re.compile(r"\b(?:idw|nuffic|diplomawaardering|diploma-?waardering)\b", re.I)
_NLQF_RE = re.compile(r"\b(?:nlqf|eqf)[\s\-:]*(\d)\b", re.IGNORECASE)
EDUCATION_HEADINGS = {
    "opleiding",
    "opleidingen",
    "education",
    "eğitim",
    "التعليم",
    "المؤهلات العلمية",
    "تحصیلات",
    "ትምህርቲ",
    "ትምህርቲ ዝወሰድኩዎ",
    "studie",
    "diploma's",
}
_FOREIGN_HINT = re.compile(
    r"[\u0600-\u06ff\u1200-\u137f]|university|üniversite|universit[yé]|institute|"
    r"syri|iran|afghan|eritre|ethiop|turk|irak|iraq|nigeria|damascus|tehran|kabul|asmara",
    re.IGNORECASE,
)


def read_education(text: str) -> list[EducationFinding]:
    """Degrees in ``text`` with an NLQF level; a stated IDW/Nuffic evaluation wins."""
    out: list[EducationFinding] = []
    seen: set[str] = set()
    in_section = False
    for raw in text.split("\n"):
        line = raw.strip()
        if not line:
            continue
        key = fold(line.rstrip(":"))
        if key in EDUCATION_HEADINGS:
            in_section = True
            continue
        evaluation = _EVALUATION_RE.search(line)
        level = ""
        if evaluation:
            stated = line[evaluation.start() :]
            m = _NLQF_RE.search(stated)
            if m:
                level = m.group(1)
            else:
                level = next((lv for lv, rx in DEGREE_RES if rx.search(stated)), "")
            if level:
                # the evaluation replaces what the degree words alone said
                out = [e for e in out if e.evidence != line[:EVIDENCE_CHARS]]
                out.append(EducationFinding(level, "IDW", True, line[:EVIDENCE_CHARS]))
                seen.add(key)
                continue
        if key in seen or len(line) > 200:
            continue
        level = next((lv for lv, rx in DEGREE_RES if rx.search(line)), "")
        if not level or not (in_section or len(line) < 120):
            continue
        if not in_section and not re.search(r"(?:19|20)\d\d|diploma|degree|graad", line, re.I):
            continue  # a degree word in running text needs a year or a diploma word
        seen.add(key)
        out.append(
            EducationFinding(level, "self-declared", bool(_FOREIGN_HINT.search(line)), line[:300])
        )
    return out


def education_spans(text: str) -> list[tuple[int, int]]:
    """Line spans that :func:`read_education` reads as a degree."""
    lines = {e.evidence for e in read_education(text)}
    out = []
    pos = 0
    for line in text.split("\n"):
        if line.strip()[:EVIDENCE_CHARS] in lines:
            out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out
