"""Every interviews URL and who may use it (collected by tests/test_authorisation.py).

The portal pages (CANDIDATE) need the session a magic link gives; ``test_portal.py`` walks them.
"""

from talentbrug.tests.authz import CANDIDATE, STAFF, UrlCase

from .factories import application_for_interview, interview_for


def _application(organisation):
    return {"pk": application_for_interview(organisation).pk}


def _interview(organisation):
    return {"pk": interview_for(organisation).pk}


# The staff agenda download (text/calendar, attachment, nosniff): checked as a file download by
# the authorisation table. Added here because this module owns the interviews URLs.

URL_CASES = [
    UrlCase("interviews:index", STAFF, "interviews.view"),
    UrlCase("interviews:agenda", STAFF, "interviews.agenda"),
    UrlCase("interviews:agenda_ics", STAFF, "interviews.agenda"),
    UrlCase("interviews:propose", STAFF, "interviews.plan", make_kwargs=_application),
    UrlCase("interviews:reschedule", STAFF, "interviews.plan", make_kwargs=_interview),
    UrlCase(
        "interviews:cancel",
        STAFF,
        "interviews.plan",
        method="post",
        make_kwargs=_interview,
        ok_status=(302,),
    ),
    UrlCase("interviews:portal_interview", CANDIDATE, make_kwargs=_interview),
    UrlCase(
        "interviews:portal_ics",
        CANDIDATE,
        make_kwargs=lambda organisation: {"pk": interview_for(organisation, status="planned").pk},
    ),
]
