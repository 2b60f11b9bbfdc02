"""Exclusionary wording: one block per rule, with false-positive checks."""

from __future__ import annotations

import pytest

from talentbrug.textcheck import (
    EducationRequirement,
    LanguageRequirement,
    Severity,
    VacancyFields,
    check,
)

from .helpers import ids, matches


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Je bent tussen de 25 en 35 jaar.", "tussen de 25 en 35 jaar"),
        ("Ben jij maximaal 30 jaar oud?", "maximaal 30 jaar oud"),
        ("Je bent jonger dan 30 jaar.", "jonger dan 30 jaar"),
        ("Leeftijd: 20-30 jaar", "Leeftijd: 20-30 jaar"),
        ("Je bent niet ouder dan 35.", "niet ouder dan 35"),
        ("Je bent tussen de twintig en dertig jaar oud.", "tussen de twintig en dertig jaar oud"),
        ("Je bent 27 jaar of jonger.", "27 jaar of jonger"),
    ],
)
def test_age_limits_are_blocking(text: str, flagged: str) -> None:
    result = check(text)
    found = [f for f in result.findings if f.rule_id == "excl.age"]
    assert found, text
    assert result.text[found[0].start : found[0].end] == flagged
    assert found[0].severity is Severity.BLOKKEREND
    assert "WGBL" in found[0].source


def test_minimum_age_18_is_a_warning_not_blocking() -> None:
    result = check("Je bent minimaal 18 jaar oud.")
    (finding,) = [f for f in result.findings if f.rule_id == "excl.age"]
    assert finding.severity is Severity.WAARSCHUWING


@pytest.mark.parametrize(
    "text",
    [
        "Ons team bestaat al 25 jaar.",
        "Je krijgt een contract voor 1 jaar.",
        "Tussen 2019 en 2023 hebben we ons datacenter vernieuwd.",
        "Je hebt tussen de 10 en 15 jaar ervaring met Linux.",
        "Je geeft les aan jongeren tussen 14 en 23 jaar.",
        "Iedereen is welkom, ongeacht leeftijd of afkomst.",
        "Je werkt 32 tot 36 uur per week.",
        "Parttime werken kan ook, vanaf 24 uur.",
    ],
)
def test_age_false_positives(text: str) -> None:
    assert "excl.age" not in ids(text)


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Je komt in een jong team.", "jong team"),
        ("Wij zoeken een jonge, enthousiaste collega.", "jonge, enthousiaste collega"),
        ("Ons jonge en dynamische team groeit.", "jonge en dynamische team"),
        ("Deze functie is geschikt voor starters.", "starters"),
        ("Ben je pas afgestudeerd?", "pas afgestudeerd"),
        ("Ben jij een young professional?", "young professional"),
    ],
)
def test_age_coded_words(text: str, flagged: str) -> None:
    assert flagged in matches(text, "excl.age_coded")


@pytest.mark.parametrize(
    "text",
    [
        "Wij werken voor jong en oud.",
        "Je werkt aan de startersregeling voor huizenkopers.",
        "Je start op 1 september.",
        "Wij zijn een jonge organisatie.",
    ],
)
def test_age_coded_false_positives(text: str) -> None:
    assert "excl.age_coded" not in ids(text)


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Je hebt maximaal 3 jaar ervaring.", "maximaal 3 jaar ervaring"),
        ("Je hebt 1 tot 3 jaar werkervaring.", "1 tot 3 jaar werkervaring"),
        ("Je hebt 2-4 jaar relevante werkervaring.", "2-4 jaar relevante werkervaring"),
        ("Je hebt niet meer dan vijf jaar ervaring.", "niet meer dan vijf jaar ervaring"),
    ],
)
def test_experience_max(text: str, flagged: str) -> None:
    assert matches(text, "excl.experience_max") == [flagged]


