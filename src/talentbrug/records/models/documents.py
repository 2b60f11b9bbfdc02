"""Collections of documents, the documents themselves and the log of triage decisions."""

from __future__ import annotations

import uuid
from datetime import date

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from talentbrug.core.models import OrganisationOwned

from ..constants import (
    AnalysisStatus,
    Decision,
)
from ..retention import start_date
from .categories import SelectielijstCategory

MAX_TEXT_CHARS = 200_000  # extracted text kept per document (for search and suggestions)


def document_upload_to(instance: Document, filename: str) -> str:
    """Storage names are generated: a path from an upload or ZIP never reaches the disk."""
    return f"records/{instance.organisation_id}/{instance.collection_id}/{uuid.uuid4().hex}"


class Collection(OrganisationOwned):
    """A set of documents to triage, such as a team's shared drive."""

    organisation = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.CASCADE,
        related_name="record_collections",
        verbose_name=_("organisatie"),
        help_text=_("De organisatie die eigenaar is van deze documenten."),
    )
    name = models.CharField(
        _("naam"),
        max_length=200,
        help_text=_("Bijvoorbeeld 'Gedeelde schijf team Werving 2019–2023'."),
    )
    description = models.TextField(
        _("omschrijving"), blank=True, help_text=_("Waar de documenten vandaan komen.")
    )
    default_category = models.ForeignKey(
        SelectielijstCategory,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("standaardcategorie"),
        help_text=_("Selectielijstcategorie die bij bewaren al is ingevuld."),
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("eigenaar"),
        help_text=_("Wie verantwoordelijk is voor deze verzameling."),
    )
    created_at = models.DateTimeField(
        _("aangemaakt op"), auto_now_add=True, help_text=_("Wanneer de verzameling is gemaakt.")
    )
    analysis_total = models.PositiveIntegerField(
        _("te lezen documenten"),
        default=0,
        help_text=_("Aantal documenten dat is aangeboden om te lezen."),
    )
    analysis_done = models.PositiveIntegerField(
        _("gelezen documenten"), default=0, help_text=_("Aantal documenten dat al is gelezen.")
    )
    decision_version = models.PositiveIntegerField(
        _("versie beslissingen"),
        default=0,
        help_text=_("Telt elke beslissing; het lerende voorstel traint opnieuw als dit verandert."),
    )

    class Meta:
        verbose_name = _("verzameling")
        verbose_name_plural = _("verzamelingen")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.name

    @property
    def analysis_percent(self) -> int:
        if not self.analysis_total:
            return 100
        return min(100, round(100 * self.analysis_done / self.analysis_total))


