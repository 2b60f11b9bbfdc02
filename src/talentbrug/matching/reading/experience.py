"""Work periods and the headline work title read from free text."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, date, datetime

from ..extraction.clauses import CV_BOILERPLATE
from ..text import fold
from .education import DEGREE_RES, EDUCATION_HEADINGS
from .findings import EVIDENCE_CHARS, ExperienceFinding
from .languages import LANGUAGE_HEADINGS

# --------------------------------------------------------------------------- experience

_PERSIAN_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")
_PERIOD_RE = re.compile(
    r"^\s*[-•*]?\s*(?:\d{1,2}[/\-.])?((?:1[34]|19|20)\d\d)\s*[-–—]\s*"
    r"(?:(?:\d{1,2}[/\-.])?((?:1[34]|19|20)\d\d)|(heden|nu|present|now|current|today|günümüz|"
    r"devam ediyor|حتى الآن|الآن|تاکنون|اکنون|ክሳብ ሕጂ|ሕጂ))\s*[:,]?\s*(.*)$",
    re.IGNORECASE,
)
# "Monteur systeemplafonds (2015-2024)", "مدير أنظمة في جامعة دمشق (2016-2022)": title, then period
_TITLE_PERIOD_RE = re.compile(
    r"^\s*[-•*]?\s*([^\d\n()]{3,80}?)\s*\(\s*((?:1[34]|19|20)\d\d)\s*[-–—]\s*"
    r"(?:((?:1[34]|19|20)\d\d)|(heden|nu|present|now|current|today|günümüz|devam ediyor|"
    r"حتى الآن|الآن|تاکنون|اکنون|ክሳብ ሕጂ|ሕጂ))\s*\)",
    re.IGNORECASE,
)
# the first sentence of a text, when it is short, is its headline: "QA engineer.", "کارشناس شبکه."
_HEADLINE_RE = re.compile(r"^\s*([^\n.:!?።؟]{3,60}?)\s*[.:!?።؟\n]")
HEADLINE_MAX_WORDS = 6
_TITLE_SPLIT_RE = re.compile(r"\s*(?:,|،|፣|\||\s[-–—]\s|\sbij\s|\sat\s|:)\s*")


def _year(y: str) -> int:
    value = int(y)
    return value + 621 if value < 1500 else value  # Persian solar year (1395 -> 2016)


def read_experience(
    text: str,
    normalise: Callable[[str], tuple[str, str] | None] | None = None,
    today: date | None = None,
) -> list[ExperienceFinding]:
    """Dated work lines: "2019 - 2023 Data Analyst, Turkcell" -> title, years; ``normalise``
    maps a title to (occupation id, label) -- a :class:`~.titles.TitleNormaliser` in the
    product."""
    now = (today or datetime.now(UTC).date()).year
    out: list[ExperienceFinding] = []
    education = False
    for raw in text.split("\n"):
        line = raw.translate(_PERSIAN_DIGITS)
        key = fold(line.strip().rstrip(":"))
        if key in EDUCATION_HEADINGS:
            education = True
            continue
        if key and len(key) < 40 and not _PERIOD_RE.match(line):
            education = key in EDUCATION_HEADINGS or (education and not key)
        m = _PERIOD_RE.match(line)
        if m is None and not education:
            t = _TITLE_PERIOD_RE.match(line)
            if t is not None:  # title first, period in brackets
                start = _year(t.group(2))
                end = _year(t.group(3)) if t.group(3) else None
                _add_work(out, t.group(1), start, end, now, raw, normalise)
            continue
        if not m or education:
            continue
        start = _year(m.group(1))
        end = _year(m.group(2)) if m.group(2) else None
        rest = m.group(4).strip()
        if any(rx.search(rest) for _lv, rx in DEGREE_RES[:3]):
            continue
        _add_work(out, rest, start, end, now, raw, normalise)
    return out


def _add_work(
    out: list[ExperienceFinding],
    rest: str,
    start: int | None,
    end: int | None,
    now: int,
    raw: str,
    normalise: Callable[[str], tuple[str, str] | None] | None,
) -> None:
    title = _TITLE_SPLIT_RE.split(rest.strip(), maxsplit=1)[0].strip(" -•*")
    if not title:
        return
    years = max(0.0, float((end or now) - start)) if start else 0.0
    occ = normalise(title) if normalise else None
    out.append(
        ExperienceFinding(
            title[:200],
            start,
            end,
            years,
            occ[0] if occ else None,
            occ[1] if occ else "",
            " ".join(raw.split())[:EVIDENCE_CHARS],
        )
    )


def read_headline(
    text: str, normalise: Callable[[str], tuple[str, str] | None] | None = None
) -> ExperienceFinding | None:
    """The text's first sentence when it is a short title ("QA engineer.", "کارشناس شبکه."),
    without years, normalised like a work line."""
    m = _HEADLINE_RE.match(text)
    if m is None:
        return None
    title = m.group(1).strip(" -•*")
    key = fold(title)
    if (
        len(title.split()) > HEADLINE_MAX_WORDS
        or all(w in CV_BOILERPLATE for w in key.split())
        or key in HEADINGS_OTHER_LANGUAGES
        or key in EDUCATION_HEADINGS
        or key in LANGUAGE_HEADINGS
    ):
        return None
    found: list[ExperienceFinding] = []
    _add_work(found, title, None, None, 0, m.group(0), normalise)
    return found[0] if found else None


HEADINGS_OTHER_LANGUAGES = {
    # headings in ar/tr/fa/ti (nl/en ones are in the extractor): never a skill
    "özgeçmiş",
    "iş deneyimi",
    "deneyim",
    "hakkımda",
    "beceriler",
    "eğitim",
    "diller",
    "السيرة الذاتية",
    "الخبرة",
    "الخبرة العملية",
    "الملف الشخصي",
    "المهارات",
    "التعليم",
    "اللغات",
    "سوابق کاری",
    "تجربه کاری",
    "درباره من",
    "مهارت‌ها",
    "تحصیلات",
    "زبان‌ها",
    "ተሞክሮ ስራሕ",
    "ተሞክሮ",
    "ብዛዕባይ",
    "ክእለታት",
    "ትምህርቲ",
    "ቋንቋታት",
}
