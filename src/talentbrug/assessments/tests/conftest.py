from __future__ import annotations

import pytest

from talentbrug.accounts.constants import Role


@pytest.fixture
def hr(make_staff, organisation):
    return make_staff(organisation, Role.HR_ADVISER)


@pytest.fixture
def observer(make_staff, organisation):
    return make_staff(organisation, Role.ASSESSOR)


@pytest.fixture
def second_observer(make_staff, organisation):
    return make_staff(organisation, Role.ASSESSOR)
