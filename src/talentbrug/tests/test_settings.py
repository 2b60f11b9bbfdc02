"""A wrong setting stops start-up with one clear line; production passes check --deploy."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from talentbrug.conf import env

from .manage_process import PRODUCTION_ENV, ROOT, manage


def test_env_bool_rejects_unclear_values(monkeypatch):
    monkeypatch.setenv("X_FLAG", "misschien")
    with pytest.raises(env.SettingError, match="X_FLAG must be true or false"):
        env.env_bool("X_FLAG")
    monkeypatch.setenv("X_FLAG", "Yes")
    assert env.env_bool("X_FLAG") is True


def test_env_int_checks_number_and_minimum(monkeypatch):
    monkeypatch.setenv("X_NUM", "vijf")
    with pytest.raises(env.SettingError, match="whole number"):
        env.env_int("X_NUM", 1)
    monkeypatch.setenv("X_NUM", "0")
    with pytest.raises(env.SettingError, match="at least 1"):
        env.env_int("X_NUM", 1, minimum=1)


def test_database_url_scheme_is_checked(tmp_path):
    with pytest.raises(env.SettingError, match="DATABASE_URL must start with"):
        env.database_config("mysql://root@localhost/x", tmp_path)
    config = env.database_config("sqlite:///var/x.sqlite3", tmp_path)
    assert config["NAME"] == str(tmp_path / "var/x.sqlite3")
    pg = env.database_config("postgres://postgres@127.0.0.1:5432/talentbrug", tmp_path)
    assert pg["ENGINE"] == "django.db.backends.postgresql"
    assert pg["NAME"] == "talentbrug"


def test_production_passes_check_deploy_without_warnings():
    result = manage("check", "--deploy", "--fail-level", "WARNING", extra_env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_check_lists_every_missing_mail_and_link_setting():
    bare = {
        k: v
        for k, v in PRODUCTION_ENV.items()
        if k not in {"EMAIL_BACKEND", "EMAIL_HOST", "DEFAULT_FROM_EMAIL", "TALENTBRUG_SITE_URL"}
    }
    result = manage("check", extra_env=bare)
    assert result.returncode == 1
    assert "(talentbrug.E001) EMAIL_BACKEND is not set." in result.stderr
    assert "(talentbrug.E005) DEFAULT_FROM_EMAIL is 'Talentbrug <noreply@talentbrug.example>'" in (
        result.stderr
    )
    assert "(talentbrug.E006) TALENTBRUG_SITE_URL is 'http://127.0.0.1:8000'" in result.stderr


@pytest.mark.parametrize("backend", ["console", "locmem", "dummy", "filebased"])
def test_production_refuses_a_mail_backend_that_delivers_nothing(backend):
    result = manage(
        "check",
        extra_env={
            **PRODUCTION_ENV,
            "EMAIL_BACKEND": f"django.core.mail.backends.{backend}.EmailBackend",
        },
    )
    assert result.returncode == 1
    assert "(talentbrug.E002)" in result.stderr
    assert "delivers no mail" in result.stderr


def test_runserver_and_gunicorn_refuse_to_start_without_a_mail_backend():
    bare = {k: v for k, v in PRODUCTION_ENV.items() if k != "EMAIL_BACKEND"}
    server = manage("runserver", "--noreload", "127.0.0.1:0", extra_env=bare)
    assert server.returncode != 0
    assert "(talentbrug.E001) EMAIL_BACKEND is not set." in server.stderr
    environment = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    environment.update(bare)
    environment["PYTHONPATH"] = str(ROOT / "src")
    # What gunicorn does first: import talentbrug.wsgi.
    wsgi = subprocess.run(
        [sys.executable, "-c", "import talentbrug.wsgi"],
        capture_output=True,
        text=True,
        env=environment,
        cwd=ROOT,
        timeout=120,
    )
    assert wsgi.returncode != 0
    assert "Unsafe production settings: EMAIL_BACKEND is not set." in wsgi.stderr


def test_production_check_is_silent_outside_production(settings):
    from talentbrug.conf.checks import production_settings_check

    settings.EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
    assert settings.TALENTBRUG_PRODUCTION is False
    assert production_settings_check() == []
    settings.TALENTBRUG_PRODUCTION = True
    assert [error.id for error in production_settings_check()] == [
        "talentbrug.E002",
        "talentbrug.E005",
        "talentbrug.E006",
    ]
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = ""
    settings.DEFAULT_FROM_EMAIL = "Werken bij <noreply@werken.example.nl>"
    settings.SITE_URL = "https://werken.example.nl"
    assert [error.id for error in production_settings_check()] == ["talentbrug.E004"]
    settings.EMAIL_BACKEND = "talentbrug.nergens.EmailBackend"
    assert [error.id for error in production_settings_check()] == ["talentbrug.E003"]
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "smtp.werken.example.nl"
    assert production_settings_check() == []


def test_production_refuses_demo_skip_of_second_factor():
    result = manage("check", extra_env={**PRODUCTION_ENV, "TALENTBRUG_DEMO_SKIP_2FA": "true"})
    assert result.returncode == 2
    lines = [line for line in result.stderr.strip().splitlines() if line]
    assert lines == [
        "Configuration error: TALENTBRUG_DEMO_SKIP_2FA is for the local demo only; "
        "production requires 2FA for staff."
    ]


def test_missing_secret_key_is_one_clear_line():
    environment = {k: v for k, v in PRODUCTION_ENV.items() if k != "DJANGO_SECRET_KEY"}
    result = manage("check", extra_env=environment)
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "Configuration error: DJANGO_SECRET_KEY is required but not set; see docs/operations.md."
    )


def test_wrong_broker_url_is_named():
    result = manage(
        "check",
        extra_env={
            "DJANGO_SETTINGS_MODULE": "talentbrug.conf.dev",
            "CELERY_BROKER_URL": "kafka://x",
        },
    )
    assert result.returncode == 2
    assert "CELERY_BROKER_URL must start with redis://" in result.stderr


OIDC_ENV = {
    "DJANGO_SETTINGS_MODULE": "talentbrug.conf.dev",
    "OIDC_ENABLED": "true",
    "OIDC_RP_CLIENT_ID": "talentbrug",
    "OIDC_RP_CLIENT_SECRET": "geheim",
    "OIDC_OP_AUTHORIZATION_ENDPOINT": "https://idp.example/auth",
    "OIDC_OP_TOKEN_ENDPOINT": "https://idp.example/token",
    "OIDC_OP_USER_ENDPOINT": "https://idp.example/userinfo",
    "OIDC_OP_JWKS_ENDPOINT": "https://idp.example/jwks",
}


def test_oidc_can_be_switched_on_by_settings_only():
    result = manage(
        "shell",
        "-c",
        "from django.urls import reverse; print(reverse('oidc_authentication_init'))",
        extra_env=OIDC_ENV,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "/oidc/authenticate/"


def test_oidc_without_client_id_is_one_clear_line():
    environment = {k: v for k, v in OIDC_ENV.items() if k != "OIDC_RP_CLIENT_ID"}
    result = manage("check", extra_env=environment)
    assert result.returncode == 2
    assert "OIDC_RP_CLIENT_ID is required" in result.stderr


@pytest.mark.django_db
def test_oidc_backend_matches_existing_accounts_by_email_and_never_creates(settings):
    from talentbrug.accounts.oidc import TalentbrugOIDCBackend
    from talentbrug.accounts.tests.factories import UserFactory

    for key, value in OIDC_ENV.items():
        if key.startswith("OIDC_") and key != "OIDC_ENABLED":
            setattr(settings, key, value)
    user = UserFactory(email="Sanne@Example.org")
    backend = TalentbrugOIDCBackend()
    assert list(backend.filter_users_by_claims({"email": "sanne@example.org"})) == [user]
    assert list(backend.filter_users_by_claims({"email": ""})) == []
    assert backend.create_user({"email": "nieuw@example.org"}) is None


def test_celery_worker_refuses_unsafe_production_settings(settings):
    from django.core.exceptions import ImproperlyConfigured

    from talentbrug.celery import refuse_unsafe_production

    settings.TALENTBRUG_PRODUCTION = True
    settings.EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
    settings.DEFAULT_FROM_EMAIL = "Werken bij <noreply@werken.example.nl>"
    settings.SITE_URL = "https://werken.example.nl"
    with pytest.raises(ImproperlyConfigured, match="Unsafe production settings: EMAIL_BACKEND is"):
        refuse_unsafe_production()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "smtp.werken.example.nl"
    refuse_unsafe_production()  # nothing to refuse
