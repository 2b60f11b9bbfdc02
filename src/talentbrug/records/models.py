"""Records: collections of documents, triage decisions and lawful destruction lists."""

from __future__ import annotations

import uuid
from datetime import date
from typing import Any

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from talentbrug.core.models import OrganisationOwned

from .constants import (
    AnalysisStatus,
    Decision,
    ImportStatus,
    ItemStatus,
    ListStatus,
    OverrideStatus,
    ReviewOutcome,
    StartDateRule,
    Waardering,
)
from .retention import start_date

MAX_TEXT_CHARS = 200_000  # extracted text kept per document (for search and suggestions)


def document_upload_to(instance: Document, filename: str) -> str:
    """Storage names are generated: a path from an upload or ZIP never reaches the disk."""
    return f"records/{instance.organisation_id}/{instance.collection_id}/{uuid.uuid4().hex}"


class RecordsSettings(models.Model):
    """Per-organisation settings of the destruction flow."""

    organisation = models.OneToOneField(
        "accounts.Organisation",
        on_delete=models.CASCADE,
        related_name="records_settings",
        verbose_name=_("organisatie"),
        help_text=_("De organisatie waarvoor deze instellingen gelden."),
    )
    cooling_off_days = models.PositiveSmallIntegerField(
        _("wachttijd in dagen"),
        default=7,
        help_text=_(
            "Zoveel dagen na goedkeuring worden documenten pas vernietigd. In die tijd kunt u "
            "documenten nog terugzetten."
        ),
    )
    archivist_required = models.BooleanField(
        _("akkoord archivaris nodig"),
        default=False,
        help_text=_("Zet aan als een archivaris elke vernietigingslijst ook moet goedkeuren."),
    )

    class Meta:
        verbose_name = _("instellingen bewaren of weggooien")
        verbose_name_plural = _("instellingen bewaren of weggooien")

    def __str__(self) -> str:
        return str(self.organisation)

    @classmethod
    def for_organisation(cls, organisation: Any) -> RecordsSettings:
        """The organisation's settings; the defaults (not saved) when it never changed them.

        Reading never writes: the row is created when someone saves the settings.
        """
        found = cls.objects.filter(organisation=organisation).first()
        return found if found is not None else cls(organisation=organisation)


class SelectielijstCategory(OrganisationOwned):
    """One category of the organisation's selectielijst: waardering and bewaartermijn."""

    organisation = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.CASCADE,
        related_name="selectielijst_categories",
        verbose_name=_("organisatie"),
        help_text=_("De organisatie die deze selectielijst gebruikt."),
    )
    code = models.CharField(
        _("code"), max_length=30, help_text=_("Nummer van de categorie in de selectielijst.")
    )
    name = models.CharField(
        _("naam"), max_length=200, help_text=_("Omschrijving van de categorie.")
    )
    waardering = models.CharField(
        _("waardering"),
        max_length=1,
        choices=Waardering.choices,
        help_text=_("B: blijvend bewaren. V: vernietigen na de bewaartermijn."),
    )
    bewaartermijn_years = models.PositiveSmallIntegerField(
        _("bewaartermijn in jaren"),
        null=True,
        blank=True,
        help_text=_("Aantal jaren na de aanleiding. Leeg bij B (overbrengen na 20 jaar)."),
    )
    trigger = models.CharField(
        _("aanleiding"),
        max_length=200,
        default=_("na afloop"),
        blank=True,
        help_text=_("Vanaf wanneer de termijn loopt, bijvoorbeeld 'na afloop van de procedure'."),
    )
    start_date_rule = models.CharField(
        _("startdatum van de termijn"),
        max_length=20,
        choices=StartDateRule.choices,
        default=StartDateRule.DOCUMENT_DATE,
        help_text=_(
            "Welke datum de bewaartermijn start: de documentdatum (uit het bestand of "
            "ingevuld), of de datum van de aanleiding die per document wordt ingevuld, "
            "bijvoorbeeld het einde van de procedure. Zonder die datum mag niets weg."
        ),
    )
    informatiecategorie = models.CharField(
        _("informatiecategorie"),
        max_length=100,
        blank=True,
        help_text=_("Informatiecategorie voor de Woo en MDTO, als die bekend is."),
    )

    class Meta:
        verbose_name = _("selectielijstcategorie")
        verbose_name_plural = _("selectielijstcategorieën")
        ordering = ["code"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "code"], name="records_category_code_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.code} {self.name}"

    @property
    def term_label(self) -> str:
        if self.waardering == Waardering.BEWAREN:
            return "B"
        return f"V, {self.bewaartermijn_years or 0} jaar {self.trigger}".strip()


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


