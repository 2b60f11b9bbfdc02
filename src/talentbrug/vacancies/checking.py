"""Adapter from a Vacancy to the pure vacancy check (talentbrug.textcheck)."""

from __future__ import annotations

from dataclasses import dataclass

import nh3
from django.utils.text import capfirst

from talentbrug import textcheck
from talentbrug.taxonomy.constants import CEFR_ORDER

from .constants import RequirementKind
from .models import Vacancy

# Sections are checked for wording; the whole vacancy (text + fields) for what is missing.
TEXT_FAMILIES = ("excl", "gender", "read")
WHOLE_FAMILIES = ("excl", "missing", "req")

ALLOWED_TAGS = {"p", "br", "ul", "ol", "li", "strong", "em", "b", "i", "h3", "h4", "a"}
ALLOWED_ATTRIBUTES = {"a": {"href"}}


def sanitise_html(html: str) -> str:
    """Pasted Word/HTML down to a small, safe set; script, style and event handlers never survive."""
    return nh3.clean(
        html or "",
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"https", "http", "mailto"},
        link_rel="noopener noreferrer",
        strip_comments=True,
    ).strip()


def word_count(html: str) -> int:
    return len(textcheck.html_to_text(html or "").split())


@dataclass(frozen=True)
class SectionFinding:
    section: str
    finding: textcheck.Finding


@dataclass(frozen=True)
class SectionResult:
    field: str
    heading: str
    text: str
    findings: tuple[textcheck.Finding, ...]

    def highlighted(self) -> list[tuple[str, textcheck.Finding | None]]:
        """The text cut in pieces: (piece, finding or None), for <mark> highlighting."""
        pieces: list[tuple[str, textcheck.Finding | None]] = []
        cursor = 0
        for finding in sorted(self.findings, key=lambda f: (f.start, -f.end)):
            if finding.end <= finding.start or finding.start < cursor:
                continue
            pieces.append((self.text[cursor : finding.start], None))
            pieces.append((self.text[finding.start : finding.end], finding))
            cursor = finding.end
        pieces.append((self.text[cursor:], None))
        return [(text, finding) for text, finding in pieces if text]


@dataclass(frozen=True)
class VacancyCheck:
    sections: tuple[SectionResult, ...]
    whole: textcheck.CheckResult

    @property
    def blocking(self) -> list[textcheck.Finding]:
        return [f for f in self.all_findings if f.severity == textcheck.Severity.BLOKKEREND]

    @property
    def all_findings(self) -> list[textcheck.Finding]:
        seen: list[textcheck.Finding] = []
        for section in self.sections:
            seen.extend(section.findings)
        seen.extend(f for f in self.whole.findings if f.end <= f.start)  # document-level findings
        return seen

    @property
    def document_findings(self) -> list[textcheck.Finding]:
        return [f for f in self.whole.findings if f.end <= f.start]

    def counts(self) -> dict[str, int]:
        counts = {s.value: 0 for s in textcheck.Severity}
        for finding in self.all_findings:
            counts[finding.severity.value] += 1
        return counts


def fields_for(vacancy: Vacancy, *, title: str | None = None) -> textcheck.VacancyFields:
    salary = vacancy.salary_range() if vacancy.pk else None
    language = tuple(
        textcheck.LanguageRequirement(
            level=req.level,
            language=req.language,
            skill=req.skill,
            justification=req.justification,
            needed_at_start=req.timing == "at_start",
        )
        for req in (vacancy.language_requirements.all() if vacancy.pk else [])
    )
    must_haves = (
        vacancy.requirements.filter(kind=RequirementKind.MUST_HAVE).count() if vacancy.pk else 0
    )
    education = None
    if vacancy.min_education_level:
        level = vacancy.min_education_level.rstrip("+")
        education = textcheck.EducationRequirement(
            nlqf_level=int(level) if level.isdigit() else None,
            label=vacancy.get_min_education_level_display(),
            allows_equivalent=True,
        )
    return textcheck.VacancyFields(
        title=title if title is not None else vacancy.title,
        salary_min=float(salary[0]) if salary else None,
        salary_max=float(salary[1]) if salary else None,
        hours_min=vacancy.hours_min,
        hours_max=vacancy.hours_max,
        has_apply_routes=bool(vacancy.apply_routes),
        has_onboarding_text=bool(textcheck.html_to_text(vacancy.guidance_text).strip()),
        has_nt2_statement=vacancy.nt2_welcome,
        has_accommodations_statement=vacancy.accommodations_offered,
        contact_person=vacancy.contact_name or None,
        must_have_count=must_haves,
        language_requirements=language,
        education=education,
    )


def check_vacancy(vacancy: Vacancy) -> VacancyCheck:
    """Check each section separately (spans stay per section) and the whole for missing items."""
    sections = []
    for name, heading, html in vacancy.sections():
        result = textcheck.check(textcheck.html_to_text(html or ""), families=TEXT_FAMILIES)
        sections.append(SectionResult(name, heading, result.text, tuple(result.findings)))
    title_result = textcheck.check(vacancy.title, families=TEXT_FAMILIES)
    sections.insert(
        0,
        SectionResult(
            "title",
            capfirst(str(Vacancy._meta.get_field("title").verbose_name)),
            title_result.text,
            tuple(title_result.findings),
        ),
    )
    whole_text = "\n\n".join(
        [vacancy.title] + [textcheck.html_to_text(h or "") for _, _, h in vacancy.sections()]
    )
    whole = textcheck.check(whole_text, fields_for(vacancy), families=WHOLE_FAMILIES)
    return VacancyCheck(tuple(sections), whole)


def language_needs_justification(level: str) -> bool:
    return CEFR_ORDER.get(level, 0) > CEFR_ORDER["B1"]
