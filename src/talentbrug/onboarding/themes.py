"""Group 'tien verbazingen' into a few themes by keywords, and hide small groups.

Pure Python (no Django): the themes are counted per person, never shown with the texts.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

OTHER = "overig"

# theme key -> word stems that point to it (lower case, matched at the start of a word)
THEME_KEYWORDS: dict[str, tuple[str, ...]] = {
    "tijd": ("op tijd", "afspra", "agenda", "vergader", "punctu", "te laat", "tijd", "planning"),
    "taal": ("afkorting", "taal", "woord", "vakterm", "jargon", "nederlands", "engels", "spreek"),
    "hierarchie": (
        "leidinggev",
        "baas",
        "manager",
        "hiërarch",
        "hierarch",
        "direct",
        "mening",
        "tutoy",
        "je en jij",
        "voornaam",
    ),
    "samenwerken": ("overleg", "samenwerk", "team", "feedback", "consensus", "polder", "besluit"),
    "werkplek": (
        "laptop",
        "kantoor",
        "flexplek",
        "thuiswerk",
        "werkplek",
        "gebedsruimte",
        "stilteruimte",
        "pas",
    ),
    "regels": (
        "regel",
        "procedure",
        "formulier",
        "toestemming",
        "beveilig",
        "verklaring",
        "vog",
        "protocol",
    ),
    "omgang": (
        "lunch",
        "koffie",
        "borrel",
        "verjaardag",
        "taart",
        "informeel",
        "collega",
        "gezellig",
        "boterham",
    ),
    "systemen": (
        "systeem",
        "systemen",
        "tool",
        "software",
        "account",
        "wachtwoord",
        "p-direkt",
        "applicatie",
    ),
    "balans": (
        "uren",
        "vrije dag",
        "verlof",
        "deeltijd",
        "parttime",
        "werktijd",
        "vakantie",
        "overwerk",
    ),
}


def theme_of(text: str) -> str:
    """The first theme whose keywords occur in the text, else 'overig'."""
    lowered = " " + re.sub(r"\s+", " ", text.lower()) + " "
    best, best_hits = OTHER, 0
    for theme, stems in THEME_KEYWORDS.items():
        hits = sum(1 for stem in stems if re.search(r"(?<![\w])" + re.escape(stem), lowered))
        if hits > best_hits:
            best, best_hits = theme, hits
    return best


def people_per_theme(texts_per_person: Iterable[Iterable[str]]) -> dict[str, int]:
    """How many people mention each theme (a person counts once per theme)."""
    counts: dict[str, int] = {}
    for texts in texts_per_person:
        for theme in {theme_of(text) for text in texts}:
            counts[theme] = counts.get(theme, 0) + 1
    return counts


def suppress(counts: Mapping[str, int], minimum: int) -> tuple[dict[str, int], int]:
    """Keep groups of at least ``minimum``; return them and how many groups were hidden."""
    shown = {key: value for key, value in counts.items() if value >= minimum}
    return shown, len(counts) - len(shown)
