"""Settings of the hostile-input suite: files in a temporary folder, no anti-bot delays."""

import pytest


@pytest.fixture
def hostile_settings(settings, tmp_path):
    from django.core.cache import cache

    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "media")},
        },
    }
    settings.TALENTBRUG_RATE_PER_IP = 10_000
    settings.TALENTBRUG_RATE_PER_EMAIL = 10_000
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def manager(make_staff, organisation):
    from talentbrug.accounts.constants import Role

    return make_staff(organisation, Role.RECORDS_MANAGER, username="joost")


@pytest.fixture
def collection(organisation, manager):
    from talentbrug.records.tests.factories import CategoryFactory, CollectionFactory

    category = CategoryFactory(organisation=organisation, code="1.2", bewaartermijn_years=1)
    return CollectionFactory(organisation=organisation, owner=manager, default_category=category)
