"""The quarterly PDF report "Doelgroepen in cijfers, kwartaal N" for the programme team.

The periodic job makes the report of the last completed quarter once and archives it; the
figures are those of the whole Rijk in that quarter, with the same small-number rules as the
pages (only counts, "< 5" for small groups).
"""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any

from django.core.files.base import ContentFile
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from talentbrug.audit.services import record_event

from . import tables as t
from .constants import MIN_CELL, Section
from .figures.scope import Scope
from .figures.sections import section_tables
from .models import QuarterlyReport


def quarter_bounds(year: int, quarter: int) -> tuple[datetime, datetime]:
    """[start, end) of a quarter, aware, in the local time zone."""
    if quarter not in (1, 2, 3, 4):
        raise ValueError("quarter must be 1-4")
    first = date(year, 3 * (quarter - 1) + 1, 1)
    after = date(year + 1, 1, 1) if quarter == 4 else date(year, 3 * quarter + 1, 1)
    tz = timezone.get_current_timezone()
    return (
        timezone.make_aware(datetime.combine(first, time.min), tz),
        timezone.make_aware(datetime.combine(after, time.min), tz),
    )


def last_completed_quarter(today: date | None = None) -> tuple[int, int]:
    today = today or timezone.localdate()
    current = (today.month - 1) // 3 + 1
    return (today.year, current - 1) if current > 1 else (today.year - 1, 4)


def report_context(year: int, quarter: int) -> dict[str, Any]:
    start, end = quarter_bounds(year, quarter)
    scope = Scope(None, start, end)
    sections = []
    for section in Section:
        with translation.override("nl"):
            stored = section_tables(section, scope)
        shown = [t.localised(table) for table in stored]
        sections.append(
            {
                "label": section.label,
                # Tables only: the print has the numbers; the screen's SVG charts are styled by
                # CSS that the PDF renderer does not apply to SVG.
                "tables": [{"table": table} for table in shown if table["rows"]],
            }
        )
    return {
        "year": year,
        "quarter": quarter,
        "scope": scope,
        "sections": sections,
        "minimum": MIN_CELL,
        "generated_at": timezone.now(),
    }


def render_pdf(year: int, quarter: int) -> bytes:
    import weasyprint

    with translation.override("nl"):
        html = render_to_string("insights/report_pdf.html", report_context(year, quarter))
    # No URLs to fetch: the styles are inline in the HTML.
    return bytes(weasyprint.HTML(string=html).write_pdf())


@transaction.atomic
def make_report(year: int, quarter: int) -> QuarterlyReport:
    """Make (or make again) the report of one quarter and archive it."""
    pdf = render_pdf(year, quarter)
    report = QuarterlyReport.objects.select_for_update().filter(year=year, quarter=quarter).first()
    if report is None:
        report = QuarterlyReport(year=year, quarter=quarter)
    elif report.pdf:
        report.pdf.delete(save=False)
    report.pdf.save(f"{year}-K{quarter}.pdf", ContentFile(pdf), save=False)
    report.save()
    record_event("insights.report_made", obj=report, year=year, quarter=quarter)
    return report


def make_due_report(today: date | None = None) -> int:
    """Periodic job: the report of the last completed quarter, once. Returns 1 when made."""
    year, quarter = last_completed_quarter(today)
    if QuarterlyReport.objects.filter(year=year, quarter=quarter).exists():
        return 0
    make_report(year, quarter)
    return 1
