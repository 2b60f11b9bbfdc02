"""Settings of the load test (bench/load_test.py): production-like, but the anti-bot limits
that would stop 50 clients on one IP address are lifted and staff skip the second factor."""

from talentbrug.conf.base import *  # noqa: F403

DEBUG = False
TALENTBRUG_RATE_PER_IP = 10**9
TALENTBRUG_RATE_PER_EMAIL = 10**9
TALENTBRUG_FORM_MIN_SECONDS = 0
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
LOGGING["root"] = {"handlers": ["console"], "level": "WARNING"}  # noqa: F405
