"""The verklaring van vernietiging (Archiefbesluit art. 8), built from the audit log.

Only documents with a ``records.document_destroyed`` event for this list appear, so the
declaration lists exactly what was destroyed: per category, on what basis, when and how.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from talentbrug import spreadsheets
from talentbrug.audit.models import AuditEvent
from talentbrug.audit.services import record_event

from .constants import ListStatus
from .models import DestructionList, DestructionListItem

METHOD = "Digitaal verwijderd: bestand en gelezen tekst uit de opslag gewist; kerngegevens bewaard."


@dataclass(frozen=True)
class DeclarationRow:
    category_code: str
    category_name: str
    waardering: str
    bewaartermijn_years: int | None
    identifier: str
    name: str
    path: str
    record_date: date | None
    sha256: str
    approved_by: str
    approved_at: datetime | None
    destroyed_at: datetime

    @property
    def basis(self) -> str:
        if not self.category_code:
            return "geen categorie"
        years = f", {self.bewaartermijn_years} jaar" if self.bewaartermijn_years else ""
        return f"{self.category_code} {self.category_name} ({self.waardering}{years})"


def declaration_rows(dl: DestructionList) -> list[DeclarationRow]:
    events = AuditEvent.objects.filter(
        event_type="records.document_destroyed",
        organisation=dl.organisation,
        data__list_id=dl.pk,
    ).order_by("created_at", "pk")
    destroyed_at = {int(e.data["item_id"]): e.created_at for e in events}
    items = DestructionListItem.objects.filter(
        destruction_list=dl, pk__in=list(destroyed_at)
    ).select_related("reviewed_by", "document")
    rows = [
        DeclarationRow(
            category_code=item.category_code,
            category_name=item.category_name,
            waardering=item.waardering,
            bewaartermijn_years=item.bewaartermijn_years,
            identifier=f"TB-{dl.organisation.slug}-{item.document_id}",
            name=item.record_name,
            path=item.record_path,
            record_date=item.record_date,
            sha256=item.record_sha256,
            approved_by=str(item.reviewed_by) if item.reviewed_by else "",
            approved_at=item.reviewed_at,
            destroyed_at=destroyed_at[item.pk],
        )
        for item in items
    ]
    rows.sort(key=lambda r: (r.category_code, r.path))
    return rows


def _ensure_destroyed(dl: DestructionList) -> None:
    if dl.status != ListStatus.DESTROYED:
        raise ValidationError(_("Er is pas een verklaring als de vernietiging klaar is."))


def _fmt(value: datetime | date | None) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return timezone.localtime(value).strftime("%Y-%m-%d %H:%M")
    return value.isoformat()


CSV_HEADER = [
    "categorie",
    "categorienaam",
    "waardering",
    "bewaartermijn_jaren",
    "identificatie",
    "naam",
    "pad",
    "documentdatum",
    "sha256",
    "goedgekeurd_door",
    "goedgekeurd_op",
    "vernietigd_op",
    "wijze",
]


def declaration_table(dl: DestructionList) -> list[list[Any]]:
    """The declaration's rows as cells (after the header): the same for CSV and XLSX."""
    return [
        [
            row.category_code,
            row.category_name,
            row.waardering,
            row.bewaartermijn_years or "",
            row.identifier,
            row.name,
            row.path,
            _fmt(row.record_date),
            row.sha256,
            row.approved_by,
            _fmt(row.approved_at),
            _fmt(row.destroyed_at),
            METHOD,
        ]
        for row in declaration_rows(dl)
    ]


def declaration_csv_content(dl: DestructionList) -> bytes:
    """The declaration as CSV bytes (UTF-8 with BOM, semicolons), without an audit event."""
    _ensure_destroyed(dl)
    return spreadsheets.csv_bytes(CSV_HEADER, declaration_table(dl))


def declaration_csv(dl: DestructionList, user: Any = None) -> bytes:
    data = declaration_csv_content(dl)
    record_event(
        "records.declaration_downloaded",
        actor=user,
        organisation=dl.organisation,
        obj=dl,
        format="csv",
    )
    return data


XLSX_CONTENT_TYPE = spreadsheets.XLSX_CONTENT_TYPE


def declaration_xlsx(dl: DestructionList, user: Any = None) -> bytes:
    """The declaration as a spreadsheet: the same header and rows as the CSV."""
    _ensure_destroyed(dl)
    data = spreadsheets.xlsx_bytes("Verklaring", CSV_HEADER, declaration_table(dl))
    record_event(
        "records.declaration_downloaded",
        actor=user,
        organisation=dl.organisation,
        obj=dl,
        format="xlsx",
    )
    return data


def declaration_context(dl: DestructionList) -> dict[str, Any]:
    rows = declaration_rows(dl)
    groups: dict[str, list[DeclarationRow]] = {}
    for row in rows:
        groups.setdefault(row.basis, []).append(row)
    dates = [r.record_date for r in rows if r.record_date]
    return {
        "list": dl,
        "rows": rows,
        "groups": sorted(groups.items()),
        "count": len(rows),
        "date_from": min(dates) if dates else None,
        "date_to": max(dates) if dates else None,
        "method": METHOD,
        "generated_at": timezone.now(),
    }


def declaration_pdf(dl: DestructionList, user: Any = None) -> bytes:
    """The declaration as PDF (WeasyPrint renders the HTML template)."""
    _ensure_destroyed(dl)
    import weasyprint  # local import: heavy (cairo/pango), only when a PDF is asked for

    html = render_to_string("records/declaration_pdf.html", declaration_context(dl))
    pdf = weasyprint.HTML(string=html).write_pdf()
    record_event(
        "records.declaration_downloaded",
        actor=user,
        organisation=dl.organisation,
        obj=dl,
        format="pdf",
    )
    return bytes(pdf)
