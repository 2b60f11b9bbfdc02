"""The log's download for the authorisation table (talentbrug/tests)."""

from talentbrug.tests.authz import STAFF, UrlCase

URL_CASES = [UrlCase("audit:export", STAFF, "audit.export")]
