"""Breadcrumbs of Bewaren of weggooien (``pages.breadcrumbs``): collection → card, lists."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from talentbrug.pages.breadcrumbs import Crumb, register_trail


def records() -> Crumb:
    return Crumb(_("Bewaren of weggooien"), reverse("records:index"))


def _collection(collection: object, *, current: bool = False) -> Crumb:
    url = "" if current else reverse("records:collection_detail", args=[collection.pk])  # type: ignore[attr-defined]
    return Crumb(collection.name, url, is_name=True)  # type: ignore[attr-defined]


register_trail(
    "records:collection_detail",
    lambda c: [records(), _collection(c["collection"], current=True)],
)
register_trail(
    "records:triage",
    lambda c: [records(), _collection(c["collection"]), Crumb(_("Beoordelen"))],
)
register_trail(
    "records:document_detail",
    lambda c: [
        records(),
        _collection(c["document"].collection),
        Crumb(c["document"].name, is_name=True),
    ],
)
register_trail(
    "records:list_detail",
    lambda c: [
        records(),
        Crumb(_("Vernietigingslijsten"), reverse("records:lists")),
        Crumb(c["list"].name, is_name=True),
    ],
)
