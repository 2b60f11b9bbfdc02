"""Rule-based detectors for personal data in Dutch and English CV and motivation texts.

Every detector yields ``(category, start, end)`` triples on the ORIGINAL text. Detectors are
deliberately conservative where a false positive would damage the content a reviewer needs
(years of experience, employment periods, version numbers, IP addresses) and generous where
the context is unambiguous (a "Telefoon:" or "Geboortedatum:" label).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator, Sequence

from .model import Category

Hit = tuple[Category, int, int]

# --------------------------------------------------------------------------- building blocks


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĲĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽ"
# Bounded, atomic word patterns: no catastrophic backtracking on "Aa-Aa-Aa-…" input.
_CAP_WORD = rf"[{_UPPER}](?>[\w'’]{{0,40}})(?:-(?>[\w'’]{{1,40}})){{0,4}}"
_PARTICLE_RE = (
    r"(?:van|de|der|den|het|ter|ten|te|op|in|aan|bij|la|le|du|da|di|dos|das|del|von|zu|al|el|"
    r"bin|ibn|bint|abu|ben|'s|'t)"
)
PARTICLES = _words(
    """
    van de der den het ter ten te op in aan bij la le du da di dos das del von zu al el
    bin ibn bint abu ben 's 't
    """
)

_MONTHS = (
    r"(?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|"
    r"december|january|february|march|may|june|july|august|october|"
    r"jan|febr?|mrt|mar|apr|jun|jul|aug|sept?|okt|oct|nov|dec)"
)
MONTH_WORDS = _words(
    """
    januari februari maart april mei juni juli augustus september oktober november
    december january february march may june july august october jan feb febr mrt mar
    apr jun jul aug sep sept okt oct nov dec
    """
)
_DATE = (
    rf"(?:\d{{1,2}}[-./]\d{{1,2}}[-./](?:\d{{4}}|\d{{2}})(?!\d)"
    rf"|\d{{4}}[-./]\d{{1,2}}[-./]\d{{1,2}}(?!\d)"
    rf"|\d{{1,2}}(?:st|nd|rd|th|e|ste|de)?\s+(?:of\s+)?{_MONTHS}\.?,?\s+\d{{4}}"
    rf"|{_MONTHS}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|{_MONTHS}\.?\s+\d{{4}}"
    rf"|(?:19|20)\d{{2}})(?![\w-])"
)

# Words that are also common surnames/first names; an isolated lower-case occurrence of such a
# token is ordinary language ("ik werkte als bakker"), not a name.
_COMMON_WORDS = _words(
    """
    bakker visser smit mulder boer koning schipper groot klein roos winter zomer mark
    will bill rose may hope faith baker smith king young long lang kok meijer de jong
    bos berg dekker brouwer hoek molenaar kuiper vos wolf haan dijk veen kramer schilder
    timmerman smid mens kort noor said amir hasan hoop grace joy sunny pat rob bas kees
    mees teun daan lief
    """
)

# Lines that end a letter; the name below them is the candidate's signature.
_CLOSING_RE = re.compile(
    r"^[ \t]*(?:(?:met\s+)?(?:vriendelijke|hartelijke|warme|beste|collegiale)\s+groet(?:en)?"
    r"|(?:kind|best|warm|warmest|kindest)\s+regards|regards|groet(?:en|jes)?|mvg|"
    r"hoogachtend|(?:yours\s+)?sincerely|yours\s+faithfully|(?:with\s+)?best\s+wishes|cheers)"
    r"[ \t]*[,.!]?[ \t]*(?P<rest>[^\n]*)$",
    re.IGNORECASE | re.MULTILINE,
)

_NAME_TOKEN_RE = re.compile(rf"(?:{_CAP_WORD}\.?|[{_UPPER}]\.(?:[{_UPPER}]\.)*|{_PARTICLE_RE})")

_NOT_A_NAME = _words(
    """
    curriculum vitae cv resume résumé motivatiebrief sollicitatiebrief profiel profile
    persoonlijke gegevens personal details contact opleiding education werkervaring
    experience ik i en and the de het een a an met with voor for in op bij van
    """
)


def fold(text: str) -> str:
    """Lower-case and strip diacritics while keeping a 1:1 character mapping to ``text``."""
    out: list[str] = []
    for ch in text:
        if ch.isascii():
            out.append(ch.lower())
            continue
        base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
        low = (base or ch).lower()
        out.append(low[0] if low else ch)
    return "".join(out)


def _line_bounds(text: str, pos: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, len(text) if end == -1 else end


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


# --------------------------------------------------------------------------- birth dates, age

_DOB_LABEL = (
    r"(?:geboren(?:\s+op|\s+in)?|geb\.?\s*datum|geb\.|geboortedatum|geboorte-?\s?datum|geboortejaar|"
    r"date\s+of\s+birth|birth\s*date|birthday|verjaardag|year\s+of\s+birth|"
    r"d\.o\.b\.?|dob|born(?:\s+on|\s+in)?)"
)
_DOB_RE = re.compile(rf"\b{_DOB_LABEL}\s*[:\-–]?\s*(?:the\s+)?(?P<d>{_DATE})", re.IGNORECASE)
# "Ik ben op 21-08-2001 geboren" / "I was on 3 March 1995 born"
_DOB_BEFORE_RE = re.compile(
    rf"\b(?:ben|was|werd|is)\s+(?:op\s+|on\s+|in\s+)?(?:the\s+)?(?P<d>{_DATE})\s+(?:geboren|born)\b",
    re.IGNORECASE,
)
# "geboren te Aleppo op 3 maart 1995" / "born in Aleppo, Syria on March 3, 1995"
_DOB_AFTER_PLACE_RE = re.compile(
    rf"\b(?:geboren|born)\s+(?:te|in)\s+[^\n\d]{{1,40}}?\s(?:op|on)\s+(?P<d>{_DATE})",
    re.IGNORECASE,
)
_BIRTHPLACE_RE = re.compile(
    rf"\b(?i:geboren|born|opgegroeid|grew\s+up|afkomstig|raised)\s+(?:(?i:op|on)\s+(?:the\s+)?)?"
    rf"(?:{_DATE}\s+)?(?i:te|in|uit|from)\s+"
    rf"(?P<p>{_CAP_WORD}(?:(?:,\s*|\s+(?:{_PARTICLE_RE}\s+)*){_CAP_WORD}){{0,3}})",
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


# --------------------------------------------------------------------------- street addresses

_P = rf"(?:{_PARTICLE_RE}[ ])"
_STREET_SUFFIX = (
    r"(?:straat|straatweg|laan|weg|plein|gracht|kade|singel|dijk|pad|hof|park|dreef|steeg|markt|"
    r"plantsoen|baan|wal|burgwal|veld|erf|ring|oord|haven|dam|akker|zoom|hoek|boulevard|allee|"
    r"dal|vaart|rij|poort|straße|strasse|lei|kwartier|hoven|gaarde|tuin|wei|donk|horst|"
    r"heide|vliet|brink|kamp|bosch|veste)"
)
_WORD = rf"[{_UPPER}](?>[\w'’.]{{0,40}})(?:-(?>[\w'’.]{{1,40}})){{0,4}}"
_NOT_STREET = (
    r"(?!(?:Woonadres|Adres|Address|Postadres|Bezoekadres|Huisadres|Contact|Woonplaats|Home|"
    r"Thuis|Straat|Street|Tel|Telefoon|Mail|Mijn|My|Ik|I|Op|At)\b)"
)
_STREET_WITH_SUFFIX = (
    rf"(?:(?:{_NOT_STREET}{_WORD}|\d{{1,2}}(?:e|de|ste)|'s)[ ](?:{_P})*){{0,3}}"
    rf"[{_UPPER}][\w'’-]{{0,40}}{_STREET_SUFFIX}"
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
_EN_CITYWORD = rf"[{_UPPER}][a-zà-ÿ'’.-]{{1,40}}"
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
    rf"\s+(?i:in|te)\s+(?P<c>{_CAP_WORD}(?:[ ](?:{_PARTICLE_RE}[ ])*{_CAP_WORD}){{0,2}})"
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


_NOT_A_CITY = _words(
    """
    telefoon tel e-mail email mobiel phone nationaliteit geboortedatum linkedin
    """
)


# --------------------------------------------------------------------------- names

_NAME_LABEL_RE = re.compile(
    r"(?:^|(?<=[\n|;•·\t]))[ \t]*(?:naam|volledige\s+naam|voornaam|voornamen|achternaam|"
    r"roepnaam|voorletters|naam\s+kandidaat|kandidaat|sollicitant|name|full\s+name|"
    r"first\s+name|last\s+name|surname|given\s+names?|family\s+name|candidate|applicant)"
    r"[ \t]*[:=][ \t]*",
    re.IGNORECASE | re.MULTILINE,
)
_NAME_INTRO_RE = re.compile(
    r"\b(?:mijn\s+naam\s+is|ik\s+heet|my\s+name\s+is|my\s+name['’]s|i\s+am\s+called|"
    r"name['’]s|curriculum\s+vitae\s+(?:van|of)|cv\s+(?:van|of)|"
    r"ondergetekende(?:\s*,)?|undersigned(?:\s*,)?)[ \t]*[:,–-]?[ \t]*",
    re.IGNORECASE,
)
_CV_TITLE_RE = re.compile(
    r"^[ \t]*(?:curriculum\s+vitae|cv|résumé|resume)[ \t]*[-–—:|][ \t]*",
    re.IGNORECASE | re.MULTILINE,
)


def take_name_phrase(
    text: str, pos: int, *, allow_comma: bool = False, whole_line: bool = False
) -> tuple[int, int] | None:
    """Scan a person's name (capitalised words, particles, initials) starting at ``pos``."""
    i = pos
    n = len(text)
    tokens: list[tuple[int, int, str]] = []
    while i < n and len(tokens) < 6:
        j = i
        while j < n and text[j] in " \t":
            j += 1
        if allow_comma and tokens and j < n and text[j] == ",":
            j += 1
            while j < n and text[j] in " \t":
                j += 1
        m = _NAME_TOKEN_RE.match(text, j)
        if not m or (m.end() < n and (text[m.end()].isalnum() or text[m.end()] == "@")):
            break
        tok = m.group()
        low = tok.lower()
        is_particle = low in PARTICLES
        if not is_particle and not tok[0].isupper():
            break
        if not is_particle and fold(tok.rstrip(".")) in _NOT_A_NAME:
            break
        tokens.append((m.start(), m.end(), low))
        i = m.end()
        if tok.endswith(".") and len(tok) > 2 and not re.fullmatch(r"(?:\w\.)+", tok):
            break  # end of sentence, not an initial
    while tokens and tokens[-1][2] in PARTICLES:
        tokens.pop()
    if not tokens or all(t[2] in PARTICLES for t in tokens):
        return None
    start, end = tokens[0][0], tokens[-1][1]
    if text[end - 1] == "." and len(text[start:end].split()[-1]) > 2:
        end -= 1
    if whole_line:
        _, line_end = _line_bounds(text, start)
        if text[end:line_end].strip(" \t,.") != "":
            return None
    return start, end


