"""Who may do what in programmes, and its audit event types."""

from django.utils.translation import gettext_lazy as _

from talentbrug.accounts.access import ADMIN, HR, ONBOARDING, register_permissions
from talentbrug.audit.registry import register

register_permissions(
    {
        "programmes.view": [HR, ONBOARDING, ADMIN],
        "programmes.manage": [HR, ONBOARDING, ADMIN],
        # The programme team's rijksbreed pages: no organisation role has them.
        "programmes.rijk": [],
    }
)

register(
    {
        "programmes.cohort_created": _("Lichting aangemaakt"),
        "programmes.cohort_updated": _("Lichting gewijzigd"),
        "programmes.member_added": _("Deelnemer (plan {plan}) toegevoegd aan lichting"),
        "programmes.member_removed": _("Deelnemer (plan {plan}) uit lichting gehaald"),
        "programmes.rotation_added": _("Rotatie {rotation} toegevoegd"),
        "programmes.placement_saved": _("Leerplek opgeslagen (nieuw: {new})"),
        "programmes.placement_filled": _("Leerplek bezet"),
        "programmes.placement_freed": _("Leerplek vrijgemaakt"),
        "programmes.placement_vacancy": _("Vacature {vacancy} geopend voor leerplek"),
        "programmes.school_evaluation_planned": _("Evaluatie met school gepland"),
        "programmes.school_saved": _("Schoolpartner opgeslagen (nieuw: {new})"),
        "programmes.assignment_transition": _(
            "Opdracht {assignment} van '{from_status}' naar {to_status} ({move})"
        ),
        "programmes.track_saved": _("Leerwerktraject opgeslagen (nieuw: {new})"),
    }
)


# Statuses in the log in words, never as codes (issue 19).
from talentbrug.audit.registry import register_values  # noqa: E402

from .constants import AssignmentStatus  # noqa: E402

register_values("programmes.", "from_status", AssignmentStatus.choices)
register_values("programmes.", "to_status", AssignmentStatus.choices)
