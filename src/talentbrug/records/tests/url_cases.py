"""Every URL of the records app for the authorisation table (talentbrug/tests)."""

from __future__ import annotations

from typing import Any

from talentbrug.tests.authz import STAFF, UrlCase, url, via


def _collection(org: Any) -> dict[str, Any]:
    from .factories import CollectionFactory

    return {"pk": CollectionFactory(organisation=org).pk}


def _document_in_collection(org: Any) -> dict[str, Any]:
    from .factories import DocumentFactory

    document = DocumentFactory(collection__organisation=org)
    return {"pk": document.collection_id, "document_pk": document.pk}


def _collection_with_a_card(org: Any) -> dict[str, Any]:
    """A collection with an undecided card: the triage page could claim it (it may not on GET)."""
    from .factories import DocumentFactory

    return {"pk": DocumentFactory(collection__organisation=org).collection_id}


def _document(org: Any) -> dict[str, Any]:
    from .factories import DocumentFactory, with_file

    return {"pk": with_file(DocumentFactory(collection__organisation=org)).pk}


def _list(org: Any) -> dict[str, Any]:
    from .factories import ItemFactory

    return {"pk": ItemFactory(destruction_list__collection__organisation=org).destruction_list_id}


def _destroyed_list(org: Any) -> dict[str, Any]:
    from talentbrug.records.constants import ListStatus

    from .factories import DestructionListFactory

    return {
        "pk": DestructionListFactory(collection__organisation=org, status=ListStatus.DESTROYED).pk
    }


def _override(org: Any) -> dict[str, Any]:
    from talentbrug.accounts.tests.factories import UserFactory
    from talentbrug.records.models import DestructionOverride

    from .factories import DocumentFactory

    document = DocumentFactory(collection__organisation=org, document_date=None)
    override = DestructionOverride.objects.create(
        organisation=org,
        document=document,
        justification="Later besluit van de archiefdienst",
        refusal="Termijn onbekend",
        requested_by=UserFactory(),
    )
    return {"pk": document.pk, "override_pk": override.pk}


def _item(org: Any) -> dict[str, Any]:
    from .factories import ItemFactory

    item = ItemFactory(destruction_list__collection__organisation=org)
    return {"pk": item.destruction_list_id, "item_pk": item.pk}


POST = {"method": "post", "ok_status": (302,)}

URL_CASES = [
    UrlCase("records:index", STAFF, "records.view"),
    UrlCase("records:categories", STAFF, "records.manage"),
    UrlCase("records:settings", STAFF, "records.manage"),
    UrlCase("records:collection_create", STAFF, "records.manage"),
    UrlCase("records:collection_detail", STAFF, "records.view", make_kwargs=_collection),
    UrlCase("records:collection_progress", STAFF, "records.view", make_kwargs=_collection),
    # An empty post shows the page again with the error at its field ("Kies bestanden …").
    UrlCase(
        "records:collection_upload",
        STAFF,
        "records.manage",
        make_kwargs=_collection,
        method="post",
        ok_status=(200,),
    ),
    UrlCase("records:triage", STAFF, "records.triage", make_kwargs=_collection_with_a_card),
    UrlCase(
        "records:triage_card",
        STAFF,
        "records.triage",
        make_kwargs=_collection_with_a_card,
        method="post",
        ok_status=(200,),
    ),
    UrlCase("records:collection_import_folder", STAFF, "records.manage", make_kwargs=_collection),
    UrlCase(
        "records:decide",
        STAFF,
        "records.triage",
        make_kwargs=_document_in_collection,
        data={"decision": "later"},
        **POST,
    ),
    UrlCase("records:undo", STAFF, "records.triage", make_kwargs=_collection, **POST),
    UrlCase("records:list_create", STAFF, "records.manage", make_kwargs=_collection, **POST),
    UrlCase(
        "records:export_mdto", STAFF, "records.view", make_kwargs=_collection, ok_status=(302,)
    ),
    UrlCase("records:document_detail", STAFF, "records.view", make_kwargs=_document),
    UrlCase("records:document_download", STAFF, "records.view", make_kwargs=_document),
    UrlCase(
        "records:legal_hold",
        STAFF,
        "records.manage",
        make_kwargs=_document,
        data={"hold": "on", "reference": "Woo-2026-001"},
        **POST,
    ),
    UrlCase(
        "records:document_dates",
        STAFF,
        "records.triage",
        make_kwargs=_document,
        data={"dates-document_date": "2019-04-01"},
        **POST,
    ),
    UrlCase(
        "records:override_request",
        STAFF,
        "records.manage",
        make_kwargs=_document,
        data={"override-justification": "Besluit archiefdienst 2026-117, dubbel exemplaar"},
        **POST,
    ),
    UrlCase(
        "records:override_decide",
        STAFF,
        "records.review",
        make_kwargs=_override,
        data={"outcome": "reject", "comment": "Geen besluit"},
        **POST,
    ),
    UrlCase("records:lists", STAFF, "records.view"),
    UrlCase("records:list_detail", STAFF, "records.view", make_kwargs=_list),
    UrlCase("records:list_submit", STAFF, "records.manage", make_kwargs=_list, **POST),
    UrlCase("records:list_approve", STAFF, "records.review", make_kwargs=_list, **POST),
    UrlCase(
        "records:list_changes",
        STAFF,
        "records.review",
        make_kwargs=_list,
        data={"comment": "Graag 2.1 eraf"},
        **POST,
    ),
    UrlCase("records:list_archivist", STAFF, "records.archivist", make_kwargs=_list, **POST),
    UrlCase(
        "records:list_archivist_changes",
        STAFF,
        "records.archivist",
        make_kwargs=_list,
        data={"comment": "Niet compleet"},
        **POST,
    ),
    UrlCase(
        "records:list_abort",
        STAFF,
        "records.manage",
        make_kwargs=_list,
        data={"reason": "Toch niet"},
        **POST,
    ),
    UrlCase("records:list_destroy", STAFF, "records.manage", make_kwargs=_list, **POST),
    UrlCase("records:item_approve", STAFF, "records.review", make_kwargs=_item, **POST),
    UrlCase(
        "records:item_exclude",
        STAFF,
        "records.review",
        make_kwargs=_item,
        data={"reason": "Woo-verzoek"},
        **POST,
    ),
    UrlCase(
        "records:item_remove",
        STAFF,
        "records.manage",
        make_kwargs=_item,
        data={"reason": "Toch bewaren"},
        **POST,
    ),
    UrlCase(
        "records:item_restore",
        STAFF,
        "records.manage",
        make_kwargs=_item,
        data={"reason": "Nog nodig"},
        **POST,
    ),
    UrlCase("records:declaration_csv", STAFF, "records.view", make_kwargs=_destroyed_list),
    UrlCase("records:declaration_pdf", STAFF, "records.view", make_kwargs=_destroyed_list),
    UrlCase("records:declaration_xlsx", STAFF, "records.view", make_kwargs=_destroyed_list),
]

# ZIP imports are only shown on their collection's page (records:collection_detail); list
# reviews only on their list's page.
ISOLATION = {
    "records.ZipImport": via("records.Collection"),
    "records.DestructionOverride": url("records:override_decide"),
    "records.ListReview": via("records.DestructionList"),
}
