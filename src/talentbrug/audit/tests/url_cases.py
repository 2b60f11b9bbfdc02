"""Every audit URL and who may use it (collected by tests/test_authorisation.py)."""

from talentbrug.tests.authz import STAFF, UrlCase

URL_CASES = [
    UrlCase("audit:list", STAFF, "audit.view"),
    UrlCase("audit:export", STAFF, "audit.export"),
]
