from __future__ import annotations

import pytest

UNREACHABLE = "talentbrug.outbox.tests.backends.UnreachableBackend"


@pytest.fixture
def smtp_down(settings):
    """SMTP unreachable until the test calls the returned function."""
    settings.EMAIL_BACKEND = UNREACHABLE

    def recover() -> None:
        settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

    return recover
