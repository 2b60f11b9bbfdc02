from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _private_media(settings, tmp_path):
    """Files of these tests in a temporary folder (local storage)."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "media")},
        },
    }


@pytest.fixture
def purge(django_capture_on_commit_callbacks):
    """Run the retention job and the after-commit file removal (tests run in a transaction)."""
    from talentbrug.privacy.services import purge as purge_services

    def run(**kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return purge_services.purge_expired(**kwargs)

    return run
