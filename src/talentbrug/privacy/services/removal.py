"""The only place that removes candidate data (used by retention and by erasure requests).

Removal is anonymisation that keeps the figures: an expired application keeps its row
(vacancy, route, channel, status, dates) but is moved to a fresh, empty candidate, and every
row and file that identifies the person is deleted. A candidate with nothing left is wiped in
place (empty name, reserved address, profile rows and files deleted). Stored files are deleted
after the commit (:func:`remove_files`), and a file that cannot be deleted is recorded in
:class:`PendingFileRemoval` and retried by the next run.
"""

from __future__ import annotations

import logging
import re
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.files.storage import default_storage
from django.db import models
from django.db.models import F
from django.utils import translation
from django.utils.translation import gettext as _

from talentbrug.applications.models import (
    Application,
    Candidate,
    Document,
    PendingApplication,
)
from talentbrug.outbox.models import OutboxMail

from .. import retention
from ..constants import (
    ANONYMISED_DOMAIN,
)
from ..models import (
    LegalHold,
    Objection,
    PendingFileRemoval,
)

logger = logging.getLogger(__name__)


# Rows that stay with an anonymised application (moved to the empty candidate, not deleted).
KEEP_WITH_APPLICATION = {"applications.Booking"}

# Rows that stay with a wiped candidate: the rights requests themselves (no personal data).
# Their free text (a hold's reason, an objection's note) may quote the person: it is replaced
# by a neutral marker when the person's data goes (:func:`scrub_rights_texts`).
KEEP_WITH_CANDIDATE = {
    "applications.DeletionRequest",
    "privacy.LegalHold",
    "privacy.Objection",
}

# Recruitment-only material of a hire (other apps may add their models, e.g. scorecards).
HIRE_MATERIAL_MODELS = {"applications.WorkSampleSubmission"}


def label(model: type[models.Model]) -> str:
    return model._meta.label


def _file_names(obj: models.Model) -> list[str]:
    names = []
    for fld in obj._meta.concrete_fields:
        if isinstance(fld, models.FileField):
            value = getattr(obj, fld.attname)
            if value:
                names.append(str(value))
    return names


@dataclass
class Removal:
    """What one transaction removed (counts) and the files to delete after the commit."""

    counts: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    files: list[str] = field(default_factory=list)

    def delete_rows(self, queryset: models.QuerySet[Any]) -> None:
        model = queryset.model
        has_files = any(isinstance(f, models.FileField) for f in model._meta.concrete_fields)
        if has_files:
            for obj in queryset:
                self.files.extend(_file_names(obj))
        _deleted, per_model = queryset.delete()
        for label, n in per_model.items():
            if n:
                self.counts[f"deleted.{label}"] += n


def remove_files(names: list[str], counts: dict[str, int] | None = None) -> None:
    for name in names:
        try:
            default_storage.delete(name)
        except Exception:
            logger.warning("privacy: a stored file could not be removed; retried next run")
            PendingFileRemoval.objects.create(name=name[:300])
            if counts is not None:
                counts["files.failed"] += 1
        else:
            if counts is not None:
                counts["files.removed"] += 1


def retry_pending_files() -> int:
    removed = 0
    for pending in PendingFileRemoval.objects.all()[:1000]:
        try:
            default_storage.delete(pending.name)
        except Exception:
            PendingFileRemoval.objects.filter(pk=pending.pk).update(attempts=F("attempts") + 1)
            continue
        pending.delete()
        removed += 1
    return removed


def relations_to(model: type[models.Model]) -> list[models.ForeignKey[Any, Any]]:
    """Every foreign key (and one-to-one) in the project that points at ``model``."""

    found = []
    for other in apps.get_models():
        for fld in other._meta.concrete_fields:
            if isinstance(fld, models.ForeignKey) and fld.related_model is model:
                found.append(fld)
    return found


