"""Education and work experience from the text of a CV (Dutch or English). PURE: no Django.

Simple, robust heuristics, never certain: everything found is shown to the candidate, who keeps,
removes or corrects it ("Controleer wat we begrepen").

1. Split the text into sections by headings ("Opleiding", "Werkervaring", "Education",
   "Work experience", ...). Without headings the whole text is one section.
2. In a section, an entry is anchored on a period: "2019 – 2022", "sep 2018 - heden",
   "09/2017 – 06/2019", "2015 - present", or a single year. The rest of the anchor line (or, if
   that is empty, the line(s) just before or after it) holds the title/programme and the
   employer/institution, split on "|", ",", " – ", " bij ", " at ".
3. An entry in an education section (or, without sections, with school words) is education;
   its NLQF level is guessed from words (mbo 4, havo, bachelor, master, Lisans, ...), and its
   country from a short list of country names in nl/en.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

MAX_ENTRIES = 20
MAX_TEXT = 200_000


@dataclass(frozen=True)
class EducationEntry:
    programme: str
    institution: str = ""
    level: str = ""  # NLQF: "1".."8", "4+" or "" (unknown)
    country: str = ""
    start_year: int | None = None
    end_year: int | None = None
    completed: bool = True
    crebo: str = ""
    mbo_level: int | None = None
    mbo_path: str = ""  # "bol", "bbl" or ""


@dataclass(frozen=True)
class ExperienceEntry:
    title: str
    employer: str = ""
    country: str = ""
    start_year: int | None = None
    end_year: int | None = None  # None with ``current``: still working there
    current: bool = False
    unpaid: bool = False  # volunteer work, internship, care


@dataclass(frozen=True)
class CvStructure:
    education: list[EducationEntry]
    experience: list[ExperienceEntry]


# --------------------------------------------------------------------------- headings

_EDUCATION_HEADINGS = {
    "opleiding",
    "opleidingen",
    "opleiding en cursussen",
    "opleidingen en cursussen",
    "scholing",
    "onderwijs",
    "diploma's",
    "diplomas",
    "studie",
    "studies",
    "education",
    "education and training",
    "academic background",
    "qualifications",
    "schooling",
}
_EXPERIENCE_HEADINGS = {
    "werkervaring",
    "ervaring",
    "werk",
    "loopbaan",
    "arbeidsverleden",
    "werkervaring en stages",
    "stages",
    "stage",
    "vrijwilligerswerk",
    "work experience",
    "experience",
    "professional experience",
    "employment",
    "employment history",
    "work history",
    "career",
    "internships",
    "volunteer work",
    "volunteering",
}
_OTHER_HEADINGS = {
    "vaardigheden",
    "competenties",
    "skills",
    "talen",
    "taalvaardigheid",
    "languages",
    "hobby's",
    "hobbys",
    "hobbies",
    "interesses",
    "interests",
    "contact",
    "contactgegevens",
    "personalia",
    "persoonlijke gegevens",
    "personal details",
    "profiel",
    "profile",
    "over mij",
    "about me",
    "summary",
    "referenties",
    "references",
    "certificaten",
    "certificates",
    "cursussen",
    "courses",
    "overig",
    "other",
}


def _heading(line: str) -> str | None:
    """'education', 'experience', 'other' or None for a line that is a section heading."""
    key = re.sub(r"[\s:•\-–—#*_]+$", "", line.strip().lower())
    key = re.sub(r"^[\s•\-–—#*_]+", "", key)
    if not key or len(key) > 40:
        return None
    if key in _EDUCATION_HEADINGS:
        return "education"
    if key in _EXPERIENCE_HEADINGS:
        return "experience"
    if key in _OTHER_HEADINGS:
        return "other"
    return None


# --------------------------------------------------------------------------- periods

_MONTH = (
    r"(?:jan(?:uari|uary)?|feb(?:ruari|ruary)?|mrt|maart|mar(?:ch)?|apr(?:il)?|mei|may|"
    r"jun(?:i|e)?|jul(?:i|y)?|aug(?:ustus|ust)?|sep(?:t(?:ember)?)?|okt(?:ober)?|oct(?:ober)?|"
    r"nov(?:ember)?|dec(?:ember)?)\.?"
)
_DATE = rf"(?:(?:{_MONTH}|\d{{1,2}}[/\-.])\s*)?((?:19|20)\d{{2}})"
_NOW = r"(heden|nu|present|now|current|today|huidig|tot op heden|ongoing)"
_PERIOD_RE = re.compile(
    rf"\(?\b{_DATE}\s*(?:[-–—]|t/m|tot|to|until)\s*(?:{_DATE}|{_NOW})\b\)?",
    re.IGNORECASE,
)
_YEAR_RE = re.compile(r"\(?\b((?:19|20)\d{2})\b\)?")


@dataclass(frozen=True)
class _Period:
    start: int | None
    end: int | None
    current: bool
    span: tuple[int, int]


def _find_period(line: str) -> _Period | None:
    match = _PERIOD_RE.search(line)
    if match:
        start = int(match.group(1))
        end = int(match.group(2)) if match.group(2) else None
        current = match.group(3) is not None
        if end is not None and end < start:
            start, end = end, start
        return _Period(start, end, current, match.span())
    years = list(_YEAR_RE.finditer(line))
    if len(years) == 1:
        year = int(years[0].group(1))
        return _Period(year, year, False, years[0].span())
    return None


# --------------------------------------------------------------------------- words

_SCHOOL_WORDS = re.compile(
    r"\b(universiteit|university|universit[àa]|üniversitesi|hogeschool|hochschule|"
    r"college|roc|mbo[- ]?college|school|scholengemeenschap|lyceum|gymnasium|atheneum|"
    r"academie|academy|instituut|institute|faculty|faculteit|polytechnic|"
    r"ROC|SintLucas|Grafisch Lyceum|Summa|Albeda|Zadkine|Deltion|Graafschap)\b",
    re.IGNORECASE,
)

# (pattern, NLQF level), first match wins: most specific first.
_LEVELS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"\b(ph\.?\s?d|doctor(ate|aat)?|promotie|proefschrift)\b", re.I), "8"),
    (
        re.compile(
            r"\b(master|m\.?sc|m\.?a\.?|mba|llm|ma\s+in|yüksek lisans|karshenasi[- ]arshad)\b", re.I
        ),
        "7",
    ),
    (re.compile(r"\b(associate degree|ön ?lisans|on lisans|ad[- ]programma|kardani)\b", re.I), "5"),
    (
        re.compile(
            r"\b(bachelor|b\.?sc|b\.?a\.?|hbo|lisans|karshenasi|kārshenāsi|ba/bsc|propedeuse)\b",
            re.I,
        ),
        "6",
    ),
    (re.compile(r"\bwo\b", re.I), "6"),
    (re.compile(r"\b(vwo|atheneum|gymnasium)\b", re.I), "4+"),
    (re.compile(r"\bmbo[\s\-]*(?:niveau\s*|level\s*)?4\b|\bniveau\s*4\b|\blevel\s*4\b", re.I), "4"),
    (re.compile(r"\bmbo[\s\-]*(?:niveau\s*|level\s*)?3\b|\bniveau\s*3\b|\blevel\s*3\b", re.I), "3"),
    (re.compile(r"\bmbo[\s\-]*(?:niveau\s*|level\s*)?2\b|\bniveau\s*2\b|\blevel\s*2\b", re.I), "2"),
    (re.compile(r"\bmbo[\s\-]*(?:niveau\s*|level\s*)?1\b|\bentree(opleiding)?\b", re.I), "1"),
    (
        re.compile(
            r"\b(havo|general secondary education|secondary education certificate|"
            r"secondary (?:school )?certificate|high school diploma|baccalaureate|"
            r"lise diplomas[ıi])\b",
            re.I,
        ),
        "4",
    ),
    (re.compile(r"\bvmbo[\s\-]*bb\b|\bbasisberoeps", re.I), "1"),
    (re.compile(r"\bvmbo\b", re.I), "2"),
]
_MBO_LEVEL_RE = re.compile(
    r"\bmbo[\s\-]*(?:niveau\s*|level\s*)?([1-4])\b|\bniveau\s*([1-4])\b", re.I
)
_CREBO_RE = re.compile(r"\bcrebo(?:[\s\-]*(?:code|nummer|nr\.?))?[\s:]*(\d{5})\b", re.I)
_PATH_RE = re.compile(r"\b(bol|bbl)\b", re.I)
_ASIDE_RE = re.compile(r"\((?=[^)]*\b(?:crebo|bol|bbl)\b)[^)]*\)?", re.I)
_UNPAID_RE = re.compile(
    r"\b(vrijwillig\w*|volunteer\w*|stage\w*|stagiair\w*|intern(ship)?|mantelzorg\w*|"
    r"unpaid|onbetaald)\b",
    re.I,
)

# Country names (nl and en, a few spellings) -> the name we store (Dutch).
_COUNTRIES = {
    "nederland": "Nederland",
    "netherlands": "Nederland",
    "the netherlands": "Nederland",
    "holland": "Nederland",
    "syrië": "Syrië",
    "syrie": "Syrië",
    "syria": "Syrië",
    "eritrea": "Eritrea",
    "turkije": "Turkije",
    "turkey": "Turkije",
    "türkiye": "Turkije",
    "iran": "Iran",
    "irak": "Irak",
    "iraq": "Irak",
    "afghanistan": "Afghanistan",
    "ethiopië": "Ethiopië",
    "ethiopia": "Ethiopië",
    "jemen": "Jemen",
    "yemen": "Jemen",
    "somalië": "Somalië",
    "somalia": "Somalië",
    "sudan": "Soedan",
    "soedan": "Soedan",
    "libanon": "Libanon",
    "lebanon": "Libanon",
    "jordanië": "Jordanië",
    "jordan": "Jordanië",
    "egypte": "Egypte",
    "egypt": "Egypte",
    "marokko": "Marokko",
    "morocco": "Marokko",
    "oekraïne": "Oekraïne",
    "ukraine": "Oekraïne",
    "belgië": "België",
    "belgium": "België",
    "duitsland": "Duitsland",
    "germany": "Duitsland",
    "verenigd koninkrijk": "Verenigd Koninkrijk",
    "united kingdom": "Verenigd Koninkrijk",
    "polen": "Polen",
    "poland": "Polen",
}
_CITIES = {  # a few large cities, so "Damascus" gives a country
    "damascus": "Syrië",
    "aleppo": "Syrië",
    "homs": "Syrië",
    "asmara": "Eritrea",
    "istanbul": "Turkije",
    "ankara": "Turkije",
    "izmir": "Turkije",
    "teheran": "Iran",
    "tehran": "Iran",
    "isfahan": "Iran",
    "bagdad": "Irak",
    "baghdad": "Irak",
    "erbil": "Irak",
    "kabul": "Afghanistan",
    "amsterdam": "Nederland",
    "rotterdam": "Nederland",
    "den haag": "Nederland",
    "utrecht": "Nederland",
    "eindhoven": "Nederland",
    "groningen": "Nederland",
}
_COUNTRY_RE = re.compile(
    r"\b(" + "|".join(sorted(map(re.escape, _COUNTRIES | _CITIES), key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)
_SPLIT_RE = re.compile(r"\s*(?:\||•|·|\t|;|,|\s[-–—]\s|\s@\s|\sbij\s|\sat\s)\s*", re.I)
_BULLET_RE = re.compile(r"^[\s•\-–—*·o]+")


def _country(text: str) -> str:
    match = _COUNTRY_RE.search(text)
    if not match:
        return ""
    key = match.group(1).lower()
    return _COUNTRIES.get(key) or _CITIES.get(key, "")


def _clean(part: str) -> str:
    part = _BULLET_RE.sub("", part)
    return re.sub(r"\s+", " ", part).strip(" ,;:|()-–—.")


def _parts(text: str) -> list[str]:
    parts = [_clean(p) for p in _SPLIT_RE.split(text)]
    return [p for p in parts if p and not _COUNTRY_RE.fullmatch(p) and len(p) > 1]


def guess_level(text: str) -> str:
    """The NLQF level words in ``text`` point to, or '' when nothing does."""
    for pattern, level in _LEVELS:
        if pattern.search(text):
            return level
    return ""


def _looks_like_education(text: str) -> bool:
    return bool(_SCHOOL_WORDS.search(text) or guess_level(text))


# --------------------------------------------------------------------------- entries


@dataclass
class _Raw:
    section: str  # education, experience or none
    period: _Period
    text: str  # the anchor line without the period, plus the lines that belong to it
    lines: list[str]


def _sections(lines: list[str]) -> list[tuple[str, list[str]]]:
    sections: list[tuple[str, list[str]]] = [("none", [])]
    for line in lines:
        kind = _heading(line)
        if kind is not None:
            sections.append((kind, []))
        else:
            sections[-1][1].append(line)
    return [(kind, body) for kind, body in sections if body]


def _raw_entries(section: str, lines: list[str]) -> list[_Raw]:
    anchors = [(i, _find_period(line)) for i, line in enumerate(lines)]
    anchored = [(i, p) for i, p in anchors if p is not None]
    entries: list[_Raw] = []
    used: set[int] = set()
    for number, (index, period) in enumerate(anchored):
        line = lines[index]
        rest = _clean(line[: period.span[0]] + " | " + line[period.span[1] :])
        own = [rest] if len(rest) > 2 else []
        used.add(index)
        if not own:
            # Period on its own line: the text is just above it (title, employer) or just below.
            before = [
                j
                for j in range(max(0, index - 2), index)
                if j not in used and lines[j].strip() and _find_period(lines[j]) is None
            ]
            next_anchor = anchored[number + 1][0] if number + 1 < len(anchored) else len(lines)
            after = [
                j
                for j in range(index + 1, min(index + 3, next_anchor))
                if lines[j].strip() and not _BULLET_RE.match(lines[j][:1] or "x")
            ]
            take = before or after
            for j in take:
                used.add(j)
            own = [_clean(lines[j]) for j in take]
        else:
            # A second line right below the anchor often names the employer or school.
            below = index + 1
            if (
                below < len(lines)
                and below not in used
                and lines[below].strip()
                and _find_period(lines[below]) is None
                and len(lines[below]) < 80
                and not _BULLET_RE.match(lines[below])
                and len(_parts(rest)) < 2
            ):
                own.append(_clean(lines[below]))
                used.add(below)
        own = [o for o in own if o]
        if own:
            entries.append(_Raw(section, period, " | ".join(own), own))
    return entries


def _education(raw: _Raw) -> EducationEntry | None:
    parts = _parts(_ASIDE_RE.sub(" ", raw.text))
    if not parts:
        return None
    institution = next((p for p in parts if _SCHOOL_WORDS.search(p)), "")
    others = [p for p in parts if p != institution and not _COUNTRY_RE.fullmatch(p)]
    programme = others[0] if others else institution
    if programme == institution:
        institution = ""
    elif len(others) > 1 and guess_level(programme) and len(programme.split()) <= 2:
        programme = f"{programme} {others[1]}"  # "Lisans" + "Bilgisayar Mühendisliği"
    mbo = _MBO_LEVEL_RE.search(raw.text) if re.search(r"\bmbo\b", raw.text, re.I) else None
    path = _PATH_RE.search(raw.text)
    crebo = _CREBO_RE.search(raw.text)
    current = raw.period.current
    return EducationEntry(
        programme=programme[:200],
        institution=institution[:200],
        level=guess_level(raw.text),
        country=_country(raw.text),
        start_year=raw.period.start,
        end_year=None if current else raw.period.end,
        completed=not current,
        crebo=crebo.group(1) if crebo else "",
        mbo_level=int(mbo.group(1) or mbo.group(2)) if mbo else None,
        mbo_path=path.group(1).lower() if path else "",
    )


def _experience(raw: _Raw) -> ExperienceEntry | None:
    parts = _parts(raw.text)
    if not parts:
        return None
    title = parts[0]
    employer = next((p for p in parts[1:] if not _COUNTRY_RE.fullmatch(p)), "")
    return ExperienceEntry(
        title=title[:200],
        employer=employer[:200],
        country=_country(raw.text),
        start_year=raw.period.start,
        end_year=None if raw.period.current else raw.period.end,
        current=raw.period.current,
        unpaid=bool(_UNPAID_RE.search(raw.text)),
    )


def parse_cv(text: str) -> CvStructure:
    """Education and work experience found in the text of a CV."""
    lines = [line.rstrip() for line in (text or "")[:MAX_TEXT].splitlines()]
    lines = [line for line in lines if line.strip()]
    education: list[EducationEntry] = []
    experience: list[ExperienceEntry] = []
    for section, body in _sections(lines):
        if section == "other":
            continue
        for raw in _raw_entries(section, body):
            is_education = section == "education" or (
                section == "none" and _looks_like_education(raw.text)
            )
            if is_education:
                entry = _education(raw)
                if entry and len(education) < MAX_ENTRIES:
                    education.append(entry)
            else:
                work = _experience(raw)
                if work and len(experience) < MAX_ENTRIES:
                    experience.append(work)
    return CvStructure(education, experience)
