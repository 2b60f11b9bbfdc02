"""The templates Talentbrug ships. Titles are stored in Dutch and translated on display.

``gettext_noop`` marks them for the translation files without translating them here.
"""

from __future__ import annotations

from django.utils.translation import gettext_noop as N_

from .constants import FormKind, OwnerRole, Phase, ProgrammeKind

B, W1, M1, M3, M6 = Phase.BEFORE_START, Phase.WEEK_1, Phase.MONTH_1, Phase.MONTH_3, Phase.MONTH_6
MAN, BUD, TAAL, HR, PO, NEW = (
    OwnerRole.MANAGER,
    OwnerRole.BUDDY,
    OwnerRole.LANGUAGE_COACH,
    OwnerRole.HR,
    OwnerRole.BBL_SUPERVISOR,
    OwnerRole.NEW_HIRE,
)

# (phase, title, description, owner role, working days after the start, form)
Task = tuple[str, str, str, str, int, str]

BASE: list[Task] = [
    (
        B,
        N_("Stuur een welkomstbericht"),
        N_(
            "Zeg welkom en vertel wat er de eerste dag gebeurt: waar, hoe laat en naar wie je vraagt."
        ),
        MAN,
        -5,
        "",
    ),
    (
        B,
        N_("Regel laptop, pas en accounts"),
        N_(
            "Vraag de laptop, de toegangspas en de accounts aan, zodat alles klaarligt op de eerste dag."
        ),
        HR,
        -5,
        "",
    ),
    (
        B,
        N_("Kies een buddy"),
        N_("Vraag een collega om buddy te zijn: iemand die de weg wijst en vragen beantwoordt."),
        MAN,
        -3,
        "",
    ),
    (
        B,
        N_("Vul de intake in"),
        N_("Vertel wat je verwacht, wat je wilt leren en wat je nodig hebt."),
        NEW,
        -1,
        FormKind.INTAKE,
    ),
    (
        W1,
        N_("Ontvang de nieuwe collega"),
        N_("Wees er op de eerste dag. Loop samen door het gebouw en stel het team voor."),
        MAN,
        0,
        "",
    ),
    (
        W1,
        N_("Lunch samen"),
        N_("Lunch samen op de eerste dag en vertel hoe het hier werkt."),
        BUD,
        0,
        "",
    ),
    (
        W1,
        N_("Bespreek de intake"),
        N_(
            "Bespreek wat jullie van elkaar verwachten. Zeg duidelijk wat je verwacht en vraag door."
        ),
        MAN,
        2,
        "",
    ),
    (
        W1,
        N_("Vul je eerste check-in in"),
        N_("Vertel hoe je eerste week ging. Het kost twee minuten."),
        NEW,
        4,
        FormKind.CHECKIN,
    ),
    (
        M1,
        N_("Maak je ontwikkeldoelen"),
        N_("Schrijf twee of drie dingen op die je wilt leren."),
        NEW,
        10,
        FormKind.GOALS,
    ),
    (
        M1,
        N_("Loop een dag mee met een ander team"),
        N_("Zo zie je hoe jouw werk en het werk van anderen samenhangen."),
        BUD,
        12,
        "",
    ),
    (
        M1,
        N_("Deel je tien verbazingen"),
        N_("Wat viel je op in je eerste maand? Schrijf het op. Wij leren ervan."),
        NEW,
        20,
        FormKind.SURPRISES,
    ),
    (
        M1,
        N_("Bespreek de verbazingen"),
        N_("Praat samen over de verbazingen. Wat kunnen we beter doen?"),
        MAN,
        22,
        "",
    ),
    (
        M3,
        N_("Evaluatie na 3 maanden"),
        N_("Bespreek wat goed gaat en wat beter kan. Leg de afspraken vast."),
        MAN,
        62,
        FormKind.EVALUATION_3,
    ),
    (
        M6,
        N_("Evaluatie na 6 maanden"),
        N_("Kijk terug op het inwerken en maak afspraken voor daarna."),
        MAN,
        125,
        FormKind.EVALUATION_6,
    ),
]

