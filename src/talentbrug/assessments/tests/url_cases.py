"""Every assessments URL and who may use it (collected by tests/test_authorisation.py).

The portal pages (session from the personal link) are CANDIDATE cases, tested in
test_portal.py.
"""

from talentbrug.tests.authz import CANDIDATE, STAFF, UrlCase

from .factories import booked_application, day_with_session


def _day(organisation):
    return {"pk": day_with_session(organisation)[0].pk}


def _session(organisation):
    day, session = day_with_session(organisation)
    return {"pk": day.pk, "session": session.pk}


def _booked_session(organisation):
    day, session = day_with_session(organisation)
    booked_application(organisation, day, session)
    return {"pk": day.pk, "session": session.pk}


def _grid_candidate(organisation):
    day, session = day_with_session(organisation)
    return {"pk": day.pk, "application": booked_application(organisation, day, session).pk}


def _application(organisation):
    day, session = day_with_session(organisation)
    return {"pk": booked_application(organisation, day, session).pk}


URL_CASES = [
    UrlCase("assessments:index", STAFF, "assessments.view"),
    UrlCase("assessments:create", STAFF, "assessments.manage"),
    UrlCase("assessments:diversity_settings", STAFF, "assessments.diversity"),
    UrlCase("assessments:detail", STAFF, "assessments.view", make_kwargs=_day),
    UrlCase("assessments:edit", STAFF, "assessments.manage", make_kwargs=_day),
    UrlCase("assessments:edit_session", STAFF, "assessments.manage", make_kwargs=_session),
    UrlCase(
        "assessments:delete_session",
        STAFF,
        "assessments.manage",
        method="post",
        make_kwargs=_booked_session,
        ok_status=(302,),  # refused with a message: the session has a booking
    ),
    UrlCase(
        "assessments:add_session",
        STAFF,
        "assessments.manage",
        method="post",
        make_kwargs=_day,
        ok_status=(400,),
    ),
    # Every role with the action may open the grid; only the day's observers see candidates.
    UrlCase("assessments:grid", STAFF, "assessments.observe", make_kwargs=_day),
    UrlCase(
        "assessments:cell",
        STAFF,
        "assessments.observe",
        method="post",
        make_kwargs=_day,
        ok_status=(403,),  # not an observer of this day
    ),
    UrlCase(
        "assessments:grid_candidate",
        STAFF,
        "assessments.observe",
        method="post",
        make_kwargs=_grid_candidate,
        ok_status=(302,),
    ),
    UrlCase("assessments:results", STAFF, "assessments.manage", make_kwargs=_day),
    UrlCase("assessments:language", STAFF, "assessments.language", make_kwargs=_application),
    UrlCase("assessments:portal_book", CANDIDATE, make_kwargs=_application),
    UrlCase(
        "assessments:portal_cancel",
        CANDIDATE,
        method="post",
        make_kwargs=_application,
        ok_status=(404,),
    ),
    UrlCase("assessments:portal_diversity", CANDIDATE, make_kwargs=_application),
]