class Document(OrganisationOwned):
    """One record (file) in a collection, with what the analysis found and the decision."""

    organisation = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.CASCADE,
        related_name="record_documents",
        verbose_name=_("organisatie"),
        help_text=_("De organisatie die eigenaar is van het document."),
    )
    collection = models.ForeignKey(
        Collection,
        on_delete=models.CASCADE,
        related_name="documents",
        verbose_name=_("verzameling"),
        help_text=_("De verzameling waarin het document staat."),
    )
    file = models.FileField(
        _("bestand"),
        upload_to=document_upload_to,
        blank=True,
        max_length=300,
        help_text=_("Het bestand in de afgeschermde opslag. Leeg na vernietiging."),
    )
    path = models.CharField(
        _("pad"),
        max_length=1000,
        help_text=_("Map en bestandsnaam zoals in de bron, bijvoorbeeld 'Werving/2019/cv.pdf'."),
    )
    name = models.CharField(_("bestandsnaam"), max_length=300, help_text=_("De bestandsnaam."))
    size = models.BigIntegerField(_("grootte"), default=0, help_text=_("Grootte in bytes."))
    sha256 = models.CharField(
        _("controlegetal (SHA-256)"),
        max_length=64,
        blank=True,
        db_index=True,
        help_text=_("Vingerafdruk van de inhoud; gelijke getallen betekenen gelijke bestanden."),
    )
    detected_type = models.CharField(
        _("soort bestand"),
        max_length=20,
        blank=True,
        help_text=_("Soort bestand, bepaald aan de inhoud (niet aan de extensie)."),
    )
    mime_type = models.CharField(
        _("MIME-type"), max_length=120, blank=True, help_text=_("Technisch bestandsformaat.")
    )
    source_created = models.DateTimeField(
        _("gemaakt op (bron)"),
        null=True,
        blank=True,
        help_text=_("Aanmaakdatum uit de eigenschappen van het bestand."),
    )
    source_modified = models.DateTimeField(
        _("gewijzigd op (bron)"),
        null=True,
        blank=True,
        help_text=_("Laatste wijziging uit de eigenschappen van het bestand."),
    )
    document_date = models.DateField(
        _("documentdatum"),
        null=True,
        blank=True,
        help_text=_("Datum waarvandaan de bewaartermijn telt: wijzigings- of aanmaakdatum."),
    )
    document_date_by_hand = models.BooleanField(
        _("documentdatum ingevuld"),
        default=False,
        help_text=_("Aan als een medewerker de documentdatum heeft ingevuld of verbeterd."),
    )
    trigger_date = models.DateField(
        _("datum aanleiding"),
        null=True,
        blank=True,
        help_text=_(
            "Datum van de aanleiding waarvandaan de bewaartermijn telt, bijvoorbeeld het einde "
            "van de procedure. Nodig als de categorie vanaf de aanleiding telt."
        ),
    )
    author = models.CharField(
        _("auteur"), max_length=200, blank=True, help_text=_("Auteur uit de eigenschappen.")
    )
    title = models.CharField(
        _("titel"), max_length=300, blank=True, help_text=_("Titel uit de eigenschappen.")
    )
    extracted_text = models.TextField(
        _("tekst"),
        blank=True,
        help_text=_("Gelezen tekst, ten hoogste 200.000 tekens. Leeg na vernietiging."),
    )
    preview = models.TextField(
        _("voorbeeld"), blank=True, help_text=_("De eerste regels van de tekst.")
    )
    signature = models.TextField(
        _("gelijkenisvingerafdruk"),
        blank=True,
        help_text=_("MinHash-handtekening om bijna-gelijke documenten te vinden."),
    )
    has_email = models.BooleanField(
        _("bevat e-mailadressen"), default=False, help_text=_("Tekens van persoonsgegevens.")
    )
    has_phone = models.BooleanField(
        _("bevat telefoonnummers"), default=False, help_text=_("Tekens van persoonsgegevens.")
    )
    has_bsn = models.BooleanField(
        _("bevat BSN-achtige nummers"),
        default=False,
        help_text=_("Nummers die de elfproef halen."),
    )
    has_iban = models.BooleanField(
        _("bevat IBAN's"), default=False, help_text=_("Rekeningnummers met een geldige controle.")
    )
    attachments = models.JSONField(
        _("bijlagen"),
        default=list,
        blank=True,
        help_text=_("Bijlagen van een e-mail: naam, soort en grootte."),
    )
    analysis_status = models.CharField(
        _("leesstatus"),
        max_length=20,
        choices=AnalysisStatus.choices,
        default=AnalysisStatus.PENDING,
        help_text=_("Of het document al gelezen is, en of dat lukte."),
    )
    analysis_attempts = models.PositiveSmallIntegerField(
        _("leespogingen"),
        default=1,
        help_text=_(
            "Hoe vaak het lezen is gestart. Na een afgebroken poging start de periodieke taak "
            "het lezen opnieuw, tot het maximum; daarna heet het document niet leesbaar."
        ),
    )
    analysis_queued_at = models.DateTimeField(
        _("lezen gestart op"),
        default=timezone.now,
        help_text=_("Wanneer het lezen het laatst in de wachtrij is gezet."),
    )
    unreadable_reason = models.CharField(
        _("reden niet leesbaar"),
        max_length=300,
        blank=True,
        help_text=_("Waarom het document niet gelezen kan worden."),
    )
    empty_or_temporary_reason = models.CharField(
        _("leeg of tijdelijk"),
        max_length=200,
        blank=True,
        help_text=_("Ingevuld als het bestand leeg of tijdelijk lijkt, met de reden."),
    )
    near_duplicate_of = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("lijkt op"),
        help_text=_("Een document in dezelfde verzameling met bijna dezelfde tekst."),
    )
    near_duplicate_similarity = models.FloatField(
        _("gelijkenis"), null=True, blank=True, help_text=_("Geschatte gelijkenis, 0 tot 1.")
    )
    decision = models.CharField(
        _("beslissing"),
        max_length=20,
        choices=Decision.choices,
        default=Decision.UNDECIDED,
        db_index=True,
        help_text=_("Bewaren, weggooien, later of twijfel. Een voorstel beslist nooit."),
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("beslist door"),
        help_text=_("Wie de laatste beslissing nam."),
    )
    decided_at = models.DateTimeField(
        _("beslist op"), null=True, blank=True, help_text=_("Wanneer de beslissing viel.")
    )
    category = models.ForeignKey(
        SelectielijstCategory,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="documents",
        verbose_name=_("categorie"),
        help_text=_("Selectielijstcategorie die bij de beslissing hoort."),
    )
    note = models.TextField(_("notitie"), blank=True, help_text=_("Toelichting bij de beslissing."))
    legal_hold = models.BooleanField(
        _("niet vernietigen (juridische blokkade)"),
        default=False,
        help_text=_("Bij een Woo-verzoek of geschil: niet weggooien en niet vernietigen."),
    )
    legal_hold_reference = models.CharField(
        _("kenmerk blokkade"),
        max_length=200,
        blank=True,
        help_text=_("Kenmerk van het Woo-verzoek of geschil."),
    )
    claimed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("in behandeling bij"),
        help_text=_("Wie deze kaart nu ziet; een ander krijgt hem dan niet."),
    )
    claimed_until = models.DateTimeField(
        _("in behandeling tot"),
        null=True,
        blank=True,
        help_text=_("Daarna mag een ander de kaart krijgen."),
    )
    imported_at = models.DateTimeField(
        _("toegevoegd op"), auto_now_add=True, help_text=_("Wanneer het document is toegevoegd.")
    )
    destroyed_at = models.DateTimeField(
        _("vernietigd op"),
        null=True,
        blank=True,
        help_text=_("Wanneer bestand en tekst zijn vernietigd. Alleen de kerngegevens blijven."),
    )
    declaration_of = models.OneToOneField(
        "DestructionList",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="declaration_record",
        verbose_name=_("verklaring van"),
        help_text=_(
            "Ingevuld als dit document de verklaring van vernietiging van deze lijst is. "
            "Zo'n document wordt bewaard en kan niet op een vernietigingslijst."
        ),
    )

    class Meta:
        verbose_name = _("document")
        verbose_name_plural = _("documenten")
        ordering = ["path", "pk"]
        indexes = [
            # The triage queue: the next free card in queue order (claim_next_card orders by
            # path, then id): equality on collection and decision, then read in index order.
            models.Index(
                fields=["collection", "decision", "path", "id"], name="records_doc_triage_queue"
            ),
            # A person's own claims (reload, release): without it SQLite scans the collection
            # and reads every row (the claim columns sit behind the long text column).
            models.Index(fields=["collection", "claimed_by"], name="records_doc_claims"),
            # "Exact copy of a kept document" on every card: sha256 first, so that no planner
            # walks all kept documents through the single-column decision index instead.
            models.Index(fields=["sha256", "decision"], name="records_doc_copies"),
            # The periodic job's "what is still pending since long ago?" (core.jobs).
            models.Index(
                fields=["analysis_status", "analysis_queued_at"], name="records_doc_stale_analysis"
            ),
            # "Is anything of this collection still being read?" after every analysis batch.
            models.Index(
                fields=["collection", "analysis_status"], name="records_doc_coll_analysis"
            ),
        ]

    def __str__(self) -> str:
        return self.path

    @property
    def has_personal_data(self) -> bool:
        return self.has_email or self.has_phone or self.has_bsn or self.has_iban

    @property
    def effective_category(self) -> SelectielijstCategory | None:
        """The document's own category, or else the collection's default category."""
        return self.category or self.collection.default_category

    @property
    def term_date(self) -> date | None:
        """The date from which the bewaartermijn runs; None when it is not known.

        Never the upload day: a term counted from the day a file reached Talentbrug would
        look expired (or running) when nobody knows when the record was made.
        """

        return start_date(self, self.effective_category)


