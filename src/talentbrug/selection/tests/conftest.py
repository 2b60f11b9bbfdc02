from __future__ import annotations

import pytest

from talentbrug.accounts.constants import Role

HR_ROLES = frozenset({Role.HR_ADVISER.value})


@pytest.fixture
def hr(make_staff, organisation):
    return make_staff(organisation, Role.HR_ADVISER)


@pytest.fixture
def manager(make_staff, organisation):
    return make_staff(organisation, Role.HIRING_MANAGER)


@pytest.fixture
def assessor(make_staff, organisation):
    return make_staff(organisation, Role.ASSESSOR)
