"""What is missing: from fields, and from the text when fields are absent."""

from __future__ import annotations

from talentbrug.textcheck import Severity, VacancyFields, check

MISSING_ALL = {
    "missing.salary",
    "missing.hours",
    "missing.nt2_welcome",
    "missing.apply_routes",
    "missing.onboarding",
    "missing.accommodations",
    "missing.contact",
}

FULL = (
    "Je bouwt mee aan de website. Je verdient tussen € 3.100 en € 4.400 bruto per maand. "
    "Je werkt 32 tot 36 uur per week. Is Nederlands niet je eerste taal? Dat is geen probleem. "
    "Je krijgt een inwerkplan en een buddy. Heb je een aanpassing nodig? Vertel het ons. "
    "Solliciteer met of zonder cv. Vragen? Bel Fatima via 070 123 45 67."
)


def _missing(text: str, fields: VacancyFields | None = None) -> set[str]:
    return {f.rule_id for f in check(text, fields).findings if f.family == "missing"}


def test_everything_missing_in_a_bare_text() -> None:
    result = check("Wij zoeken een collega voor ons team.")
    missing = [f for f in result.findings if f.family == "missing"]
    assert {f.rule_id for f in missing} == MISSING_ALL
    assert all(f.is_document_level and f.severity is Severity.WAARSCHUWING for f in missing)


def test_nothing_missing_in_a_full_text() -> None:
    assert _missing(FULL) == set()


def test_fields_fill_what_the_text_lacks() -> None:
    fields = VacancyFields(
        salary_min=2600,
        salary_max=3500,
        hours_min=32,
        hours_max=36,
        has_apply_routes=True,
        has_onboarding_text=True,
        has_nt2_statement=True,
        has_accommodations_statement=True,
        contact_person="Sanne Bakker",
    )
    assert _missing("Je helpt collega's.", fields) == set()


def test_field_false_falls_back_to_text() -> None:
    fields = VacancyFields(has_nt2_statement=False)
    assert "missing.nt2_welcome" not in _missing(FULL, fields)
    assert "missing.nt2_welcome" in _missing("Je helpt collega's.", fields)


def test_too_many_must_haves_from_fields() -> None:
    result = check("Je helpt collega's.", VacancyFields(must_have_count=9))
    (finding,) = [f for f in result.findings if f.rule_id == "req.too_many_must_haves"]
    assert finding.severity is Severity.WAARSCHUWING
    assert "9" in finding.message
    ok = check("Je helpt collega's.", VacancyFields(must_have_count=6))
    assert "req.too_many_must_haves" not in ok.rule_ids()


def test_too_many_must_haves_from_a_list() -> None:
    items = "\n".join(f"- eis {i}" for i in range(1, 9))
    text = f"Wat vragen wij?\n{items}\n\nWat bieden we?\n- een goed salaris"
    result = check(text)
    (finding,) = [f for f in result.findings if f.rule_id == "req.too_many_must_haves"]
    assert result.text[finding.start : finding.end].startswith("Wat vragen wij?")
    assert result.text[finding.start : finding.end].endswith("- eis 8")
    six = "Wat vragen wij?\n" + "\n".join(f"- eis {i}" for i in range(1, 7))
    assert "req.too_many_must_haves" not in check(six).rule_ids()
