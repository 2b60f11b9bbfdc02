"""Readability rules and metrics."""

from __future__ import annotations

import pytest

from talentbrug.textcheck import check
from talentbrug.textcheck.data.b1_words import B1_SUBSTITUTIONS
from talentbrug.textcheck.data.jargon import JARGON
from talentbrug.textcheck.lexicon import syllables
from talentbrug.textcheck.readability import flesch_douma, leesindex_a

from .helpers import ids, matches


def test_b1_list_has_at_least_150_entries() -> None:
    assert len(B1_SUBSTITUTIONS) >= 150
    forms = [f for entry, _ in B1_SUBSTITUTIONS for f in entry.split("|")]
    assert len(forms) == len(set(forms)), "duplicate forms"
    assert len(JARGON) >= 30


def test_formulas() -> None:
    assert flesch_douma(10, 150) == pytest.approx(206.84 - 0.77 * 150 - 0.93 * 10)
    assert leesindex_a(10, 150) == pytest.approx(195 - 2 * 10 - 0.67 * 150)


def test_syllables_dutch() -> None:
    assert syllables("ontwikkelaar") == 4
    assert syllables("betreffende") == 4
    assert syllables("taalcoach") == 2
    assert syllables("informatiebeveiliging") == 8
    assert syllables("e-mail") == 2


def test_long_sentence_span_is_the_sentence() -> None:
    long = " ".join(["woord"] * 22) + "."
    text = "Korte zin. " + long + " Nog een korte zin."
    result = check(text)
    (finding,) = [f for f in result.findings if f.rule_id == "read.long_sentence"]
    assert result.text[finding.start : finding.end] == long
    assert "22" in finding.message
    assert result.metrics.long_sentences == 1


def test_twenty_words_is_not_long() -> None:
    assert "read.long_sentence" not in ids(" ".join(["woord"] * 20) + ".")


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Wij werken middels Scrum.", "middels"),
        ("Teneinde goed te werken, overleg je.", "Teneinde"),
        ("Je schrijft een nota met betrekking tot privacy.", "met betrekking tot"),
        ("Je werkt o.a. met Java.", "o.a."),
        ("Je draagt zorg voor de servers.", "draagt zorg"),
        ("Je creëert een veilige omgeving.", "creëert"),
    ],
)
def test_b1_words(text: str, flagged: str) -> None:
    assert flagged in matches(text, "read.b1_word")


def test_b1_word_not_inside_names_or_other_words() -> None:
    assert "read.b1_word" not in ids("Je hebt een Verklaring Omtrent het Gedrag.")
    assert "read.b1_word" not in ids("De echtgenoot belt.")  # 'echter' is not inside


def test_b1_suggestion() -> None:
    result = check("Wij werken middels Scrum.")
    (finding,) = [f for f in result.findings if f.rule_id == "read.b1_word"]
    assert "met" in finding.suggestion
    assert "B1" in finding.source or "Direct Duidelijk" in finding.source


def test_jargon() -> None:
    text = "Heb jij de skills om met stakeholders te werken? Dit is jouw challenge!"
    assert matches(text, "read.jargon") == ["skills", "stakeholders", "challenge"]
    assert "read.jargon" not in ids("Je werkt met Python, Scrum en de cloud.")


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Van jou wordt verwacht dat je meedenkt.", "wordt verwacht"),
        ("Je wordt ingewerkt door een collega.", "wordt ingewerkt"),
        ("Sollicitaties worden per e-mail behandeld.", "worden per e-mail behandeld"),
        ("De servers werden vorig jaar vervangen.", "werden vorig jaar vervangen"),
        ("De app is gebouwd door ons team.", "is gebouwd"),
    ],
)
def test_passive(text: str, flagged: str) -> None:
    assert matches(text, "read.passive") == [flagged]


@pytest.mark.parametrize(
    "text",
    [
        "Ons team is in 2020 gestart en is snel gegroeid.",
        "Je wordt ontwikkelaar in ons team.",
        "Je bent gemotiveerd en geïnteresseerd.",
        "De functie is geschikt voor iedereen.",
        "Het werk is gericht op veiligheid.",
    ],
)
def test_passive_false_positives(text: str) -> None:
    assert "read.passive" not in ids(text)


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Je zorgt voor de implementatie van het systeem.", "de implementatie van"),
        ("Je bent bezig met het oplossen van storingen.", "het oplossen van"),
        ("Je zorgt voor het beheer van de servers.", "het beheer van"),
        ("Je werkt aan de digitalisering van archieven.", "de digitalisering van"),
        ("Je houdt je bezig met het ontwikkelen en onderhouden van apps.",
         "het ontwikkelen en onderhouden van"),
    ],
)  # fmt: skip
def test_nominalisation(text: str, flagged: str) -> None:
    assert matches(text, "read.nominalisation") == [flagged]


@pytest.mark.parametrize(
    "text",
    [
        "Je werkt op de afdeling van Jan.",
        "Je volgt de opleiding van de academie.",
        "Je werkt bij de overheid van Nederland.",
        "Het leven van een ontwikkelaar is leuk.",
    ],
)
def test_nominalisation_false_positives(text: str) -> None:
    assert "read.nominalisation" not in ids(text)


def test_rare_words_skip_names_numbers_and_acronyms() -> None:
    result = check("Je werkt met Kubernetes bij ICTU in Zoetermeer sinds 2021. Je gebruikt zzzqwx.")
    rare = [f.matched for f in result.findings if f.rule_id == "read.rare_word"]
    assert rare == ["zzzqwx"]
    assert result.metrics.rare_words == ("zzzqwx",)


def test_metrics_and_indication() -> None:
    text = "Je helpt collega's. Je lost problemen op. Je werkt in een team. Je leert veel."
    result = check(text)
    m = result.metrics
    assert m.words == 15
    assert m.sentences == 4
    assert m.words_per_sentence == pytest.approx(3.75)
    assert m.flesch_douma > 60
    assert result.indication == "De tekst lijkt goed leesbaar (indicatie)."


def test_indication_never_claims_a_level() -> None:
    texts = [
        "Je helpt collega's.",
        "Teneinde de dienstverlening te optimaliseren, draag je zorg voor de implementatie van "
        "nieuwe werkprocessen middels heldere werkinstructies en multidisciplinaire "
        "samenwerkingsverbanden binnen de rijksbrede informatiehuishouding.",
        "",
    ]
    for text in texts:
        indication = check(text).indication
        assert "B1" not in indication and "B2" not in indication
        assert "indicatie" in indication or indication.startswith("Er is geen tekst")
