"""Every URL of the shell and who may use it (collected by tests/test_authorisation.py).

The shell also answers for the project-level language switch (``set_language`` in urls.py).
"""

from talentbrug.tests.authz import PUBLIC, STAFF, UrlCase

URL_CASES = [
    UrlCase("pages:landing", PUBLIC),
    UrlCase("pages:accessibility", PUBLIC),
    UrlCase("pages:privacy", PUBLIC),
    UrlCase("pages:health", PUBLIC),
    UrlCase("pages:home", STAFF, "home.view"),
    UrlCase("set_language", PUBLIC, method="post", ok_status=(302,), data={"language": "en"}),
]
