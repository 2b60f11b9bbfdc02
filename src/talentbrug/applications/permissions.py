"""Who may do what with applications (added to the central permission table)."""

from django.utils.translation import gettext_lazy as _

from talentbrug.accounts.access import ADMIN, HR, MANAGER, register_permissions
from talentbrug.audit.registry import register

register_permissions(
    {
        "applications.view": [HR, MANAGER],
        "applications.identity": [HR],
        "applications.search": [HR, MANAGER],
        "applications.view_documents": [HR, MANAGER],
        "applications.merge": [HR],
        "applications.ask": [HR],
        "applications.manage_routes": [HR, MANAGER],
        "applications.settings": [HR, ADMIN],
    }
)

register(
    {
        "application.submitted": _("Sollicitatie {application} ontvangen (route {route})"),
        "application.withdrawn": _("Sollicitatie {application} ingetrokken door de kandidaat"),
        "application.seats_released": _(
            "Plaats op de wervingsdag vrijgegeven voor sollicitatie {application}"
        ),
        "application.document_uploaded": _("Document {document} toegevoegd ({kind})"),
        "application.document_replaced": _("Document {old} vervangen door {document}"),
        "application.document_downloaded": _("Document {document} bekeken door medewerker"),
        "application.document_removed": _(
            "Document {document} verwijderd door de kandidaat (met de opleiding)"
        ),
        "application.slot_booked": _("Tijdslot {slot} geboekt ({booking})"),
        "application.slot_changed": _("Tijdslot gewijzigd van {old_slot} naar {slot}"),
        "application.profile_confirmed": _("Kandidaat {candidate} controleerde het profiel"),
        "candidate.export_downloaded": _("Kandidaat {candidate} downloadde eigen gegevens"),
        "candidate.deletion_requested": _("Kandidaat {candidate} vroeg om verwijdering"),
        "candidate.links_revoked": _("Links van kandidaat {candidate} ingetrokken"),
        "candidate.consent_given": _("Toestemming talentpool gegeven (versie {version})"),
        "candidate.consent_withdrawn": _("Toestemming talentpool ingetrokken"),
        "candidate.merged": _(
            "Kandidaat {source} samengevoegd met kandidaat {target}: {applications} "
            "sollicitaties, {documents} documenten, {consents} toestemmingen, {rows} gegevens"
        ),
        "application.question_asked": _("Vraag {question} gesteld bij sollicitatie {application}"),
        "application.question_answered": _("Vraag {question} beantwoord door de kandidaat"),
        "candidate.language_changed": _("Kandidaat {candidate} koos een andere taal"),
        "applications.searched": _(
            "Gezocht in sollicitaties: {results} resultaten, waarvan {named} met naam"
        ),
        "application.identity_viewed": _(
            "Naam bij sollicitatie {application} bekeken terwijl de selectie anoniem is"
        ),
        "application.work_sample_submitted": _(
            "Opdracht ingeleverd voor sollicitatie {application}"
        ),
        "application.pending": _(
            "Sollicitatie op vacature {vacancy} met een bekend e-mailadres wacht op bevestiging"
        ),
        "application.confirmed": _("Sollicitatie {application} bevestigd via de e-maillink"),
        "application.assignment_created": _("Opdracht {assignment} gemaakt bij vacature {vacancy}"),
        "application.assignment_changed": _("Opdracht {assignment} gewijzigd"),
        "application.recruitment_day_created": _(
            "Wervingsdag {day} gemaakt bij vacature {vacancy}"
        ),
        "application.recruitment_day_changed": _("Wervingsdag {day} gewijzigd"),
        "application.day_slot_created": _(
            "Tijd {slot} toegevoegd aan wervingsdag {day} ({capacity} plaatsen)"
        ),
        "application.day_slot_changed": _(
            "Tijd {slot} van wervingsdag {day} gewijzigd ({capacity} plaatsen)"
        ),
        "application.day_slot_removed": _("Tijd {slot} van wervingsdag {day} weggehaald"),
        "application.pending_expired": _(
            "{count} niet bevestigde sollicitaties verwijderd (termijn verlopen)"
        ),
    }
)
