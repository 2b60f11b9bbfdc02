"""Settings of the load test (bench/load_test.py): production-like, but the anti-bot limits
that would stop 50 clients on one IP address are lifted and staff skip the second factor."""

import os

from talentbrug.conf.base import *  # noqa: F403

DEBUG = False
TALENTBRUG_RATE_PER_IP = 10**9
TALENTBRUG_RATE_PER_EMAIL = 10**9
TALENTBRUG_FORM_MIN_SECONDS = 0
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
LOGGING["root"] = {"handlers": ["console"], "level": "WARNING"}  # noqa: F405
# Persistent connections (one per gunicorn thread), checked before reuse: a connection that a
# database restart broke is replaced at the start of the next request instead of failing it.
DATABASES["default"]["CONN_MAX_AGE"] = int(os.environ.get("LOAD_CONN_MAX_AGE", "60"))  # noqa: F405
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True  # noqa: F405
