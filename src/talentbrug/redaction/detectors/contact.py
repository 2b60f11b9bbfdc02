"""Contact details: e-mail addresses, URLs, IBANs and phone numbers."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Category
from .patterns import Hit

# --------------------------------------------------------------------------- e-mail and URLs

_EMAIL_RE = re.compile(
    r"(?<![\w.+-])[\w.+-]{1,64}(?:@|\s?[\[({]at[\])}]\s?)[\w-]{1,63}"
    r"(?:(?:\.|\s?[\[({]dot[\])}]\s?)[\w-]{1,63}){0,8}(?:\.|\s?[\[({]dot[\])}]\s?)[A-Za-z]{2,24}"
    r"(?!\w)",
    re.IGNORECASE,
)
_SOCIAL = (
    r"(?:[\w-]{1,63}\.)?(?:linkedin\.com|github\.com|gitlab\.com|facebook\.com|fb\.com|"
    r"instagram\.com|twitter\.com|x\.com|t\.me|wa\.me|youtube\.com|tiktok\.com|behance\.net|"
    r"dribbble\.com|about\.me|medium\.com|stackoverflow\.com|codeberg\.org)/[^\s<>\"'\[\]]*"
)
_URL_RE = re.compile(
    rf"(?<![\w@.])(?:(?:https?|ftp)://[^\s<>\"'\[\]]+|www\.[^\s<>\"'\[\]]+|{_SOCIAL})",
    re.IGNORECASE,
)
_LABELLED_DOMAIN_RE = re.compile(
    r"\b(?:website|webpagina|portfolio|blog|homepage|site|linkedin|github|gitlab)\s*:\s*"
    r"(?P<v>[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}(?:/[^\s<>\"']*)?)",
    re.IGNORECASE,
)


def find_emails(text: str) -> Iterator[Hit]:
    for m in _EMAIL_RE.finditer(text):
        yield Category.EMAIL, m.start(), m.end()


def find_urls(text: str) -> Iterator[Hit]:
    for m in _URL_RE.finditer(text):
        end = m.end()
        while end > m.start() and text[end - 1] in ".,;:!?)»”’'":
            if text[end - 1] == ")" and text.count("(", m.start(), end) >= text.count(
                ")", m.start(), end
            ):
                break
            end -= 1
        yield Category.URL, m.start(), end
    for m in _LABELLED_DOMAIN_RE.finditer(text):
        end = m.end("v")
        while end > m.start("v") and text[end - 1] in ".,;:!?)":
            end -= 1
        yield Category.URL, m.start("v"), end


# --------------------------------------------------------------------------- IBAN

_IBAN_RE = re.compile(r"\b[A-Z]{2}\d{2}[ ]?(?:[A-Z0-9]{4}[ ]?){2,7}[A-Z0-9]{1,4}\b")


def find_ibans(text: str) -> Iterator[Hit]:
    for m in _IBAN_RE.finditer(text):
        s = m.group().rstrip()
        if any(c.isdigit() for c in s[4:]) and len(s.replace(" ", "")) >= 15:
            yield Category.IBAN, m.start(), m.start() + len(s)


# --------------------------------------------------------------------------- phone numbers

_PHONE_CAND_RE = re.compile(
    r"(?<![\w+@/.,-])(?:\+[ \t]?|(?<!\d)00)?\(?\d[\d \t().\-–/]{0,40}\d\)?(?![\w@-])"
)
_PHONE_LABEL_RE = re.compile(
    r"(?:tel|telefoon|telefoonnummer|telnr|mobiel|mob|gsm|phone|mobile|cell|whatsapp|fax|"
    r"bereikbaar|call|bel)\b[^\n\d]{0,15}$",
    re.IGNORECASE,
)
_PHONE_SPLIT_RE = re.compile(r"[ \t]*[/–,][ \t]*|[ \t]{2,}|[ \t]-[ \t]")
_DATE_LIKE_RE = re.compile(
    r"(?<!\d)(?:\d{1,2}[-./]\d{1,2}[-./](?:19|20)?\d{2}|(?:19|20)\d{2}[-./]\d{1,2}[-./]\d{1,2}"
    r"|\d{1,2}[-./](?:19|20)\d{2})(?!\d)"
)
_YEAR_RANGE_RE = re.compile(r"(?:19|20)\d{2}\s*[-–/]\s*(?:(?:19|20)\d{2}|\d{2})")
_IP_RE = re.compile(r"\d{1,3}(?:\.\d{1,3}){3}(?:/\d{1,2})?")


def _valid_phone(candidate: str, labelled: bool) -> bool:
    s = candidate.strip()
    if not labelled and (
        _DATE_LIKE_RE.fullmatch(s) or _YEAR_RANGE_RE.fullmatch(s) or _IP_RE.fullmatch(s)
    ):
        return False
    if _IP_RE.fullmatch(s):
        return False
    if s.startswith("+"):
        digits = re.sub(r"\D", "", s.replace("(0)", ""))
        return 8 <= len(digits) <= 15
    digits = re.sub(r"\D", "", s)
    if digits.startswith("00"):
        return 10 <= len(digits) <= 17
    if digits.startswith("0"):
        if len(digits) == 10:
            return not _DATE_LIKE_RE.search(s) or labelled
        return labelled and 9 <= len(digits) <= 12
    return labelled and 8 <= len(digits) <= 15 and not _YEAR_RANGE_RE.search(s)


def find_phones(text: str) -> Iterator[Hit]:
    for m in _PHONE_CAND_RE.finditer(text):
        window = max(0, m.start() - 40)
        window = text.rfind("\n", window, m.start()) + 1 or window
        labelled = bool(_PHONE_LABEL_RE.search(text, window, m.start()))
        cand = m.group()
        start = m.start()
        # trim unbalanced closing parenthesis
        if cand.endswith(")") and cand.count("(") < cand.count(")"):
            cand = cand[:-1]
        if _valid_phone(cand, labelled):
            yield Category.TELEFOON, start, start + len(cand)
            continue
        pos = 0
        for piece_m in re.finditer(r"[^/–,]+", cand):
            piece = piece_m.group()
            for sub in _PHONE_SPLIT_RE.split(piece):
                if not sub.strip():
                    continue
                idx = cand.find(sub, max(pos, piece_m.start()))
                pos = idx + len(sub)
                lead = len(sub) - len(sub.lstrip())
                sub = sub.strip()
                if sub and _valid_phone(sub, labelled):
                    yield Category.TELEFOON, start + idx + lead, start + idx + lead + len(sub)
