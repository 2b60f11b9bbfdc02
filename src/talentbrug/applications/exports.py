"""'Download all my data': one ZIP with data.json (every row that refers to the candidate)
and the files. The rows are found by walking the foreign keys down from Candidate — to the
candidate, to their applications, to what hangs off those (interviews, scorecards, bookings,
onboarding plans, ...) — so a new model in another app is included automatically."""

from __future__ import annotations

import io
import json
import zipfile
from typing import Any

from django.core import serializers
from django.db import models
from django.utils import timezone

from talentbrug.docanalysis.policy import safe_name

from .models import Candidate
from .services import candidate_relations
from .uploads import clean_filename

# How far down the walk goes: candidate → application → interview → interview slot.
MAX_DEPTH = 4
# Shared reference data is never "the candidate's": the walk does not go through these.
# A BBL place belongs to the organisation even while a new hire fills it.
_NOT_OWNED = {
    "accounts.User",
    "accounts.Organisation",
    "vacancies.Vacancy",
    "taxonomy.Skill",
    "programmes.Placement",
}


def candidate_paths() -> list[tuple[type[models.Model], str]]:
    """(model, lookup to the candidate) for every model whose rows belong to a candidate.

    Breadth-first from Candidate over foreign keys and one-to-one fields pointing *at* an owned
    model, e.g. ``(Interview, "application__candidate")``. A model is taken with its shortest path.
    """
    from django.apps import apps

    found: dict[type[models.Model], str] = {}
    frontier: dict[type[models.Model], str] = {fld.model: fld.name for fld in candidate_relations()}
    depth = 1
    while frontier and depth <= MAX_DEPTH:
        for model, path in frontier.items():
            found.setdefault(model, path)
        following: dict[type[models.Model], str] = {}
        for model in apps.get_models():
            if model in found or model is Candidate or model._meta.label in _NOT_OWNED:
                continue
            for fld in model._meta.get_fields():
                if (
                    isinstance(fld, models.ForeignKey)  # OneToOneField is a ForeignKey too
                    and fld.related_model in frontier
                    and fld.related_model is not model
                ):
                    following.setdefault(model, f"{fld.name}__{frontier[fld.related_model]}")
        frontier = following
        depth += 1
    return sorted(found.items(), key=lambda item: item[0]._meta.label)


def _rows(queryset: models.QuerySet[Any]) -> list[dict[str, Any]]:
    return [
        {"id": item["pk"], **item["fields"]}
        for item in serializers.serialize("python", queryset)  # type: ignore[union-attr]
    ]


def export_data(candidate: Candidate) -> dict[str, Any]:
    data: dict[str, Any] = {
        "exported_at": timezone.now().isoformat(),
        "candidate": _rows(Candidate.objects.filter(pk=candidate.pk))[0],
        "records": {},
    }
    for model, path in candidate_paths():
        label = model._meta.label  # e.g. "applications.Document"
        data["records"][label] = _rows(
            model._default_manager.filter(**{path: candidate}).distinct().order_by("pk")
        )
    return data


def export_zip(candidate: Candidate) -> bytes:
    data = export_data(candidate)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("data.json", json.dumps(data, indent=2, ensure_ascii=False, default=str))
        for model, lookup in candidate_paths():
            file_fields = [f for f in model._meta.fields if isinstance(f, models.FileField)]
            if not file_fields:
                continue
            for obj in model._default_manager.filter(**{lookup: candidate}).distinct():
                for file_field in file_fields:
                    stored = getattr(obj, file_field.name)
                    if not stored:
                        continue
                    name = clean_filename(getattr(obj, "original_name", "") or stored.name)
                    if getattr(obj, "detected_type", ""):
                        name = safe_name(name, obj.detected_type)  # extension of the content
                    path = f"files/{model._meta.model_name}-{obj.pk}-{name}"
                    try:
                        with stored.open("rb") as fh:
                            archive.writestr(path, fh.read())
                    except FileNotFoundError:
                        continue
    return buffer.getvalue()
