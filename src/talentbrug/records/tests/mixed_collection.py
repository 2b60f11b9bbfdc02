"""A realistic mixed collection of a recruitment team's shared drive, with the decisions an
information manager made: to measure how often the learned suggestion is right.

Pure Python and seeded, so a test and a bench see the same collection. Words overlap between
kinds on purpose (a policy note and an application both talk about werving and selectie), file
types are mixed within kinds, and a share of decisions goes against the kind (a person judged
the single case), as in real triage.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

NAMES = [
    "Fatima Yilmaz",
    "Jan de Vries",
    "Sanne Bakker",
    "Mohammed El Amrani",
    "Lotte Jansen",
    "Ahmad Rahimi",
    "Eva Visser",
    "Tom Smit",
    "Nadia Bouzid",
    "Pieter Mulder",
]
ROLES = ["cloud engineer", "functioneel beheerder", "servicedesk medewerker", "data-analist"]

# kind: (decision, folder, extensions, sentences). Sentences use {name}, {role}, {year}.
KINDS: dict[str, tuple[str, str, list[str], list[str]]] = {
    "beleid": (
        "keep",
        "Beleid",
        ["docx", "pdf"],
        [
            "Beleidsnota werving en selectie {year}: visie op strategische personeelsplanning.",
            "De directie stelt het wervingsbeleid vast en legt de uitgangspunten vast.",
            "Strategie voor de arbeidsmarkt en diversiteit binnen de organisatie.",
            "Evaluatie van het beleid en besluit over de aanpak voor de komende jaren.",
        ],
    ),
    "besluitenlijst": (
        "keep",
        "Overleg/MT",
        ["docx", "pdf", "eml"],
        [
            "Besluitenlijst managementteam {year}. Besluit: de formatie wordt uitgebreid.",
            "Het MT besluit de vacature {role} open te stellen en het budget vast te stellen.",
            "Vastgestelde besluiten en actiepunten van het overleg van de directie.",
        ],
    ),
    "aanstelling": (
        "keep",
        "Personeelsdossiers",
        ["pdf", "docx"],
        [
            "Besluit tot aanstelling van {name} als {role} per 1 maart {year}.",
            "Arbeidsovereenkomst en aanstellingsbesluit, getekend door de directeur.",
            "Inschaling en salarisschaal volgens de cao Rijk, besluit aanstelling.",
        ],
    ),
    "jaarverslag": (
        "keep",
        "Verantwoording",
        ["pdf", "xlsx"],
        [
            "Jaarverslag {year} van de afdeling werving: resultaten en verantwoording.",
            "Verantwoording van de instroom en uitstroom, kengetallen en analyse.",
        ],
    ),
    "sollicitatie": (
        "discard",
        "Werving/Sollicitaties",
        ["pdf", "docx", "eml"],
        [
            "Curriculum vitae {name}. Werkervaring als {role}, opleiding en cursussen.",
            "Geachte heer, mevrouw, met veel interesse las ik uw vacature {role}.",
            "Motivatiebrief van {name} voor de functie van {role} bij uw organisatie.",
            "Referenties en diploma's van {name}, sollicitatie werving en selectie.",
        ],
    ),
    "planning": (
        "discard",
        "Werving/Planning",
        ["xlsx", "docx", "eml"],
        [
            "Planning gesprekken {role}: zaal 3.12 op dinsdag, kandidaten om 10 en 11 uur.",
            "Rooster selectiecommissie, beschikbaarheid en reservering vergaderzaal.",
            "Verzetten afspraak kennismakingsgesprek naar donderdag, zaal gewijzigd.",
        ],
    ),
    "uitnodiging": (
        "discard",
        "Mail",
        ["eml", "msg"],
        [
            "Uitnodiging voor een kennismakingsgesprek met {name} over de vacature {role}.",
            "Bevestiging ontvangst van uw sollicitatie, wij nemen binnen twee weken contact op.",
            "Herinnering: morgen gesprek om 14 uur, meld u bij de receptie.",
        ],
    ),
    "foto": (
        "discard",
        "Foto's/Teamuitje",
        ["jpg", "png", "heic"],
        [""],
    ),
    "factuur": (
        "discard",
        "Facturen",
        ["pdf", "xlsx"],
        [
            "Factuur catering lunch selectiedag, bedrag inclusief btw, betaling binnen 30 dagen.",
            "Factuur advertentie vacature {role} op de vacaturesite, kosten en btw.",
        ],
    ),
}
WEIGHTS = {
    "beleid": 5,
    "besluitenlijst": 6,
    "aanstelling": 5,
    "jaarverslag": 3,
    "sollicitatie": 12,
    "planning": 7,
    "uitnodiging": 7,
    "foto": 4,
    "factuur": 4,
}


@dataclass(frozen=True)
class Sample:
    path: str
    text: str
    decision: str  # what the person decided ("keep" or "discard")
    kind: str


def mixed_collection(n: int = 200, *, seed: int = 7, against_kind: float = 0.08) -> list[Sample]:
    """``n`` documents in the order they were decided."""
    rng = random.Random(seed)
    kinds = list(WEIGHTS)
    samples = []
    for i in range(n):
        kind = rng.choices(kinds, weights=[WEIGHTS[k] for k in kinds])[0]
        decision, folder, extensions, sentences = KINDS[kind]
        year = rng.randint(2015, 2024)
        name = rng.choice(NAMES)
        role = rng.choice(ROLES)
        chosen = rng.sample(sentences, k=min(len(sentences), rng.randint(1, 3)))
        text = " ".join(s.format(name=name, role=role, year=year) for s in chosen)
        stem = {"foto": f"IMG_{rng.randint(1000, 9999)}"}.get(kind, f"{kind}-{year}-{i:03d}")
        path = f"{folder}/{year}/{stem}.{rng.choice(extensions)}"
        if rng.random() < against_kind:
            decision = "keep" if decision == "discard" else "discard"
        samples.append(Sample(path, text, decision, kind))
    return samples
