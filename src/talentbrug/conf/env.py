"""Read settings from the environment, with one clear error per wrong value.

Every setting Talentbrug reads is documented in docs/operations.md and dotenv.example.
A missing or malformed value raises :class:`SettingError`, whose message names the
setting and says why; ``manage.py`` prints that single line and stops.
"""

from __future__ import annotations

import os
from pathlib import Path
from urllib.parse import urlparse

from django.core.exceptions import ImproperlyConfigured


class SettingError(ImproperlyConfigured):
    """A setting is missing or has a value we cannot use."""


_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str | None = None, *, required: bool = False) -> str:
    value = os.environ.get(name)
    if value is None or value == "":
        if required:
            raise SettingError(f"{name} is required but not set; see docs/operations.md.")
        return default if default is not None else ""
    return value


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    lowered = value.strip().lower()
    if lowered in _TRUE:
        return True
    if lowered in _FALSE:
        return False
    raise SettingError(f"{name} must be true or false, not {value!r}.")


def env_int(name: str, default: int, *, minimum: int | None = None) -> int:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    try:
        number = int(value)
    except ValueError:
        raise SettingError(f"{name} must be a whole number, not {value!r}.") from None
    if minimum is not None and number < minimum:
        raise SettingError(f"{name} must be at least {minimum}, not {number}.")
    return number


def env_list(name: str, default: list[str] | None = None) -> list[str]:
    value = os.environ.get(name)
    if value is None:
        return list(default or [])
    return [item.strip() for item in value.split(",") if item.strip()]


def env_choice(name: str, default: str, choices: tuple[str, ...]) -> str:
    value = env_str(name, default)
    if value not in choices:
        raise SettingError(f"{name} must be one of {', '.join(choices)}, not {value!r}.")
    return value


def database_config(url: str, base_dir: Path) -> dict[str, object]:
    """Turn DATABASE_URL into a Django DATABASES entry (sqlite:/// or postgres://)."""
    import dj_database_url

    parsed = urlparse(url)
    if parsed.scheme not in {"sqlite", "postgres", "postgresql", "pgsql"}:
        raise SettingError(
            f"DATABASE_URL must start with sqlite:/// or postgres://, not {parsed.scheme!r}."
        )
    if parsed.scheme == "sqlite":
        raw = url[len("sqlite:///") :]
        path = Path(raw) if raw.startswith("/") else base_dir / raw
        path.parent.mkdir(parents=True, exist_ok=True)
        return {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(path),
            "OPTIONS": {"timeout": 20, "transaction_mode": "IMMEDIATE"},
        }
    try:
        # Health checks: a connection broken by a database restart is replaced, not reused.
        config: dict[str, object] = dict(
            dj_database_url.parse(url, conn_max_age=60, conn_health_checks=True)
        )
    except ValueError as exc:
        raise SettingError(f"DATABASE_URL cannot be read: {exc}.") from None
    if not config.get("NAME"):
        raise SettingError(
            "DATABASE_URL must name a database, e.g. postgres://user@host/talentbrug."
        )
    return config
