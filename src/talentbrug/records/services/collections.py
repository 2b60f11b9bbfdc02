"""Settings of the destruction flow, selectielijst categories, collections; the import limits."""

from __future__ import annotations

import logging
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from talentbrug.audit.services import record_event

from ..models import (
    Collection,
    RecordsSettings,
    SelectielijstCategory,
)

logger = logging.getLogger(__name__)


def records_settings(organisation: Any) -> RecordsSettings:
    """Read the settings (the defaults when none are saved); never writes."""
    return RecordsSettings.for_organisation(organisation)


# --- Settings and categories -------------------------------------------------------------


def update_records_settings(
    organisation: Any, user: Any, *, cooling_off_days: int, archivist_required: bool
) -> RecordsSettings:
    if cooling_off_days < 1 or cooling_off_days > 365:
        raise ValidationError(_("Kies een wachttijd van 1 tot en met 365 dagen."))
    with transaction.atomic():
        found, _created = RecordsSettings.objects.select_for_update().get_or_create(
            organisation=organisation
        )
        found.cooling_off_days = cooling_off_days
        found.archivist_required = archivist_required
        found.save()
        record_event(
            "records.settings_changed",
            actor=user,
            organisation=organisation,
            obj=found,
            cooling_off_days=cooling_off_days,
            archivist_required=archivist_required,
        )
    return found


def save_category(
    organisation: Any, user: Any, category: SelectielijstCategory
) -> SelectielijstCategory:
    """Create or change a selectielijst category of the organisation."""
    category.organisation = organisation
    if category.waardering == "V" and not category.bewaartermijn_years:
        raise ValidationError(_("Vul bij waardering V een bewaartermijn in jaren in."))
    with transaction.atomic():
        category.full_clean()
        category.save()
        record_event("records.category_saved", actor=user, organisation=organisation, obj=category)
    return category


def create_collection(
    organisation: Any,
    user: Any,
    *,
    name: str,
    description: str = "",
    default_category: SelectielijstCategory | None = None,
    owner: Any = None,
) -> Collection:
    if not name.strip():
        raise ValidationError(_("Geef de verzameling een naam."))
    if default_category is not None and default_category.organisation_id != organisation.pk:
        raise ValidationError(_("Deze categorie hoort niet bij uw organisatie."))
    with transaction.atomic():
        collection = Collection.objects.create(
            organisation=organisation,
            name=name.strip(),
            description=description,
            default_category=default_category,
            owner=owner or user,
        )
        record_event(
            "records.collection_created", actor=user, organisation=organisation, obj=collection
        )
    return collection
