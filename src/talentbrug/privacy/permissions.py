"""Who may do what with privacy (retention, holds, rights requests) and its audit events."""

from django.utils.translation import gettext_lazy as _

from talentbrug.accounts.access import ADMIN, HR, register_permissions
from talentbrug.audit.registry import register, register_values

from .constants import ObjectionOutcome, Processing

register_permissions(
    {
        "privacy.view": [HR, ADMIN],
        "privacy.manage": [HR, ADMIN],
    }
)

register(
    {
        "privacy.retention_run": _("Bewaartermijnen uitgevoerd (run {run})"),
        "privacy.policy_changed": _("Bewaarbeleid gewijzigd: {rejected_days} dagen na afloop"),
        "privacy.vacancy_term_set": _("Bewaartermijn vacature {vacancy}: {days} dagen"),
        "privacy.hold_placed": _("Juridische blokkade {hold} ingesteld"),
        "privacy.hold_lifted": _("Juridische blokkade {hold} opgeheven"),
        "privacy.erasure_carried_out": _(
            "Verwijderverzoek {request} uitgevoerd: {anonymised} geanonimiseerd, {kept} bewaard"
        ),
        "privacy.account_erased": _(
            "Verwijderverzoek {request} direct uitgevoerd: geen organisatie had gegevens, "
            "het account is gewist"
        ),
        "privacy.unheld_request_closed": _(
            "Verwijderverzoek {request} afgesloten: geen organisatie had gegevens, "
            "het account is gewist"
        ),
        "privacy.objection_recorded": _("Bezwaar {objection} vastgelegd ({processing})"),
        "privacy.objection_decided": _("Over bezwaar {objection} besloten: {outcome}"),
        "privacy.person_looked_up": _("Kandidaat opgezocht voor inzage (gevonden: {found})"),
        "privacy.export_made": _("Gegevens van kandidaat {candidate} uitgevoerd voor inzage"),
        "privacy.orphan_files_removed": _(
            "{count} bestanden zonder gegevens uit de opslag gehaald"
        ),
        "privacy.upload_infected": _("Bestand met virus geweigerd ({source}: {signature})"),
        "privacy.handed_to_records": _(
            "{documents} bestanden van verlopen sollicitaties overgedragen aan verzameling "
            "{collection}"
        ),
    }
)

register_values("privacy.", "processing", Processing.choices)
register_values("privacy.", "outcome", ObjectionOutcome.choices)
