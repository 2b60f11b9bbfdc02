"""Exclusionary wording: age, origin, language, nationality, diploma, gender, photo, privacy.

Sources: WGBL, AWGB, Wet gelijke behandeling van mannen en vrouwen, oordelen van het College
voor de Rechten van de Mens (CRM), AVG and the NVP Sollicitatiecode.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..models import Finding, Severity
from ..registry import Context, make_finding, rule

_I = re.IGNORECASE

# Cheap substring gates: a rule's regular expressions only run on sentences with one of these.
_AGE_KEYS = ("jaar", "leeftijd", "ouder", "jonger")
_AGE_CODED_KEYS = (
    "jong", "start", "afgestudeerd", "young", "digital", "jeugd", "millennial", "generatie",
    "gen z", "gen-z",
)  # fmt: skip
_NATIVE_KEYS = ("moedertaal", "native", "accent", "eerste taal", "eerstetaal")
_NATIONALITY_KEYS = (
    "nationaliteit",
    "paspoort",
    "nederlander",
    "nederlandse",
    "geboren",
    "autochto",
)
_DIPLOMA_KEYS = (
    "hbo", "wo-", "wo ", "wo/", "/wo", "wo)", "mbo", "univers", "academi", "bachelor", "master",
    "diploma", "opleiding", "denkniveau", "nederlands",
)  # fmt: skip
_PERSONAL_KEYS = (
    "geboorte", "bsn", "burgerservice", "sofi", "kopie", "verblijf", "burgerlijke", "geloof",
    "religie", "medisch", "gezondheid",
)  # fmt: skip
_W = r"[^\W\d_]"  # one letter
_NUM_WORD = r"(?:\d{1,2}|een|twee|drie|vier|vijf|zes|zeven|acht|negen|tien)"
_AGE_NUM = (
    r"(?:\d{2}|(?:(?:een|twee|drie|vier|vijf|zes|zeven|acht|negen)[eë]?n)?"
    r"(?:twintig|dertig|veertig|vijftig|zestig)|zestien|zeventien|achttien|negentien)"
)
_EXPERIENCE_AHEAD = r"(?!\s+(?:[^\W\d_]+\s+){0,2}?(?:werk|praktijk)?ervaring)"
_NOT_YEARS_OF = r"(?!\s+(?:in\s+dienst|geleden|bestaan|lang|contract|ervaring|werkervaring))"

# --- age -------------------------------------------------------------------------------------
_AGE_PATTERNS = re.compile(
    r"\b(?:tussen\s+(?:de\s+)?"
    + _AGE_NUM
    + r"\s+en\s+"
    + _AGE_NUM
    + r"|"
    + _AGE_NUM
    + r"\s*(?:-|–|tot(?:\s+en\s+met)?|t/m)\s*"
    + _AGE_NUM
    + r")"
    r"\s+jaar(?:\s+oud)?\b" + _NOT_YEARS_OF + _EXPERIENCE_AHEAD + "|"
    r"\b(?:maximaal|max\.?|hooguit|hoogstens|niet\s+ouder\s+dan|jonger\s+dan|tot|onder\s+de)\s+"
    + _AGE_NUM
    + r"\s+jaar(?:\s+oud)?\b"
    + _NOT_YEARS_OF
    + _EXPERIENCE_AHEAD
    + "|"
    r"\b(?:niet\s+ouder\s+dan|jonger\s+dan)\s+" + _AGE_NUM + r"\b|"
    r"\b" + _AGE_NUM + r"\s+jaar\s+of\s+jonger\b|"
    r"\bleeftijd(?:sgrens)?\s*(?::|van|tot|tussen|maximaal|max\.?)\s*(?:de\s+)?\d{2}"
    r"(?:\s*(?:-|–|tot|en)\s*\d{2})?(?:\s+jaar)?\b|"
    r"\bleeftijdsgrens\b|"
    r"\bin\s+de\s+leeftijd(?:scategorie)?\s+(?:van|tot|tussen)\s+(?:de\s+)?\d{2}"
    r"(?:\s*(?:-|–|tot|en)\s*\d{2})?(?:\s+jaar)?",
    _I,
)
_AGE_MINIMUM = re.compile(
    r"\b(?:minimaal|minstens|ten\s+minste|tenminste|vanaf)\s+(\d{2})\s+jaar(?:\s+oud)?\b"
    + _NOT_YEARS_OF
    + _EXPERIENCE_AHEAD
    + r"|\bouder\s+dan\s+(\d{2})(?:\s+jaar)?\b"
    + _EXPERIENCE_AHEAD
    + r"|\b(\d{2})\s+jaar\s+of\s+ouder\b",
    _I,
)
_AGE_OTHERS = re.compile(
    r"\b(?:jongeren|kinderen|leerlingen|scholieren|cliënten|clienten|bewoners|gedetineerden|"
    r"deelnemers|patiënten|jeugdigen|doelgroep|burgers|pupillen|mensen\s+van)\b[^.\n!?]{0,40}$",
    _I,
)
_AGE_VERB_CUE = re.compile(
    r"\b(?:ben\s+je|je\s+bent|jij\s+bent|ben\s+jij|kandidaat|kandidaten)\b", _I
)


def _age_about_others(ctx: Context, start: int) -> bool:
    """True when the age is about pupils, clients or others, not about the candidate."""
    before = ctx.text[max(0, start - 60) : start]
    if _AGE_OTHERS.search(before) is None:
        return False
    return _AGE_VERB_CUE.search(before[-20:]) is None


@rule("excl.age", Severity.BLOKKEREND, "Age limits and age ranges for the candidate.")
def age(ctx: Context) -> Iterator[Finding]:
    """Flag age limits ("tussen 25 en 35 jaar", "maximaal 30 jaar oud", "jonger dan 30")."""
    seen: list[tuple[int, int]] = []
    for m in ctx.finditer(_AGE_PATTERNS, _AGE_KEYS):
        if _age_about_others(ctx, m.start()):
            continue
        seen.append(m.span())
        yield make_finding(ctx, "excl.age", m.start(), m.end())
    for m in ctx.finditer(_AGE_MINIMUM, _AGE_KEYS):
        if any(s <= m.start() < e for s, e in seen) or _age_about_others(ctx, m.start()):
            continue
        age_value = int(m.group(1) or m.group(2) or m.group(3))
        if age_value <= 18:
            yield make_finding(
                ctx, "excl.age", m.start(), m.end(),
                severity=Severity.WAARSCHUWING, message_key="excl.age_minimum",
            )  # fmt: skip
        else:
            yield make_finding(ctx, "excl.age", m.start(), m.end())


# --- age-coded words -------------------------------------------------------------------------
_PEOPLE = (
    r"(?:team|teams|collega|collega's|collega’s|professional|professionals|talent|talenten|"
    r"mensen|medewerker|medewerkers|ontwikkelaar|ontwikkelaars|kandidaat|kandidaten|honden|"
    r"garde|vakmensen|denkers|club|groep|afdeling|aanwas|enthousiastelingen|blik|energie|"
    r"gezichten|krachten|geest)"
)
_AGE_CODED = re.compile(
    r"\bjonge?\b(?:[\s,]+(?:en\s+)?" + _W + r"+){0,2}?[\s,]+(?:en\s+)?" + _PEOPLE + r"\b|"
    r"\bjong(?:e)?\s+en\s+dynamisch\w*|"
    r"\b(?:starter|starters|startersfunctie|startersfuncties|startersvacature|startersbaan|"
    r"startersniveau|startersprofiel)\b|"
    r"\b(?:pas|net|recent|onlangs|kortgeleden|kort\s+geleden)\s+(?:(?:bent|ben|is|zijn)\s+)?"
    r"afgestudeerd\w*|"
    r"\byoung\s+(?:professionals?|talents?|potentials?)\b|"
    r"\bdigital\s+natives?\b|\bjeugdig\w*\b|\bmillennials?\b|\bgen(?:eratie)?[\s-]z\b",
    _I,
)
_AGE_CODED_ALT = {
    "jong": "een team van twaalf enthousiaste collega's",
    "start": "ook welkom als je weinig werkervaring hebt",
    "afgestudeerd": "ook welkom als je weinig werkervaring hebt",
}


@rule(
    "excl.age_coded",
    Severity.BLOKKEREND,
    "Age-coded words: jong team, starter, young professional.",
)
def age_coded(ctx: Context) -> Iterator[Finding]:
    """Flag words that suggest a young candidate is wanted."""
    for m in ctx.finditer(_AGE_CODED, _AGE_CODED_KEYS):
        low = m.group().lower()
        alt = next((v for k, v in _AGE_CODED_ALT.items() if k in low), "collega")
        yield make_finding(ctx, "excl.age_coded", m.start(), m.end(), alt=alt)


# --- maximum years of experience -------------------------------------------------------------
_EXP_TAIL = r"\s+jaar\s+(?:" + _W + r"+\s+){0,2}?(?:werk|praktijk|relevante\s+)?ervaring\b"
_EXPERIENCE_MAX = re.compile(
    r"\b(?:maximaal|max\.?|hooguit|hoogstens|niet\s+meer\s+dan|ten\s+hoogste|tot|minder\s+dan)"
    r"\s+" + _NUM_WORD + _EXP_TAIL + "|"
    r"\b" + _NUM_WORD + r"\s*(?:-|–|tot|à|a|t/m)\s*" + _NUM_WORD + _EXP_TAIL + "|"
    r"\btussen\s+(?:de\s+)?" + _NUM_WORD + r"\s+en\s+" + _NUM_WORD + _EXP_TAIL,
    _I,
)


@rule("excl.experience_max", Severity.BLOKKEREND, "A maximum or a range of years of experience.")
def experience_max(ctx: Context) -> Iterator[Finding]:
    """Flag "maximaal 3 jaar ervaring" and ranges such as "1 tot 3 jaar werkervaring"."""
    for m in ctx.finditer(_EXPERIENCE_MAX, ("ervaring",)):
        yield make_finding(ctx, "excl.experience_max", m.start(), m.end())


# --- native speaker --------------------------------------------------------------------------
_NATIVE = re.compile(
    r"\bmoedertaal\w*|\bnative[\s-]+(?:speakers?|dutch|nederlands\w*|level|niveau)\b|"
    r"\bnear[\s-]native\b|\baccentloo\w+|\bzonder\s+(?:een\s+)?(?:\w+\s+)?accent\b|"
    r"\bnederlands\s+als\s+(?:eerste|moeder)\s*taal\b",
    _I,
)
_NEGATION_BEFORE = re.compile(r"\b(?:niet|geen|hoeft|hoef)\b", _I)


@rule("excl.native_speaker", Severity.BLOKKEREND, "Moedertaal, native speaker, accentloos.")
def native_speaker(ctx: Context) -> Iterator[Finding]:
    """Flag native-speaker requirements; a welcoming "niet je moedertaal?" is only a tip."""
    for m in ctx.finditer(_NATIVE, _NATIVE_KEYS):
        si = ctx.doc.sentence_at(m.start())
        sent_start = ctx.doc.sentences[si].start if si >= 0 else max(0, m.start() - 40)
        before = ctx.text[sent_start : m.start()]
        if _NEGATION_BEFORE.search(before):
            yield make_finding(
                ctx, "excl.native_speaker", m.start(), m.end(),
                severity=Severity.TIP, message_key="excl.native_speaker_welcome",
            )  # fmt: skip
        else:
            yield make_finding(ctx, "excl.native_speaker", m.start(), m.end())


# --- language level ----------------------------------------------------------------------------
_HIGH_ADJ = (
    r"(?:uitstekend|uitstekende|perfect|perfecte|vloeiend|vloeiende|foutloos|foutloze|"
    r"excellent|excellente|zeer\s+goed|zeer\s+goede|vlekkeloos|vlekkeloze|onberispelijk\w*|"
    r"uitmuntend\w*)"
)
_LANG_HIGH = re.compile(
    r"\b" + _HIGH_ADJ + r"(?:\s+" + _W + r"+){0,3}?\s+nederlands(?:e\s+taal)?\b|"
    r"\bnederlands(?:e\s+taal)?\s*(?:\(|:|spreek\s+je|schrijf\s+je|beheers\s+je)?\s*"
    + _HIGH_ADJ
    + r"\b",
    _I,
)
_CEFR_HIGH = re.compile(
    r"\b(?:niveau\s+|op\s+)?(?:B2|C1|C2)(?:[\s-]*niveau)?\b|\bprogramma\s+(?:II|2)\b"
)
_LANG_NAME = re.compile(
    r"\b(?:nederlands\w*|engels\w*|duits\w*|frans\w*|nt2|taal|taaleis|taalniveau)\b", _I
)
_JUSTIFICATION = re.compile(
    r"\b(?:omdat|want|daarom|vanwege|nodig\s+(?:voor|om|omdat|bij)|"
    r"wetteksten|kamerbrieven|kamervragen|juridische\s+teksten|beleidsteksten|"
    r"je\s+voert\s+gesprekken|voorlichting)\b",
    _I,
)
_NEG_NEAR = re.compile(r"\b(?:geen|niet|hoeft|hoef)\b[^.!?\n]{0,25}$", _I)


def _fields_justify_language(ctx: Context) -> bool:
    fields = ctx.fields
    if fields is None:
        return False
    return any(
        r.language.lower() in ("nl", "nederlands") and r.above_b1 and r.justification.strip()
        for r in fields.language_requirements
    )


def _is_dutch_context(ctx: Context, start: int, sent_start: int, sent_end: int) -> bool:
    before = list(_LANG_NAME.finditer(ctx.text, sent_start, start))
    if before:
        name = before[-1].group().lower()
    else:
        after = _LANG_NAME.search(ctx.text, start, sent_end)
        if after is None:
            return False
        name = after.group().lower()
    return name.startswith(("nederlands", "nt2", "taal"))


@rule("excl.language_level", Severity.BLOKKEREND, "Dutch above B1 without a justification.")
def language_level(ctx: Context) -> Iterator[Finding]:
    """Flag "uitstekend/perfect Nederlands" and B2/C1/C2 without a reason, also in the fields."""
    text = ctx.text
    doc = ctx.doc
    justified_in_fields = _fields_justify_language(ctx)
    spans: list[tuple[int, int]] = [m.span() for m in ctx.finditer(_LANG_HIGH, ("nederlands",))]
    for m in ctx.finditer(_CEFR_HIGH, ("b2", "c1", "c2", "programma")):
        si = doc.sentence_at(m.start())
        if si < 0:
            continue
        s = doc.sentences[si]
        if _is_dutch_context(ctx, m.start(), s.start, s.end):
            spans.append(m.span())
    reported_sentences: set[int] = set()
    for start, end in sorted(spans):
        si = doc.sentence_at(start)
        if si in reported_sentences:
            continue
        s_start, s_end = (doc.sentences[si].start, doc.sentences[si].end) if si >= 0 else (0, 0)
        if _NEG_NEAR.search(text, s_start, start):
            continue
        if _JUSTIFICATION.search(text, s_start, s_end):
            continue
        reported_sentences.add(si)
        if justified_in_fields:
            yield make_finding(
                ctx, "excl.language_level", start, end,
                severity=Severity.TIP, message_key="excl.language_level_justified",
            )  # fmt: skip
        else:
            yield make_finding(ctx, "excl.language_level", start, end)
    if ctx.fields is not None:
        for req in ctx.fields.language_requirements:
            if (
                req.language.lower() in ("nl", "nederlands")
                and req.above_b1
                and not req.justification.strip()
            ):
                yield make_finding(
                    ctx, "excl.language_level",
                    message_key="excl.language_level_field", field_name="language_requirements",
                    language="Nederlands", skill=req.skill, level=req.level.upper(),
                )  # fmt: skip


# --- nationality -------------------------------------------------------------------------------
_NATIONALITY_STRONG = re.compile(
    r"\b(?:(?:de\s+)?nederlandse|eu|europese)[\s-]*nationaliteit\b|"
    r"\bnederlands(?:e)?\s+paspoort\b|\beu[\s-]?paspoort\b|"
    r"\b(?:alleen|uitsluitend)\s+nederlanders\b|"
    r"\bnederlandse\s+(?:afkomst|origine|komaf|achtergrond|roots)\b|"
    r"\bgeboren\s+(?:en\s+getogen\s+)?in\s+nederland\b|\bautochto(?:on|ne)\b",
    _I,
)
_NATIONALITY_WEAK = re.compile(r"\bnationaliteit\b", _I)
_REQUIREMENT_CUE = re.compile(
    r"\b(?:vereist\w*|verplicht\w*|moet|moeten|heb\s+(?:je|jij)|(?:je|jij)\s+hebt|beschik\w*|dien\w*|bezit\w*|eis|eisen|"
    r"voorwaarde\w*|vragen\s+(?:wij|we)|nodig|minimaal|ten\s+minste|tenminste|afgerond\w*|"
    r"voltooid\w*|behaald\w*|functie-eisen|opleidingsniveau|wij\s+zoeken|we\s+zoeken)\b",
    _I,
)
_DIVERSITY_CUE = re.compile(
    r"\b(?:ongeacht|welkom|maakt\s+niet\s+uit|doet\s+er\s+niet\s+toe|niet\s+belangrijk|"
    r"iedereen|verwelkomen|divers\w*|niet\s+van\s+belang|geen\s+rol)\b",
    _I,
)


@rule("excl.nationality", Severity.BLOKKEREND, "Nationality or origin requirements.")
def nationality(ctx: Context) -> Iterator[Finding]:
    """Flag "Nederlandse nationaliteit", "Nederlands paspoort" and similar requirements."""
    doc = ctx.doc
    done: set[int] = set()
    for pattern, needs_cue in ((_NATIONALITY_STRONG, False), (_NATIONALITY_WEAK, True)):
        for m in ctx.finditer(pattern, _NATIONALITY_KEYS):
            si = doc.sentence_at(m.start())
            if si in done:
                continue
            s = doc.sentences[si] if si >= 0 else None
            lo, hi = (s.start, s.end) if s else (m.start(), m.end())
            if _DIVERSITY_CUE.search(ctx.text, lo, hi):
                continue
            if needs_cue and not _REQUIREMENT_CUE.search(ctx.text, lo, hi):
                continue
            done.add(si)
            yield make_finding(ctx, "excl.nationality", m.start(), m.end())


# --- diploma only ------------------------------------------------------------------------------
_LEVEL = (
    r"(?:hbo\s*/\s*wo|wo\s*/\s*hbo|hbo[-\s]+of\s+wo|hbo[-\s]+en\s+wo|post-?hbo|"
    r"mbo[-\s]?(?:niveau[-\s]?)?[1-4]|mbo|hbo|wo|universitair\w*|academisch\w*|"
    r"bachelor|master)"
)
_DIPLOMA_ALWAYS = re.compile(
    r"\b" + _LEVEL + r"[-\s]*(?:werk-?\s*(?:en|&)\s*denkniveau|denkniveau)\b|"
    r"\b(?:afgeronde|afgerond|voltooide|behaalde)\s+(?:"
    + _W
    + r"+\s+)?(?:"
    + _LEVEL
    + r"[-\s]*)?(?:opleiding|studie|diploma|bachelor|master)\w*|"
    r"\b(?:nederlands|nederlandse)\s+(?:diploma|opleiding)\w*|\bin\s+nederland\s+behaald\w*",
    _I,
)
_DIPLOMA_CUED = re.compile(
    r"\b" + _LEVEL + r"[-\s]*(?:diploma|opleiding|niveau|studie|achtergrond|bachelor|master)\w*|"
    r"\b(?:diploma|opleiding)\s+(?:op\s+)?(?:minimaal\s+)?" + _LEVEL + r"[-\s]*niveau\b",
    _I,
)
_EQUIVALENT = re.compile(
    r"gelijkwaardig\w*|vergelijkba\w+|equivalent\w*|\bof\s+(?:" + _W + r"+\s+){0,2}?"
    r"(?:werk)?ervaring\b|\bdan\s+wel\s+(?:werk)?ervaring|\bervaring\s+telt|\bidw\b|\bnuffic\b|"
    r"diplomawaardering|\bbuitenlands\w*\s+diploma|\bdiploma\s+uit\s+(?:het\s+buitenland|een\s+"
    r"ander\s+land)|\bzonder\s+diploma|\baantoonbaar\s+(?:" + _W + r"+\s+)?niveau|"
    r"\bdoor\s+(?:werk)?ervaring|\bindicatie\s+onderwijsniveau|\bop\s+een\s+andere\s+manier\b|"
    r"\bniveau\s+(?:hebt\s+)?(?:bereikt|aangetoond|aantoont|laten\s+zien)",
    _I,
)
_STUDENT_CUE = re.compile(
    r"\b(?:volg\w*|studeer\w*|student\w*|bbl|bol|stage\w*|leerling\w*|leerbaan|"
    r"tijdens\s+je|naast\s+je|ga\s+je|je\s+gaat)\b",
    _I,
)
_NEG_DIPLOMA = re.compile(r"\b(?:geen|niet)\b[^.!?\n]{0,20}$", _I)


@rule("excl.diploma_only", Severity.BLOKKEREND, "Diploma requirements without an equivalent route.")
def diploma_only(ctx: Context) -> Iterator[Finding]:
    """Flag "hbo-werk- en denkniveau" and diploma requirements without "of gelijkwaardig"."""
    doc = ctx.doc
    text = ctx.text
    fields = ctx.fields
    field_allows = bool(fields and fields.education and fields.education.allows_equivalent)
    severity = Severity.WAARSCHUWING if field_allows else None
    flagged: set[int] = set()
    equivalent_anywhere = False
    for pattern, cued in ((_DIPLOMA_ALWAYS, False), (_DIPLOMA_CUED, True)):
        for m in ctx.finditer(pattern, _DIPLOMA_KEYS):
            si = doc.sentence_at(m.start())
            if si < 0 or si in flagged:
                continue
            s = doc.sentences[si]
            nxt = doc.sentences[si + 1].end if si + 1 < len(doc.sentences) else s.end
            if _EQUIVALENT.search(text, s.start, nxt):
                equivalent_anywhere = True
                continue
            if _NEG_DIPLOMA.search(text, s.start, m.start()):
                continue
            if cued and (
                not _REQUIREMENT_CUE.search(text, s.start, s.end)
                or _STUDENT_CUE.search(text, s.start, s.end)
            ):
                continue
            flagged.add(si)
            yield make_finding(ctx, "excl.diploma_only", m.start(), m.end(), severity=severity)
    if (
        fields is not None
        and fields.education is not None
        and fields.education.nlqf_level is not None
        and not fields.education.allows_equivalent
        and not equivalent_anywhere
        and not flagged
        and _EQUIVALENT.search(text) is None
    ):
        yield make_finding(
            ctx, "excl.diploma_only", message_key="excl.diploma_only_field", field_name="education"
        )


# --- gendered job titles -----------------------------------------------------------------------
_GENDERED_TITLES: dict[str, str] = {
    "medewerkster": "medewerker",
    "secretaresse": "secretaris of managementassistent",
    "adviseuse": "adviseur",
    "directrice": "directeur",
    "beheerster": "beheerder",
    "verkoopster": "verkoper",
    "schoonmaakster": "schoonmaker",
    "receptioniste": "receptionist",
    "telefoniste": "telefonist",
    "typiste": "typist",
    "programmeuse": "programmeur",
    "onderzoekster": "onderzoeker",
    "woordvoerster": "woordvoerder",
    "voorzitster": "voorzitter",
    "lerares": "leraar",
    "docente": "docent",
    "verpleegster": "verpleegkundige",
    "serveerster": "medewerker bediening",
    "assistente": "assistent",
    "consulente": "consulent",
    "stewardess": "flight attendant",
    "gastvrouw": "gastheer of gastvrouw (v/m/x)",
    "hostess": "host",
    "vakman": "vakkracht",
    "zakenman": "ondernemer",
    "timmerman": "timmerkracht",
    "klusjesman": "klusser",
    "wachtman": "beveiliger",
    "brandweerman": "brandweerlid",
    "politieman": "politiemedewerker",
    "cameraman": "cameraoperator",
    "salesman": "verkoper",
    "chairman": "voorzitter",
    "handyman": "klusser",
}
_GENDER_MARKER = re.compile(
    r"\(\s*[mvxd]\s*/\s*[mvxd](?:\s*/\s*[mvxd])?\s*\)|\(\s*alle\s+genders?\s*\)|"
    r"\(\s*[mvx]\s*/\s*[mvx]\s*/\s*[mvx]\s*\)|\bm/v/x\b|\bv/m/x\b|\bx/v/m\b",
    _I,
)


def _gendered_title(word: str) -> str | None:
    low = word.lower()
    for title, alt in _GENDERED_TITLES.items():
        if low == title or (low.endswith(title) and len(low) - len(title) >= 3):
            if title.endswith("man") and low != title and not low.endswith("-" + title):
                continue
            return alt
    return None


@rule("excl.gendered_title", Severity.BLOKKEREND, "Gendered job titles without (v/m/x).")
def gendered_title(ctx: Context) -> Iterator[Finding]:
    """Flag "medewerkster", "secretaresse" and similar titles when no (v/m/x) is given."""
    title = ctx.fields.title if ctx.fields and ctx.fields.title else ""
    if _GENDER_MARKER.search(ctx.text) or (title and _GENDER_MARKER.search(title)):
        return
    found = False
    for tok in ctx.doc.tokens:
        alt = _gendered_title(tok.text)
        if alt is not None:
            found = True
            yield make_finding(ctx, "excl.gendered_title", tok.start, tok.end, alt=alt)
    if title and not found:
        for word in re.findall(r"[^\W\d_]+(?:-[^\W\d_]+)*", title):
            alt = _gendered_title(word)
            if alt is not None:
                yield make_finding(
                    ctx, "excl.gendered_title", field_name="title", match=word, alt=alt
                )
                break


# --- hij/zij -------------------------------------------------------------------------------------
_HIJ_ZIJ = re.compile(
    r"\b(?:hij\s*/\s*zij|zij\s*/\s*hij|hij\s+of\s+zij|zij\s+of\s+hij|hem\s*/\s*haar|"
    r"haar\s*/\s*hem|hem\s+of\s+haar|haar\s+of\s+hem|zijn\s*/\s*haar|haar\s*/\s*zijn|"
    r"zijn\s+of\s+haar|haar\s+of\s+zijn|\(s\)he|zij\s*\(\s*hij\s*\)|hij\s*\(\s*zij\s*\))(?!\w)",
    _I,
)


@rule("excl.hij_zij", Severity.TIP, "'hij/zij' instead of addressing the reader.")
def hij_zij(ctx: Context) -> Iterator[Finding]:
    """Suggest "je" instead of "hij/zij", "zijn of haar" and the like."""
    for m in ctx.finditer(_HIJ_ZIJ, ("hij", "hem", "haar", "(s)he")):
        yield make_finding(ctx, "excl.hij_zij", m.start(), m.end())


# --- photo ---------------------------------------------------------------------------------------
_FOTO = r"(?:pas)?foto(?![\w'’])"
_PHOTO = re.compile(
    r"\bpasfoto(?![\w'’])|"
    r"\b(?:cv|c\.v\.|curriculum\s+vitae|brief|sollicitatie\w*|motivatie\w*)\s+(?:met|inclusief|"
    r"incl\.?|voorzien\s+van)\s+(?:een\s+)?(?:recente\s+)?" + _FOTO + "|"
    r"\b(?:stuur|stuurt|voeg|voegt|bijvoegen|meesturen|toevoegen|upload|uploaden|ontvangen\s+"
    r"graag|vragen\s+(?:je|wij|we))\b[^.\n?!]{0,40}?\b" + _FOTO + "|"
    r"\b" + _FOTO + r"\s+(?:meesturen|mee\s+te\s+sturen|bijvoegen|bij\s+te\s+voegen|toevoegen|"
    r"toe\s+te\s+voegen|uploaden|graag)\b|"
    r"\bmet\s+(?:een\s+)?(?:recente\s+)?" + _FOTO,
    _I,
)


_PHOTO_WORD = re.compile(r"\b" + _FOTO, _I)
_PHOTO_REQUEST = re.compile(
    r"\b(?:stuur\w*|ontvang\w*|meesturen|bijvoeg\w*|voeg\w*|upload\w*|toevoeg\w*|vragen)\b", _I
)
_APPLICATION = re.compile(
    r"\b(?:sollicit\w*|cv|c\.v\.|brief|motivatie\w*|reactie|aanmelding)\b", _I
)


@rule("excl.photo", Severity.BLOKKEREND, "Requests for a photo.")
def photo(ctx: Context) -> Iterator[Finding]:
    """Flag "stuur een foto", "cv met foto", "pasfoto" and a photo asked for when applying."""
    doc = ctx.doc
    done: set[int] = set()
    for m in ctx.finditer(_PHOTO, ("foto",)):
        done.add(doc.sentence_at(m.start()))
        yield make_finding(ctx, "excl.photo", m.start(), m.end())
    for m in ctx.finditer(_PHOTO_WORD, ("foto",)):
        si = doc.sentence_at(m.start())
        if si < 0 or si in done:
            continue
        s = doc.sentences[si]
        if _PHOTO_REQUEST.search(ctx.text, s.start, s.end) and _APPLICATION.search(
            ctx.text, s.start, s.end
        ):
            done.add(si)
            yield make_finding(ctx, "excl.photo", m.start(), m.end())


# --- personal data -------------------------------------------------------------------------------
_PERSONAL = re.compile(
    r"\b(?:geboortedatum|geboortejaar|burgerservicenummer|bsn|sofinummer|"
    r"kopie\s+(?:van\s+)?(?:je\s+|jouw\s+|uw\s+|een\s+)?(?:id\w*|paspoort|identiteitsbewijs|"
    r"verblijfsvergunning|verblijfsdocument|identiteitskaart)|"
    r"(?:type|soort)\s+verblijfsvergunning|verblijfsstatus|burgerlijke\s+staat|"
    r"geloofsovertuiging|religie|medische\s+(?:gegevens|verklaring)|gezondheidsverklaring)\b",
    _I,
)
_REQUEST_CUE = re.compile(
    r"\b(?:stuur\w*|vermeld\w*|voeg\w*|upload\w*|meesturen|mee\s+te\s+sturen|bijvoegen|"
    r"vragen\s+(?:wij|we|je)|graag|inclusief|invullen|geef|noem|met)\b",
    _I,
)
_AT_HIRING = re.compile(
    r"\b(?:(?:na|bij)\s+(?:je\s+|jouw\s+|de\s+)?(?:aanname|indiensttreding|aanstelling)|"
    r"als\s+je\s+(?:wordt|bent)\s+aangenomen|ongeacht|eerste\s+werkdag)\b",
    _I,
)


@rule("excl.personal_data", Severity.BLOKKEREND, "Requests for BSN, ID copy, date of birth etc.")
def personal_data(ctx: Context) -> Iterator[Finding]:
    """Flag requests for personal data that an application may not ask for."""
    doc = ctx.doc
    for m in ctx.finditer(_PERSONAL, _PERSONAL_KEYS):
        si = doc.sentence_at(m.start())
        if si < 0:
            continue
        s = doc.sentences[si]
        if _AT_HIRING.search(ctx.text, s.start, s.end) or _DIVERSITY_CUE.search(
            ctx.text, s.start, s.end
        ):
            continue
        if not _REQUEST_CUE.search(ctx.text, s.start, s.end):
            continue
        yield make_finding(ctx, "excl.personal_data", m.start(), m.end())
