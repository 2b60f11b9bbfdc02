"""Destruction lists: make, submit, take documents off, restore, set back to new."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Exists, F, OuterRef
from django.utils import timezone
from django.utils.translation import gettext as _

from talentbrug.accounts.access import user_can
from talentbrug.audit.services import record_event

from ..constants import (
    ACTIVE_LIST_STATUSES,
    LIVE_ITEM_STATUSES,
    Decision,
    ItemStatus,
    ListStatus,
    OverrideStatus,
)
from ..models import (
    Collection,
    DestructionList,
    DestructionListItem,
    DestructionOverride,
    Document,
)
from ..notifications import notify_list_event
from ..retention import Verdict, document_verdict
from ..workflow import LIST_FLOW

# --- Destruction lists -------------------------------------------------------------------


def _lock(dl: DestructionList) -> DestructionList:
    return DestructionList.objects.select_for_update().get(pk=dl.pk)


def _item_for(dl: DestructionList, doc: Document) -> DestructionListItem:
    category = doc.effective_category
    return DestructionListItem(
        destruction_list=dl,
        document=doc,
        record_name=doc.name,
        record_path=doc.path,
        record_sha256=doc.sha256,
        record_date=doc.term_date,
        category_code=category.code if category else "",
        category_name=category.name if category else "",
        waardering=category.waardering if category else "",
        bewaartermijn_years=category.bewaartermijn_years if category else None,
    )


def destruction_candidates(
    collection: Collection, *, today: date | None = None
) -> tuple[list[Document], list[tuple[Document, Verdict]]]:
    """Discarded documents not yet on a list: (may go onto a list, refused with verdict)."""
    busy = DestructionListItem.objects.filter(
        status__in=LIVE_ITEM_STATUSES, destruction_list__status__in=ACTIVE_LIST_STATUSES
    ).values("document_id")
    documents = (
        Document.objects.filter(
            collection=collection,
            decision=Decision.DISCARD,
            destroyed_at__isnull=True,
        )
        .exclude(pk__in=busy)
        .select_related("category", "collection__default_category")
        .annotate(
            has_approved_override=Exists(
                DestructionOverride.objects.filter(
                    document=OuterRef("pk"), status=OverrideStatus.APPROVED
                )
            )
        )
    )
    allowed: list[Document] = []
    refused: list[tuple[Document, Verdict]] = []
    for doc in documents:
        verdict = document_verdict(doc, today=today)
        if verdict.destroyable:
            allowed.append(doc)
        else:
            refused.append((doc, verdict))
    return allowed, refused


def create_destruction_list(collection: Collection, user: Any, name: str = "") -> DestructionList:
    """Put every discarded document that may go onto a new list (status nieuw).

    Only documents the selectielijst allows to destroy (V, term known and run out) or that
    have an approved override; the rest stay off the list (see ``destruction_candidates``).
    """
    with transaction.atomic():
        documents, refused = destruction_candidates(collection)
        if not documents:
            if refused:
                raise ValidationError(
                    _(
                        "Geen enkel weggegooid document mag al weg: %(count)s documenten zijn "
                        "geweigerd. De redenen staan bij de verzameling."
                    )
                    % {"count": len(refused)}
                )
            raise ValidationError(
                _("Er zijn geen weggegooide documenten die nog niet op een lijst staan.")
            )
        dl = DestructionList.objects.create(
            organisation=collection.organisation,
            collection=collection,
            name=name.strip()
            or _("Vernietigingslijst %(collection)s %(date)s")
            % {"collection": collection.name, "date": timezone.localdate().strftime("%d-%m-%Y")},
            created_by=user,
        )
        DestructionListItem.objects.bulk_create([_item_for(dl, doc) for doc in documents])
        record_event(
            "records.list_created",
            actor=user,
            organisation=collection.organisation,
            obj=dl,
            count=len(documents),
            refused=len(refused),
        )
    return dl


def submit_destruction_list(
    dl: DestructionList, user: Any, reviewers: Iterable[Any] = ()
) -> DestructionList:
    """nieuw (or wijzigingen gevraagd) → ter beoordeling, with the named reviewer(s).

    Each reviewer may review destruction lists in this organisation and is not the maker.
    The reviewers get an e-mail and see the list on their staff home.
    """
    chosen = list({r.pk: r for r in reviewers}.values())
    if not chosen:
        raise ValidationError(_("Kies minstens één collega die de lijst beoordeelt."))
    with transaction.atomic():
        dl = _lock(dl)
        LIST_FLOW.check(dl, "submit", user=user)
        for reviewer in chosen:
            if reviewer.pk == dl.created_by_id or reviewer.pk == user.pk:
                raise ValidationError(_("U kunt uw eigen lijst niet beoordelen. Kies een collega."))
            if not user_can(reviewer, dl.organisation, "records.review"):
                raise ValidationError(
                    _("%(name)s mag geen vernietigingslijsten beoordelen. Kies een ander.")
                    % {"name": reviewer}
                )
        if not dl.items.filter(status=ItemStatus.PROPOSED).exists():
            raise ValidationError(_("Deze lijst heeft geen documenten om te beoordelen."))
        resubmitted = dl.status == ListStatus.CHANGES_REQUESTED
        dl.status = ListStatus.IN_REVIEW
        dl.submitted_at = timezone.now()
        dl.save()
        dl.reviewers.set(chosen)
        record_event(
            "records.list_submitted",
            actor=user,
            organisation=dl.organisation,
            obj=dl,
            reviewers=len(chosen),
            resubmitted=resubmitted,
        )
        notify_list_event(dl, "submitted", chosen, actor=user)
    return dl


def _return_to_triage(document: Document, note: str) -> None:
    Document.objects.filter(pk=document.pk).update(
        decision=Decision.UNDECIDED, note=note[:2000], claimed_by=None, claimed_until=None
    )
    Collection.objects.filter(pk=document.collection_id).update(
        decision_version=F("decision_version") + 1
    )


def remove_item(item: DestructionListItem, user: Any, reason: str) -> DestructionListItem:
    """The maker takes a document off a list that is new or sent back (back to the cards)."""
    if not reason.strip():
        raise ValidationError(_("Geef een reden waarom dit document van de lijst gaat."))
    with transaction.atomic():
        dl = _lock(item.destruction_list)
        LIST_FLOW.check(dl, "remove_item", user=user)
        item = DestructionListItem.objects.select_related("document").get(pk=item.pk)
        if item.status != ItemStatus.PROPOSED:
            raise ValidationError(_("Dit document staat niet meer op de lijst."))
        item.status = ItemStatus.EXCLUDED
        item.reason = reason.strip()[:2000]
        item.reviewed_by = user
        item.reviewed_at = timezone.now()
        item.save()
        _return_to_triage(
            item.document,
            _("Van de vernietigingslijst gehaald: %(reason)s") % {"reason": item.reason},
        )
        record_event("records.item_removed", actor=user, organisation=dl.organisation, obj=item)
    return item


def restore_item(item: DestructionListItem, user: Any, reason: str) -> DestructionListItem:
    """Take an approved document off the list before destruction (back to the triage pile)."""
    if not reason.strip():
        raise ValidationError(_("Geef een reden waarom dit document terug moet."))
    with transaction.atomic():
        dl = _lock(item.destruction_list)
        LIST_FLOW.check(dl, "restore_item", user=user)
        item = DestructionListItem.objects.select_related("document").get(pk=item.pk)
        if item.status != ItemStatus.APPROVED:
            raise ValidationError(_("Alleen goedgekeurde documenten kunnen terug."))
        item.status = ItemStatus.RESTORED
        item.reason = reason.strip()[:2000]
        item.save()
        _return_to_triage(item.document, _("Teruggezet: %(reason)s") % {"reason": item.reason})
        record_event("records.item_restored", actor=user, organisation=dl.organisation, obj=item)
    return item


def abort_destruction_list(dl: DestructionList, user: Any, reason: str) -> DestructionList:
    """Any step before destruction → nieuw. Approvals are cleared; exclusions stay."""
    if not reason.strip():
        raise ValidationError(_("Geef een reden om de lijst terug te zetten."))
    with transaction.atomic():
        dl = _lock(dl)
        LIST_FLOW.check(dl, "abort", user=user)
        dl.items.filter(status=ItemStatus.APPROVED).update(
            status=ItemStatus.PROPOSED, reviewed_by=None, reviewed_at=None
        )
        dl.status = ListStatus.NEW
        dl.abort_reason = reason.strip()[:2000]
        dl.submitted_at = dl.reviewed_at = dl.archivist_at = dl.cooling_off_until = None
        dl.reviewed_by = dl.archivist = None
        dl.save()
        record_event("records.list_aborted", actor=user, organisation=dl.organisation, obj=dl)
    return dl
