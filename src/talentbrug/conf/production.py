"""Production: HTTPS only, strict cookies, and refusal of demo shortcuts."""

from .base import *  # noqa: F403
from .env import SettingError, env_bool, env_int, env_str

DEBUG = False
# Read by our system check (conf/checks.py), which lists every missing or unsafe setting.
TALENTBRUG_PRODUCTION = True
# No console fallback: without a real back-end the check stops start-up.
EMAIL_BACKEND = env_str("EMAIL_BACKEND")
SECRET_KEY = env_str("DJANGO_SECRET_KEY", required=True)
if len(SECRET_KEY) < 50 or SECRET_KEY.startswith(("dev-only", "test-only")):
    raise SettingError("DJANGO_SECRET_KEY must be a random value of at least 50 characters.")
if TALENTBRUG_DEMO_SKIP_2FA:  # noqa: F405
    raise SettingError(
        "TALENTBRUG_DEMO_SKIP_2FA is for the local demo only; production requires 2FA for staff."
    )
if env_str("DJANGO_ALLOWED_HOSTS") == "":
    raise SettingError("DJANGO_ALLOWED_HOSTS is required in production (comma-separated hosts).")

SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 31_536_000, minimum=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_REDIRECT_EXEMPT = [r"^health/$"]
