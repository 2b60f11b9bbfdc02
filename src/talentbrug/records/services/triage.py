"""Deciding keep or discard card by card: decisions, undo, claims, legal hold, dates."""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Iterable
from datetime import date, datetime, timedelta
from typing import Any, TypeVar

from django.core.exceptions import ValidationError
from django.db import OperationalError, connection, transaction
from django.db.models import Case, F, Q, When
from django.utils import timezone
from django.utils.translation import gettext as _

from talentbrug.audit.services import record_event

from ..constants import (
    EDITABLE_LIST_STATUSES,
    LIVE_ITEM_STATUSES,
    LOCKED_LIST_STATUSES,
    Decision,
    ItemStatus,
)
from ..models import (
    Collection,
    DecisionLog,
    DestructionListItem,
    Document,
    SelectielijstCategory,
)

T = TypeVar("T")
CLAIM_MINUTES = 5
UNDO_WINDOW = 10

# --- Triage ------------------------------------------------------------------------------


def _live_item(document: Document, statuses: Iterable[str]) -> DestructionListItem | None:
    return (
        DestructionListItem.objects.filter(
            document=document,
            status__in=LIVE_ITEM_STATUSES,
            destruction_list__status__in=list(statuses),
        )
        .select_related("destruction_list")
        .first()
    )


def _ensure_not_locked(document: Document) -> None:
    if document.destroyed_at:
        raise ValidationError(_("Dit document is al vernietigd."))
    if document.declaration_of_id:
        raise ValidationError(
            _("Dit is een verklaring van vernietiging. Die wordt altijd bewaard en blijft zo.")
        )
    item = _live_item(document, LOCKED_LIST_STATUSES)
    if item is not None:
        raise ValidationError(
            _(
                "Dit document staat op vernietigingslijst '%(name)s' (%(status)s). Zet het daar "
                "eerst terug."
            )
            % {
                "name": item.destruction_list.name,
                "status": item.destruction_list.get_status_display(),
            }
        )


def _drop_from_new_lists(document: Document) -> None:
    DestructionListItem.objects.filter(
        document=document,
        status=ItemStatus.PROPOSED,
        destruction_list__status__in=EDITABLE_LIST_STATUSES,
    ).delete()


def decide_document(
    document: Document,
    user: Any,
    decision: str,
    *,
    category: SelectielijstCategory | None = None,
    note: str = "",
    role: str = "",
) -> Document:
    """Record a person's decision about one card. Discarding only proposes destruction."""
    if decision not in Decision.values or decision == Decision.UNDECIDED:
        raise ValidationError(_("Kies bewaren, weggooien, later of twijfel."))
    if category is not None and category.organisation_id != document.organisation_id:
        raise ValidationError(_("Deze categorie hoort niet bij uw organisatie."))
    with transaction.atomic():
        doc = Document.objects.select_for_update().select_related("collection").get(pk=document.pk)
        _ensure_not_locked(doc)
        if decision == Decision.DISCARD and doc.legal_hold:
            raise ValidationError(
                _("Dit document heeft een juridische blokkade (%(ref)s) en mag niet weg.")
                % {"ref": doc.legal_hold_reference}
            )
        chosen = category or doc.category or doc.collection.default_category
        if decision == Decision.KEEP and chosen is None:
            raise ValidationError(_("Kies een selectielijstcategorie om te bewaren."))
        DecisionLog.objects.create(
            collection=doc.collection,
            document=doc,
            user=user,
            previous_decision=doc.decision,
            previous_category=doc.category,
            previous_note=doc.note,
            previous_decided_by=doc.decided_by,
            previous_decided_at=doc.decided_at,
            decision=decision,
        )
        doc.decision = decision
        doc.decided_by = user
        doc.decided_at = timezone.now()
        if decision in (Decision.KEEP, Decision.DISCARD):
            doc.category = chosen
        doc.note = note.strip()[:2000]
        doc.claimed_by = None
        doc.claimed_until = None
        doc.save()
        if decision != Decision.DISCARD:
            _drop_from_new_lists(doc)
        Collection.objects.filter(pk=doc.collection_id).update(
            decision_version=F("decision_version") + 1
        )
        record_event(
            "records.document_decided",
            actor=user,
            organisation=doc.organisation,
            obj=doc,
            role=role,
            decision=decision,
        )
    return doc