def _new_anonymous_candidate() -> Candidate:
    return Candidate.objects.create(
        email=f"anoniem-{uuid.uuid4().hex}@{ANONYMISED_DOMAIN}", name="", phone=""
    )


def _delete_linked_mails(rows: models.QuerySet[Any], removal: Removal) -> None:
    """Delete the outbox mails that ``rows`` point at (a message history row names its mail).

    The outbox row of a message about the application keeps its subject and address (and,
    until sent, its text with the person's name) under the person, not the application: it
    goes with the application, also when the person stays because of another application.
    """
    for fld in rows.model._meta.concrete_fields:
        if isinstance(fld, models.ForeignKey) and label(fld.related_model) == "outbox.OutboxMail":
            ids = [pk for pk in rows.values_list(fld.attname, flat=True) if pk is not None]
            if ids:
                removal.delete_rows(fld.related_model._default_manager.filter(pk__in=ids))


# Name parts that say nothing about a person on their own (tussenvoegsels).
_PARTICLES = {"van", "der", "den", "de", "het", "ter", "ten", "te", "in", "op", "la", "le", "el"}


def removed_text() -> str:
    """The neutral marker that replaces free text once the person's data is gone (stored, so
    in the site's language)."""
    with translation.override(settings.LANGUAGE_CODE):
        return _("[verwijderd]")


def without_person(text: str, name: str, email: str) -> str:
    """``text`` with the person's address, name and every name part replaced by the marker."""
    marker = removed_text()
    needles = [email, email.split("@")[0], name] if email else [name]
    needles += [part for part in re.split(r"[\s,.;:()'\-]+", name) if part]
    for needle in sorted({n.strip() for n in needles if n and n.strip()}, key=len, reverse=True):
        if needle.lower() in _PARTICLES or len(needle) < 2:
            continue
        text = re.sub(rf"(?<!\w){re.escape(needle)}(?!\w)", marker, text, flags=re.IGNORECASE)
    return text


def scrub_rights_texts(
    candidate_id: int, removal: Removal, *, organisation_id: int | None = None
) -> None:
    """The person's data goes, the rights records stay: blank what they may quote.

    A legal hold keeps its existence, organisation, reference and dates (why data was kept,
    and until when); its reason becomes the marker and the person's name or address is taken
    out of the reference. An objection keeps what it was against, the outcome and the dates;
    its note becomes the marker. With ``organisation_id`` only that organisation's records
    whose purpose has passed (lifted holds, decided objections): its data of the person went,
    the person stays because of another organisation.
    """
    person = Candidate.objects.filter(pk=candidate_id).values("name", "email").first()
    if person is None:
        return
    marker = removed_text()
    holds = LegalHold.objects.filter(candidate_id=candidate_id)
    objections = Objection.objects.filter(candidate_id=candidate_id).exclude(note="")
    if organisation_id is not None:
        holds = holds.filter(organisation_id=organisation_id, lifted_at__isnull=False)
        objections = objections.filter(organisation_id=organisation_id, decided_at__isnull=False)
    for pk, reference, reason in holds.values_list("pk", "reference", "reason"):
        cleaned = without_person(reference, person["name"], person["email"])[:100]
        if (cleaned, marker) != (reference, reason):
            LegalHold.objects.filter(pk=pk).update(reference=cleaned, reason=marker)
            removal.counts["texts.blanked.privacy.LegalHold"] += 1
    blanked = objections.exclude(note=marker).update(note=marker)
    if blanked:
        removal.counts["texts.blanked.privacy.Objection"] += blanked


def _delete_unlinked_mails_to(address: str, removal: Removal) -> None:
    """Outbox mail to the person's address that carries no link to them (queued by a part that
    keys by address: a confirmation link, a new hire's portal link): it goes with the person."""
    if not address:
        return
    wanted = address.lower()
    rows = OutboxMail.objects.filter(candidate__isnull=True, to__icontains=wanted)
    ids = [pk for pk, to in rows.values_list("pk", "to") if wanted in {a.lower() for a in to}]
    if ids:
        removal.delete_rows(OutboxMail.objects.filter(pk__in=ids))


