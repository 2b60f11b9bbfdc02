from __future__ import annotations

import re
import signal
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from talentbrug.redaction import Category, redact
from talentbrug.redaction.detectors.patterns import fold


def cats(text: str, **kw: object) -> list[tuple[str, str]]:
    result = redact(text, **kw)  # type: ignore[arg-type]
    return [(s.category.value, s.text) for s in result.spans]


@pytest.mark.parametrize(
    "phone",
    [
        "06-12345678",
        "06 1234 5678",
        "0612345678",
        "06 12 34 56 78",
        "(06) 23 45 67 89",
        "020-1234567",
        "020 123 45 67",
        "070-3456789",
        "010 - 412 34 56",
        "+31 6 12345678",
        "+31 (0)6 1234 5678",
        "+31612345678",
        "0031 6 12345678",
        "+963 944 123 456",
        "+90 532 123 45 67",
        "+98 912 345 6789",
        "+291 7 123 456",
        "+964 770 123 4567",
        "+44 20 7946 0958",
    ],
)
def test_phone_formats(phone: str) -> None:
    result = redact(f"Bel mij op {phone} voor een afspraak.")
    assert result.text == "Bel mij op [telefoon] voor een afspraak."
    assert result.spans[0].text == phone


@pytest.mark.parametrize(
    "text",
    [
        "2019–2023 Servicedesk medewerker",
        "2019 - 2023 Helpdesk",
        "Python 3.11 en Django 4.2",
        "Ubuntu 22.04 LTS, Windows Server 2019",
        "netwerk 192.168.1.10 en 10.0.0.0/8",
        "van 01-09-2019 t/m 30-06-2023",
        "stage 06-2021 t/m 01-2022",
        "Ik heb 5 jaar ervaring en ben 3 jaar werkzaam geweest bij een hoster.",
        "een 4-jarige opleiding",
        "release 4.10.2 (build 20230115), uptime 99.95%",
        "Jan 2019 – Mar 2021: helpdesk",
        "Budget € 120.000 over 2021-2024, ticket INC-2023-0456",
        "Nederlands op B1-niveau, CCNA (2022), mbo 4 crebo 25191",
    ],
)
def test_ordinary_content_is_kept(text: str) -> None:
    result = redact(text, known_names=["Jan de Vries"])
    assert result.text == text, result.spans


def test_full_dutch_header() -> None:
    text = (
        "Naam: Ahmad Al-Hassan\n"
        "Adres: Kerkstraat 12a, 1234 AB Utrecht\n"
        "Telefoon: 06-12345678\n"
        "E-mail: ahmad.alhassan@gmail.com\n"
        "Geboortedatum: 03-03-1995\n"
        "Nationaliteit: Syrisch\n"
        "LinkedIn: https://www.linkedin.com/in/ahmad-alhassan\n"
    )
    result = redact(text)
    assert result.text == (
        "Naam: [naam]\nAdres: [adres]\nTelefoon: [telefoon]\nE-mail: [e-mail]\n"
        "Geboortedatum: [geboortedatum]\nNationaliteit: [nationaliteit]\nLinkedIn: [url]\n"
    )
    for span in result.spans:
        assert text[span.start : span.end] == span.text


def test_known_names_any_order_case_and_inflection() -> None:
    text = (
        "S. van der Berg werkte hier. Sannes project liep goed. "
        "SANNE VAN DER BERG tekende. Berg, Sanne (achternaam eerst)."
    )
    result = redact(text, known_names=["Sanne van der Berg"])
    names = [s.text for s in result.spans if s.category is Category.NAAM]
    assert names == ["S. van der Berg", "Sannes", "SANNE VAN DER BERG", "Berg, Sanne"]
    assert "Sanne" not in result.text and "Berg" not in result.text


def test_known_names_ignore_diacritics() -> None:
    result = redact(
        "Referentie: José Müller, en later nog jose muller.", known_names=["Jose Muller"]
    )
    assert result.text == "Referentie: [naam], en later nog [naam]."


def test_common_word_surname_only_when_capitalised() -> None:
    result = redact(
        "Ik werkte bij de bakker. Bakker is mijn achternaam.", known_names=["Lisa Bakker"]
    )
    assert result.text == "Ik werkte bij de bakker. [naam] is mijn achternaam."


def test_name_heuristics_propagate() -> None:
    text = "Mijn naam is Fatima Yilmaz. Later vertelt Fatima over haar stage."
    assert redact(text).text == "Mijn naam is [naam]. Later vertelt [naam] over haar stage."


@pytest.mark.parametrize(
    "letter",
    [
        "Met vriendelijke groet,\n\nYonas Tesfay\n",
        "Kind regards,\nYonas Tesfay",
        "Hoogachtend,\n  Yonas Tesfay",
        "Groet, Yonas Tesfay",
    ],
)
def test_signature(letter: str) -> None:
    result = redact(letter)
    assert [s.text for s in result.spans] == ["Yonas Tesfay"]


