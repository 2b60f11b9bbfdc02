"""Audit event types of the records app. Messages name ids, counts and statuses only."""

from django.utils.translation import gettext_lazy as _

from talentbrug.audit.registry import register, register_values

from .constants import Decision

register(
    {
        "records.category_saved": _("Selectielijstcategorie opgeslagen"),
        "records.settings_changed": _("Instellingen bewaren of weggooien gewijzigd"),
        "records.collection_created": _("Verzameling aangemaakt"),
        "records.documents_imported": _(
            "{count} documenten toegevoegd ({unreadable} niet leesbaar)"
        ),
        "records.documents_analysed": _("{count} documenten gelezen"),
        "records.zip_import_started": _("ZIP-bestand toegevoegd; wordt ingelezen ({zip_import})"),
        "records.zip_import_failed": _("ZIP-bestand niet ingelezen ({zip_import})"),
        "records.analysis_failed": _("{count} documenten niet gelezen: lezen steeds afgebroken"),
        "records.document_decided": _("Beslissing over document: {decision}"),
        "records.decision_undone": _("Beslissing ongedaan gemaakt; terug naar {decision}"),
        "records.duplicates_decided": _("Beslissing toegepast op {count} exacte kopieën"),
        "records.legal_hold_set": _("Juridische blokkade gezet"),
        "records.legal_hold_lifted": _("Juridische blokkade opgeheven"),
        "records.list_created": _("Vernietigingslijst opgesteld met {count} documenten"),
        "records.list_submitted": _("Vernietigingslijst ter beoordeling aangeboden"),
        "records.list_changes_requested": _("Wijzigingen gevraagd; vernietigingslijst terug"),
        "records.item_removed": _("Document door de opsteller van de lijst gehaald"),
        "records.declaration_stored": _("Verklaring van vernietiging bewaard als document"),
        "records.item_approved": _("Document op vernietigingslijst goedgekeurd"),
        "records.item_excluded": _("Document van vernietigingslijst uitgezonderd"),
        "records.list_approved": _("Vernietigingslijst goedgekeurd ({count} documenten)"),
        "records.list_archivist_approved": _("Archivaris akkoord met vernietigingslijst"),
        "records.cooling_off_started": _("Wachttijd gestart ({days} dagen)"),
        "records.item_restored": _("Document teruggezet tijdens de wachttijd"),
        "records.item_held": _("Document niet vernietigd: juridische blokkade"),
        "records.item_refused": _("Document niet vernietigd: de selectielijst weigert ({refusal})"),
        "records.document_dates_set": _("Datums voor de bewaartermijn ingevuld"),
        "records.override_requested": _("Uitzondering op de selectielijst aangevraagd"),
        "records.override_approved": _("Uitzondering op de selectielijst goedgekeurd"),
        "records.override_rejected": _("Uitzondering op de selectielijst afgewezen"),
        "records.list_aborted": _("Vernietigingslijst teruggezet naar nieuw"),
        "records.destruction_started": _("Vernietiging gestart"),
        "records.document_destroyed": _("Document vernietigd (lijst {list_id})"),
        "records.list_destroyed": _("Vernietigingslijst afgerond: {count} documenten vernietigd"),
        "records.declaration_downloaded": _("Verklaring van vernietiging gedownload ({format})"),
        "records.mdto_exported": _("MDTO-export van {count} bewaarde documenten"),
        "records.document_downloaded": _("Document gedownload"),
    }
)

# The log shows decisions in words ("weggooien"), never their codes ("discard").
register_values("records.", "decision", Decision.choices)