def undo_last_decision(collection: Collection, user: Any) -> Document:
    """Undo the user's most recent decision in this collection (up to the last ten)."""
    with transaction.atomic():
        recent = list(
            DecisionLog.objects.select_for_update()
            .filter(collection=collection, user=user)
            .order_by("-created_at", "-pk")[:UNDO_WINDOW]
        )
        log = next((entry for entry in recent if entry.undone_at is None), None)
        if log is None:
            raise ValidationError(
                _("Er is niets meer om ongedaan te maken (alleen de laatste tien beslissingen).")
            )
        doc = Document.objects.select_for_update().get(pk=log.document_id)
        _ensure_not_locked(doc)
        if doc.decision != log.decision or doc.decided_by_id != user.pk:
            raise ValidationError(
                _("Iemand anders heeft intussen over dit document beslist; er is niets veranderd.")
            )
        doc.decision = log.previous_decision
        doc.category = log.previous_category
        doc.note = log.previous_note
        doc.decided_by = log.previous_decided_by
        doc.decided_at = log.previous_decided_at
        now = timezone.now()
        release_claims(collection, user)  # the undone card is the one to show next
        doc.claimed_by = user
        doc.claimed_until = now + timedelta(minutes=CLAIM_MINUTES)
        doc.save()
        if doc.decision != Decision.DISCARD:
            _drop_from_new_lists(doc)
        log.undone_at = now
        log.save(update_fields=["undone_at"])
        Collection.objects.filter(pk=collection.pk).update(
            decision_version=F("decision_version") + 1
        )
        record_event(
            "records.decision_undone",
            actor=user,
            organisation=collection.organisation,
            obj=doc,
            decision=doc.decision,
        )
    return doc


def apply_decision_to_duplicates(document: Document, user: Any) -> int:
    """Give every undecided exact copy of this card the same decision (a person's bulk step)."""
    document = Document.objects.select_related("collection", "category").get(pk=document.pk)
    if document.decision not in (Decision.KEEP, Decision.DISCARD) or not document.sha256:
        raise ValidationError(_("Beslis eerst zelf over deze kaart: bewaren of weggooien."))
    copies = Document.objects.filter(
        collection=document.collection,
        sha256=document.sha256,
        decision__in=[Decision.UNDECIDED, Decision.LATER],
        destroyed_at__isnull=True,
    ).exclude(pk=document.pk)
    if document.decision == Decision.DISCARD:
        copies = copies.filter(legal_hold=False)
    count = 0
    with transaction.atomic():
        for copy in copies:
            decide_document(copy, user, document.decision, category=document.category)
            count += 1
        record_event(
            "records.duplicates_decided",
            actor=user,
            organisation=document.organisation,
            obj=document,
            count=count,
        )
    return count


TRIAGE_QUEUE = (Decision.UNDECIDED, Decision.LATER)


def _queue_order(qs: Any) -> Any:
    """Undecided cards first, then 'later' cards; within each, by path."""
    return qs.annotate(
        queue_rank=Case(When(decision=Decision.UNDECIDED, then=0), default=1)
    ).order_by("queue_rank", "path", "pk")


def retry_when_locked(fn: Callable[[], T], attempts: int = 40) -> T:
    """Run ``fn`` again when SQLite reports a lock (several people triaging at once).

    PostgreSQL waits for row locks by itself; SQLite can answer "database (table) is locked"
    at once (shared cache) or after its busy timeout. Only retried outside a transaction, so
    a retry never repeats half a transaction.
    """
    for attempt in range(attempts):
        try:
            return fn()
        except OperationalError as exc:
            locked = "locked" in str(exc).lower()
            if not locked or connection.in_atomic_block or attempt == attempts - 1:
                raise
            time.sleep(min(0.2, 0.005 * (attempt + 1)) * (1 + random.random()))
    raise AssertionError("unreachable")


def current_card(collection: Collection, user: Any) -> Document | None:
    """The card this person holds now (a live claim), read only: what the triage page shows on
    GET. Claims are taken and extended only by POSTs (:func:`claim_next_card`)."""
    held = Document.objects.filter(
        collection=collection,
        destroyed_at__isnull=True,
        claimed_by=user,
        claimed_until__gt=timezone.now(),
        decision__in=TRIAGE_QUEUE,
    )
    return (
        _queue_order(held)
        .select_related("collection__default_category", "category", "near_duplicate_of")
        .first()
    )


def has_free_cards(collection: Collection, user: Any) -> bool:
    """Whether a card waits that this person could claim (read only)."""
    now = timezone.now()
    free = Q(claimed_by__isnull=True) | Q(claimed_until__lte=now) | Q(claimed_by=user)
    return (
        Document.objects.filter(collection=collection, destroyed_at__isnull=True)
        .filter(free, decision__in=TRIAGE_QUEUE)
        .exists()
    )


def claim_next_card(
    collection: Collection, user: Any, *, exclude: Iterable[int] = ()
) -> Document | None:
    """The card this person should see now, claimed so that nobody else gets it (see
    ``_claim_next_card``); retried when SQLite is momentarily locked by a colleague."""
    return retry_when_locked(lambda: _claim_next_card(collection, user, exclude=exclude))


