from __future__ import annotations

import pytest

from talentbrug.accounts.constants import Role


@pytest.fixture
def hr_user(make_staff, organisation):
    return make_staff(organisation, Role.HR_ADVISER)
