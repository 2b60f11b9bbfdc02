"""The warm index hears of profile changes made by bulk updates through an explicit signal
(applications.signals.candidate_profile_changed), not by watching audit event names."""

from __future__ import annotations

import pytest

from talentbrug.applications.services import profile as application_profile
from talentbrug.applications.signals import candidate_profile_changed
from talentbrug.applications.tests.factories import CandidateFactory
from talentbrug.matches import engine

pytestmark = pytest.mark.django_db


@pytest.fixture
def refreshed(monkeypatch):
    seen: list[int] = []
    monkeypatch.setattr(engine, "candidate_changed", seen.append)
    return seen


def test_confirming_skills_refreshes_the_candidate_after_commit(
    refreshed, django_capture_on_commit_callbacks
):
    candidate = CandidateFactory()
    refreshed.clear()  # creating the candidate refreshed it already (post_save)
    with django_capture_on_commit_callbacks(execute=True):
        application_profile.confirm_skills(candidate, [])
    assert refreshed == [candidate.pk]


def test_the_signal_schedules_every_candidate_it_names(
    refreshed, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        candidate_profile_changed.send(sender=None, candidate_ids=[11, 12])
    assert refreshed == [11, 12]
