"""Who may do what in onboarding, and its audit event types."""

from django.utils.translation import gettext_lazy as _

from talentbrug.accounts.access import HR, MANAGER, ONBOARDING, register_permissions
from talentbrug.audit.registry import register

register_permissions(
    {
        "onboarding.view": [ONBOARDING, HR, MANAGER],
        "onboarding.all_plans": [ONBOARDING, HR],
        "onboarding.manage": [ONBOARDING, HR, MANAGER],
        "onboarding.templates": [ONBOARDING, HR],
    }
)

register(
    {
        "onboarding.templates_created": _("Standaard inwerksjablonen aangemaakt ({count})"),
        "onboarding.template_changed": _("Inwerksjabloon gewijzigd ({change})"),
        "onboarding.plan_started": _(
            "Inwerkplan gemaakt uit sjabloon {template} ({tasks} taken, sollicitatie {application})"
        ),
        "onboarding.plan_updated": _("Inwerkplan gewijzigd"),
        "onboarding.start_date_changed": _(
            "Eerste werkdag verplaatst: {moved} taken verschoven, {kept_done} afgeronde en "
            "{kept_by_hand} met de hand geplande taken niet (taken {tasks})"
        ),
        "onboarding.obstacles_answered": _(
            "Vragenlijst over obstakels na {moment} maanden ingevuld ({change})"
        ),
        "onboarding.self_review_saved": _(
            "Eigen deel van de evaluatie na {moment} maanden opgeslagen door de medewerker "
            "({change})"
        ),
        "onboarding.plan_transition": _("Inwerkplan van {from_status} naar {to_status} ({move})"),
        "onboarding.task_transition": _(
            "Taak {task} van {from_status} naar {to_status} ({move}, via {via})"
        ),
        "onboarding.task_updated": _("Taak {task} aangepast"),
        "onboarding.task_added": _("Taak {task} toegevoegd"),
        "onboarding.tasks_reassigned": _("{count} open taken overgedragen"),
        "onboarding.supporter_assigned": _("Begeleider gekoppeld ({role}, extern: {external})"),
        "onboarding.supporter_removed": _("Begeleider ontkoppeld ({role})"),
        "onboarding.intake_submitted": _("Intake ingevuld ({needs} soorten ondersteuning)"),
        "onboarding.intake_expectations": _("Verwachtingen van de leidinggevende vastgelegd"),
        "onboarding.checkin_submitted": _("Check-in ingevuld (stemming {mood})"),
        "onboarding.surprises_submitted": _("Verbazingen gedeeld ({count})"),
        "onboarding.evaluation_saved": _("Evaluatie na {moment} maanden vastgelegd ({outcome})"),
        "onboarding.goal_added": _("Ontwikkeldoel {goal} toegevoegd (via {via})"),
        "onboarding.goal_updated": _("Ontwikkeldoel {goal} bijgewerkt ({progress}%, {status})"),
        "onboarding.links_revoked": _("Persoonlijke links ingetrokken (nu versie {version})"),
        "onboarding.link_sent": _("Persoonlijke link verstuurd"),
        "onboarding.reminders_sent": _("Herinneringen verstuurd ({count})"),
    }
)


# Statuses in the log in words, never as codes (issue 19).
from talentbrug.audit.registry import register_values  # noqa: E402

from .constants import PlanStatus  # noqa: E402

register_values("onboarding.plan_", "from_status", PlanStatus.choices)
register_values("onboarding.plan_", "to_status", PlanStatus.choices)
