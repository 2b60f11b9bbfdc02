"""The outbox: every e-mail the product sends is first a row here, written in the same
transaction as the change it is about. A task sends it; a periodic job retries what is left."""

from __future__ import annotations

import uuid

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .constants import ERROR_LABELS, OTHER_ERROR, MailStatus


class OutboxMail(models.Model):
    key = models.UUIDField(
        _("sleutel"),
        default=uuid.uuid4,
        unique=True,
        editable=False,
        help_text=_("Vaste sleutel van deze e-mail; gebruikt als Message-ID."),
    )
    kind = models.CharField(
        _("soort e-mail"),
        max_length=80,
        db_index=True,
        help_text=_("Vaste code van de afzender, zoals applications.application_received."),
    )
    organisation = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="outbox_mails",
        verbose_name=_("organisatie"),
        help_text=_("Namens welke organisatie de e-mail gaat. Leeg: namens Talentbrug zelf."),
    )
    candidate = models.ForeignKey(
        "applications.Candidate",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="outbox_mails",
        verbose_name=_("kandidaat"),
        help_text=_("Over welke kandidaat de e-mail gaat, als het over een kandidaat gaat."),
    )
    supersede_key = models.CharField(
        _("vervangsleutel"),
        max_length=100,
        blank=True,
        db_index=True,
        help_text=_(
            "Een nieuwere e-mail met dezelfde sleutel maakt een nog niet verzonden oudere "
            "overbodig (bijvoorbeeld twee stappen kort na elkaar)."
        ),
    )
    from_email = models.CharField(
        _("afzender"), max_length=254, help_text=_("Het adres in het Van-veld.")
    )
    to = models.JSONField(_("ontvangers"), default=list, help_text=_("Lijst van e-mailadressen."))
    cc = models.JSONField(_("cc"), default=list, blank=True, help_text=_("Lijst van adressen."))
    bcc = models.JSONField(_("bcc"), default=list, blank=True, help_text=_("Lijst van adressen."))
    reply_to = models.JSONField(
        _("antwoordadres"), default=list, blank=True, help_text=_("Lijst van adressen.")
    )
    headers = models.JSONField(
        _("extra kopregels"), default=dict, blank=True, help_text=_("Al opgeschoond.")
    )
    subject = models.CharField(
        _("onderwerp"),
        max_length=255,
        help_text=_("Zonder regeleinden en ingekort. Mag medewerkers getoond worden."),
    )
    body = models.TextField(
        _("tekst"),
        blank=True,
        help_text=_("De tekst van de e-mail. Wordt gewist zodra de e-mail verzonden is."),
    )
    alternatives = models.JSONField(
        _("andere vormen"),
        default=list,
        blank=True,
        help_text=_("Bijvoorbeeld een HTML-versie: lijst van [inhoud, mimetype]."),
    )
    attachments = models.JSONField(
        _("bijlagen"),
        default=list,
        blank=True,
        help_text=_("Lijst van {naam, inhoud (base64), mimetype}. Gewist na verzenden."),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=MailStatus.choices,
        default=MailStatus.QUEUED,
        db_index=True,
        help_text=_("Wacht op verzenden, wordt verzonden, verzonden, niet gelukt."),
    )
    attempts = models.PositiveSmallIntegerField(
        _("pogingen"), default=0, help_text=_("Hoe vaak we probeerden te verzenden.")
    )
    last_error = models.CharField(
        _("laatste fout"),
        max_length=100,
        blank=True,
        help_text=_("Alleen de soort fout (zoals SMTPConnectError), nooit de tekst."),
    )
    next_attempt_at = models.DateTimeField(
        _("volgende poging"),
        default=timezone.now,
        db_index=True,
        help_text=_("Niet eerder dan dit moment proberen we opnieuw."),
    )
    claimed_at = models.DateTimeField(
        _("opgepakt op"),
        null=True,
        blank=True,
        help_text=_("Wanneer een werker aan het verzenden begon."),
    )
    sent_at = models.DateTimeField(
        _("verzonden op"), null=True, blank=True, help_text=_("Wanneer de mailserver haar aannam.")
    )
    created_at = models.DateTimeField(
        _("aangemaakt op"), auto_now_add=True, db_index=True, help_text=_("Moment van klaarzetten.")
    )

    class Meta:
        verbose_name = _("uitgaande e-mail")
        verbose_name_plural = _("uitgaande e-mails")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["status", "next_attempt_at"])]

    def __str__(self) -> str:
        return f"e-mail {self.pk}"

    @property
    def error_label(self) -> str:
        """The last failure in words for HR; empty when there was none."""
        if not self.last_error:
            return ""
        return str(ERROR_LABELS.get(self.last_error, OTHER_ERROR))
