"""Street addresses, postcodes and places of residence (Dutch and English)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Category
from .patterns import CAP_WORD, PARTICLE_RE, UPPER, Hit, fold, word_set

# --------------------------------------------------------------------------- street addresses

_P = rf"(?:{PARTICLE_RE}[ ])"
_STREET_SUFFIX = (
    r"(?:straat|straatweg|laan|weg|plein|gracht|kade|singel|dijk|pad|hof|park|dreef|steeg|markt|"
    r"plantsoen|baan|wal|burgwal|veld|erf|ring|oord|haven|dam|akker|zoom|hoek|boulevard|allee|"
    r"dal|vaart|rij|poort|straße|strasse|lei|kwartier|hoven|gaarde|tuin|wei|donk|horst|"
    r"heide|vliet|brink|kamp|bosch|veste)"
)
_WORD = rf"[{UPPER}](?>[\w'’.]{{0,40}})(?:-(?>[\w'’.]{{1,40}})){{0,4}}"
_NOT_STREET = (
    r"(?!(?:Woonadres|Adres|Address|Postadres|Bezoekadres|Huisadres|Contact|Woonplaats|Home|"
    r"Thuis|Straat|Street|Tel|Telefoon|Mail|Mijn|My|Ik|I|Op|At)\b)"
)
_STREET_WITH_SUFFIX = (
    rf"(?:(?:{_NOT_STREET}{_WORD}|\d{{1,2}}(?:e|de|ste)|'s)[ ](?:{_P})*){{0,3}}"
    rf"[{UPPER}][\w'’-]{{0,40}}{_STREET_SUFFIX}"
    rf"|(?:Laan|Plein|Kade|Weg|Straat|Dreef|Singel|Burgemeester|Koningin|Prins|President)"
    rf"(?:[ ](?:{_P})*{_WORD}){{1,3}}"
)
_STREET_GENERIC = rf"(?:{_NOT_STREET}{_WORD}[ ](?:{_P})*){{0,3}}{_NOT_STREET}{_WORD}"
_HOUSENR = (
    r"\d{1,5}(?:(?:[ ]?[-/][ ]?)(?:\d{1,4}|[A-Za-z]{1,2})(?![\w])"
    r"|[ ]?[A-Za-z](?![\w])|[ ](?:bis|hs|huis|bg|zw|rd|[IV]{1,3})\b)?"
)
_POSTCODE = r"[1-9]\d{3}[ ]?(?!SA|SD|SS)[A-Z]{2}(?![\w-])"
_CITY = rf"(?:'[st][- ])?{_WORD}(?:[ ](?:{_P}|a/d[ ])*{_WORD}){{0,2}}"

_NL_FULL_RE = re.compile(
    rf"(?<![\w])(?:{_STREET_WITH_SUFFIX}|{_STREET_GENERIC})[ ]{_HOUSENR}[ \t]*,?[ \t]*\n?[ \t]*"
    rf"{_POSTCODE}(?:[ \t]*,?[ \t]*{_CITY})?"
)
_NL_STREET_RE = re.compile(rf"(?<![\w])(?:{_STREET_WITH_SUFFIX})[ ]{_HOUSENR}(?![\d])")
_NL_POSTCODE_RE = re.compile(
    rf"(?<![\w-]){_POSTCODE}"
    rf"(?:[ \t]*,?[ \t]*(?:(?i:woon)?(?i:plaats)[ \t]*:[ \t]*)?(?P<city>{_CITY}))?"
)
_POSTBUS_RE = re.compile(r"\b(?:Postbus|P\.?O\.?\s*Box|Antwoordnummer)\s+\d{1,6}\b", re.IGNORECASE)

_EN_STREET_TYPE = (
    r"(?:Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|Dr|Boulevard|Blvd|Way|Court|Ct|Place|Pl|"
    r"Square|Sq|Close|Crescent|Terrace|Gardens|Grove|Hill|Row|Mews|Parkway|Highway|Hwy|Walk)"
)
_EN_CITYWORD = rf"[{UPPER}][a-zà-ÿ'’.-]{{1,40}}"
_UK_POSTCODE = r"[A-Z]{1,2}\d[A-Z\d]?[ ]?\d[A-Z]{2}"
_EN_ADDR_RE = re.compile(
    rf"(?:(?:Flat|Apt|Apartment|Unit|Suite)\.?[ ]\w{{1,5}},?[ ])?"
    rf"\b\d{{1,5}}[A-Za-z]?,?[ ](?:{_WORD}[ ]){{1,3}}{_EN_STREET_TYPE}\b\.?"
    rf"(?:,?[ ](?:Apt|Flat|Unit|Suite)\.?[ ]?\w{{1,5}})?"
    rf"(?:,[ ]?{_EN_CITYWORD}(?:[ ]{_EN_CITYWORD}){{0,2}})?"
    rf"(?:,?[ ](?:[A-Z]{{2}}[ ])?(?:{_UK_POSTCODE}|\d{{5}}(?:-\d{{4}})?)(?![\w]))?"
)


_RESIDENCE_RE = re.compile(
    rf"\b(?i:woon|wonen|woont|wonend|woonachtig|live|living|lives|based|reside|residing)"
    rf"\s+(?i:in|te)\s+(?P<c>{CAP_WORD}(?:[ ](?:{PARTICLE_RE}[ ])*{CAP_WORD}){{0,2}})"
)
_COUNTRY_WORDS = frozenset(["nederland", "netherlands", "holland", "the", "europa", "europe"])


def find_addresses(text: str) -> Iterator[Hit]:
    for m in _RESIDENCE_RE.finditer(text):
        if fold(m.group("c").split()[0]) not in _COUNTRY_WORDS:
            yield Category.ADRES, m.start("c"), m.end("c")
    for rx in (_NL_FULL_RE, _NL_STREET_RE, _EN_ADDR_RE, _POSTBUS_RE):
        for m in rx.finditer(text):
            end = m.end()
            while end > m.start() and text[end - 1] in ".,":
                end -= 1
            yield Category.ADRES, m.start(), end
    for m in _NL_POSTCODE_RE.finditer(text):
        end = m.end()
        city = m.group("city")
        if city and fold(city.split()[0]) in _NOT_A_CITY:
            end = m.start("city")
        while end > m.start() and text[end - 1] in " \t,.":
            end -= 1
        yield Category.ADRES, m.start(), end


_NOT_A_CITY = word_set(
    """
    telefoon tel e-mail email mobiel phone nationaliteit geboortedatum linkedin
    """
)