def test_minimum_experience_is_fine() -> None:
    assert "excl.experience_max" not in ids("Je hebt minimaal 3 jaar ervaring met Java.")


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Nederlands is je moedertaal.", "moedertaal"),
        ("Je bent native speaker Nederlands.", "native speaker"),
        ("Je spreekt accentloos Nederlands.", "accentloos"),
        ("Je bent moedertaalspreker.", "moedertaalspreker"),
    ],
)
def test_native_speaker_blocking(text: str, flagged: str) -> None:
    result = check(text)
    (finding,) = [f for f in result.findings if f.rule_id == "excl.native_speaker"]
    assert result.text[finding.start : finding.end] == flagged
    assert finding.severity is Severity.BLOKKEREND
    assert "CRM" in finding.source or "College voor de Rechten van de Mens" in finding.source


def test_moedertaal_in_a_welcome_sentence_is_only_a_tip() -> None:
    result = check("Nederlands niet je moedertaal? Geen probleem!")
    (finding,) = [f for f in result.findings if f.rule_id == "excl.native_speaker"]
    assert finding.severity is Severity.TIP


def test_native_app_is_not_native_speaker() -> None:
    assert "excl.native_speaker" not in ids("Je bouwt native apps en cloud-native software.")


@pytest.mark.parametrize(
    "text",
    [
        "Je spreekt uitstekend Nederlands.",
        "Uitstekende beheersing van de Nederlandse taal is een vereiste.",
        "Vloeiend Nederlands is een must.",
        "Je schrijft Nederlands op C1-niveau.",
        "Je spreekt Nederlands op minimaal B2-niveau.",
        "Je beheerst de Nederlandse taal perfect.",
    ],
)
def test_language_level_unjustified_is_blocking(text: str) -> None:
    result = check(text)
    found = [f for f in result.findings if f.rule_id == "excl.language_level"]
    assert found and found[0].severity is Severity.BLOKKEREND, text


@pytest.mark.parametrize(
    "text",
    [
        "Je hoeft geen perfect Nederlands te spreken.",
        "Je schrijft wetteksten, daarom vragen we Nederlands op niveau C1.",
        "Je spreekt Engels op C1-niveau.",
        "Je spreekt Nederlands op niveau B1.",
        "Wij bieden uitstekende arbeidsvoorwaarden bij de Nederlandse overheid.",
    ],
)
def test_language_level_not_flagged(text: str) -> None:
    assert "excl.language_level" not in ids(text)


def test_language_level_justified_in_fields_is_a_tip() -> None:
    fields = VacancyFields(
        language_requirements=(
            LanguageRequirement(level="C1", skill="writing", justification="Je schrijft wetten."),
        )
    )
    result = check("Je schrijft uitstekend Nederlands.", fields)
    (finding,) = [f for f in result.findings if f.rule_id == "excl.language_level"]
    assert finding.severity is Severity.TIP


def test_language_level_field_without_justification_is_blocking() -> None:
    fields = VacancyFields(language_requirements=(LanguageRequirement(level="B2"),))
    result = check("Je helpt collega's.", fields)
    (finding,) = [f for f in result.findings if f.rule_id == "excl.language_level"]
    assert finding.severity is Severity.BLOKKEREND
    assert finding.field == "language_requirements"
    assert finding.is_document_level
    assert "B2" in finding.message


def test_language_level_field_b1_is_fine() -> None:
    fields = VacancyFields(language_requirements=(LanguageRequirement(level="B1"),))
    assert "excl.language_level" not in ids("Je helpt collega's.", fields)


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Je hebt de Nederlandse nationaliteit.", "de Nederlandse nationaliteit"),
        ("Je hebt een Nederlands paspoort.", "Nederlands paspoort"),
        ("Een EU-nationaliteit is vereist.", "EU-nationaliteit"),
    ],
)
def test_nationality(text: str, flagged: str) -> None:
    assert matches(text, "excl.nationality") == [flagged]


def test_nationality_in_diversity_statement_is_fine() -> None:
    text = "Iedereen is welkom, ongeacht leeftijd, afkomst, nationaliteit of geloof."
    assert "excl.nationality" not in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "Je hebt hbo-werk- en denkniveau.",
        "Je hebt een afgeronde hbo-opleiding informatica.",
        "Je hebt een afgeronde wo-opleiding (master).",
        "Functie-eisen: minimaal hbo-niveau.",
        "Heb jij een WO-diploma?",
        "Academisch werk- en denkniveau is noodzakelijk.",
    ],
)
def test_diploma_only(text: str) -> None:
    assert "excl.diploma_only" in ids(text), text


