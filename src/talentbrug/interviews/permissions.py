"""Who may do what with interviews (added to the central permission table) and audit texts.

Assessors (beoordelaars) see only the candidates they are assigned to as interviewer: see
:mod:`talentbrug.selection.assignment` (the rule) and :mod:`talentbrug.interviews.access`
(the assignments this app gives).
"""

from django.utils.translation import gettext_lazy as _

from talentbrug.accounts.access import ASSESSOR, HR, MANAGER, register_permissions
from talentbrug.audit.registry import register

register_permissions(
    {
        "interviews.view": [HR, MANAGER, ASSESSOR],
        "interviews.plan": [HR, MANAGER],
        # The agenda: HR sees the whole organisation, the others only what they take part in
        # (see access.agenda_limited_to_own).
        "interviews.agenda": [HR, MANAGER, ASSESSOR],
    }
)

register(
    {
        "interviews.proposed": _(
            "Gesprek {interview} voorgesteld voor sollicitatie {application} "
            "({slots} tijden, {interviewers} interviewers)"
        ),
        "interviews.slot_chosen": _("Kandidaat koos tijd {slot} voor gesprek {interview}"),
        "interviews.rescheduled": _("Gesprek {interview} verzet ({slots} nieuwe tijden)"),
        "interviews.cancelled": _("Gesprek {interview} geannuleerd"),
        "interviews.reminders_sent": _("Herinneringen voor gesprekken verstuurd ({count})"),
    }
)
