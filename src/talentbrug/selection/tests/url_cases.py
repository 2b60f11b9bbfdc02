"""Every selection URL and who may use it (collected by tests/test_authorisation.py)."""

from talentbrug.accounts.access import ASSESSOR
from talentbrug.tests.authz import STAFF, UrlCase

from .factories import application_in_pipeline, stage_of, vacancy_with_requirements


def _vacancy(organisation):
    return {"pk": application_in_pipeline(organisation).vacancy_id}


def _application(organisation):
    return {"pk": application_in_pipeline(organisation).application_id}


def _named_application(organisation):
    """In stage Gesprek with the name shown: an assessor must be assigned (interviews.access)."""
    from talentbrug.interviews.tests.factories import application_for_interview

    return {"pk": application_for_interview(organisation).pk}


ASSIGNED_ONLY = frozenset({ASSESSOR})


def _stage(organisation):
    return {"pk": stage_of(vacancy_with_requirements(organisation), "interview").pk}


URL_CASES = [
    UrlCase("selection:index", STAFF, "selection.view"),
    UrlCase("selection:reasons", STAFF, "selection.configure"),
    UrlCase("selection:board", STAFF, "selection.view", make_kwargs=_vacancy),
    UrlCase("selection:list", STAFF, "selection.view", make_kwargs=_vacancy),
    UrlCase(
        "selection:bulk_move",
        STAFF,
        "selection.move",
        method="post",
        make_kwargs=_vacancy,
        ok_status=(302,),
    ),
    UrlCase("selection:stages", STAFF, "selection.configure", make_kwargs=_vacancy),
    UrlCase("selection:anchors", STAFF, "selection.configure", make_kwargs=_vacancy),
    # Moved to Insights: after the access check the old address redirects there.
    UrlCase(
        "selection:fairness", STAFF, "selection.fairness", make_kwargs=_vacancy, ok_status=(302,)
    ),
    UrlCase(
        "selection:stage_delete",
        STAFF,
        "selection.configure",
        method="post",
        make_kwargs=_stage,
        ok_status=(302,),
    ),
    UrlCase(
        "selection:application",
        STAFF,
        "selection.view",
        make_kwargs=_named_application,
        assigned_only=ASSIGNED_ONLY,
    ),
    UrlCase(
        "selection:move",
        STAFF,
        "selection.move",
        method="post",
        make_kwargs=_application,
        ok_status=(302,),
    ),
    UrlCase(
        "selection:reveal",
        STAFF,
        "selection.reveal",
        method="post",
        make_kwargs=_application,
        ok_status=(302,),
    ),
    UrlCase(
        "selection:scorecard",
        STAFF,
        "selection.score",
        make_kwargs=_named_application,
        assigned_only=ASSIGNED_ONLY,
    ),
    UrlCase("selection:work_sample", STAFF, "selection.score", make_kwargs=_application),
    UrlCase("selection:offer", STAFF, "selection.offer", make_kwargs=_application),
    UrlCase(
        "selection:offer_decision",
        STAFF,
        "selection.offer",
        method="post",
        make_kwargs=_application,
        ok_status=(302,),
    ),
]