class DecisionLog(models.Model):
    """Every decision with what it replaced, so the last ten can be undone."""

    collection = models.ForeignKey(
        Collection,
        on_delete=models.CASCADE,
        related_name="decision_logs",
        verbose_name=_("verzameling"),
        help_text=_("De verzameling van het document."),
    )
    document = models.ForeignKey(
        Document,
        on_delete=models.CASCADE,
        related_name="decision_logs",
        verbose_name=_("document"),
        help_text=_("Het document waarover is beslist."),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("medewerker"),
        help_text=_("Wie besliste."),
    )
    previous_decision = models.CharField(
        _("vorige beslissing"),
        max_length=20,
        choices=Decision.choices,
        help_text=_("De beslissing vóór deze."),
    )
    previous_category = models.ForeignKey(
        SelectielijstCategory,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("vorige categorie"),
        help_text=_("De categorie vóór deze beslissing."),
    )
    previous_note = models.TextField(
        _("vorige notitie"), blank=True, help_text=_("De notitie vóór deze beslissing.")
    )
    previous_decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("vorige beslisser"),
        help_text=_("Wie de vorige beslissing nam."),
    )
    previous_decided_at = models.DateTimeField(
        _("vorige beslisdatum"), null=True, blank=True, help_text=_("Wanneer dat was.")
    )
    decision = models.CharField(
        _("beslissing"),
        max_length=20,
        choices=Decision.choices,
        help_text=_("De nieuwe beslissing."),
    )
    created_at = models.DateTimeField(
        _("op"), auto_now_add=True, help_text=_("Wanneer de beslissing viel.")
    )
    undone_at = models.DateTimeField(
        _("ongedaan gemaakt op"),
        null=True,
        blank=True,
        help_text=_("Ingevuld als de beslissing is teruggedraaid."),
    )

    class Meta:
        verbose_name = _("beslissing")
        verbose_name_plural = _("beslissingen")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.document_id}: {self.previous_decision} → {self.decision}"
