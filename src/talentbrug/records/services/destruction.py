"""Destroying a list after its cooling-off (resumable) and keeping the declaration."""

from __future__ import annotations

import hashlib
from typing import Any

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from talentbrug.audit.services import record_event

from ..constants import (
    AnalysisStatus,
    Decision,
    ItemStatus,
    ListStatus,
)
from ..declarations import declaration_csv_content
from ..models import (
    DestructionList,
    DestructionListItem,
    Document,
)
from ..retention import document_verdict
from ..workflow import LIST_FLOW
from .lists import _lock


def _erase_file(name: str) -> None:
    """Delete one stored file; a file that is already gone is fine (re-runs)."""
    if name:
        default_storage.delete(name)


def _destroy_item(dl: DestructionList, item_pk: int, user: Any) -> bool:
    with transaction.atomic():
        item = DestructionListItem.objects.select_for_update().get(pk=item_pk)
        if item.status != ItemStatus.APPROVED:
            return False
        doc = Document.objects.select_for_update().get(pk=item.document_id)
        now = timezone.now()
        if doc.legal_hold:
            item.status = ItemStatus.HELD
            item.reason = _("Juridische blokkade: %(ref)s") % {"ref": doc.legal_hold_reference}
            item.save()
            record_event("records.item_held", actor=user, organisation=dl.organisation, obj=item)
            return False
        # The guard right before erasure: category, dates and overrides as they are now.
        verdict = document_verdict(doc)
        if not verdict.destroyable:
            item.status = ItemStatus.REFUSED
            item.reason = verdict.reason[:2000]
            item.save()
            record_event(
                "records.item_refused",
                actor=user,
                organisation=dl.organisation,
                obj=item,
                refusal=str(verdict.refusal),
            )
            return False
        _erase_file(doc.file.name)
        Document.objects.filter(pk=doc.pk).update(
            file="",
            extracted_text="",
            preview="",
            signature="",
            author="",
            title="",
            attachments=[],
            near_duplicate_of=None,
            claimed_by=None,
            claimed_until=None,
            destroyed_at=now,
        )
        item.status = ItemStatus.DESTROYED
        item.destroyed_at = now
        item.save()
        record_event(
            "records.document_destroyed",
            actor=user,
            organisation=dl.organisation,
            obj=doc,
            list_id=dl.pk,
            item_id=item.pk,
            override=verdict.overridden,
        )
    return True


def destroy_destruction_list(dl: DestructionList, user: Any = None) -> DestructionList:
    """wachttijd (after it ends) → wordt vernietigd → vernietigd. Idempotent and resumable.

    Each document is destroyed in its own transaction; after a crash the list stays in
    'wordt vernietigd' and a re-run continues with the documents that are left.
    """
    with transaction.atomic():
        dl = _lock(dl)
        if dl.status == ListStatus.DESTROYED:
            return dl
        if dl.status == ListStatus.COOLING_OFF:
            # A person starts it after the cooling-off; without one, the nightly job does.
            actor = user if getattr(user, "is_authenticated", False) else None
            LIST_FLOW.check(dl, "start_destruction", user=actor, system=actor is None)
            dl.status = ListStatus.DESTROYING
            dl.destroyed_by = user if getattr(user, "is_authenticated", False) else None
            dl.save()
            record_event(
                "records.destruction_started", actor=user, organisation=dl.organisation, obj=dl
            )
        else:
            LIST_FLOW.check(dl, "finish_destruction", system=True)
    for item_pk in list(
        dl.items.filter(status=ItemStatus.APPROVED).order_by("pk").values_list("pk", flat=True)
    ):
        _destroy_item(dl, item_pk, user)
    with transaction.atomic():
        dl = _lock(dl)
        if (
            dl.status == ListStatus.DESTROYING
            and not dl.items.filter(status=ItemStatus.APPROVED).exists()
        ):
            LIST_FLOW.check(dl, "finish_destruction", system=True)
            dl.status = ListStatus.DESTROYED
            dl.destroyed_at = timezone.now()
            dl.save()
            record_event(
                "records.list_destroyed",
                actor=user,
                organisation=dl.organisation,
                obj=dl,
                count=dl.items.filter(status=ItemStatus.DESTROYED).count(),
            )
            store_declaration(dl, user)
    return dl


def store_declaration(dl: DestructionList, user: Any = None) -> Document:
    """Keep the verklaring van vernietiging as a record of its own, in the same collection.

    It is kept (decision bewaren, never on a list: see ``retention.document_verdict``), with
    the list's date as document date. Called once when the list is destroyed; a re-run
    returns the stored record.
    """
    existing = Document.objects.filter(declaration_of=dl).first()
    if existing is not None:
        return existing
    content = declaration_csv_content(dl)
    today = timezone.localdate()
    name = f"verklaring-van-vernietiging-{dl.pk}-{today:%Y%m%d}.csv"
    doc = Document(
        organisation=dl.organisation,
        collection=dl.collection,
        path=f"{_('Verklaringen van vernietiging')}/{name}",
        name=name,
        size=len(content),
        sha256=hashlib.sha256(content).hexdigest(),
        detected_type="csv",
        mime_type="text/csv",
        document_date=today,
        document_date_by_hand=False,
        title=_("Verklaring van vernietiging: %(name)s") % {"name": dl.name},
        analysis_status=AnalysisStatus.DONE,
        decision=Decision.KEEP,
        decided_by=user if getattr(user, "is_authenticated", False) else None,
        decided_at=timezone.now(),
        note=_("Verklaring van vernietiging van lijst %(id)s. Wordt altijd bewaard.")
        % {"id": dl.pk},
        declaration_of=dl,
    )
    with transaction.atomic():
        doc.file.save(name, ContentFile(content), save=False)
        try:
            doc.save()
        except Exception:
            default_storage.delete(doc.file.name)
            raise
        record_event(
            "records.declaration_stored",
            actor=user,
            organisation=dl.organisation,
            obj=doc,
            list_id=dl.pk,
        )
    return doc
