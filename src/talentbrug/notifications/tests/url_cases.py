"""Notifications URLs and who may use them (collected by tests/test_authorisation.py)."""

from talentbrug.accounts.constants import Role
from talentbrug.tests.authz import STAFF, UrlCase, url


def _notification(organisation):
    from talentbrug.accounts.tests.factories import MembershipFactory, UserFactory

    from ..models import Notification

    someone = UserFactory()
    MembershipFactory(user=someone, organisation=organisation, role=Role.HR_ADVISER)
    notification = Notification.objects.create(
        organisation=organisation,
        recipient=someone,
        kind="new_application",
        url="/medewerkers/",
        key=f"test:{someone.pk}",
    )
    return {"pk": notification.pk}


URL_CASES = [
    UrlCase("notifications:list", STAFF, "notifications.view"),
    # Only the recipient opens a notification: someone else's answers 404, whatever the role.
    UrlCase(
        "notifications:open",
        STAFF,
        "notifications.view",
        method="post",
        make_kwargs=_notification,
        assigned_only=frozenset(Role.values),
    ),
    UrlCase(
        "notifications:mark_all_read",
        STAFF,
        "notifications.view",
        method="post",
        ok_status=(302,),
    ),
    UrlCase("notifications:digest", STAFF, "notifications.view", method="post", ok_status=(302,)),
]

ISOLATION = {
    "notifications.Notification": url("notifications:open"),
}
