"""Readability rules (B1-richtlijn / Direct Duidelijk): long sentences, officialese, jargon,
passive voice, nominalisations and rare words."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from ..data.b1_words import B1_SUBSTITUTIONS
from ..data.gender_words import FEMININE, MASCULINE, forms
from ..data.jargon import JARGON
from ..lexicon import is_rare
from ..matcher import PhraseIndex
from ..models import Finding, Severity
from ..registry import Context, make_finding, rule
from ..tokens import Token


def _words(block: str) -> frozenset[str]:
    """The whitespace-separated words of ``block``."""
    return frozenset(block.split())


#: A sentence with more words than this is "long".
LONG_SENTENCE_WORDS = 20


@rule("read.long_sentence", Severity.WAARSCHUWING, "Sentences of more than 20 words.")
def long_sentence(ctx: Context) -> Iterator[Finding]:
    """Flag each sentence with more than :data:`LONG_SENTENCE_WORDS` words."""
    for s in ctx.doc.sentences:
        if s.word_count > LONG_SENTENCE_WORDS:
            yield make_finding(ctx, "read.long_sentence", s.start, s.end, count=s.word_count)


def _expand(entries: tuple[tuple[str, str], ...]) -> list[tuple[str, str]]:
    return [(form, alt) for forms_, alt in entries for form in forms_.split("|")]


@lru_cache(maxsize=1)
def _b1_index() -> PhraseIndex[str]:
    return PhraseIndex(_expand(B1_SUBSTITUTIONS))


@lru_cache(maxsize=1)
def _jargon_index() -> PhraseIndex[str]:
    return PhraseIndex(_expand(JARGON))


@rule("read.b1_word", Severity.TIP, "Officialese with a plainer alternative.")
def b1_word(ctx: Context) -> Iterator[Finding]:
    """Flag words such as "middels", "teneinde", "met betrekking tot"."""
    doc = ctx.doc
    for m in _b1_index().find(doc):
        tok = doc.tokens[m.first_token]
        # A capitalised word inside a sentence is part of a name ("Verklaring Omtrent het Gedrag").
        if tok.is_capitalised and not doc.is_sentence_initial(m.first_token):
            continue
        yield make_finding(ctx, "read.b1_word", m.start, m.end, alt=m.payload)


@rule("read.jargon", Severity.TIP, "English HR jargon.")
def jargon(ctx: Context) -> Iterator[Finding]:
    """Flag English buzzwords such as "skills", "stakeholders", "challenge"."""
    for m in _jargon_index().find(ctx.doc):
        yield make_finding(ctx, "read.jargon", m.start, m.end, alt=m.payload)


# --- passive voice ---------------------------------------------------------------------------
_WORDEN = frozenset({"wordt", "worden", "werd", "werden"})
_ZIJN = frozenset({"is", "zijn", "was", "waren"})
_SEP_PREFIX = (
    r"(?:aan|af|bij|door|in|mee|na|om|op|over|toe|uit|voor|weg|terug|samen|vast|vrij|tegen|"
    r"neer|binnen|buiten|achter|rond|thuis|goed|kennis|plaats|deel)?"
)
_STRONG_PREFIXED = re.compile(r"^(?:be|ver|ont|her)[^\W\d_]{3,}en$")
_PARTICIPLE = re.compile(
    r"^(?:" + _SEP_PREFIX + r"ge[^\W\d_]{2,}(?:d|t|en)|"
    r"(?:" + _SEP_PREFIX + r")(?:be|ver|ont|her|er)[^\W\d_]{2,}(?:d|t))$"
)
_NOT_PARTICIPLE = frozenset(
    _words(
        """
    gemeente gemeenten geen gesprek gesprekken gegevens gebieden gebied gebouw gebouwen gebruiken
    geheel gemiddeld gemiddelde gezondheid gelegenheden gewoon genoeg gelukkig geldig gedreven
    gericht gewend gesloten geschikt gezellig geduld geleden gezet gebruikt gelijk gelden geld
    gedrag geweld gezicht gerecht geheim gemak gevolg gevolgen gewicht genieten gemeenschap
    gebeurtenis gedachten gedachte gevoel geluid getalenteerd gemotiveerd geïnteresseerd
    geinteresseerd gespecialiseerd gelegen gewenst geboren getrouwd verplicht bestand verband
    verstand verbond verschillend verschillende beroemd bekend verantwoord beperkt bereid
    betrokken bezet verwant ervaren ontspannen verstandig vertrouwd bewust verwend besmet
    belangrijk bedacht bedoeld bestemd bevoegd bekwaam geregeld verspreid
        """
    )
)
# Verbs whose perfect tense uses "zijn" (so "is gestart" is active, not passive).
_ERGATIVE = frozenset(
    _words(
        """
    gegaan gekomen gebleven geworden gestart gestopt gegroeid gebeurd geslaagd gelukt gestegen
    gedaald gevallen gelopen gereisd gevlogen gestorven opgegroeid afgestudeerd begonnen
    verdwenen verschenen ontstaan vertrokken verhuisd veranderd overleden aangekomen
    teruggekomen binnengekomen overgestapt ingestapt uitgestapt doorgegroeid toegetreden
    opgestaan uitgegroeid meegegaan gepromoveerd verbeterd gegroeid verdubbeld afgenomen
    toegenomen overgegaan ingegaan opgegaan gezakt gekrompen omgeschakeld
        """
    )
)
_CLAUSE_BREAK = frozenset(
    {"dat", "die", "en", "of", "maar", "want", "omdat", "als", "wanneer", "waar"}
)


def _is_participle(tok: Token) -> bool:
    low = tok.lower
    return (
        not tok.is_number
        and low not in _NOT_PARTICIPLE
        and len(low) >= 5
        and _PARTICIPLE.match(low) is not None
        and not low.endswith(("heden", "ingen", "eden", "eerden", "erden", "aarden"))
    )


@rule("read.passive", Severity.TIP, "Passive voice (wordt ... gedaan).")
def passive(ctx: Context) -> Iterator[Finding]:
    """Flag "wordt/worden/werd/werden ... ge-...-d/t" and non-ergative "is/zijn ... ge-...-d/t"."""
    tokens = ctx.doc.tokens
    n = len(tokens)
    last_end = -1
    for i, tok in enumerate(tokens):
        low = tok.lower
        if low in _WORDEN:
            window = 6
        elif low in _ZIJN:
            window = 4
        else:
            continue
        if tok.start < last_end:
            continue
        for j in range(i + 1, min(n, i + 1 + window)):
            t = tokens[j]
            if t.sentence != tok.sentence or t.punct_before or t.lower in _CLAUSE_BREAK:
                break
            if t.lower in _WORDEN or t.lower in _ZIJN:
                break
            if _is_participle(t) or (
                low in _WORDEN
                and _STRONG_PREFIXED.match(t.lower) is not None
                and t.lower not in _NOT_PARTICIPLE
                and not t.lower.endswith(("heden", "ingen"))
            ):
                if low in _ZIJN and t.lower in _ERGATIVE:
                    break
                last_end = t.end
                yield make_finding(ctx, "read.passive", tok.start, t.end)
                break


# --- nominalisations -------------------------------------------------------------------------
_DETERMINERS = frozenset({"de", "het", "een"})
_NOMINAL_ENDINGS = ("ing", "atie", "heid")
_NOT_NOMINAL = frozenset(
    _words(
        """
    afdeling opleiding vergadering regering woning richting ervaring vereniging omgeving stichting
    tekening rekening leerling oefening wetgeving verzekering uitnodiging beweging verzameling
    aflevering leiding koning ring ding vestiging woning opleiding werking verhouding mening
    overheid mogelijkheid gelegenheid veiligheid gezondheid eenheid meerderheid minderheid vrijheid
    waarheid schoonheid werkzaamheid hoeveelheid persoonlijkheid eigenheid moeilijkheid
    organisatie informatie situatie relatie locatie applicatie administratie delegatie natie
    sollicitatie stationatie combinatie documentatie generatie publicatie presentatie motivatie
    procedure bediening dienstverlening bedrijfsvoering financiering beveiliging ondersteuning
    afspraak bijeenkomst helft kwaliteit verantwoordelijkheid vaardigheid
        """
    )
)
_INFINITIVE_NOT = frozenset(
    _words(
        """
    leven wapen teken examen laken wezen verleden geheel gebouwen eten geven regen keuken teken
    bestaan verhaal morgen zegen vermogen kussen deken bekken openen
        """
    )
)
# Verb stems used as nouns in officialese ("het beheer van de servers" -> "je beheert").
_VERBAL_NOUNS = frozenset(
    _words(
        """
    beheer onderhoud gebruik ontwerp opzet aanleg aanschaf afhandeling toezicht inzet uitvoer
        """
    )
)


def _nominal(tok: Token, det: str) -> bool:
    low = tok.lower
    if tok.is_number or low in _NOT_NOMINAL or len(low) < 6:
        return False
    if "-" in low:
        low = low.rsplit("-", 1)[1]
    if low.endswith(_NOMINAL_ENDINGS) and low not in _NOT_NOMINAL:
        return not any(low.endswith(x) for x in ("leiding", "opleiding", "afdeling", "omgeving"))
    if det in ("het", "de") and low in _VERBAL_NOUNS:
        return True
    if (
        det == "het"
        and low.endswith("en")
        and low not in _INFINITIVE_NOT
        and not tok.is_capitalised
    ):
        return not low.endswith(("heden", "ingen"))
    return False


@rule(
    "read.nominalisation", Severity.TIP, "Nominalisations: 'de uitvoering van', 'het oplossen van'."
)
def nominalisation(ctx: Context) -> Iterator[Finding]:
    """Flag a determiner (or an adjective) + -ing/-atie/-heid noun or infinitive + "van"."""
    tokens = ctx.doc.tokens
    n = len(tokens)
    for i in range(n - 1):
        tok = tokens[i]
        if tokens[i + 1].lower != "van" or tokens[i + 1].sentence != tok.sentence:
            continue
        if i == 0:
            continue
        prev = tokens[i - 1]
        det = prev.lower
        start = prev.start
        # allow one adjective: "de snelle afhandeling van", "een perfecte beheersing van"
        if (
            det not in _DETERMINERS
            and i >= 2
            and prev.sentence == tok.sentence
            and prev.lower.endswith("e")
            and tokens[i - 2].lower in _DETERMINERS
        ):
            det = tokens[i - 2].lower
            start = tokens[i - 2].start
        if (
            det in ("en", "of")
            and i >= 3
            and tokens[i - 3].lower == "het"
            and tokens[i - 3].sentence == tok.sentence
            and _nominal(tokens[i - 2], "het")
            and _nominal(tok, "het")
        ):
            det, start = "het", tokens[i - 3].start  # "het ontwikkelen en onderhouden van"
        if det not in _DETERMINERS:
            if prev.lower.endswith("e") and not prev.is_number and len(prev.lower) > 3:
                det, start = "de", prev.start  # bare adjective: "perfecte beheersing van"
            else:
                continue
        if prev.sentence != tok.sentence:
            continue
        if _nominal(tok, det) or (det == "het" and _nominal(tok, "het")):
            yield make_finding(ctx, "read.nominalisation", start, tokens[i + 1].end)


# --- rare words ------------------------------------------------------------------------------
@lru_cache(maxsize=1)
def _known_flagged() -> frozenset[str]:
    words: set[str] = set()
    for forms_, _alt in B1_SUBSTITUTIONS + JARGON:
        words.update(f for f in forms_.split("|") if " " not in f)
    for w in MASCULINE + FEMININE:
        words.update(forms(w))
    return frozenset(words)


@rule("read.rare_word", Severity.TIP, "Rare words (wordfreq Zipf < 3), first use only.")
def rare_word(ctx: Context) -> Iterator[Finding]:
    """Flag the first use of each rare word; names, acronyms, numbers and addresses are skipped."""
    for tok in rare_tokens(ctx):
        yield make_finding(ctx, "read.rare_word", tok.start, tok.end)


def rare_tokens(ctx: Context) -> list[Token]:
    """Tokens that are rare words (first use of each), cached per context."""
    cached = ctx.shared.get("rare_tokens")
    if cached is not None:
        return list(cached)
    doc = ctx.doc
    text = doc.text
    known = _known_flagged()
    seen: set[str] = set()
    out: list[Token] = []
    for idx, tok in enumerate(doc.tokens):
        low = tok.lower
        if tok.is_number or len(low) < 4 or low in seen or low in known or tok.is_acronym:
            continue
        if tok.is_capitalised and not doc.is_sentence_initial(idx):
            continue
        if (
            text[tok.end : tok.end + 1] in ("@", "/", ".")
            and text[tok.end + 1 : tok.end + 2].isalnum()
        ):
            continue
        if text[tok.start - 1 : tok.start] in ("@", ".", "/") and tok.start > 0:
            continue
        seen.add(low)
        if is_rare(low.replace("’", "'").removesuffix("'s")):
            out.append(tok)
    ctx.shared["rare_tokens"] = tuple(out)
    return out
