"""Every talentpool URL and who may use it (collected by tests/test_authorisation.py).

Profile links are signed for one organisation, so a link made for another organisation
gives 404 (the table's cross-organisation check).
"""

from talentbrug.tests.authz import CANDIDATE, LOGIN, STAFF, UrlCase


def _profile(organisation):
    from talentbrug.matches.tests.helpers import make_candidate
    from talentbrug.talentpool.services import profile_token

    candidate = make_candidate([], consent=True)
    return {"token": profile_token(candidate.pk, organisation)}


URL_CASES = [
    UrlCase("talentpool:list", STAFF, "talentpool.view"),
    UrlCase("talentpool:requests", STAFF, "talentpool.view"),
    # Only User.is_programme_team, no organisation role: anonymous goes to log-in here; the
    # team/role checks (200 for the team, 403 for every role) are tested in the app and the
    # page's accessibility in tests/browser/test_matching.py.
    UrlCase("talentpool:figures", LOGIN),
    UrlCase("talentpool:profile", STAFF, "talentpool.view", make_kwargs=_profile),
    UrlCase(
        "talentpool:contact",
        STAFF,
        "talentpool.contact",
        method="post",
        make_kwargs=_profile,
        data={"message": "We zoeken iemand voor de servicedesk."},
        ok_status=(302,),
    ),
    UrlCase("talentpool:answer", CANDIDATE),
]


def answer_kwargs(organisation):
    """The signed answer link of a contact request to a candidate in the pool."""
    from talentbrug.accounts.constants import Role
    from talentbrug.accounts.tests.factories import MembershipFactory, UserFactory
    from talentbrug.matches.tests.helpers import make_candidate
    from talentbrug.talentpool import services

    candidate = make_candidate([], consent=True)
    staff = UserFactory()
    MembershipFactory(user=staff, organisation=organisation, role=Role.HR_ADVISER)
    request = services.request_contact(
        candidate.pk, organisation=organisation, actor=staff, message="Hoi"
    )
    return {"token": services.answer_token(request)}
