"""Every accounts URL and who may use it (collected by tests/test_authorisation.py)."""

from talentbrug.tests.authz import LOGIN, PUBLIC, STAFF, UrlCase

URL_CASES = [
    UrlCase("accounts:login", PUBLIC),
    UrlCase("accounts:logout", PUBLIC, method="post", ok_status=(302,)),
    UrlCase("accounts:two_factor", LOGIN, ok_status=(302,)),
    UrlCase("accounts:setup", LOGIN, ok_status=(200, 302)),
    UrlCase("accounts:verify", LOGIN, ok_status=(200, 302)),
    UrlCase("accounts:switch_organisation", LOGIN, method="post", ok_status=(302,)),
    UrlCase("accounts:members", STAFF, "organisation.view_members"),
]
