"""May this record be destroyed? The one rule that guards every destruction.

A document may only go onto a destruction list, and only be erased, when its selectielijst
category says V (vernietigen), the category has a bewaartermijn, the start date of that
term is known (per the category's start-date rule) and the term has run out. Everything
else is refused with a reason in Dutch, unless a second person approved a written override
(:class:`~talentbrug.records.models.DestructionOverride`). A legal hold can never be
overridden.

:func:`evaluate` is the pure core (no database); :func:`document_verdict` adapts it to a
document and its override.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from django.utils import timezone
from django.utils.translation import gettext as _

from .constants import OverrideStatus, StartDateRule, Waardering

if TYPE_CHECKING:
    from .models import Document, SelectielijstCategory


class Refusal(StrEnum):
    """Why the selectielijst does not allow destruction (empty: it does)."""

    NONE = ""
    NO_CATEGORY = "no_category"
    KEEP_PERMANENTLY = "keep_permanently"
    NO_TERM = "no_term"
    UNKNOWN_DATE = "unknown_date"
    NOT_EXPIRED = "not_expired"
    LEGAL_HOLD = "legal_hold"
    DECLARATION = "declaration"


@dataclass(frozen=True)
class Verdict:
    refusal: Refusal
    reason: str = ""
    term_end: date | None = None
    overridden: bool = False  # allowed only because of an approved override

    @property
    def destroyable(self) -> bool:
        return self.refusal == Refusal.NONE or self.overridden

    @property
    def overridable(self) -> bool:
        return self.refusal not in (Refusal.NONE, Refusal.LEGAL_HOLD, Refusal.DECLARATION)


def term_end(start: date | None, years: int | None) -> date | None:
    """The last day of the term: start plus whole years (29 February → 28 February)."""
    if start is None or years is None:
        return None
    try:
        return start.replace(year=start.year + years)
    except ValueError:  # 29 February in a year that has none
        return start.replace(year=start.year + years, day=28)


def start_date(document: Document, category: SelectielijstCategory | None) -> date | None:
    """The date the term runs from, by the category's start-date rule; None when unknown."""
    rule = category.start_date_rule if category is not None else StartDateRule.DOCUMENT_DATE
    if rule == StartDateRule.TRIGGER_DATE:
        return document.trigger_date
    return document.document_date


def evaluate(
    *,
    waardering: str | None,
    years: int | None,
    start: date | None,
    today: date,
    code: str = "",
) -> Verdict:
    """The selectielijst's verdict for one record. Pure: no database, no clock."""
    if not waardering:
        return Verdict(
            Refusal.NO_CATEGORY,
            _("Geen selectielijstcategorie. Kies eerst een categorie met waardering V."),
        )
    if waardering == Waardering.BEWAREN:
        return Verdict(
            Refusal.KEEP_PERMANENTLY,
            _("Categorie %(code)s heeft waardering B: blijvend bewaren. Dit mag nooit weg.")
            % {"code": code or "?"},
        )
    if waardering != Waardering.VERNIETIGEN or not years:
        return Verdict(
            Refusal.NO_TERM,
            _("Categorie %(code)s heeft geen bewaartermijn. Vul die eerst in.")
            % {"code": code or "?"},
        )
    if start is None:
        return Verdict(
            Refusal.UNKNOWN_DATE,
            _("Termijn onbekend: de startdatum ontbreekt. Vul eerst de datum in bij het document."),
        )
    end = term_end(start, years)
    assert end is not None
    if end > today:
        return Verdict(
            Refusal.NOT_EXPIRED,
            _("De bewaartermijn loopt nog tot %(date)s.") % {"date": end.strftime("%d-%m-%Y")},
            term_end=end,
        )
    return Verdict(Refusal.NONE, term_end=end)


def approved_override(document: Document) -> Any:
    return document.overrides.filter(status=OverrideStatus.APPROVED).order_by("-decided_at").first()


def document_verdict(
    document: Document, *, today: date | None = None, with_override: bool = True
) -> Verdict:
    """May this document be destroyed now? Reads the current category, dates and hold.

    A document annotated with ``has_approved_override`` (see ``destruction_candidates``)
    is not asked again for its override: one query for a whole collection.
    """
    today = today or timezone.localdate()
    if document.declaration_of_id:
        return Verdict(
            Refusal.DECLARATION,
            _("Dit is een verklaring van vernietiging. Die wordt altijd bewaard."),
        )
    if document.legal_hold:
        return Verdict(
            Refusal.LEGAL_HOLD,
            _("Juridische blokkade: %(ref)s") % {"ref": document.legal_hold_reference or "–"},
        )
    category = document.effective_category
    verdict = evaluate(
        waardering=category.waardering if category else None,
        years=category.bewaartermijn_years if category else None,
        start=start_date(document, category),
        today=today,
        code=category.code if category else "",
    )
    if verdict.destroyable or not with_override:
        return verdict
    known = getattr(document, "has_approved_override", None)
    if not (known if known is not None else approved_override(document) is not None):
        return verdict
    return Verdict(verdict.refusal, verdict.reason, verdict.term_end, overridden=True)