def find_name_cues(text: str) -> Iterator[Hit]:
    """Names found from context: labels, introductions, signatures and CV titles."""
    for rx, allow_comma in ((_NAME_LABEL_RE, True), (_NAME_INTRO_RE, False), (_CV_TITLE_RE, False)):
        for m in rx.finditer(text):
            got = take_name_phrase(text, m.end(), allow_comma=allow_comma)
            if got:
                yield Category.NAAM, got[0], got[1]
    for m in _CLOSING_RE.finditer(text):
        rest = m.group("rest")
        if rest.strip():
            got = take_name_phrase(text, m.start("rest"), whole_line=True)
            if got:
                yield Category.NAAM, got[0], got[1]
            continue
        # the first one or two non-empty lines below the closing
        pos = m.end()
        for _ in range(2):
            nl = text.find("\n", pos)
            if nl == -1:
                break
            line_start = nl + 1
            _, line_end = _line_bounds(text, line_start)
            if text[line_start:line_end].strip():
                got = take_name_phrase(text, line_start, whole_line=True)
                if got:
                    yield Category.NAAM, got[0], got[1]
                break
            pos = line_end


def name_tokens(names: Iterable[str]) -> tuple[set[str], set[str]]:
    """Split full names into folded name tokens and the particles they use."""
    tokens: set[str] = set()
    particles: set[str] = set()
    for name in names:
        for part in re.split(r"[\s,]+", name.strip()):
            part = part.strip(".'’")
            if not part:
                continue
            low = fold(part)
            if low in PARTICLES:
                particles.add(low)
                continue
            if len(low) >= 2 and not re.fullmatch(r"[a-z]\.?", low):
                tokens.add(low)
            for sub in low.split("-"):
                if len(sub) >= 3 and sub not in PARTICLES:
                    tokens.add(sub)
                elif sub in PARTICLES:
                    particles.add(sub)
    return tokens, particles


