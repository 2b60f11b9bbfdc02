"""The templates Talentbrug ships. Titles are stored in Dutch and translated on display.

``gettext_noop`` marks them for the translation files without translating them here.
"""

from __future__ import annotations

from django.utils.translation import gettext_noop

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
        gettext_noop("Stuur een welkomstbericht"),
        gettext_noop(
            "Zeg welkom en vertel wat er de eerste dag gebeurt: waar, hoe laat en naar wie je vraagt."
        ),
        MAN,
        -5,
        "",
    ),
    (
        B,
        gettext_noop("Regel laptop, pas en accounts"),
        gettext_noop(
            "Vraag de laptop, de toegangspas en de accounts aan, zodat alles klaarligt op de eerste dag."
        ),
        HR,
        -5,
        "",
    ),
    (
        B,
        gettext_noop("Kies een buddy"),
        gettext_noop(
            "Vraag een collega om buddy te zijn: iemand die de weg wijst en vragen beantwoordt."
        ),
        MAN,
        -3,
        "",
    ),
    (
        B,
        gettext_noop("Vul de intake in"),
        gettext_noop("Vertel wat je verwacht, wat je wilt leren en wat je nodig hebt."),
        NEW,
        -1,
        FormKind.INTAKE,
    ),
    (
        W1,
        gettext_noop("Ontvang de nieuwe collega"),
        gettext_noop("Wees er op de eerste dag. Loop samen door het gebouw en stel het team voor."),
        MAN,
        0,
        "",
    ),
    (
        W1,
        gettext_noop("Lunch samen"),
        gettext_noop("Lunch samen op de eerste dag en vertel hoe het hier werkt."),
        BUD,
        0,
        "",
    ),
    (
        W1,
        gettext_noop("Bespreek de intake"),
        gettext_noop(
            "Bespreek wat jullie van elkaar verwachten. Zeg duidelijk wat je verwacht en vraag door."
        ),
        MAN,
        2,
        "",
    ),
    (
        W1,
        gettext_noop("Vul je eerste check-in in"),
        gettext_noop("Vertel hoe je eerste week ging. Het kost twee minuten."),
        NEW,
        4,
        FormKind.CHECKIN,
    ),
    (
        M1,
        gettext_noop("Maak je ontwikkeldoelen"),
        gettext_noop("Schrijf twee of drie dingen op die je wilt leren."),
        NEW,
        10,
        FormKind.GOALS,
    ),
    (
        M1,
        gettext_noop("Loop een dag mee met een ander team"),
        gettext_noop("Zo zie je hoe jouw werk en het werk van anderen samenhangen."),
        BUD,
        12,
        "",
    ),
    (
        M1,
        gettext_noop("Deel je tien verbazingen"),
        gettext_noop("Wat viel je op in je eerste maand? Schrijf het op. Wij leren ervan."),
        NEW,
        20,
        FormKind.SURPRISES,
    ),
    (
        M1,
        gettext_noop("Bespreek de verbazingen"),
        gettext_noop("Praat samen over de verbazingen. Wat kunnen we beter doen?"),
        MAN,
        22,
        "",
    ),
    (
        M3,
        gettext_noop("Evaluatie na 3 maanden"),
        gettext_noop("Bespreek wat goed gaat en wat beter kan. Leg de afspraken vast."),
        MAN,
        62,
        FormKind.EVALUATION_3,
    ),
    (
        M6,
        gettext_noop("Evaluatie na 6 maanden"),
        gettext_noop("Kijk terug op het inwerken en maak afspraken voor daarna."),
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
            gettext_noop("Teken de praktijkovereenkomst"),
            gettext_noop("Regel de praktijkovereenkomst (POK) met de school en de student."),
            HR,
            -10,
            "",
        ),
        (
            B,
            gettext_noop("Spreek de schooldag af"),
            gettext_noop("Zet de vaste schooldag in de planning van het team."),
            PO,
            -3,
            "",
        ),
        (
            W1,
            gettext_noop("Kennismaken met de praktijkopleider"),
            gettext_noop("De praktijkopleider legt uit hoe leren en werken samengaan."),
            PO,
            1,
            "",
        ),
        (
            M1,
            gettext_noop("Plan het eerste gesprek met school"),
            gettext_noop("Plan samen met de school het eerste voortgangsgesprek."),
            PO,
            15,
            "",
        ),
        (
            M3,
            gettext_noop("Voortgangsgesprek met school"),
            gettext_noop("Bespreek de voortgang met de student en de school."),
            PO,
            60,
            "",
        ),
    ],
    ProgrammeKind.TRAINEE: [
        (
            W1,
            gettext_noop("Maak kennis met je traineegroep"),
            gettext_noop("Je begint samen met andere trainees. Leer elkaar kennen."),
            NEW,
            1,
            "",
        ),
        (
            M1,
            gettext_noop("Plan de eerste rotatie"),
            gettext_noop("Kies samen het eerste team waar de trainee meedraait."),
            MAN,
            10,
            "",
        ),
        (
            M3,
            gettext_noop("Kies je volgende rotatie"),
            gettext_noop("Welk team past bij wat je wilt leren? Bespreek het."),
            NEW,
            55,
            "",
        ),
    ],
    ProgrammeKind.LANGUAGE_COACH: [
        (
            B,
            gettext_noop("Regel een taalcoach"),
            gettext_noop("Zoek een taalcoach: een collega of een externe coach."),
            MAN,
            -5,
            "",
        ),
        (
            W1,
            gettext_noop("Eerste gesprek met je taalcoach"),
            gettext_noop("Je taalcoach helpt met vaktaal, mails schrijven en gesprekken."),
            TAAL,
            2,
            "",
        ),
        (
            M1,
            gettext_noop("Oefen een zakelijke e-mail"),
            gettext_noop("Schrijf samen met je taalcoach een e-mail aan een klant of collega."),
            TAAL,
            12,
            "",
        ),
        (
            M1,
            gettext_noop("Maak een lijst met vaktermen"),
            gettext_noop("Schrijf woorden op die je nog niet kent. Je taalcoach legt ze uit."),
            NEW,
            15,
            "",
        ),
        (
            M3,
            gettext_noop("Bespreek de voortgang met de taalcoach"),
            gettext_noop("Wat gaat al goed? Wat oefenen we nog?"),
            TAAL,
            58,
            "",
        ),
    ],
    ProgrammeKind.BOL: [
        (
            B,
            gettext_noop("Regel de stageovereenkomst"),
            gettext_noop("Regel de praktijkovereenkomst (POK) met de school."),
            HR,
            -10,
            "",
        ),
        (
            W1,
            gettext_noop("Bespreek de stageopdracht"),
            gettext_noop("Bespreek de opdracht van school en wat je hier kunt leren."),
            PO,
            2,
            "",
        ),
        (
            M1,
            gettext_noop("Tussenevaluatie met school"),
            gettext_noop("Bespreek de voortgang met de stagiair en de school."),
            PO,
            20,
            "",
        ),
    ],
}

