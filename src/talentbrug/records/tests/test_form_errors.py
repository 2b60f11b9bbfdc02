"""Staff forms of the records app: errors at the field and in a summary that takes focus, and
every aria reference points at an id that exists (collection, selectielijst, triage card,
legal hold)."""

from __future__ import annotations

import lxml.html
import pytest
from django.urls import reverse

from talentbrug.conftest import verified_client
from talentbrug.records.models import Document
from talentbrug.tests.test_aria_references import broken_references

from .factories import DocumentFactory

pytestmark = pytest.mark.django_db


def field_error(html: str, field_id: str) -> str:
    """The error shown at the field, which the input names in its aria-describedby."""
    tree = lxml.html.fromstring(html)
    (widget,) = tree.xpath(f"//*[@id='{field_id}']")
    assert f"{field_id}-error" in widget.get("aria-describedby", "").split()
    assert widget.get("aria-invalid") == "true"
    (error,) = tree.xpath(f"//*[@id='{field_id}-error']")
    return error.text_content().strip()


def summary(html: str) -> lxml.html.HtmlElement:
    (found,) = lxml.html.fromstring(html).xpath("//*[@id='error-summary']")
    assert found.get("autofocus") is not None and found.get("tabindex") == "-1"
    return found


def test_legal_hold_kenmerk_is_required_and_shown_at_its_field(collection, manager):
    document = DocumentFactory(collection=collection)
    client = verified_client(manager)
    page = client.get(reverse("records:document_detail", args=[document.pk])).content.decode()
    tree = lxml.html.fromstring(page)
    (label,) = tree.xpath("//label[@for='id_reference']")
    assert "niet verplicht" not in label.text_content()
    assert tree.xpath("//*[@id='id_reference']")[0].get("required") is not None
    assert broken_references(page) == []

    response = client.post(
        reverse("records:legal_hold", args=[document.pk]), {"hold": "True", "reference": " "}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert field_error(html, "id_reference") == "Vul het kenmerk van het Woo-verzoek of geschil in."
    links = summary(html).xpath(".//a")
    assert [a.get("href") for a in links] == ["#id_reference"]
    assert "Vul het kenmerk" in links[0].text_content()
    assert broken_references(html) == []
    document.refresh_from_db()
    assert document.legal_hold is False

    done = client.post(
        reverse("records:legal_hold", args=[document.pk]),
        {"hold": "True", "reference": "WOO-2026-0142"},
    )
    assert done.status_code == 302
    document.refresh_from_db()
    assert document.legal_hold and document.legal_hold_reference == "WOO-2026-0142"

    # Lifting the hold needs no kenmerk; the page then offers only "Hef blokkade op".
    page = client.get(reverse("records:document_detail", args=[document.pk])).content.decode()
    assert "Hef blokkade op" in page and 'id="id_reference"' not in page
    client.post(reverse("records:legal_hold", args=[document.pk]), {"hold": "False"})
    document.refresh_from_db()
    assert not document.legal_hold and document.legal_hold_reference == ""


def test_collection_form_errors_at_the_field_and_in_the_summary(manager):
    client = verified_client(manager)
    response = client.post(reverse("records:collection_create"), {"name": ""})
    html = response.content.decode()
    assert field_error(html, "id_name") == "Geef de verzameling een naam."
    assert [a.get("href") for a in summary(html).xpath(".//a")] == ["#id_name"]
    assert broken_references(html) == []


def test_category_form_errors_at_the_field_and_in_the_summary(manager):
    client = verified_client(manager)
    page = client.get(reverse("records:categories")).content.decode()
    assert broken_references(page) == []
    response = client.post(reverse("records:categories"), {"code": "", "name": "Werving"})
    html = response.content.decode()
    assert field_error(html, "id_code") == "Vul de code uit de selectielijst in, bijvoorbeeld 1.1."
    assert "#id_code" in [a.get("href") for a in summary(html).xpath(".//a")]
    assert broken_references(html) == []


def test_triage_card_refers_only_to_ids_it_has(collection, manager):
    a = DocumentFactory(collection=collection, sha256="a" * 64, path="a.txt")
    DocumentFactory(collection=collection, sha256="a" * 64, path="b.txt")
    client = verified_client(manager)
    url = reverse("records:triage", args=[collection.pk])
    page = client.post(url, follow=True).content.decode()
    assert page.count('id="rc-card-title"') == 1 and 'id="id_duplicates"' in page
    tree = lxml.html.fromstring(page)
    # The note and category are described by their help texts, which exist.
    assert tree.xpath("//*[@id='id_note']")[0].get("aria-describedby") == "id_note-help"
    assert tree.xpath("//*[@id='id_category']")[0].get("aria-describedby") == "id_category-help"
    assert broken_references(page) == []
    assert Document.objects.get(pk=a.pk).claimed_by == manager
