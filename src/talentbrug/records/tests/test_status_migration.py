"""The data migration to English status values runs forwards and backwards."""

from __future__ import annotations

import importlib

import pytest
from django.apps import apps

from talentbrug.records.constants import ItemStatus, ListStatus, OverrideStatus, ReviewOutcome
from talentbrug.records.models import DestructionList, DestructionOverride, ListReview

from .factories import DocumentFactory, ItemFactory

migration = importlib.import_module("talentbrug.records.migrations.0006_english_status_values")

pytestmark = pytest.mark.django_db


def test_every_english_value_of_the_choices_has_its_dutch_original():
    mapped = {
        ("DestructionList", "status"): ListStatus,
        ("DestructionListItem", "status"): ItemStatus,
        ("DestructionOverride", "status"): OverrideStatus,
        ("ListReview", "outcome"): ReviewOutcome,
    }
    for key, choices in mapped.items():
        assert set(migration.RENAMES[key].values()) == set(choices.values)


def test_forwards_and_backwards(collection, manager):
    item = ItemFactory(
        destruction_list__collection=collection, destruction_list__created_by=manager
    )
    dl = item.destruction_list
    override = DestructionOverride.objects.create(
        organisation=collection.organisation,
        document=DocumentFactory(collection=collection),
        justification="Een onderbouwing van meer dan twintig tekens.",
        requested_by=manager,
    )
    review = ListReview.objects.create(destruction_list=dl, user=manager, outcome="akkoord")
    DestructionList.objects.filter(pk=dl.pk).update(status="wachttijd")
    type(item).objects.filter(pk=item.pk).update(status="geblokkeerd")
    DestructionOverride.objects.filter(pk=override.pk).update(status="aangevraagd")

    migration.forwards(apps, None)
    for obj in (dl, item, override, review):
        obj.refresh_from_db()
    assert (dl.status, item.status, override.status, review.outcome) == (
        ListStatus.COOLING_OFF,
        ItemStatus.HELD,
        OverrideStatus.REQUESTED,
        ReviewOutcome.APPROVED,
    )
    assert dl.get_status_display() == "Wachttijd"  # the label stays Dutch

    migration.backwards(apps, None)
    for obj in (dl, item, override, review):
        obj.refresh_from_db()
    assert (dl.status, item.status, override.status, review.outcome) == (
        "wachttijd",
        "geblokkeerd",
        "aangevraagd",
        "akkoord",
    )
