"""Every programmes URL and who may use it (collected by tests/test_authorisation.py)."""

from talentbrug.onboarding.tests.factories import make_plan
from talentbrug.tests.authz import LOGIN, STAFF, UrlCase

from .factories import AssignmentFactory, CohortFactory, PlacementFactory, SchoolFactory, make_track


def _cohort(organisation):
    return {"pk": CohortFactory(organisation=organisation).pk}


def _member(organisation):
    cohort = CohortFactory(organisation=organisation)
    plan = make_plan(organisation)
    cohort.members.add(plan)
    return {"pk": cohort.pk, "plan_pk": plan.pk}


def _placement(organisation):
    return {"pk": PlacementFactory(organisation=organisation).pk}


def _school(organisation):
    return {"pk": SchoolFactory(organisation=organisation).pk}


def _assignment(organisation):
    return {"pk": AssignmentFactory(school=SchoolFactory(organisation=organisation)).pk}


def _track(organisation):
    return {"pk": make_track(organisation, make_plan(organisation)).pk}


POST = {"method": "post", "ok_status": (302,)}

URL_CASES = [
    # The programme team's rijksbreed pages (User.is_programme_team, no organisation role):
    # anonymous goes to log-in; 200 for the team, 403 for every role: test_rijk_pages.py.
    UrlCase("programmes:rijk_cohorts", LOGIN),
    UrlCase("programmes:rijk_places", LOGIN),
    UrlCase("programmes:index", STAFF, "programmes.view"),
    # Moved to Insights: the old address redirects anyone logged in (Insights decides access).
    UrlCase("programmes:figures", LOGIN),
    UrlCase("programmes:cohorts", STAFF, "programmes.view"),
    UrlCase("programmes:cohort_create", STAFF, "programmes.manage"),
    UrlCase("programmes:cohort_detail", STAFF, "programmes.view", make_kwargs=_cohort),
    UrlCase("programmes:cohort_edit", STAFF, "programmes.manage", make_kwargs=_cohort),
    # Without a choice the form is refused (400) once the role may act.
    UrlCase(
        "programmes:cohort_member_add",
        STAFF,
        "programmes.manage",
        method="post",
        make_kwargs=_cohort,
        ok_status=(400,),
    ),
    UrlCase(
        "programmes:cohort_member_remove", STAFF, "programmes.manage", make_kwargs=_member, **POST
    ),
    UrlCase(
        "programmes:rotation_add",
        STAFF,
        "programmes.manage",
        method="post",
        make_kwargs=_cohort,
        ok_status=(400,),
    ),
    UrlCase("programmes:placements", STAFF, "programmes.view"),
    UrlCase("programmes:placement_create", STAFF, "programmes.manage"),
    UrlCase("programmes:placement_detail", STAFF, "programmes.view", make_kwargs=_placement),
    UrlCase("programmes:placement_edit", STAFF, "programmes.manage", make_kwargs=_placement),
    UrlCase(
        "programmes:placement_fill", STAFF, "programmes.manage", make_kwargs=_placement, **POST
    ),
    UrlCase(
        "programmes:placement_vacancy", STAFF, "programmes.manage", make_kwargs=_placement, **POST
    ),
    UrlCase(
        "programmes:placement_evaluation_add",
        STAFF,
        "programmes.manage",
        make_kwargs=_placement,
        data={"planned_on": "2026-06-01", "notes": "Voortgang"},
        **POST,
    ),
    UrlCase("programmes:schools", STAFF, "programmes.view"),
    UrlCase("programmes:school_create", STAFF, "programmes.manage"),
    UrlCase("programmes:school_detail", STAFF, "programmes.view", make_kwargs=_school),
    UrlCase("programmes:school_edit", STAFF, "programmes.manage", make_kwargs=_school),
    UrlCase(
        "programmes:assignment_add",
        STAFF,
        "programmes.manage",
        make_kwargs=_school,
        data={"title": "Bouw een dashboard"},
        **POST,
    ),
    UrlCase(
        "programmes:assignment_transition",
        STAFF,
        "programmes.manage",
        make_kwargs=_assignment,
        data={"move": "offer"},
        **POST,
    ),
    UrlCase("programmes:tracks", STAFF, "programmes.view"),
    UrlCase("programmes:track_create", STAFF, "programmes.manage"),
    UrlCase("programmes:track_edit", STAFF, "programmes.manage", make_kwargs=_track),
]
