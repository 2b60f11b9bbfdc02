"""Who may do what with group days (added to the central permission table) and audit texts."""

from django.utils.translation import gettext_lazy as _

from talentbrug.accounts.access import ADMIN, ASSESSOR, HR, MANAGER, register_permissions
from talentbrug.audit.registry import register

register_permissions(
    {
        "assessments.view": [HR, MANAGER, ASSESSOR],
        "assessments.manage": [HR, MANAGER],
        # Scoring also needs the user to be an observer of the day (checked in services).
        "assessments.observe": [HR, MANAGER, ASSESSOR],
        "assessments.language": [HR, MANAGER, ASSESSOR],
        "assessments.diversity": [HR, ADMIN],
    }
)

register(
    {
        "assessments.day_created": _("Groepsdag {day} aangemaakt ({vacancies} vacatures)"),
        "assessments.session_added": _("Sessie {session} toegevoegd aan groepsdag {day}"),
        "assessments.day_changed": _(
            "Groepsdag {day} gewijzigd ({vacancies} vacatures, {observers} waarnemers)"
        ),
        "assessments.session_changed": _(
            "Sessie {session} van groepsdag {day} gewijzigd ({capacity} plaatsen)"
        ),
        "assessments.session_deleted": _("Sessie {session} van groepsdag {day} verwijderd"),
        "assessments.reminders_sent": _("Herinneringen voor groepsdagen verstuurd ({count})"),
        "assessments.observer_reminders_sent": _(
            "Herinneringen voor waarnemers van groepsdagen verstuurd ({count})"
        ),
        "assessments.booked": _("Sollicitatie {application} ingeschreven voor sessie {session}"),
        "assessments.booking_cancelled": _(
            "Inschrijving {booking} van sollicitatie {application} geannuleerd"
        ),
        "assessments.score_saved": _(
            "Score op groepsdag {day} opgeslagen (sollicitatie {application}, competentie "
            "{requirement})"
        ),
        "assessments.scores_submitted": _(
            "Beoordeling op groepsdag {day} ingediend voor sollicitatie {application}"
        ),
        "assessments.language_recorded": _(
            "Taaltoets vastgelegd voor sollicitatie {application} ({count} vaardigheden)"
        ),
        "assessments.diversity_setting_changed": _("Diversiteitsvragen aan: {enabled}"),
        "assessments.diversity_answered": _(
            "Diversiteitsvragen ingevuld (sollicitatie {application})"
        ),
        "assessments.diversity_withdrawn": _(
            "Antwoorden op diversiteitsvragen verwijderd (sollicitatie {application})"
        ),
    }
)
