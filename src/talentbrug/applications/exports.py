"""'Download all my data': one ZIP with data.json (every row that refers to the candidate)
and the files. The rows are found by walking every foreign key to Candidate, so a new model
in another app is included automatically."""

from __future__ import annotations

import io
import json
import zipfile
from typing import Any

from django.core import serializers
from django.db import models
from django.utils import timezone

from .models import Candidate
from .services import candidate_relations
from .uploads import clean_filename


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
    for fld in candidate_relations():
        label = fld.model._meta.label  # e.g. "applications.Document"
        rows = _rows(fld.model._default_manager.filter(**{fld.name: candidate}))
        data["records"].setdefault(label, [])
        seen = {row["id"] for row in data["records"][label]}
        data["records"][label].extend(row for row in rows if row["id"] not in seen)
    return data


def export_zip(candidate: Candidate) -> bytes:
    data = export_data(candidate)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("data.json", json.dumps(data, indent=2, ensure_ascii=False, default=str))
        for fld in candidate_relations():
            file_fields = [f for f in fld.model._meta.fields if isinstance(f, models.FileField)]
            if not file_fields:
                continue
            for obj in fld.model._default_manager.filter(**{fld.name: candidate}):
                for file_field in file_fields:
                    stored = getattr(obj, file_field.name)
                    if not stored:
                        continue
                    name = clean_filename(getattr(obj, "original_name", "") or stored.name)
                    path = f"files/{fld.model._meta.model_name}-{obj.pk}-{name}"
                    try:
                        with stored.open("rb") as fh:
                            archive.writestr(path, fh.read())
                    except FileNotFoundError:
                        continue
    return buffer.getvalue()