def _claim_next_card(
    collection: Collection, user: Any, *, exclude: Iterable[int] = ()
) -> Document | None:
    """The card this person should see now, claimed so that nobody else gets it.

    A person keeps their own live claim (a reload shows the same card). Otherwise the first
    free undecided card, then the first free 'later' card. The claim is taken with a
    conditional update, so two people racing for one card cannot both win.

    ``exclude`` skips cards (the one on screen) so that the screen can prefetch the next card:
    a person may then hold two claims, and a reload shows the first of them in queue order.
    """
    now = timezone.now()
    until = now + timedelta(minutes=CLAIM_MINUTES)
    skip = [int(pk) for pk in exclude]
    open_docs = Document.objects.filter(collection=collection, destroyed_at__isnull=True)
    if skip:
        open_docs = open_docs.exclude(pk__in=skip)
    mine = (
        _queue_order(
            open_docs.filter(claimed_by=user, claimed_until__gt=now, decision__in=TRIAGE_QUEUE)
        )
        .select_related("collection__default_category", "category", "near_duplicate_of")
        .first()
    )
    if mine is not None:
        Document.objects.filter(pk=mine.pk, claimed_by=user).update(claimed_until=until)
        mine.claimed_until = until
        return mine
    free = Q(claimed_by__isnull=True) | Q(claimed_until__lte=now) | Q(claimed_by=user)
    for decision in TRIAGE_QUEUE:
        pk = _take_first_free(open_docs.filter(free, decision=decision), user, until)
        if pk is not None:
            return Document.objects.select_related(
                "collection__default_category", "category", "near_duplicate_of"
            ).get(pk=pk)
    return None


def _take_first_free(free_docs: Any, user: Any, until: datetime) -> int | None:
    """Claim the first of ``free_docs`` in queue order; its id, or None when there is none.

    One short transaction with one indexed look-up (``records_doc_triage_queue``: collection,
    decision, path, id) and one update by primary key. PostgreSQL locks the row with
    ``FOR UPDATE SKIP LOCKED``, so colleagues claiming at the same moment each get another
    card without waiting. SQLite starts the transaction with ``BEGIN IMMEDIATE`` (see the
    database settings), so claims are serialised and the look-up cannot go stale.
    """
    queue = free_docs.order_by("path", "pk")
    if connection.features.has_select_for_update_skip_locked:
        queue = queue.select_for_update(skip_locked=True)
    with transaction.atomic():
        pk = queue.values_list("pk", flat=True).first()
        if pk is None:
            return None
        Document.objects.filter(pk=pk).update(claimed_by=user, claimed_until=until)
    return int(pk)


def release_claims(collection: Collection, user: Any) -> None:
    Document.objects.filter(collection=collection, claimed_by=user).update(
        claimed_by=None, claimed_until=None
    )


def set_legal_hold(document: Document, user: Any, *, hold: bool, reference: str = "") -> Document:
    """Put a legal hold on a document (Woo request, dispute) or lift it."""
    reference = reference.strip()
    if hold and not reference:
        raise ValidationError(_("Vul het kenmerk van het Woo-verzoek of geschil in."))
    with transaction.atomic():
        doc = Document.objects.select_for_update().get(pk=document.pk)
        if doc.destroyed_at:
            raise ValidationError(_("Dit document is al vernietigd."))
        doc.legal_hold = hold
        doc.legal_hold_reference = reference[:200] if hold else ""
        doc.save(update_fields=["legal_hold", "legal_hold_reference"])
        if hold:
            _drop_from_new_lists(doc)
        record_event(
            "records.legal_hold_set" if hold else "records.legal_hold_lifted",
            actor=user,
            organisation=doc.organisation,
            obj=doc,
        )
    return doc


# --- Dates and overrides of the selectielijst ---------------------------------------------


def set_document_dates(
    document: Document,
    user: Any,
    *,
    document_date: date | None,
    trigger_date: date | None,
) -> Document:
    """Set (or correct) the dates from which the bewaartermijn runs, by hand."""
    today = timezone.localdate()
    for value in (document_date, trigger_date):
        if value is not None and value > today:
            raise ValidationError(_("Een datum in de toekomst kan niet. Kies vandaag of eerder."))
    with transaction.atomic():
        doc = Document.objects.select_for_update().get(pk=document.pk)
        _ensure_not_locked(doc)
        changed = {}
        if document_date != doc.document_date:
            changed["document_date"] = document_date
            changed["document_date_by_hand"] = document_date is not None
        if trigger_date != doc.trigger_date:
            changed["trigger_date"] = trigger_date
        if not changed:
            return doc
        for field, value in changed.items():
            setattr(doc, field, value)
        doc.save(update_fields=list(changed))
        _drop_from_new_lists(doc)
        record_event(
            "records.document_dates_set",
            actor=user,
            organisation=doc.organisation,
            obj=doc,
            fields=",".join(sorted(k for k in changed if k != "document_date_by_hand")),
        )
    return doc
