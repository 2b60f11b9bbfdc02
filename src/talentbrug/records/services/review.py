"""Reviewing destruction lists: four eyes, the archivist, the start of the cooling-off."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from talentbrug.accounts.access import users_who_can
from talentbrug.audit.services import record_event

from ..constants import (
    LIVE_ITEM_STATUSES,
    ItemStatus,
    ListStatus,
    ReviewOutcome,
)
from ..models import (
    DestructionList,
    DestructionListItem,
    ListReview,
)
from ..notifications import notify_list_event
from ..workflow import LIST_FLOW
from .collections import records_settings
from .lists import _lock, _return_to_triage


def _not_own_discard(item: DestructionListItem, user: Any) -> None:
    if item.document.decided_by_id == user.pk:
        raise ValidationError(
            _("U heeft '%(name)s' zelf weggegooid. Een collega moet dit beoordelen.")
            % {"name": item.record_name}
        )


def approve_item(item: DestructionListItem, user: Any) -> DestructionListItem:
    with transaction.atomic():
        dl = _lock(item.destruction_list)
        LIST_FLOW.check(dl, "approve_item", user=user)
        item = DestructionListItem.objects.select_related("document").get(pk=item.pk)
        _not_own_discard(item, user)
        if item.status != ItemStatus.PROPOSED:
            raise ValidationError(_("Dit document is al beoordeeld."))
        item.status = ItemStatus.APPROVED
        item.reviewed_by = user
        item.reviewed_at = timezone.now()
        item.save()
        record_event("records.item_approved", actor=user, organisation=dl.organisation, obj=item)
    return item


def exclude_item(item: DestructionListItem, user: Any, reason: str) -> DestructionListItem:
    """Take one document off the list with a reason; it goes back to the triage pile."""
    if not reason.strip():
        raise ValidationError(_("Geef een reden waarom dit document niet weg mag."))
    with transaction.atomic():
        dl = _lock(item.destruction_list)
        LIST_FLOW.check(dl, "exclude_item", user=user)
        item = DestructionListItem.objects.select_related("document").get(pk=item.pk)
        _not_own_discard(item, user)
        if item.status not in LIVE_ITEM_STATUSES:
            raise ValidationError(_("Dit document staat niet meer op de lijst."))
        item.status = ItemStatus.EXCLUDED
        item.reason = reason.strip()[:2000]
        item.reviewed_by = user
        item.reviewed_at = timezone.now()
        item.save()
        _return_to_triage(
            item.document, _("Uitgezonderd van vernietiging: %(reason)s") % {"reason": item.reason}
        )
        record_event("records.item_excluded", actor=user, organisation=dl.organisation, obj=item)
    return item


def _review(dl: DestructionList, user: Any, outcome: str, comment: str) -> None:
    ListReview.objects.create(
        destruction_list=dl, user=user, outcome=outcome, comment=comment.strip()[:4000]
    )


def approve_destruction_list(dl: DestructionList, user: Any, comment: str = "") -> DestructionList:
    """ter beoordeling → goedgekeurd (→ wachttijd when no archivist is needed).

    Only a named reviewer may approve. Documents the reviewer has not excluded are approved
    with the list. The maker gets an e-mail (and the archivists, when they are needed next).
    """
    with transaction.atomic():
        dl = _lock(dl)
        LIST_FLOW.check(dl, "approve", user=user)
        now = timezone.now()
        for item in dl.items.filter(status=ItemStatus.PROPOSED).select_related("document"):
            _not_own_discard(item, user)
            item.status = ItemStatus.APPROVED
            item.reviewed_by = user
            item.reviewed_at = now
            item.save()
        count = dl.items.filter(status=ItemStatus.APPROVED).count()
        if not count:
            raise ValidationError(
                _("Alle documenten zijn uitgezonderd. Zet de lijst terug naar nieuw.")
            )
        dl.status = ListStatus.APPROVED
        dl.reviewed_by = user
        dl.reviewed_at = now
        dl.save()
        _review(dl, user, ReviewOutcome.APPROVED, comment)
        record_event(
            "records.list_approved", actor=user, organisation=dl.organisation, obj=dl, count=count
        )
        archivist_needed = records_settings(dl.organisation).archivist_required
        notify_list_event(dl, "approved", [dl.created_by], actor=user, comment=comment)
        if archivist_needed:
            archivists = list(users_who_can(dl.organisation, "records.archivist"))
            notify_list_event(dl, "archivist_needed", archivists, actor=user)
        else:
            dl = start_cooling_off(dl, user)
    return dl


def request_changes(dl: DestructionList, user: Any, comment: str) -> DestructionList:
    """ter beoordeling → wijzigingen gevraagd: a named reviewer sends the list back.

    Approvals of single documents are cleared; the maker processes the comment (takes
    documents off, changes decisions or dates) and submits again.
    """
    return _send_back(dl, user, comment, "request_changes", ReviewOutcome.CHANGES_REQUESTED)


def _send_back(
    dl: DestructionList, user: Any, comment: str, move: str, outcome: str
) -> DestructionList:
    """status → wijzigingen gevraagd, with the comment for the maker (who gets an e-mail)."""
    if not comment.strip():
        raise ValidationError(_("Schrijf wat er moet veranderen."))
    with transaction.atomic():
        dl = _lock(dl)
        LIST_FLOW.check(dl, move, user=user)
        dl.items.filter(status=ItemStatus.APPROVED).update(
            status=ItemStatus.PROPOSED, reviewed_by=None, reviewed_at=None
        )
        dl.status = ListStatus.CHANGES_REQUESTED
        dl.reviewed_by = None
        dl.reviewed_at = None
        dl.save()
        _review(dl, user, outcome, comment)
        record_event(
            "records.list_changes_requested", actor=user, organisation=dl.organisation, obj=dl
        )
        notify_list_event(dl, "changes_requested", [dl.created_by], actor=user, comment=comment)
    return dl


def approve_as_archivist(dl: DestructionList, user: Any, comment: str = "") -> DestructionList:
    """goedgekeurd → akkoord archivaris → wachttijd (only when the organisation wants this)."""
    with transaction.atomic():
        dl = _lock(dl)
        LIST_FLOW.check(dl, "archivist_approve", user=user)
        dl.status = ListStatus.ARCHIVIST_APPROVED
        dl.archivist = user
        dl.archivist_at = timezone.now()
        dl.save()
        _review(dl, user, ReviewOutcome.ARCHIVIST_APPROVED, comment)
        record_event(
            "records.list_archivist_approved", actor=user, organisation=dl.organisation, obj=dl
        )
        notify_list_event(dl, "archivist_approved", [dl.created_by], actor=user, comment=comment)
        dl = start_cooling_off(dl, user)
    return dl


def archivist_request_changes(dl: DestructionList, user: Any, comment: str) -> DestructionList:
    """goedgekeurd → wijzigingen gevraagd: the archivist sends the list back with a comment."""
    return _send_back(
        dl, user, comment, "archivist_request_changes", ReviewOutcome.ARCHIVIST_CHANGES
    )


def start_cooling_off(dl: DestructionList, user: Any) -> DestructionList:
    """approved (or archivist approved) → cooling off, for the organisation's number of days.

    A move of the system: it follows the approval in the same call (``user`` is the person
    whose approval started it, for the audit trail).
    """
    with transaction.atomic():
        dl = _lock(dl)
        config = records_settings(dl.organisation)
        LIST_FLOW.check(dl, "start_cooling_off", system=True)
        dl.status = ListStatus.COOLING_OFF
        dl.cooling_off_until = timezone.now() + timedelta(days=config.cooling_off_days)
        dl.save()
        record_event(
            "records.cooling_off_started",
            actor=user,
            organisation=dl.organisation,
            obj=dl,
            days=config.cooling_off_days,
        )
    return dl
