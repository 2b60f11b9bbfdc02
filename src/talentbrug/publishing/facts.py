"""The key facts of a vacancy in plain words (B1), shared by the page, the flyer and the feeds."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.text import slugify
from django.utils.translation import gettext as _

from talentbrug.vacancies.constants import ApplyRoute, LanguageTiming
from talentbrug.vacancies.models import SalaryScale, Vacancy
from talentbrug.vacancies.routes import usable_routes

# facts_for(vacancy) without a salary: look it up (vacancy.salary_range(), two queries).
_LOOK_UP: Any = object()


def vacancy_slug(vacancy: Vacancy) -> str:
    return slugify(vacancy.title) or "vacature"


def public_url(vacancy: Vacancy) -> str:
    """Path of the public vacancy page."""
    return reverse("publishing:vacancy", kwargs={"pk": vacancy.pk, "slug": vacancy_slug(vacancy)})


def euro(amount: Any) -> str:
    value = Decimal(str(amount)).quantize(Decimal("1"))
    return "€ " + f"{int(value):,}".replace(",", ".")


def hours_text(vacancy: Vacancy) -> str:
    low, high = vacancy.hours_min, vacancy.hours_max
    if low and high and low != high:
        return _("%(low)s tot %(high)s uur per week") % {"low": low, "high": high}
    if low or high:
        return _("%(hours)s uur per week") % {"hours": low or high}
    return ""


def salary_text(salary: tuple[Any, Any] | None) -> str:
    if not salary:
        return ""
    return _("%(low)s tot %(high)s bruto per maand") % {
        "low": euro(salary[0]),
        "high": euro(salary[1]),
    }


def location_text(vacancy: Vacancy) -> str:
    parts = [vacancy.location, vacancy.get_remote_option_display()]
    return ", ".join(str(p) for p in parts if p)


def language_lines(vacancy: Vacancy) -> list[str]:
    """'Nederlands spreken: niveau B1 – we helpen je dit te leren' per language requirement."""
    lines = []
    for req in vacancy.language_requirements.all():
        values = {
            "language": req.get_language_display(),
            "skill": str(req.get_skill_display()).lower(),
            "level": req.level,
        }
        if req.timing == LanguageTiming.WITH_COACH:
            lines.append(
                _("%(language)s %(skill)s: niveau %(level)s – we helpen je dit te leren") % values
            )
        else:
            lines.append(
                _("%(language)s %(skill)s: niveau %(level)s – dit heb je nodig bij de start")
                % values
            )
    return lines


def apply_route_labels(vacancy: Vacancy) -> list[str]:
    labels = dict(ApplyRoute.choices)
    return [str(labels[r]) for r in usable_routes(vacancy) if r in labels]


@dataclass
class Facts:
    hours: str = ""
    salary: str = ""
    location: str = ""
    closing: str = ""
    contract: str = ""
    routes: list[str] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)

    def rows(self) -> list[tuple[str, str]]:
        """(label, value) pairs for a definition list, without empty values."""
        pairs = [
            (_("Uren"), self.hours),
            (_("Salaris"), self.salary),
            (_("Plaats"), self.location),
            (_("Soort contract"), self.contract),
            (_("Solliciteer voor"), self.closing),
        ]
        return [(label, value) for label, value in pairs if value]


def salary_ranges(vacancies: Iterable[Vacancy]) -> dict[int, tuple[Any, Any] | None]:
    """``vacancy.salary_range()`` of many vacancies with one query (same rule: for each vacancy,
    the newest year that has one of its scales, then both scales of that year)."""
    vacancies = list(vacancies)
    wanted = {
        scale
        for v in vacancies
        if v.scale_min
        for scale in (v.scale_min, v.scale_max or v.scale_min)
    }
    rows = list(SalaryScale.objects.filter(scale__in=wanted).order_by("-year")) if wanted else []
    ranges: dict[int, tuple[Any, Any] | None] = {}
    for vacancy in vacancies:
        ranges[vacancy.pk] = None
        if not vacancy.scale_min:
            continue
        scales = (vacancy.scale_min, vacancy.scale_max or vacancy.scale_min)
        mine = [row for row in rows if row.scale in scales]
        if not mine:
            continue
        by_scale = {row.scale: row for row in mine if row.year == mine[0].year}
        low, high = by_scale.get(scales[0]), by_scale.get(scales[1])
        if low is not None and high is not None:
            ranges[vacancy.pk] = (low.minimum, high.maximum)
    return ranges


def facts_for(vacancy: Vacancy, salary: tuple[Any, Any] | None = _LOOK_UP) -> Facts:
    """The key facts. Pass ``salary`` when it is known already (None: no salary known)."""
    if salary is _LOOK_UP:
        salary = vacancy.salary_range()
    return Facts(
        hours=hours_text(vacancy),
        salary=salary_text(salary),
        location=location_text(vacancy),
        closing=date_format(vacancy.closing_date, "j F Y") if vacancy.closing_date else "",
        contract=str(vacancy.get_contract_type_display()),
        routes=apply_route_labels(vacancy),
        languages=language_lines(vacancy),
    )


def apply_link(vacancy: Vacancy) -> tuple[str, bool]:
    """(href, direct) for the apply button.

    The apply step of ``talentbrug.applications`` when that URL exists (direct=True); otherwise
    a mail to the contact person (direct=False), or "" when there is no address either.
    """
    from urllib.parse import quote

    from django.urls import NoReverseMatch

    try:
        return reverse("applications:apply", kwargs={"pk": vacancy.pk}), True
    except NoReverseMatch:
        pass
    if vacancy.contact_email:
        subject = quote(_("Sollicitatie: %(title)s") % {"title": vacancy.title})
        return f"mailto:{vacancy.contact_email}?subject={subject}", False
    return "", False
