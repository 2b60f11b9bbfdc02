"""What a vacancy should contain: salary, hours, NT2 welcome, apply routes, onboarding,
accommodations, a contact person, and not too many must-haves.

Fields are used first; when a field is unknown (``None`` or no fields at all) the text is searched.
These findings are about the vacancy as a whole (span ``0, 0``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

from ..models import Finding, Severity, VacancyFields
from ..registry import Context, make_finding, rule

_I = re.IGNORECASE | re.MULTILINE

_SALARY = re.compile(
    r"€|\beuro\b|\beur\b|\bsalaris\w*\s*(?::|van|tussen|tot|vanaf|max\w*|min\w*|bedraagt|is)\s*"
    r"(?:€|\d|maximaal|minimaal)|\bschaal\s+\d{1,2}\b|\bbruto\b|\bsalarisschaal\s+\d",
    _I,
)
_HOURS = re.compile(
    r"\b\d{1,2}(?:[,.]\d)?\s*(?:(?:tot|-|–|à|a)\s*\d{1,2}\s*)?uur\b|\bfull-?time\b|"
    r"\bpart-?time\b|\bvoltijd\w*|\bdeeltijd\w*|\buren\s+per\s+week\b|\buur\s+per\s+week\b",
    _I,
)
_NT2 = re.compile(
    r"niet\s+(?:je|jouw|uw)\s+(?:eerste|moeder)\s*taal|\bnt2\b|\btaalcoach\w*|\btaalles\w*|"
    r"\btaalcursus\w*|\btaalmaatje\w*|\btaaltraining\w*|\bnederlands\s+(?:leer|leren)\b|"
    r"leer\s+je\s+(?:bij\s+ons\s+)?(?:beter\s+)?nederlands|\btweede\s+taal\b|"
    r"\bander\w*\s+moedertaal\b|\bnederlands\s+(?:nog\s+)?(?:aan\s+het\s+)?leren\b",
    _I,
)
_APPLY = re.compile(
    r"\bsolliciteer\w*|\bsolliciteren\b|\breageer\b|\breageren\b|\bzonder\s+cv\b|"
    r"\bwervingsdag\w*|\bmeld\s+je\s+aan\b|\baanmelden\b|\bstuur\s+(?:je|jouw)\s+(?:cv|brief|"
    r"motivatie)|\bsollicitatieformulier\w*|\bvia\s+de\s+knop\b",
    _I,
)
_ONBOARDING = re.compile(
    r"\binwerk\w*|\bwerkt\s+je\s+in\b|\bwerken\s+je\s+in\b|\bbegeleid\w*|\bbuddy\w*|\bmentor\w*|"
    r"\bpraktijkopleider\w*|\bcoach\w*|\bwekelijks\w*\s+(?:gesprek|check-in)|\bwe\s+leren\s+je\b|"
    r"\bleer\s+je\s+bij\s+ons\b|\bopleidingsplan\w*|\btraineeship\w*|\bintroductie\w*|"
    r"\bonboarding\b",
    _I,
)
_ACCOMMODATIONS = re.compile(
    r"\baanpassing\w*|\bbeperking\w*|\bvoorziening\w*\s+(?:op|voor|bij)\b|\btoegankelijk\w*|"
    r"\bbanenafspraak\b|\bdoelgroepregister\b|\bchronische\s+ziekte\w*|\bpassen\s+\w+\s+\w*\s*aan\b",
    _I,
)
_CONTACT = re.compile(
    r"\bneem\s+(?:gerust\s+)?contact\s+op\b|\bcontactpersoon\b|\bbel\b|\bbellen\b|"
    r"\bmail\s+(?:naar|met)\b|[\w.+-]+@[\w-]+\.[\w.]+|\b0\d{1,3}[\s-]?\d{3}[\s-]?\d{2}[\s-]?\d{2}\b|"
    r"\b06[\s-]?\d{4}\s?\d{4}\b|\bmeer\s+weten\b|\bvragen\s+over\s+(?:de|deze)\s+(?:functie|vacature)",
    _I,
)


def _missing_rule(
    rule_id: str,
    field_name: str,
    has_field: Callable[[VacancyFields], bool],
    pattern: re.Pattern[str],
    keywords: tuple[str, ...],
) -> Callable[[Context], Iterator[Finding]]:
    def check(ctx: Context) -> Iterator[Finding]:
        if ctx.fields is not None and has_field(ctx.fields):
            return
        for _match in ctx.finditer(pattern, keywords):
            return
        yield make_finding(ctx, rule_id, field_name=field_name)

    check.__name__ = rule_id.replace(".", "_")
    check.__doc__ = f"Report {rule_id} when neither the fields nor the text have it."
    return check


rule("missing.salary", Severity.WAARSCHUWING, "No salary in fields or text.")(
    _missing_rule(
        "missing.salary",
        "salary",
        lambda f: f.salary_min is not None or f.salary_max is not None,
        _SALARY,
        ("€", "euro", "eur", "salaris", "schaal", "bruto"),
    )
)
rule("missing.hours", Severity.WAARSCHUWING, "No hours per week in fields or text.")(
    _missing_rule(
        "missing.hours",
        "hours",
        lambda f: f.hours_min is not None or f.hours_max is not None,
        _HOURS,
        ("uur", "uren", "time", "voltijd", "deeltijd"),
    )
)
rule("missing.nt2_welcome", Severity.WAARSCHUWING, "No sentence welcoming NT2 speakers.")(
    _missing_rule(
        "missing.nt2_welcome",
        "has_nt2_statement",
        lambda f: bool(f.has_nt2_statement),
        _NT2,
        ("taal", "nt2", "nederlands"),
    )
)
rule("missing.apply_routes", Severity.WAARSCHUWING, "No ways to apply.")(
    _missing_rule(
        "missing.apply_routes",
        "has_apply_routes",
        lambda f: bool(f.has_apply_routes),
        _APPLY,
        ("sollicit", "reageer", "reageren", "cv", "wervingsdag", "meld", "knop", "stuur"),
    )
)
rule("missing.onboarding", Severity.WAARSCHUWING, "No onboarding or guidance.")(
    _missing_rule(
        "missing.onboarding",
        "has_onboarding_text",
        lambda f: bool(f.has_onboarding_text),
        _ONBOARDING,
        (
            "inwerk",
            "werkt je in",
            "werken je in",
            "begeleid",
            "buddy",
            "mentor",
            "praktijkopleider",
            "coach",
            "wekelijks",
            "leren je",
            "leer je",
            "opleidingsplan",
            "traineeship",
            "introductie",
            "onboarding",
        ),
    )
)
rule("missing.accommodations", Severity.WAARSCHUWING, "No reasonable accommodations sentence.")(
    _missing_rule(
        "missing.accommodations",
        "has_accommodations_statement",
        lambda f: bool(f.has_accommodations_statement),
        _ACCOMMODATIONS,
        (
            "aanpassing",
            "beperking",
            "voorziening",
            "toegankelijk",
            "banenafspraak",
            "doelgroepregister",
            "chronisch",
            "passen",
        ),
    )
)
rule("missing.contact", Severity.WAARSCHUWING, "No contact person.")(
    _missing_rule(
        "missing.contact",
        "contact_person",
        lambda f: bool(f.contact_person),
        _CONTACT,
        ("contact", "bel", "mail", "@", "0", "meer weten", "vragen"),
    )
)

# --- too many must-haves ----------------------------------------------------------------------
#: More must-haves than this gives a warning.
MAX_MUST_HAVES = 6
_REQ_HEADING = re.compile(
    r"^[ \t#*]*(?:wat\s+(?:vragen|verwachten)\s+(?:wij|we)(?:\s+van\s+(?:je|jou))?|"
    r"wie\s+(?:ben|zoeken)\s+(?:jij|je|wij|we)|wat\s+(?:neem|breng)\s+(?:je|jij)\s+mee|"
    r"(?:jouw|je)\s+profiel|functie-?eisen|eisen|profiel|wat\s+heb\s+(?:je|jij)\s+nodig|"
    r"dit\s+moet\s+(?:je|jij)\s+(?:al\s+)?kunnen|wat\s+moet\s+(?:je|jij)\s+kunnen|wij\s+vragen|"
    r"we\s+vragen|wat\s+wij\s+vragen|dit\s+vragen\s+(?:wij|we)|functievereisten|vereisten)"
    r"\b[^\n]{0,40}$",
    _I,
)
_BULLET = re.compile(r"^[ \t]*(?:[-•*·▪◦–]|\d{1,2}[.)])[ \t]+\S", re.MULTILINE)


@rule("req.too_many_must_haves", Severity.WAARSCHUWING, "More than six must-haves.")
def too_many_must_haves(ctx: Context) -> Iterator[Finding]:
    """Warn when there are more than six must-haves (field, or a list under a heading)."""
    fields = ctx.fields
    if fields is not None and fields.must_have_count is not None:
        if fields.must_have_count > MAX_MUST_HAVES:
            yield make_finding(
                ctx,
                "req.too_many_must_haves",
                field_name="must_have_count",
                count=fields.must_have_count,
            )
        return
    text = ctx.text
    for heading in _REQ_HEADING.finditer(text):
        pos = heading.end() + 1
        count = 0
        end = heading.end()
        while pos < len(text):
            nl = text.find("\n", pos)
            line_end = len(text) if nl < 0 else nl
            line = text[pos:line_end]
            if not line.strip():
                if count:
                    break
                pos = line_end + 1
                continue
            if _BULLET.match(line) is None:
                break
            count += 1
            end = line_end
            pos = line_end + 1
        if count > MAX_MUST_HAVES:
            yield make_finding(ctx, "req.too_many_must_haves", heading.start(), end, count=count)
