"""ZIP imports read into a collection by a background job."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from talentbrug.core.models import OrganisationOwned

from ..constants import (
    ImportStatus,
)
from .documents import Collection


def archive_upload_to(instance: ZipImport, filename: str) -> str:
    """The uploaded ZIP until the import has run; a generated name, like the documents."""
    return f"records/{instance.organisation_id}/{instance.collection_id}/zip-{uuid.uuid4().hex}"


class ZipImport(OrganisationOwned):
    """A ZIP file that is read into a collection by a background job.

    The archive is stored first, so a worker that is killed mid-import loses nothing: the
    periodic job ``records.resume_stale_imports`` starts the import again. The documents and
    the status "done" are written in one transaction, so an import never counts twice.
    """

    organisation = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("organisatie"),
        help_text=_("De organisatie van de verzameling."),
    )
    collection = models.ForeignKey(
        Collection,
        on_delete=models.CASCADE,
        related_name="zip_imports",
        verbose_name=_("verzameling"),
        help_text=_("De verzameling waarin de documenten komen."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("toegevoegd door"),
        help_text=_("Wie het ZIP-bestand heeft toegevoegd."),
    )
    name = models.CharField(
        _("bestandsnaam"), max_length=300, help_text=_("De naam van het ZIP-bestand.")
    )
    archive = models.FileField(
        _("ZIP-bestand"),
        upload_to=archive_upload_to,
        blank=True,
        max_length=300,
        help_text=_("Het ZIP-bestand in de afgeschermde opslag. Leeg zodra het is ingelezen."),
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=ImportStatus.choices,
        default=ImportStatus.PENDING,
        help_text=_("Wordt ingelezen, ingelezen of niet gelukt."),
    )
    attempts = models.PositiveSmallIntegerField(
        _("pogingen"),
        default=1,
        help_text=_("Hoe vaak het inlezen is gestart (na een afgebroken poging opnieuw)."),
    )
    queued_at = models.DateTimeField(
        _("gestart op"),
        default=timezone.now,
        help_text=_("Wanneer het inlezen het laatst in de wachtrij is gezet."),
    )
    finished_at = models.DateTimeField(
        _("klaar op"), null=True, blank=True, help_text=_("Wanneer het inlezen klaar was.")
    )
    document_count = models.PositiveIntegerField(
        _("documenten"), default=0, help_text=_("Hoeveel documenten het ZIP-bestand opleverde.")
    )
    unreadable_count = models.PositiveIntegerField(
        _("niet leesbaar"), default=0, help_text=_("Hoeveel daarvan niet gelezen kunnen worden.")
    )
    problem = models.CharField(
        _("probleem"),
        max_length=300,
        blank=True,
        help_text=_("Waarom het inlezen niet lukte, in woorden voor de medewerker."),
    )

    class Meta:
        verbose_name = _("ZIP-import")
        verbose_name_plural = _("ZIP-imports")
        ordering = ["-queued_at", "-pk"]
        indexes = [
            models.Index(fields=["status", "queued_at"], name="records_zipimport_stale"),
        ]

    def __str__(self) -> str:
        return self.name