def anonymise_application(application: Application, removal: Removal) -> None:
    """Keep the row for the figures; detach it from the person; delete what identifies.

    Call inside a transaction. Rows of other apps that point at the application are deleted
    (files collected), except those in KEEP_WITH_APPLICATION, which move to the empty candidate.
    """
    anonymous = _new_anonymous_candidate()
    for fld in relations_to(Application):
        if fld.model is Application:
            continue
        rows = fld.model._default_manager.filter(**{fld.name: application})
        if label(fld.model) in KEEP_WITH_APPLICATION:
            for other in fld.model._meta.concrete_fields:
                if isinstance(other, models.ForeignKey) and other.related_model is Candidate:
                    rows.update(**{other.name: anonymous})
            continue
        _delete_linked_mails(rows, removal)
        removal.delete_rows(rows)
    updates: dict[str, Any] = {"candidate": anonymous}
    for column in Application._meta.concrete_fields:
        if (
            isinstance(column, models.TextField | models.EmailField | models.URLField)
            and column.blank
        ):
            updates[column.name] = ""
    Application.objects.filter(pk=application.pk).update(**updates)
    removal.counts["applications.anonymised"] += 1
    person, organisation_id = application.candidate_id, application.organisation_id
    if not Application.objects.filter(
        candidate_id=person, organisation_id=organisation_id
    ).exists():
        scrub_rights_texts(person, removal, organisation_id=organisation_id)


def remove_hire_material(application: Application, removal: Removal) -> None:
    """Recruitment-only material of a hire: video and work-sample files, work samples."""

    removal.delete_rows(
        Document.objects.filter(application=application, kind__in=retention.HIRE_MATERIAL_KINDS)
    )
    for fld in relations_to(Application):
        if label(fld.model) in HIRE_MATERIAL_MODELS:
            removal.delete_rows(fld.model._default_manager.filter(**{fld.name: application}))
    removal.counts["applications.hire_material_removed"] += 1


def wipe_candidate(candidate: Candidate, removal: Removal) -> None:
    """Empty the candidate in place: every identifying field, every row and file of theirs.

    The row itself stays (so the rights requests keep their subject), with a reserved address
    that can never receive mail, and all personal links revoked.
    """
    for fld in relations_to(Candidate):
        if fld.model is Candidate or label(fld.model) in KEEP_WITH_CANDIDATE:
            continue
        if fld.model is Application:
            continue  # applications are anonymised one by one, never wiped with the person
        removal.delete_rows(fld.model._default_manager.filter(**{fld.name: candidate}))
    updates: dict[str, Any] = {}
    for column in Candidate._meta.concrete_fields:
        if column.name in ("id", "email", "created_at", "updated_at", "token_version"):
            continue
        if isinstance(column, models.CharField | models.TextField) and column.blank:
            updates[column.name] = ""
        elif isinstance(column, models.BooleanField):
            updates[column.name] = False
        elif column.null:
            updates[column.name] = None
    # An application that waits for the address's confirmation (known address, issue 14) is
    # keyed by the address, not the person: it goes with the person.
    pending = PendingApplication.objects.filter(email__iexact=candidate.email)
    for files in pending.values_list("files", flat=True):
        removal.files.extend(item["path"] for item in files if item.get("path"))
    _delete_linked_mails(pending, removal)  # the confirmation mail, addressed to the person
    removal.delete_rows(pending)
    _delete_unlinked_mails_to(candidate.email, removal)
    scrub_rights_texts(candidate.pk, removal)
    updates["name"] = ""
    updates["email"] = f"gewist-{candidate.pk}-{uuid.uuid4().hex[:8]}@{ANONYMISED_DOMAIN}"
    updates["token_version"] = F("token_version") + 1
    Candidate.objects.filter(pk=candidate.pk).update(**updates)
    removal.counts["candidates.wiped"] += 1
