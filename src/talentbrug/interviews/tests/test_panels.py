"""Interviews shows its part on selection's application page through a registered panel."""

from __future__ import annotations

import pytest
from django.urls import reverse

from talentbrug.accounts.constants import Role
from talentbrug.conftest import verified_client
from talentbrug.core.panels import panels

from .factories import interview_for, staff_member

pytestmark = pytest.mark.django_db


def test_interviews_registers_its_panels():
    assert "interviews/_selection_panel.html" in panels("selection.application")
    assert "interviews/portal/_application.html" in panels("applications.portal_application")


def test_the_selection_page_shows_the_interviews_panel_with_the_plan_link(organisation):
    interview = interview_for(organisation)
    hr = staff_member(organisation, Role.HR_ADVISER)
    url = reverse("selection:application", kwargs={"pk": interview.application_id})
    page = verified_client(hr).get(url).content.decode()
    assert 'id="gesprekken"' in page
    assert reverse("interviews:propose", kwargs={"pk": interview.application_id}) in page
