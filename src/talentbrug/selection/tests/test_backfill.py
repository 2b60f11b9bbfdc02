"""The one-off backfill (selection 0002) makes the rows pages used to make on first view."""

from __future__ import annotations

import importlib

import pytest
from django.apps import apps

from talentbrug.applications.tests.factories import ApplicationFactory
from talentbrug.selection.constants import DEFAULT_STAGES, StageKind
from talentbrug.selection.models import (
    ApplicationProgress,
    RejectionReason,
    ScaleAnchor,
    Stage,
    TemplateStage,
)

from .factories import vacancy_with_requirements

migration = importlib.import_module(
    "talentbrug.selection.migrations.0002_backfill_rows_made_on_events"
)

pytestmark = pytest.mark.django_db


def test_backfill_makes_what_is_missing_and_keeps_what_is_there(organisation):
    vacancy = vacancy_with_requirements(organisation)
    kept = vacancy_with_requirements(organisation)
    applied = ApplicationFactory(vacancy=vacancy)
    withdrawn = ApplicationFactory(vacancy=vacancy, status="withdrawn")
    # The state before this release: nothing made until a page was viewed.
    ApplicationProgress.objects.filter(vacancy=vacancy).delete()
    Stage.objects.filter(vacancy=vacancy).delete()
    ScaleAnchor.objects.filter(vacancy=vacancy).delete()
    TemplateStage.objects.filter(organisation=organisation).delete()
    RejectionReason.objects.filter(organisation=organisation).delete()
    kept_stages = list(Stage.objects.filter(vacancy=kept).values_list("pk", flat=True))

    migration.backfill(apps, None)
    migration.backfill(apps, None)  # a second run makes nothing twice

    assert TemplateStage.objects.filter(organisation=organisation).count() == len(DEFAULT_STAGES)
    assert RejectionReason.objects.filter(organisation=organisation).exists()
    assert Stage.objects.filter(vacancy=vacancy).count() == len(DEFAULT_STAGES)
    assert ScaleAnchor.objects.filter(vacancy=vacancy).exists()
    assert list(Stage.objects.filter(vacancy=kept).values_list("pk", flat=True)) == kept_stages
    assert ApplicationProgress.objects.get(application=applied).stage.kind == StageKind.NEW
    assert ApplicationProgress.objects.get(application=withdrawn).stage.kind == StageKind.WITHDRAWN
