"""User-facing Dutch texts (B1) of the vacancy check, kept as plain constants.

The Django layer wraps these for translation; the library itself only returns them. Every
explanation names its source. Placeholders in ``{braces}`` are filled with ``str.format``.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["INDICATION", "MESSAGES", "Message"]

SRC_WGBL = (
    "Wet gelijke behandeling op grond van leeftijd bij de arbeid (WGBL); "
    "College voor de Rechten van de Mens (CRM)"
)
SRC_AWGB = "Algemene wet gelijke behandeling (AWGB); College voor de Rechten van de Mens (CRM)"
SRC_LANG = (
    "Algemene wet gelijke behandeling (AWGB); College voor de Rechten van de Mens (CRM), "
    "oordeel 2022-55"
)
SRC_GENDER_LAW = (
    "Algemene wet gelijke behandeling (AWGB) en Wet gelijke behandeling van mannen en vrouwen; "
    "College voor de Rechten van de Mens (CRM)"
)
SRC_AVG = "AVG (Autoriteit Persoonsgegevens) en NVP Sollicitatiecode"
SRC_GAUCHER = "Gaucher, Friesen & Kay (2011), Journal of Personality and Social Psychology"
SRC_B1 = "B1-richtlijn / Direct Duidelijk (Rijksoverheid)"
SRC_RIJK = "Besluit werving en selectie Rijk; richtlijn van Talentbrug"


@dataclass(frozen=True, slots=True)
class Message:
    """Explanation, suggestion and source of one rule."""

    explanation: str
    suggestion: str
    source: str


MESSAGES: dict[str, Message] = {
    "excl.age": Message(
        "Je noemt een leeftijd of een leeftijdsgrens. Dat is onderscheid op leeftijd. "
        "Dat mag niet, behalve met een goede reden die in de wet staat.",
        "Haal de leeftijd weg. Schrijf wat iemand moet kunnen.",
        SRC_WGBL,
    ),
    "excl.age_minimum": Message(
        "Je noemt een minimumleeftijd. Dat mag alleen als de wet het vraagt, "
        "bijvoorbeeld voor werk met gevaarlijke stoffen.",
        "Leg uit waarom de leeftijd nodig is, of haal hem weg.",
        SRC_WGBL,
    ),
    "excl.age_coded": Message(
        "Dit woord zegt iets over leeftijd: '{match}'. Oudere kandidaten voelen zich dan "
        "niet welkom. Dat is onderscheid op leeftijd.",
        "Schrijf wat je zoekt, zonder leeftijd. Bijvoorbeeld: '{alt}'.",
        SRC_WGBL,
    ),
    "excl.experience_max": Message(
        "Je noemt een maximum aan jaren ervaring. Daarmee sluit je oudere kandidaten uit. "
        "Dat is onderscheid op leeftijd.",
        "Noem geen maximum. Schrijf wat iemand moet kunnen, of noem alleen een minimum.",
        SRC_WGBL,
    ),
    "excl.native_speaker": Message(
        "Je vraagt om '{match}'. Dat sluit mensen uit op afkomst. "
        "Het College voor de Rechten van de Mens noemt dit discriminatie.",
        "Noem het taalniveau dat nodig is, bijvoorbeeld: 'Nederlands op niveau B1'.",
        SRC_LANG,
    ),
    "excl.native_speaker_welcome": Message(
        "Het woord 'moedertaal' past niet in een vacature, ook niet in een welkomstzin.",
        "Schrijf: 'Is Nederlands niet je eerste taal? Dat is geen probleem.'",
        SRC_LANG,
    ),
    "excl.language_level": Message(
        "Je vraagt heel goed Nederlands ('{match}'). Dat mag alleen als het werk dat echt "
        "nodig maakt. Schrijf dan ook waarom.",
        "Noem het niveau (bijvoorbeeld B1) en de reden. Of schrijf: "
        "'Je leert het bij ons, met een taalcoach.'",
        SRC_LANG,
    ),
    "excl.language_level_justified": Message(
        "Je vraagt een hoog taalniveau ('{match}'). De reden staat in de velden, "
        "maar niet in de tekst.",
        "Zet de reden ook in de tekst, dan begrijpt de kandidaat waarom.",
        SRC_LANG,
    ),
    "excl.language_level_field": Message(
        "De taaleis {language} ({skill}) is {level}. Dat is hoger dan B1. Er staat geen reden bij.",
        "Schrijf waarom dit niveau bij de start nodig is, of kies B1 met een taalcoach.",
        SRC_LANG,
    ),
    "excl.nationality": Message(
        "Je vraagt om een nationaliteit of afkomst ('{match}'). Dat is onderscheid op "
        "nationaliteit of afkomst. Dat mag alleen met een wettelijke grond.",
        "Haal de eis weg. Mag de kandidaat in Nederland werken? Dat controleert de werkgever "
        "pas bij aanname.",
        SRC_AWGB,
    ),
    "excl.diploma_only": Message(
        "Je vraagt om een diploma ('{match}'), zonder andere route. Kandidaten met een "
        "buitenlands diploma of met ervaring vallen dan af.",
        "Schrijf erbij: 'of gelijkwaardig' of 'of vergelijkbare ervaring'. Een buitenlands "
        "diploma kan de kandidaat laten waarderen bij IDW (Nuffic of SBB).",
        SRC_RIJK + "; " + SRC_AWGB,
    ),
    "excl.diploma_only_field": Message(
        "De opleidingseis staat in de velden zonder 'of gelijkwaardig'.",
        "Zet bij de opleidingseis dat ervaring of een gelijkwaardig diploma ook telt.",
        SRC_RIJK + "; " + SRC_AWGB,
    ),
    "excl.gendered_title": Message(
        "De functienaam '{match}' is voor één gender. Dat is onderscheid op geslacht.",
        "Gebruik een neutrale naam, bijvoorbeeld '{alt}', of zet '(v/m/x)' achter de titel.",
        SRC_GENDER_LAW,
    ),
    "excl.hij_zij": Message(
        "'{match}' noemt maar twee genders en leest lastig.",
        "Spreek de lezer aan met 'je', of schrijf 'die' of 'de collega'.",
        SRC_GENDER_LAW,
    ),
    "excl.photo": Message(
        "Je vraagt om een foto. Een foto laat leeftijd, afkomst en geslacht zien. "
        "Dat leidt tot onderscheid. Vraag er niet om.",
        "Haal de vraag om een foto weg.",
        SRC_AVG + "; " + SRC_AWGB,
    ),
    "excl.personal_data": Message(
        "Je vraagt om persoonsgegevens die je bij solliciteren niet mag vragen ('{match}').",
        "Vraag dit niet bij de sollicitatie. Vraag alleen: 'Mag je in Nederland werken? "
        "Ja of nee.' Het ID controleer je pas bij aanname.",
        SRC_AVG,
    ),
    "gender.masculine": Message(
        "'{match}' wordt vaak als mannelijk gelezen. Vrouwen reageren dan minder vaak.",
        "Schrijf wat je bedoelt, bijvoorbeeld: '{alt}'.",
        SRC_GAUCHER,
    ),
    "gender.feminine": Message(
        "'{match}' wordt vaak als vrouwelijk gelezen. Dat is niet fout, maar let op de balans.",
        "Schrijf wat je bedoelt, bijvoorbeeld: '{alt}'.",
        SRC_GAUCHER,
    ),
    "read.long_sentence": Message(
        "Deze zin heeft {count} woorden. Zinnen van meer dan 20 woorden zijn moeilijk te lezen.",
        "Maak er twee of drie zinnen van. Eén boodschap per zin.",
        SRC_B1,
    ),
    "read.b1_word": Message(
        "'{match}' is een moeilijk of ambtelijk woord.",
        "Schrijf '{alt}'.",
        SRC_B1,
    ),
    "read.jargon": Message(
        "'{match}' is Engels vakjargon. Niet iedereen kent het.",
        "Schrijf in gewoon Nederlands: '{alt}'.",
        SRC_B1,
    ),
    "read.passive": Message(
        "'{match}' is een lijdende vorm. Dan is niet duidelijk wie iets doet.",
        "Schrijf wie het doet. Bijvoorbeeld: 'Wij verwachten dat je ...' of 'Een collega "
        "werkt je in.'",
        SRC_B1,
    ),
    "read.nominalisation": Message(
        "'{match}' is een werkwoord dat een zelfstandig naamwoord is geworden. "
        "Dat maakt de zin zwaar.",
        "Gebruik het werkwoord. Bijvoorbeeld: niet 'het oplossen van storingen', maar "
        "'je lost storingen op'.",
        SRC_B1,
    ),
    "read.rare_word": Message(
        "'{match}' is een woord dat weinig mensen gebruiken.",
        "Kies een bekender woord, of leg het woord uit.",
        SRC_B1,
    ),
    "missing.salary": Message(
        "Het salaris staat er niet bij. Kandidaten willen weten wat ze verdienen.",
        "Noem de schaal en het bedrag per maand, bijvoorbeeld: 'tussen € 3.100 en € 4.400 "
        "bruto per maand (schaal 9)'.",
        SRC_RIJK,
    ),
    "missing.hours": Message(
        "Het aantal uren per week staat er niet bij.",
        "Schrijf bijvoorbeeld: '32 tot 36 uur per week'.",
        SRC_RIJK,
    ),
    "missing.nt2_welcome": Message(
        "Er staat niet dat mensen met Nederlands als tweede taal welkom zijn.",
        "Schrijf: 'Is Nederlands niet je eerste taal? Dat is geen probleem. Je krijgt hulp "
        "van een taalcoach.'",
        SRC_RIJK,
    ),
    "missing.apply_routes": Message(
        "Er staat niet hoe je kunt solliciteren.",
        "Schrijf de manieren: met of zonder cv, met een opdracht of op een wervingsdag.",
        SRC_RIJK,
    ),
    "missing.onboarding": Message(
        "Er staat niet hoe je wordt ingewerkt en begeleid.",
        "Vertel over het inwerkplan, de buddy en de wekelijkse gesprekken.",
        SRC_RIJK,
    ),
    "missing.accommodations": Message(
        "Er staat niet dat je aanpassingen kunt vragen, bijvoorbeeld bij een beperking.",
        "Schrijf: 'Heb je een aanpassing nodig bij het gesprek of op je werkplek? Vertel het ons.'",
        SRC_AWGB,
    ),
    "missing.contact": Message(
        "Er staat geen contactpersoon bij.",
        "Noem een naam en een telefoonnummer of e-mailadres voor vragen.",
        SRC_RIJK,
    ),
    "req.too_many_must_haves": Message(
        "Er staan {count} eisen in de vacature. Bij meer dan 6 eisen haken goede kandidaten af.",
        "Houd alleen de eisen over die echt nodig zijn bij de start. Zet de rest bij "
        "'dit leer je bij ons'.",
        SRC_RIJK,
    ),
}

INDICATION: dict[str, str] = {
    "empty": "Er is geen tekst om te controleren.",
    "good": "De tekst lijkt goed leesbaar (indicatie).",
    "fair": "De tekst lijkt redelijk leesbaar (indicatie). Kortere zinnen en gewone woorden "
    "helpen.",
    "hard": "De tekst lijkt moeilijk leesbaar (indicatie). Maak de zinnen korter en kies "
    "gewone woorden.",
    "blocking": "Er staan {count} blokkerende punten in. Los die op voor je publiceert.",
    "gender_masculine": "De tekst bevat veel woorden die als mannelijk worden gelezen "
    "({masculine} tegen {feminine}).",
}
