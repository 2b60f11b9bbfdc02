"""Labelled fields: nationality, sensitive data and addresses after a label."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Category
from .patterns import Hit

# --------------------------------------------------------------------------- labelled fields

_FIELD_END = r"(?:(?![,–—-]\s*[\w .-]{1,25}:)[^\n|;•·\t])"


def _labelled(labels: str) -> re.Pattern[str]:
    return re.compile(
        rf"(?:^|(?<=[\n|;•·\t(])|(?<=[.,] ))[ \t]*(?:{labels})[ \t]*[:=][ \t]*"
        rf"(?P<v>{_FIELD_END}{{1,80}})",
        re.IGNORECASE | re.MULTILINE,
    )


_NATIONALITY_FIELD_RE = _labelled(
    r"nationaliteit(?:en)?|nationality|nationalities|staatsburgerschap|citizenship|"
    r"geboorteland|country\s+of\s+birth|geboorteplaats|place\s+of\s+birth|birthplace|"
    r"herkomst|afkomst|land\s+van\s+herkomst|country\s+of\s+origin|origin|etniciteit|ethnicity"
)
_SENSITIVE_FIELD_RE = _labelled(
    r"geslacht|gender|sex|religie|religion|geloof|levensbeschouwing|burgerlijke\s+staat|"
    r"marital\s+status|verblijfsstatus|verblijfsvergunning|residence\s+permit|"
    r"immigration\s+status|gezondheid|health|bsn|burgerservicenummer|sofinummer|"
    r"id-nummer|paspoortnummer|passport\s+number"
)
_ADDRESS_FIELD_RE = _labelled(
    r"adres|woonadres|huisadres|postadres|correspondentieadres|address|home\s+address|"
    r"postal\s+address|woonplaats|residence|place\s+of\s+residence|city|straat|street|postcode"
)


def _field_value_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1] in " \t.,":
        end -= 1
    return end


def find_labelled_fields(text: str) -> Iterator[Hit]:
    for rx, cat in (
        (_NATIONALITY_FIELD_RE, Category.NATIONALITEIT),
        (_SENSITIVE_FIELD_RE, Category.GEVOELIG),
        (_ADDRESS_FIELD_RE, Category.ADRES),
    ):
        for m in rx.finditer(text):
            end = _field_value_end(text, m.start("v"), m.end("v"))
            if end > m.start("v"):
                yield cat, m.start("v"), end
