from __future__ import annotations

import pytest

from talentbrug.outbox.tests.conftest import smtp_down  # noqa: F401 - the fixture, shared

from ..services import extraction


@pytest.fixture(autouse=True)
def _fast_and_private(settings, tmp_path, monkeypatch):
    """Files in a temporary folder, no minimum fill time, a clean cache, a quick extractor."""
    from django.core.cache import cache

    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "media")},
        },
    }
    cache.clear()
    monkeypatch.setattr(extraction, "extract_skills", fake_extract_skills)
    yield
    cache.clear()


KNOWN = {
    "python": ("ccd0a1d9-afda-43d9-b901-96344886e14d", "Python (computer programming)"),
    "netwerkbeheer": ("0868eef3-2213-4572-9343-74931345a7d3", "netwerkbeheer"),
    "klanten helpen": ("00000000-0000-0000-0000-00000000c1a7", "klanten helpen"),
}


def fake_extract_skills(text: str) -> list[extraction.FoundSkill]:
    lower = text.lower()
    return [
        extraction.FoundSkill(esco_id, label, 0.9, word)
        for word, (esco_id, label) in KNOWN.items()
        if word in lower
    ]
