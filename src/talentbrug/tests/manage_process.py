"""Run ``manage.py`` in a separate process with chosen settings (production ones, say).

The parent's DJANGO_* and demo variables and its DATABASE_URL are not passed on, so the child
sees only what a test gives it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]

# What talentbrug.conf.production needs to start, with a real-looking mail set-up.
PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "talentbrug.conf.production",
    "DJANGO_SECRET_KEY": "p" * 20 + "x9F!kq2LmZr8TvB4wNcY7sJdE1hUoA6gR3",
    "DJANGO_ALLOWED_HOSTS": "werken.example.nl",
    "TALENTBRUG_SITE_URL": "https://werken.example.nl",
    "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
    "EMAIL_HOST": "smtp.werken.example.nl",
    "DEFAULT_FROM_EMAIL": "Werken bij <noreply@werken.example.nl>",
}


def manage(
    *args: str, extra_env: dict[str, str], timeout: int = 120
) -> subprocess.CompletedProcess[str]:
    environment = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "TALENTBRUG_DEMO")) and k != "DATABASE_URL"
    }
    environment["TALENTBRUG_VAR_DIR"] = "/tmp/talentbrug-settings-test"
    environment.update(extra_env)
    return subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), *args],
        capture_output=True,
        text=True,
        env=environment,
        cwd=ROOT,
        timeout=timeout,
    )