def test_my_name_is_english() -> None:
    assert redact("My name is John Smith and I love Linux.").text == (
        "My name is [naam] and I love Linux."
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("geboren op 3 maart 1995", "geboren op [geboortedatum]"),
        ("Geboortedatum: 03-03-1995", "Geboortedatum: [geboortedatum]"),
        ("DOB: 1992-11-05", "DOB: [geboortedatum]"),
        ("born 1995-03-03", "born [geboortedatum]"),
        ("Born on March 3, 1990.", "Born on [geboortedatum]."),
        ("Ik ben op 21-08-2001 geboren.", "Ik ben op [geboortedatum] geboren."),
        ("Ik ben 32 jaar oud.", "Ik ben [leeftijd]."),
        ("leeftijd: 32", "leeftijd: [leeftijd]"),
        ("I am 34 years old.", "I am [leeftijd]."),
        ("een 32-jarige vader", "een [leeftijd] vader"),
    ],
)
def test_birth_dates_and_age(text: str, expected: str) -> None:
    assert redact(text).text == expected


def test_addresses() -> None:
    assert redact("Woonadres Kerkstraat 12a, 1234 AB Utrecht.").text == "Woonadres [adres]."
    assert redact("Postcode 3512 JE").text == "Postcode [adres]"
    assert redact("I live at 12 High Street, Oxford OX1 4AA.").text == "I live at [adres]."
    assert redact("Laan van Meerdervoort 45, 2517 AB Den Haag").text == "[adres]"


def test_email_url_and_iban() -> None:
    text = "Mail jan [at] example [dot] nl, zie www.example.nl/cv en NL91 ABNA 0417 1643 00."
    assert redact(text).text == "Mail [e-mail], zie [url] en [iban]."


def test_nationality_and_sensitive_fields() -> None:
    text = "Nationaliteit: Eritrese\nGeslacht: vrouw\nReligie: islam\nRijbewijs: B"
    assert redact(text).text == (
        "Nationaliteit: [nationaliteit]\nGeslacht: [gevoelig]\nReligie: [gevoelig]\nRijbewijs: B"
    )


def test_fold_keeps_length() -> None:
    for s in ["İstanbul", "Ærø", "José", "ﬁnance", "Straße", "Ğüç"]:
        assert len(fold(s)) == len(s)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300), st.lists(st.text(max_size=20), max_size=3))
def test_never_raises_and_spans_are_consistent(text: str, names: list[str]) -> None:
    result = redact(text, known_names=names)
    last = 0
    for span in result.spans:
        assert last <= span.start < span.end <= len(text)
        assert text[span.start : span.end] == span.text
        last = span.end


@settings(max_examples=100, deadline=None)
@given(
    st.from_regex(r"[a-z]{1,10}(\.[a-z]{1,8})?@[a-z]{2,10}\.(nl|com|org)", fullmatch=True),
    st.sampled_from(["Mail: ", "Contact ", "(", "e-mail "]),
)
def test_emails_always_redacted(email: str, prefix: str) -> None:
    out = redact(f"{prefix}{email} bedankt").text
    assert email not in out
    assert not re.search(r"@[a-z]+\.", out)


@contextmanager
def cpu_watchdog(seconds: float) -> Iterator[None]:
    """Raise TimeoutError once the process has used ``seconds`` of CPU time inside the block: a
    guard against a hang, not a speed test (speed is in bench/)."""

    def expired(signum: int, frame: FrameType | None) -> None:
        raise TimeoutError(f"more than {seconds} s of CPU time")

    previous = signal.signal(signal.SIGPROF, expired)
    signal.setitimer(signal.ITIMER_PROF, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.signal(signal.SIGPROF, previous)


@pytest.mark.parametrize(
    "text",
    [
        "Aa-" * 5000,
        "1 " * 8000,
        "06-" * 5000,
        "Naam: " * 3000,
        "Kerkstraat " * 3000,
        "a@" * 8000,
        "+1 (" * 4000,
        "x" * 20000 + "@",
    ],
)
def test_no_catastrophic_backtracking(text: str) -> None:
    """Hostile repetitions are redacted correctly. How long they take is measured (CPU ms per
    input) in bench/bench_redaction.py; the watchdog only turns a regex that backtracks for
    hours into a failure instead of a hung suite (60 s of CPU, far above the milliseconds
    measured)."""
    with cpu_watchdog(60):
        result = redact(text, known_names=["Aa Bb"])
    assert all(0 <= span.start < span.end <= len(text) for span in result.spans)
    assert all(a.end <= b.start for a, b in zip(result.spans, result.spans[1:], strict=False))