EXTRA: dict[str, list[Task]] = {
    ProgrammeKind.STANDARD: [],
    ProgrammeKind.BBL: [
        (
            B,
            N_("Teken de praktijkovereenkomst"),
            N_("Regel de praktijkovereenkomst (POK) met de school en de student."),
            HR,
            -10,
            "",
        ),
        (
            B,
            N_("Spreek de schooldag af"),
            N_("Zet de vaste schooldag in de planning van het team."),
            PO,
            -3,
            "",
        ),
        (
            W1,
            N_("Kennismaken met de praktijkopleider"),
            N_("De praktijkopleider legt uit hoe leren en werken samengaan."),
            PO,
            1,
            "",
        ),
        (
            M1,
            N_("Plan het eerste gesprek met school"),
            N_("Plan samen met de school het eerste voortgangsgesprek."),
            PO,
            15,
            "",
        ),
        (
            M3,
            N_("Voortgangsgesprek met school"),
            N_("Bespreek de voortgang met de student en de school."),
            PO,
            60,
            "",
        ),
    ],
    ProgrammeKind.TRAINEE: [
        (
            W1,
            N_("Maak kennis met je traineegroep"),
            N_("Je begint samen met andere trainees. Leer elkaar kennen."),
            NEW,
            1,
            "",
        ),
        (
            M1,
            N_("Plan de eerste rotatie"),
            N_("Kies samen het eerste team waar de trainee meedraait."),
            MAN,
            10,
            "",
        ),
        (
            M3,
            N_("Kies je volgende rotatie"),
            N_("Welk team past bij wat je wilt leren? Bespreek het."),
            NEW,
            55,
            "",
        ),
    ],
    ProgrammeKind.LANGUAGE_COACH: [
        (
            B,
            N_("Regel een taalcoach"),
            N_("Zoek een taalcoach: een collega of een externe coach."),
            MAN,
            -5,
            "",
        ),
        (
            W1,
            N_("Eerste gesprek met je taalcoach"),
            N_("Je taalcoach helpt met vaktaal, mails schrijven en gesprekken."),
            TAAL,
            2,
            "",
        ),
        (
            M1,
            N_("Oefen een zakelijke e-mail"),
            N_("Schrijf samen met je taalcoach een e-mail aan een klant of collega."),
            TAAL,
            12,
            "",
        ),
        (
            M1,
            N_("Maak een lijst met vaktermen"),
            N_("Schrijf woorden op die je nog niet kent. Je taalcoach legt ze uit."),
            NEW,
            15,
            "",
        ),
        (
            M3,
            N_("Bespreek de voortgang met de taalcoach"),
            N_("Wat gaat al goed? Wat oefenen we nog?"),
            TAAL,
            58,
            "",
        ),
    ],
    ProgrammeKind.BOL: [
        (
            B,
            N_("Regel de stageovereenkomst"),
            N_("Regel de praktijkovereenkomst (POK) met de school."),
            HR,
            -10,
            "",
        ),
        (
            W1,
            N_("Bespreek de stageopdracht"),
            N_("Bespreek de opdracht van school en wat je hier kunt leren."),
            PO,
            2,
            "",
        ),
        (
            M1,
            N_("Tussenevaluatie met school"),
            N_("Bespreek de voortgang met de stagiair en de school."),
            PO,
            20,
            "",
        ),
    ],
}

DEFAULT_TEMPLATES: list[tuple[str, str, str]] = [
    (ProgrammeKind.STANDARD, N_("Standaard"), N_("Voor iedere nieuwe medewerker.")),
    (
        ProgrammeKind.BBL,
        N_("BBL-student"),
        N_("Leren en werken: vier dagen werk, één dag school, met een praktijkopleider."),
    ),
    (
        ProgrammeKind.TRAINEE,
        N_("Trainee"),
        N_("Een traineeship in een groep, met rotaties door teams."),
    ),
    (
        ProgrammeKind.LANGUAGE_COACH,
        N_("Statushouder met taalcoach"),
        N_(
            "Voor wie Nederlands niet als eerste taal heeft: met een taalcoach. Noem deze naam nooit tegen de medewerker zelf."
        ),
    ),
    (
        ProgrammeKind.BOL,
        N_("Stagiair (BOL)"),
        N_("Een stage tijdens de mbo-opleiding, met school en praktijkopleider."),
    ),
]


def tasks_for(kind: str) -> list[Task]:
    return BASE + EXTRA.get(kind, [])
