"""Gender-coded words: inflections and compounds, without firing inside unrelated words."""

from __future__ import annotations

import pytest

from talentbrug.textcheck import Severity, check
from talentbrug.textcheck.data.gender_words import FEMININE, MASCULINE

from .helpers import ids, matches


def test_list_has_at_least_80_stems() -> None:
    lemmas = {w.lemma for w in MASCULINE} | {w.lemma for w in FEMININE}
    assert len(lemmas) >= 80
    assert all(w.alternative for w in MASCULINE + FEMININE)


@pytest.mark.parametrize(
    "word",
    [
        "ambitieus", "ambitieuze", "resultaatgericht", "resultaatgerichte", "stressbestendig",
        "stressbestendige", "stressbestendigheid", "daadkrachtig", "daadkrachtige", "daadkracht",
        "dominant", "dominante", "competitief", "competitieve", "analytische", "zelfstandige",
        "gedreven", "proactieve", "doorzettingsvermogen",
    ],
)  # fmt: skip
def test_masculine_forms(word: str) -> None:
    text = f"Je bent {word} en werkt graag met ons."
    assert matches(text, "gender.masculine") == [word]


@pytest.mark.parametrize(
    "word",
    [
        "loyaal", "loyale", "zorgvuldig", "zorgvuldige", "klantvriendelijk", "klantvriendelijke",
        "communicatief", "communicatieve", "empathisch", "ondersteunend", "betrokken",
        "behulpzaam", "geduldig",
    ],
)  # fmt: skip
def test_feminine_forms(word: str) -> None:
    text = f"Je bent {word} en werkt graag met ons."
    assert matches(text, "gender.feminine") == [word]


@pytest.mark.parametrize(
    "text",
    [
        "Het predominante beeld is positief.",  # 'dominant' inside another word
        "Wij maken de website gebruiksvriendelijk.",  # 'vriendelijk' inside a compound
        "Samen met de betrokken afdelingen maak je een plan.",  # 'betrokken' = involved
        "Je bent betrokken bij de ontwikkeling van de app.",
        "Je werkt bij een zelfstandig bestuursorgaan.",
        "Wij bieden een competitief salaris.",
        "Je werkt onafhankelijk van je locatie.",
        "Je bouwt dynamische webpagina's.",
        "Je begeleider helpt je.",  # not 'leider'
        "De loyaliteitskaart is nieuw.",  # a compound that is not about the candidate
    ],
)
def test_gender_false_positives(text: str) -> None:
    found = ids(text)
    assert "gender.masculine" not in found and "gender.feminine" not in found, text


def test_gender_findings_are_tips_with_alternative_and_source() -> None:
    result = check("Je bent ambitieus.", families={"gender"})
    (finding,) = list(result)
    assert finding.severity is Severity.TIP
    assert "Gaucher" in finding.source
    assert "leren" in finding.suggestion


def test_gender_counts_and_note() -> None:
    result = check("Je bent ambitieus, daadkrachtig, analytisch en resultaatgericht.")
    assert result.metrics.masculine_words == 4
    assert any("mannelijk" in note for note in result.notes)


def test_multiword_feminine_phrase() -> None:
    assert matches("Je hebt een luisterend oor.", "gender.feminine") == ["luisterend oor"]
