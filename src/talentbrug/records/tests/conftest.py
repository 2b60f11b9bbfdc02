from __future__ import annotations

from typing import Any

import pytest

from talentbrug.accounts.constants import Role


@pytest.fixture(autouse=True)
def private_media(settings: Any, tmp_path: Any) -> Any:
    """Every test writes its files into its own temporary storage."""
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "media")},
        },
    }
    return tmp_path / "media"


@pytest.fixture
def manager(make_staff: Any, organisation: Any) -> Any:
    return make_staff(organisation, Role.RECORDS_MANAGER, username="joost")


@pytest.fixture
def reviewer(make_staff: Any, organisation: Any) -> Any:
    return make_staff(organisation, Role.RECORDS_MANAGER, username="noor")


@pytest.fixture
def archivist(make_staff: Any, organisation: Any) -> Any:
    return make_staff(organisation, Role.ARCHIVIST, username="archivaris")


@pytest.fixture
def collection(organisation: Any, manager: Any) -> Any:
    from .factories import CategoryFactory, CollectionFactory

    category = CategoryFactory(organisation=organisation, code="1.2", bewaartermijn_years=1)
    return CollectionFactory(organisation=organisation, owner=manager, default_category=category)