class DestructionList(OrganisationOwned):
    """A proposal to destroy documents: four-eyes review, cooling-off, then destruction."""

    organisation = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.CASCADE,
        related_name="destruction_lists",
        verbose_name=_("organisatie"),
        help_text=_("De organisatie die de documenten vernietigt."),
    )
    collection = models.ForeignKey(
        Collection,
        on_delete=models.PROTECT,
        related_name="destruction_lists",
        verbose_name=_("verzameling"),
        help_text=_("De verzameling waaruit de documenten komen."),
    )
    name = models.CharField(_("naam"), max_length=200, help_text=_("Naam van de lijst."))
    status = models.CharField(
        _("status"),
        max_length=30,
        choices=ListStatus.choices,
        default=ListStatus.NEW,
        help_text=_("Waar de lijst staat in de stappen naar vernietiging."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("opgesteld door"),
        help_text=_("Wie de lijst heeft opgesteld."),
    )
    created_at = models.DateTimeField(
        _("opgesteld op"), auto_now_add=True, help_text=_("Wanneer de lijst is opgesteld.")
    )
    submitted_at = models.DateTimeField(
        _("aangeboden op"),
        null=True,
        blank=True,
        help_text=_("Wanneer de lijst ter beoordeling ging."),
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("goedgekeurd door"),
        help_text=_("De tweede persoon die de lijst goedkeurde."),
    )
    reviewed_at = models.DateTimeField(
        _("goedgekeurd op"), null=True, blank=True, help_text=_("Wanneer de lijst is goedgekeurd.")
    )
    archivist = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("archivaris"),
        help_text=_("De archivaris die akkoord gaf, als dat nodig is."),
    )
    archivist_at = models.DateTimeField(
        _("akkoord archivaris op"),
        null=True,
        blank=True,
        help_text=_("Wanneer de archivaris akkoord gaf."),
    )
    cooling_off_until = models.DateTimeField(
        _("wachttijd tot"),
        null=True,
        blank=True,
        help_text=_("Vanaf dit moment mag vernietigd worden."),
    )
    destroyed_at = models.DateTimeField(
        _("vernietigd op"), null=True, blank=True, help_text=_("Wanneer de vernietiging klaar was.")
    )
    destroyed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("vernietigd door"),
        help_text=_("Wie de vernietiging startte."),
    )
    abort_reason = models.TextField(
        _("reden afbreken"), blank=True, help_text=_("Waarom de lijst is teruggezet naar nieuw.")
    )
    reviewers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="+",
        verbose_name=_("beoordelaars"),
        help_text=_("De collega's die de opsteller koos om de lijst te beoordelen."),
    )

    class Meta:
        verbose_name = _("vernietigingslijst")
        verbose_name_plural = _("vernietigingslijsten")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return self.name


class DestructionListItem(models.Model):
    """One document on a destruction list, with a snapshot of the basis for destruction."""

    destruction_list = models.ForeignKey(
        DestructionList,
        on_delete=models.CASCADE,
        related_name="items",
        verbose_name=_("vernietigingslijst"),
        help_text=_("De lijst waarop het document staat."),
    )
    document = models.ForeignKey(
        Document,
        on_delete=models.PROTECT,
        related_name="destruction_items",
        verbose_name=_("document"),
        help_text=_("Het document dat vernietigd zou worden."),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ItemStatus.choices,
        default=ItemStatus.PROPOSED,
        help_text=_("Voorgesteld, goedgekeurd, uitgezonderd, teruggezet of vernietigd."),
    )
    reason = models.TextField(
        _("reden"), blank=True, help_text=_("Reden voor uitzonderen of terugzetten.")
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("beoordeeld door"),
        help_text=_("Wie dit document beoordeelde."),
    )
    reviewed_at = models.DateTimeField(
        _("beoordeeld op"), null=True, blank=True, help_text=_("Wanneer het is beoordeeld.")
    )
    destroyed_at = models.DateTimeField(
        _("vernietigd op"), null=True, blank=True, help_text=_("Wanneer het is vernietigd.")
    )
    # Snapshot of the basis, so the declaration does not depend on later changes.
    record_name = models.CharField(
        _("naam"), max_length=300, help_text=_("Bestandsnaam op het moment van opstellen.")
    )
    record_path = models.CharField(
        _("pad"), max_length=1000, help_text=_("Pad op het moment van opstellen.")
    )
    record_sha256 = models.CharField(
        _("controlegetal"), max_length=64, blank=True, help_text=_("SHA-256 van het bestand.")
    )
    record_date = models.DateField(
        _("documentdatum"), null=True, blank=True, help_text=_("Datum van het document.")
    )
    category_code = models.CharField(
        _("categorie"),
        max_length=30,
        blank=True,
        help_text=_("Code van de selectielijstcategorie."),
    )
    category_name = models.CharField(
        _("categorienaam"), max_length=200, blank=True, help_text=_("Naam van de categorie.")
    )
    waardering = models.CharField(
        _("waardering"), max_length=1, blank=True, help_text=_("B of V volgens de categorie.")
    )
    bewaartermijn_years = models.PositiveSmallIntegerField(
        _("bewaartermijn in jaren"),
        null=True,
        blank=True,
        help_text=_("Termijn volgens de categorie."),
    )

    class Meta:
        verbose_name = _("document op vernietigingslijst")
        verbose_name_plural = _("documenten op vernietigingslijst")
        ordering = ["record_path", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["destruction_list", "document"], name="records_item_unique"
            )
        ]

    def __str__(self) -> str:
        return self.record_path

    @property
    def organisation_id(self) -> int:
        return self.destruction_list.organisation_id