def find_known_names(
    text: str, names: Sequence[str], *, require_capital: bool = False
) -> Iterator[Hit]:
    """All occurrences of the tokens of ``names``, in any order, case or common inflection."""
    tokens, particles = name_tokens(names)
    if not tokens:
        return
    folded = fold(text)
    alt = "|".join(re.escape(t) for t in sorted(tokens, key=len, reverse=True))
    rx = re.compile(rf"(?<![\w@.])(?:{alt})(?:['’]s|s|['’])?(?![\w@])")
    hits: list[tuple[int, int]] = []
    for m in rx.finditer(folded):
        original = text[m.start() : m.end()]
        tok = m.group().rstrip("s'’") if m.group() not in tokens else m.group()
        after = text[m.end() : m.end() + 6]
        if tok in MONTH_WORDS and re.match(r"[ .]*\d{2,4}", after):
            continue  # "Jan 2019" is a month, even for a candidate called Jan
        if (
            m.end() < len(text)
            and text[m.end()] == "."
            and text[m.end() + 1 : m.end() + 2].isalpha()
        ):
            continue  # part of a domain or file name
        hits.append((m.start(), m.end()))
        _ = original
    # merge neighbouring tokens (with particles, initials, commas, hyphens in between)
    glue = re.compile(
        r"(?:[ \t,\-]|(?i:" + "|".join(re.escape(p) for p in sorted(PARTICLES)) + r")(?![\w])"
        rf"|(?<![\w.])[{_UPPER}]\.)*"
    )
    merged: list[list[int]] = []
    for start, end in hits:
        if merged:
            gap = text[merged[-1][1] : start]
            g = glue.fullmatch(gap)
            if g is not None and len(gap) <= 25 and "\n" not in gap:
                merged[-1][1] = end
                merged[-1][2] += 1
                continue
        merged.append([start, end, 1])
    particle_alt = "|".join(re.escape(p) for p in sorted(particles | {"van", "de", "der", "den"}))
    prefix_rx = re.compile(rf"(?<![\w.])(?:[{_UPPER}]\.[ \t]?)*(?:(?i:{particle_alt})[ \t]+)*$")
    for start, end, count in merged:
        chunk = text[start:end]
        if count == 1:
            is_lower = chunk == chunk.lower()
            if is_lower and (require_capital or fold(chunk).rstrip("s'’") in _COMMON_WORDS):
                continue
            if require_capital and not chunk[:1].isupper():
                continue
        pm = prefix_rx.search(text, max(0, start - 30), start)
        if pm and pm.end() == start and pm.start() < start:
            lead = pm.group()
            # only keep particles if the name itself has them, initials always
            if lead.strip()[:1].isupper() or any(p in fold(lead).split() for p in particles):
                start = pm.start()
        yield Category.NAAM, start, end


def names_from_cues(text: str, hits: Iterable[Hit]) -> list[str]:
    return [text[s:e] for cat, s, e in hits if cat is Category.NAAM]
