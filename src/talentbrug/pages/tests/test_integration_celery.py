"""Runs only in .ci/run: a real Celery worker on Redis reaching the same PostgreSQL database."""

import os

import pytest
from django.conf import settings

from talentbrug.accounts.tests.factories import OrganisationFactory
from talentbrug.pages.tasks import ping_database

pytestmark = [pytest.mark.integration, pytest.mark.django_db(transaction=True)]


def test_worker_runs_task_against_the_same_database():
    assert settings.CELERY_BROKER_URL.startswith("redis://"), "set CELERY_BROKER_URL for this test"
    assert not settings.CELERY_TASK_ALWAYS_EAGER
    OrganisationFactory.create_batch(3)
    result = ping_database.delay().get(timeout=60)
    assert result == {"database": True, "organisations": 3}


def test_health_endpoint_sees_the_worker(client):
    response = client.get("/health/", {"workers": "1"})
    assert response.status_code == 200, response.content
    assert response.json()["checks"] == {"database": "ok", "workers": "ok"}
    assert os.environ.get("CELERY_BROKER_URL")
