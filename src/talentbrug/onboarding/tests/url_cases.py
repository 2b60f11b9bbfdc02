"""Every onboarding URL and who may use it (collected by tests/test_authorisation.py).

The portal URLs (token in the URL, no login) are CANDIDATE cases, tested in test_portal.py.
"""

from dataclasses import replace

from talentbrug.accounts.constants import Role
from talentbrug.tests.authz import CANDIDATE, LOGIN, STAFF, UrlCase

from .factories import TemplateTaskFactory, make_plan, small_template


def _plan(organisation):
    return {"pk": make_plan(organisation).pk}


def _task(organisation):
    plan = make_plan(organisation)
    return {"pk": plan.pk, "task_pk": plan.tasks.first().pk}


def _evaluation(organisation):
    return {"pk": make_plan(organisation).pk, "moment": "3"}


def _goal(organisation):
    from talentbrug.onboarding.services import evaluations

    plan = make_plan(organisation)
    goal = evaluations.add_goal(plan, title="Leren plannen", user=None)
    return {"pk": plan.pk, "goal_pk": goal.pk}


def _template(organisation):
    return {"pk": small_template(organisation).pk}


def _template_task(organisation):
    task = TemplateTaskFactory(template=small_template(organisation))
    return {"pk": task.template_id, "task_pk": task.pk}


def _reassign(organisation):
    from talentbrug.onboarding.tests.factories import member

    manager = member(organisation)
    plan = make_plan(organisation, manager=manager)
    manager.memberships.all().delete()  # the manager left the organisation
    return {"pk": plan.pk}


POST = {"method": "post", "ok_status": (302,)}

URL_CASES = [
    UrlCase("onboarding:overview", STAFF, "onboarding.view"),
    UrlCase("onboarding:mine", STAFF, "onboarding.view"),
    UrlCase("onboarding:calendar", STAFF, "onboarding.view"),
    # Moved to Insights: the old address redirects anyone logged in (Insights decides access).
    UrlCase("onboarding:figures", LOGIN),
    UrlCase("onboarding:plan_create", STAFF, "onboarding.manage"),
    UrlCase("onboarding:template_list", STAFF, "onboarding.view"),
    UrlCase("onboarding:template_detail", STAFF, "onboarding.view", make_kwargs=_template),
    UrlCase(
        "onboarding:template_task_add",
        STAFF,
        "onboarding.templates",
        make_kwargs=_template,
        data={"phase": "week_1", "title": "Koffie", "owner_role": "buddy", "due_offset": 2},
        **POST,
    ),
    UrlCase(
        "onboarding:template_task_remove",
        STAFF,
        "onboarding.templates",
        make_kwargs=_template_task,
        **POST,
    ),
    UrlCase("onboarding:plan_detail", STAFF, "onboarding.view", make_kwargs=_plan),
    UrlCase("onboarding:plan_edit", STAFF, "onboarding.manage", make_kwargs=_plan),
    UrlCase(
        "onboarding:plan_transition",
        STAFF,
        "onboarding.manage",
        make_kwargs=_plan,
        data={"move": "start"},
        **POST,
    ),
    UrlCase("onboarding:plan_link", STAFF, "onboarding.manage", make_kwargs=_plan, **POST),
    UrlCase(
        "onboarding:supporter_save",
        STAFF,
        "onboarding.manage",
        make_kwargs=_plan,
        data={
            "role": "language_coach",
            "name": "Ingrid",
            "email": "coach@example.org",
            "language": "nl",
        },
        **POST,
    ),
    # Posting without a choice is refused with a message (400) once the role may act.
    UrlCase(
        "onboarding:plan_reassign",
        STAFF,
        "onboarding.manage",
        method="post",
        make_kwargs=_reassign,
        ok_status=(400,),
    ),
    UrlCase(
        "onboarding:plan_expectations",
        STAFF,
        "onboarding.manage",
        make_kwargs=_plan,
        data={"manager_expectations": "Na drie maanden werk je zelfstandig."},
        **POST,
    ),
    UrlCase("onboarding:evaluation", STAFF, "onboarding.manage", make_kwargs=_evaluation),
    UrlCase(
        "onboarding:goal_add",
        STAFF,
        "onboarding.manage",
        make_kwargs=_plan,
        data={"title": "Zelf storingen oplossen"},
        **POST,
    ),
    UrlCase(
        "onboarding:goal_update",
        STAFF,
        "onboarding.manage",
        make_kwargs=_goal,
        data={"progress": 50, "status": "open"},
        **POST,
    ),
    UrlCase("onboarding:task_add", STAFF, "onboarding.manage", make_kwargs=_plan),
    UrlCase("onboarding:task_edit", STAFF, "onboarding.manage", make_kwargs=_task),
    UrlCase(
        "onboarding:task_transition",
        STAFF,
        "onboarding.manage",
        make_kwargs=_task,
        data={"move": "complete"},
        **POST,
    ),
    UrlCase("onboarding:portal", CANDIDATE),
    UrlCase("onboarding:portal_intake", CANDIDATE),
    UrlCase("onboarding:portal_checkin", CANDIDATE),
    UrlCase("onboarding:portal_surprises", CANDIDATE),
    UrlCase("onboarding:portal_goals", CANDIDATE),
    UrlCase("onboarding:portal_evaluation", CANDIDATE),
    UrlCase("onboarding:portal_obstacles", CANDIDATE),
    UrlCase("onboarding:portal_task_done", CANDIDATE),
    UrlCase("onboarding:supporter_portal", CANDIDATE),
    UrlCase("onboarding:supporter_task_done", CANDIDATE),
    UrlCase("onboarding:portal_logout", CANDIDATE, method="post"),
]

# A hiring manager sees only the plans they manage or support: another manager's plan is a 404
# (test_staff_pages.py shows the same manager reaching their own plan).
_PLAN_MAKERS = {_plan, _task, _evaluation, _goal, _reassign}
URL_CASES = [
    replace(case, assigned_only=frozenset({Role.HIRING_MANAGER}))
    if case.make_kwargs in _PLAN_MAKERS
    else case
    for case in URL_CASES
]
