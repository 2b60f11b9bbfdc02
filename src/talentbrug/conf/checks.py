"""Our own system check: production refuses to start with settings that lose mail or links.

Django's ``check --deploy`` knows nothing about mail: with the console back-end every
confirmation, magic link and rejection is printed to a log nobody reads, and the site still
starts. Under production settings (``TALENTBRUG_PRODUCTION``) this check reports every missing
or unsafe setting as an Error, so ``runserver``, ``migrate`` and ``check`` stop, and
:func:`refuse_unsafe_production` stops gunicorn (``talentbrug.wsgi``) and the Celery worker.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlparse

from django.conf import settings
from django.core import checks
from django.core.exceptions import ImproperlyConfigured
from django.utils.module_loading import import_string

# Back-ends that accept a mail and deliver it to nobody.
NON_DELIVERING_EMAIL_BACKENDS = frozenset(
    {
        "django.core.mail.backends.console.EmailBackend",
        "django.core.mail.backends.locmem.EmailBackend",
        "django.core.mail.backends.dummy.EmailBackend",
        "django.core.mail.backends.filebased.EmailBackend",
    }
)
LOCAL_HOSTS = frozenset({"localhost", "127.0.0.1", "::1", "0.0.0.0"})  # noqa: S104  # nosec B104 - compared, never bound


def _email_problems() -> list[checks.Error]:
    backend = getattr(settings, "EMAIL_BACKEND", "") or ""
    if not backend:
        return [
            checks.Error(
                "EMAIL_BACKEND is not set.",
                hint="Set EMAIL_BACKEND (e.g. django.core.mail.backends.smtp.EmailBackend) "
                "and EMAIL_HOST; see docs/operations.md.",
                id="talentbrug.E001",
            )
        ]
    if backend in NON_DELIVERING_EMAIL_BACKENDS:
        return [
            checks.Error(
                f"EMAIL_BACKEND is {backend}, which delivers no mail.",
                hint="Use a back-end that sends mail (SMTP or your provider's); "
                "candidates would never get their confirmation or log-in link.",
                id="talentbrug.E002",
            )
        ]
    try:
        import_string(backend)
    except ImportError:
        return [
            checks.Error(
                f"EMAIL_BACKEND {backend} cannot be imported.",
                hint="Check the spelling and that its package is installed.",
                id="talentbrug.E003",
            )
        ]
    if backend == "django.core.mail.backends.smtp.EmailBackend" and not settings.EMAIL_HOST:
        return [
            checks.Error(
                "EMAIL_HOST is not set for the SMTP back-end.",
                hint="Set EMAIL_HOST to your mail server.",
                id="talentbrug.E004",
            )
        ]
    return []


def _sender_problems() -> list[checks.Error]:
    sender = getattr(settings, "DEFAULT_FROM_EMAIL", "") or ""
    domain = sender.rsplit("@", 1)[-1].strip(" >").lower() if "@" in sender else ""
    if not domain or domain == "localhost" or domain.endswith((".example", ".invalid", ".test")):
        return [
            checks.Error(
                f"DEFAULT_FROM_EMAIL is {sender!r}, not an address of your organisation.",
                hint="Set DEFAULT_FROM_EMAIL to an address whose domain sends your mail "
                "(SPF/DKIM), or receiving servers reject it.",
                id="talentbrug.E005",
            )
        ]
    return []


def _site_url_problems() -> list[checks.Error]:
    site_url = getattr(settings, "SITE_URL", "") or ""
    parsed = urlparse(site_url)
    if parsed.scheme != "https" or not parsed.hostname or parsed.hostname in LOCAL_HOSTS:
        return [
            checks.Error(
                f"TALENTBRUG_SITE_URL is {site_url!r}; links in mails would not work.",
                hint="Set TALENTBRUG_SITE_URL to the public https:// address of this site.",
                id="talentbrug.E006",
            )
        ]
    return []


@checks.register(checks.Tags.security)
def production_settings_check(app_configs: Any = None, **kwargs: Any) -> list[checks.Error]:
    """Every missing or unsafe production setting, as Errors (only under production)."""
    if not getattr(settings, "TALENTBRUG_PRODUCTION", False):
        return []
    return [
        *_email_problems(),
        *_sender_problems(),
        *_site_url_problems(),
    ]


def refuse_unsafe_production() -> None:
    """Stop a process that does not run Django's checks (gunicorn, Celery) on the same errors."""
    problems = production_settings_check()
    if problems:
        lines = "; ".join(f"{p.msg} {p.hint}" for p in problems)
        raise ImproperlyConfigured(f"Unsafe production settings: {lines}")