class DestructionOverride(OrganisationOwned):
    """Permission to destroy one document that the selectielijst says may not go yet.

    For example after a later decision of the archive. It needs its own written
    justification and a second person (not the one who asked) to approve it.
    """

    organisation = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.CASCADE,
        related_name="destruction_overrides",
        verbose_name=_("organisatie"),
        help_text=_("De organisatie van het document."),
    )
    document = models.ForeignKey(
        Document,
        on_delete=models.CASCADE,
        related_name="overrides",
        verbose_name=_("document"),
        help_text=_("Het document dat toch vernietigd mag worden."),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=OverrideStatus.choices,
        default=OverrideStatus.REQUESTED,
        help_text=_("Aangevraagd, goedgekeurd of afgewezen."),
    )
    justification = models.TextField(
        _("onderbouwing"),
        help_text=_("Waarom dit document toch weg mag, bijvoorbeeld een later besluit."),
    )
    reference = models.CharField(
        _("kenmerk besluit"),
        max_length=200,
        blank=True,
        help_text=_("Kenmerk van het besluit waarop de uitzondering rust, als dat er is."),
    )
    refusal = models.CharField(
        _("weigering"),
        max_length=300,
        help_text=_("Waarom de selectielijst vernietiging weigerde, op het moment van aanvragen."),
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("aangevraagd door"),
        help_text=_("Wie de uitzondering aanvroeg."),
    )
    requested_at = models.DateTimeField(
        _("aangevraagd op"), auto_now_add=True, help_text=_("Wanneer de aanvraag is gedaan.")
    )
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("beslist door"),
        help_text=_("De tweede persoon die goedkeurde of afwees."),
    )
    decided_at = models.DateTimeField(
        _("beslist op"), null=True, blank=True, help_text=_("Wanneer is beslist.")
    )
    decision_comment = models.TextField(
        _("toelichting beslissing"),
        blank=True,
        help_text=_("Toelichting van wie goedkeurde of afwees."),
    )

    class Meta:
        verbose_name = _("uitzondering op de selectielijst")
        verbose_name_plural = _("uitzonderingen op de selectielijst")
        ordering = ["-requested_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.document_id}: {self.get_status_display()}"


class ListReview(models.Model):
    """One review of a destruction list: approval or changes asked, with a comment."""

    destruction_list = models.ForeignKey(
        DestructionList,
        on_delete=models.CASCADE,
        related_name="reviews",
        verbose_name=_("vernietigingslijst"),
        help_text=_("De beoordeelde lijst."),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("beoordelaar"),
        help_text=_("Wie de lijst beoordeelde."),
    )
    outcome = models.CharField(
        _("uitkomst"),
        max_length=30,
        choices=ReviewOutcome.choices,
        help_text=_("Akkoord of wijzigingen gevraagd."),
    )
    comment = models.TextField(
        _("opmerking"), blank=True, help_text=_("Toelichting voor de opsteller.")
    )
    created_at = models.DateTimeField(
        _("op"), auto_now_add=True, help_text=_("Wanneer de beoordeling is gegeven.")
    )

    class Meta:
        verbose_name = _("beoordeling van een vernietigingslijst")
        verbose_name_plural = _("beoordelingen van vernietigingslijsten")
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.destruction_list_id}: {self.get_outcome_display()}"


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
