"""Hostile input in every form of every staff page (see attack.py for what is sent and checked)."""

import pytest

from talentbrug.tests.authz import STAFF

from .attack import PAGE_CASES, run_case

CASES = [c for c in PAGE_CASES if c.kind == STAFF]


@pytest.mark.django_db
@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_hostile_input_in_staff_forms(
    case, organisation, staff_client, client, settings, hostile_settings
):
    run_case(case, organisation, staff_client, client, settings)
