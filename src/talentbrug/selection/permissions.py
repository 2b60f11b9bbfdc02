"""Who may do what in the selection (added to the central permission table) and audit texts."""

from collections.abc import Iterable

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from talentbrug.accounts.access import (
    ADMIN,
    ASSESSOR,
    HR,
    MANAGER,
    PERMISSIONS,
    register_permissions,
)
from talentbrug.audit.registry import register

from .workflow import SelectionError

register_permissions(
    {
        "selection.view": [HR, MANAGER, ASSESSOR],
        "selection.move": [HR, MANAGER],
        "selection.score": [HR, MANAGER, ASSESSOR],
        "selection.reveal": [HR, MANAGER],
        "selection.offer": [HR],
        "selection.configure": [HR, ADMIN],
        "selection.fairness": [HR, MANAGER, ADMIN],
    }
)

register(
    {
        "selection.pipeline_created": _("Fasen voor vacature {vacancy} aangemaakt ({count})"),
        "selection.stage_added": _("Fase {stage} toegevoegd aan vacature {vacancy}"),
        "selection.stage_changed": _("Fase {stage} gewijzigd (anoniem: {is_blind})"),
        "selection.stage_deleted": _("Fase {stage} verwijderd uit vacature {vacancy}"),
        "selection.moved": _(
            "Sollicitatie {application} verplaatst van fase {from_stage} naar fase {to_stage}"
        ),
        "selection.rejected": _("Sollicitatie {application} afgewezen (reden {reason})"),
        "selection.mail_held": _(
            "Bericht aan de kandidaat niet verstuurd bij verplaatsen (sollicitatie {application})"
        ),
        "selection.bulk_mail_held": _(
            "Geen berichten verstuurd bij verplaatsen van {count} sollicitaties (vacature {vacancy})"
        ),
        "selection.mail_edited": _(
            "Bericht aan de kandidaat aangepast verstuurd (sollicitatie {application})"
        ),
        "selection.identity_revealed": _("Identiteit bij sollicitatie {application} getoond"),
        "selection.scorecard_submitted": _(
            "Beoordelingsformulier {scorecard} ingediend voor sollicitatie {application}"
        ),
        "selection.work_sample_graded": _("Opdracht {submission} beoordeeld ({grade})"),
        "selection.reason_changed": _(
            "Reden van afwijzing {reason} gewijzigd (in gebruik: {is_active})"
        ),
        "selection.anchors_changed": _("Ankerteksten van vacature {vacancy} gewijzigd"),
        "selection.offer_made": _("Aanbod {offer} gedaan voor sollicitatie {application}"),
        "selection.offer_declined": _("Aanbod {offer} afgewezen door de kandidaat"),
        "selection.hired": _(
            "Sollicitatie {application} aangenomen (mag werken: {right_to_work}; inwerkplan {plan})"
        ),
    }
)


def require(roles: Iterable[str], action: str) -> None:
    """Refuse (``SelectionError``) when none of ``roles`` may do ``action``."""
    if not (frozenset(roles) & PERMISSIONS[action]):
        raise SelectionError(gettext("Uw rol mag dit niet doen."))
