"""Birth dates, birth places and ages."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Category
from .patterns import CAP_WORD, DATE, PARTICLE_RE, Hit

# --------------------------------------------------------------------------- birth dates, age

_DOB_LABEL = (
    r"(?:geboren(?:\s+op|\s+in)?|geb\.?\s*datum|geb\.|geboortedatum|geboorte-?\s?datum|geboortejaar|"
    r"date\s+of\s+birth|birth\s*date|birthday|verjaardag|year\s+of\s+birth|"
    r"d\.o\.b\.?|dob|born(?:\s+on|\s+in)?)"
)
_DOB_RE = re.compile(rf"\b{_DOB_LABEL}\s*[:\-–]?\s*(?:the\s+)?(?P<d>{DATE})", re.IGNORECASE)
# "Ik ben op 21-08-2001 geboren" / "I was on 3 March 1995 born"
_DOB_BEFORE_RE = re.compile(
    rf"\b(?:ben|was|werd|is)\s+(?:op\s+|on\s+|in\s+)?(?:the\s+)?(?P<d>{DATE})\s+(?:geboren|born)\b",
    re.IGNORECASE,
)
# "geboren te Aleppo op 3 maart 1995" / "born in Aleppo, Syria on March 3, 1995"
_DOB_AFTER_PLACE_RE = re.compile(
    rf"\b(?:geboren|born)\s+(?:te|in)\s+[^\n\d]{{1,40}}?\s(?:op|on)\s+(?P<d>{DATE})",
    re.IGNORECASE,
)
_BIRTHPLACE_RE = re.compile(
    rf"\b(?i:geboren|born|opgegroeid|grew\s+up|afkomstig|raised)\s+(?:(?i:op|on)\s+(?:the\s+)?)?"
    rf"(?:{DATE}\s+)?(?i:te|in|uit|from)\s+"
    rf"(?P<p>{CAP_WORD}(?:(?:,\s*|\s+(?:{PARTICLE_RE}\s+)*){CAP_WORD}){{0,3}})",
)

_AGE_NUM = r"(?:1[4-9]|[2-8]\d|9[0-9])"
_AGE_RES = [
    re.compile(
        rf"\b(?:leeftijd|age|lft\.?)\s*[:\-–]\s*(?P<a>{_AGE_NUM}(?:\s*(?:jaar|years?|jr\.?))?)(?!\d)",
        re.IGNORECASE,
    ),
    re.compile(rf"(?<![\d,.])(?P<a>{_AGE_NUM}\s*(?:jaar|jr\.?)\s+oud)\b", re.IGNORECASE),
    re.compile(rf"(?<![\d,.])(?P<a>{_AGE_NUM}[-\s]?(?:years?|yrs?)[-\s]old)\b", re.IGNORECASE),
    re.compile(rf"\baged\s+(?P<a>{_AGE_NUM})\b", re.IGNORECASE),
    re.compile(
        rf"\((?P<a>{_AGE_NUM}\s*(?:jaar|jr\.?|years?|yrs?)(?:\s+oud|\s+old)?)\)", re.IGNORECASE
    ),
    re.compile(
        rf"(?:,|\ben)\s+ben\s+(?P<a>{_AGE_NUM}\s+jaar(?:\s+oud)?)\b"
        r"(?!\s+(?:ervaring|werkzaam|actief|in\s+dienst|bezig|als|bij))",
        re.IGNORECASE,
    ),
    re.compile(
        rf"(?<![\d,.])(?P<a>{_AGE_NUM}-?jarige?)\b(?!\s+(?:opleiding|studie|ervaring|"
        r"werkervaring|contract|dienstverband|jubileum|loopbaan|carrière|programma|traject))",
        re.IGNORECASE,
    ),
    re.compile(
        rf"\b(?:ik\s+ben|i\s+am|i['’]m)\s+(?P<a>{_AGE_NUM}(?:\s+(?:jaar|years?)"
        r"(?:\s+oud|\s+old)?)?)\b(?![.,]\d)"
        r"(?!\s+(?:jaar\s+|years?\s+)?(?:ervaring|experience|werkzaam|actief|working|in\s+dienst|"
        r"bezig|aan\s+het|of\s+experience|als|as|bij|at|in\s+de|in\s+het|in\s+nederland|"
        r"in\s+the))",
        re.IGNORECASE,
    ),
]


def find_birth_dates(text: str) -> Iterator[Hit]:
    for rx in (_DOB_RE, _DOB_AFTER_PLACE_RE, _DOB_BEFORE_RE):
        for m in rx.finditer(text):
            yield Category.GEBOORTEDATUM, m.start("d"), m.end("d")


def find_birth_places(text: str) -> Iterator[Hit]:
    for m in _BIRTHPLACE_RE.finditer(text):
        yield Category.NATIONALITEIT, m.start("p"), m.end("p")


def find_ages(text: str) -> Iterator[Hit]:
    for rx in _AGE_RES:
        for m in rx.finditer(text):
            yield Category.LEEFTIJD, m.start("a"), m.end("a")