DEFAULT_TEMPLATES: list[tuple[str, str, str]] = [
    (
        ProgrammeKind.STANDARD,
        gettext_noop("Standaard"),
        gettext_noop("Voor iedere nieuwe medewerker."),
    ),
    (
        ProgrammeKind.BBL,
        gettext_noop("BBL-student"),
        gettext_noop("Leren en werken: vier dagen werk, één dag school, met een praktijkopleider."),
    ),
    (
        ProgrammeKind.TRAINEE,
        gettext_noop("Trainee"),
        gettext_noop("Een traineeship in een groep, met rotaties door teams."),
    ),
    (
        ProgrammeKind.LANGUAGE_COACH,
        gettext_noop("Statushouder met taalcoach"),
        gettext_noop(
            "Voor wie Nederlands niet als eerste taal heeft: met een taalcoach. Noem deze naam nooit tegen de medewerker zelf."
        ),
    ),
    (
        ProgrammeKind.BOL,
        gettext_noop("Stagiair (BOL)"),
        gettext_noop("Een stage tijdens de mbo-opleiding, met school en praktijkopleider."),
    ),
]


def tasks_for(kind: str) -> list[Task]:
    return BASE + EXTRA.get(kind, [])


# Shipped template tasks that arrange a supporter. At hire, a promised supporter who is not
# named yet turns this task into the coordinator's open task (one task, not two).
ARRANGING_TITLES = {
    "buddy": "Kies een buddy",
    "language_coach": "Regel een taalcoach",
}