@pytest.mark.parametrize(
    "text",
    [
        "Je hebt hbo-werk- en denkniveau of vergelijkbare ervaring.",
        "Je hebt een afgeronde mbo 4-opleiding ICT of gelijkwaardig.",
        "Je volgt een mbo-opleiding niveau 4 via de BBL.",
        "Je hebt geen diploma nodig.",
        "Je hebt een hbo-diploma. Heb je een diploma uit het buitenland? Vraag IDW om advies.",
    ],
)
def test_diploma_with_route_is_fine(text: str) -> None:
    assert "excl.diploma_only" not in ids(text), text


def test_diploma_field_without_equivalence() -> None:
    fields = VacancyFields(education=EducationRequirement(nlqf_level=6, label="hbo bachelor"))
    result = check("Je bouwt software.", fields)
    assert any(f.rule_id == "excl.diploma_only" and f.field == "education" for f in result)


def test_diploma_field_allowing_equivalence_downgrades_text_finding() -> None:
    fields = VacancyFields(education=EducationRequirement(nlqf_level=6, allows_equivalent=True))
    result = check("Je hebt een afgeronde hbo-opleiding.", fields)
    (finding,) = [f for f in result.findings if f.rule_id == "excl.diploma_only"]
    assert finding.severity is Severity.WAARSCHUWING


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("Wij zoeken een secretaresse.", "secretaresse"),
        ("Medewerkster ICT-servicedesk", "Medewerkster"),
        ("Servicedeskmedewerkster gezocht", "Servicedeskmedewerkster"),
        ("Je bent een echte vakman.", "vakman"),
    ],
)
def test_gendered_titles(text: str, flagged: str) -> None:
    assert matches(text, "excl.gendered_title") == [flagged]


@pytest.mark.parametrize(
    "text",
    [
        "Medewerkster ICT-servicedesk (v/m/x)",
        "Je werkt samen met de medewerkers van de afdeling.",
        "Je werkt voor de minister.",
        "Je werkt met de heer Hofman.",
    ],
)
def test_gendered_title_false_positives(text: str) -> None:
    assert "excl.gendered_title" not in ids(text)


def test_gendered_title_in_fields() -> None:
    result = check("Je beheert de agenda.", VacancyFields(title="Secretaresse"))
    (finding,) = [f for f in result.findings if f.rule_id == "excl.gendered_title"]
    assert finding.field == "title"
    assert "Secretaresse" in finding.message


@pytest.mark.parametrize("form", ["hij/zij", "hij of zij", "zijn/haar", "zij of hij", "hem/haar"])
def test_hij_zij_is_a_tip(form: str) -> None:
    result = check(f"De kandidaat weet dat {form} goed werk levert.")
    (finding,) = [f for f in result.findings if f.rule_id == "excl.hij_zij"]
    assert finding.severity is Severity.TIP
    assert result.text[finding.start : finding.end] == form


@pytest.mark.parametrize(
    "text",
    [
        "Stuur je cv met foto naar ons.",
        "Voeg een recente pasfoto toe.",
        "Stuur een foto mee met je sollicitatie.",
        "Een recente foto ontvangen we graag bij je sollicitatie.",
    ],
)
def test_photo(text: str) -> None:
    assert "excl.photo" in ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "Op onze website vind je foto's van het team.",
        "Je maakt foto's voor onze website als fotograaf.",
    ],
)
def test_photo_false_positives(text: str) -> None:
    assert "excl.photo" not in ids(text)


def test_personal_data() -> None:
    text = "Vermeld je geboortedatum en stuur een kopie van je paspoort mee."
    assert matches(text, "excl.personal_data") == ["geboortedatum", "kopie van je paspoort"]


def test_personal_data_at_hiring_is_fine() -> None:
    text = "Na je aanname vragen we je om een kopie van je identiteitsbewijs."
    assert "excl.personal_data" not in ids(text)


def test_age_and_experience_range_in_one_sentence() -> None:
    text = "Je bent tussen de 23 en 30 jaar en hebt 0 tot 2 jaar werkervaring."
    assert matches(text, "excl.age") == ["tussen de 23 en 30 jaar"]
    assert matches(text, "excl.experience_max") == ["0 tot 2 jaar werkervaring"]
