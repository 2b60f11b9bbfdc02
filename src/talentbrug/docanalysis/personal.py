"""Signs of personal data in extracted text: e-mail, phone numbers, BSN and IBAN."""

from __future__ import annotations

import re

from talentbrug.redaction.detectors.contact import find_emails, find_phones

from .model import PersonalDataSigns

# IBAN length per country (SWIFT IBAN registry).
IBAN_LENGTHS: dict[str, int] = {
    "AD": 24, "AE": 23, "AL": 28, "AT": 20, "AZ": 28, "BA": 20, "BE": 16, "BG": 22, "BH": 22,
    "BI": 27, "BR": 29, "BY": 28, "CH": 21, "CR": 22, "CY": 28, "CZ": 24, "DE": 22, "DJ": 27,
    "DK": 18, "DO": 28, "EE": 20, "EG": 29, "ES": 24, "FI": 18, "FK": 18, "FO": 18, "FR": 27,
    "GB": 22, "GE": 22, "GI": 23, "GL": 18, "GR": 27, "GT": 28, "HR": 21, "HU": 28, "IE": 22,
    "IL": 23, "IQ": 23, "IS": 26, "IT": 27, "JO": 30, "KW": 30, "KZ": 20, "LB": 28, "LC": 32,
    "LI": 21, "LT": 20, "LU": 20, "LV": 21, "LY": 25, "MC": 27, "MD": 24, "ME": 22, "MK": 19,
    "MN": 20, "MR": 27, "MT": 31, "MU": 30, "NI": 28, "NL": 18, "NO": 15, "OM": 23, "PK": 24,
    "PL": 28, "PS": 29, "PT": 25, "QA": 29, "RO": 24, "RS": 22, "RU": 33, "SA": 24, "SC": 31,
    "SD": 18, "SE": 24, "SI": 19, "SK": 24, "SM": 27, "SO": 23, "ST": 25, "SV": 28, "TL": 23,
    "TN": 24, "TR": 26, "UA": 29, "VA": 22, "VG": 24, "XK": 20,
}  # fmt: skip

_IBAN_START_RE = re.compile(r"(?<![A-Za-z0-9])([A-Z]{2})(\d{2})")
_BSN_RE = re.compile(r"(?<![\d.,-])(\d{9}|\d{4}\.\d{2}\.\d{3}|\d{3} \d{3} \d{3})(?![\d.,-]?\d)")
_MAX_EXAMPLES = 3
# A phone number has at least 8 digits within one run of digits and separators (the
# candidate pattern of ``find_phones`` never crosses a line). Lines without such a run are
# skipped, which makes long CSV exports and tables much cheaper to scan.
_PHONE_RUN_RE = re.compile(r"\d(?:[ \t().\-–/]*\d){7}")


def is_valid_bsn(value: str) -> bool:
    """The elfproef: 9·d1 + 8·d2 + … + 2·d8 − 1·d9 is divisible by 11 (and not all zeros)."""
    digits = re.sub(r"[\s.]", "", value)
    if len(digits) == 8 and digits.isdigit():
        digits = "0" + digits  # BSNs below 100 000 000 are written with 8 digits
    if len(digits) != 9 or not digits.isascii() or not digits.isdigit():
        return False
    if set(digits) == {"0"}:
        return False
    total = sum(int(d) * w for d, w in zip(digits[:8], range(9, 1, -1), strict=True))
    total -= int(digits[8])
    return total % 11 == 0


def is_valid_iban(value: str) -> bool:
    """Country length check plus the ISO 13616 mod-97 check (remainder 1)."""
    iban = re.sub(r"[\s-]", "", value).upper()
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]{11,30}", iban):
        return False
    expected = IBAN_LENGTHS.get(iban[:2])
    if expected is None or len(iban) != expected:
        return False
    rearranged = iban[4:] + iban[:4]
    number = "".join(str(int(ch, 36)) for ch in rearranged)
    return int(number) % 97 == 1


def find_ibans(text: str) -> list[str]:
    """Valid IBANs, written compact or in groups of four separated by single spaces."""
    found: list[str] = []
    for m in _IBAN_START_RE.finditer(text):
        length = IBAN_LENGTHS.get(m.group(1))
        if length is None:
            continue
        chars: list[str] = [m.group(1), m.group(2)]
        count = 4
        i = m.end()
        while i < len(text) and count < length:
            ch = text[i]
            if ch.isascii() and ch.isalnum():
                chars.append(ch.upper())
                count += 1
            elif ch == " " and i + 1 < len(text) and text[i + 1].isalnum() and count % 4 == 0:
                pass
            else:
                break
            i += 1
        if count != length or (i < len(text) and text[i].isascii() and text[i].isalnum()):
            continue
        candidate = "".join(chars)
        if is_valid_iban(candidate):
            found.append(candidate)
    return found


def find_bsns(text: str) -> list[str]:
    return [m.group(1) for m in _BSN_RE.finditer(text) if is_valid_bsn(m.group(1))]


def mask(value: str, keep: int = 2) -> str:
    compact = value.replace(" ", "")
    if len(compact) <= keep * 2:
        return "*" * len(compact)
    return compact[:keep] + "*" * (len(compact) - 2 * keep) + compact[-keep:]


def mask_email(value: str) -> str:
    local, _, domain = value.partition("@")
    return (local[:1] + "***@" + domain) if domain else mask(value)


def phone_numbers(text: str) -> list[str]:
    """The phone numbers ``find_phones`` finds, scanning only lines that can hold one.

    ``find_phones`` looks at most one line back (its label window stops at a newline), so
    running it per line gives the same matches as running it over the whole text.
    """
    if not _PHONE_RUN_RE.search(text):
        return []
    found: list[str] = []
    for line in text.split("\n"):
        if _PHONE_RUN_RE.search(line):
            found.extend(line[s:e] for _, s, e in find_phones(line))
    return found


def personal_data_signs(text: str) -> PersonalDataSigns:
    emails = [text[s:e] for _, s, e in find_emails(text)]
    phones = phone_numbers(text)
    ibans = find_ibans(text)
    bsns = find_bsns(text)
    signs = PersonalDataSigns(
        emails=len(emails), phones=len(phones), bsns=len(bsns), ibans=len(ibans)
    )
    for key, values, masker in (
        ("emails", emails, mask_email),
        ("phones", phones, mask),
        ("bsns", bsns, mask),
        ("ibans", ibans, lambda v: mask(v, 4)),
    ):
        unique = list(dict.fromkeys(values))[:_MAX_EXAMPLES]
        if unique:
            signs.examples[key] = [masker(v) for v in unique]
    return signs
