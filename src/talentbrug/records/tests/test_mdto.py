"""MDTO export of kept documents, validated against our XSD for the subset."""

from __future__ import annotations

import hashlib
import io
import zipfile
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from lxml import etree

from talentbrug.conftest import verified_client
from talentbrug.records import mdto, services
from talentbrug.records.constants import Decision, Waardering

from .factories import CategoryFactory, DocumentFactory, with_file

pytestmark = pytest.mark.django_db


def _kept(collection, manager, content, **kwargs):
    doc = with_file(DocumentFactory(collection=collection, **kwargs), content)
    doc.sha256 = hashlib.sha256(content).hexdigest()
    doc.size = len(content)
    doc.mime_type = "text/plain"
    doc.save()
    return services.decide_document(doc, manager, Decision.KEEP)


def test_export_zip_has_files_and_valid_mdto_xml(collection, manager):
    beleid = CategoryFactory(
        organisation=collection.organisation,
        code="1.3",
        waardering=Waardering.BEWAREN,
        bewaartermijn_years=None,
        informatiecategorie="beleid",
    )
    collection.default_category.bewaartermijn_years = 5
    collection.default_category.save()
    v_doc = _kept(
        collection, manager, b"Selectieverslag", document_date=date(2023, 5, 1), has_email=True
    )
    b_doc = DocumentFactory(collection=collection, path="Beleid/visie.txt")
    with_file(b_doc, b"Visie")
    services.decide_document(b_doc, manager, Decision.KEEP, category=beleid)
    DocumentFactory(collection=collection)  # undecided: not exported
    archive = zipfile.ZipFile(mdto.export_kept_documents(collection, manager))
    names = archive.namelist()
    xml_names = [n for n in names if n.endswith(".mdto.xml")]
    assert len(xml_names) == 4
    schema = etree.XMLSchema(etree.parse(str(mdto.SCHEMA_PATH)))
    for name in xml_names:
        schema.assertValid(etree.fromstring(archive.read(name)))
    base = mdto.identifier(v_doc)
    assert archive.read(f"{base}/{v_doc.name}") == b"Selectieverslag"
    io_xml = etree.fromstring(archive.read(f"{base}/{base}.mdto.xml"))
    ns = {"m": mdto.NS}
    assert io_xml.findtext("m:informatieobject/m:waardering/m:begripCode", namespaces=ns) == "V"
    assert (
        io_xml.findtext("m:informatieobject/m:bewaartermijn/m:termijnLooptijd", namespaces=ns)
        == "P5Y"
    )
    assert (
        io_xml.findtext("m:informatieobject/m:bewaartermijn/m:termijnEinddatum", namespaces=ns)
        == "2028-05-01"
    )
    assert (
        io_xml.findtext("m:informatieobject/m:archiefvormer/m:verwijzingNaam", namespaces=ns)
        == collection.organisation.name
    )
    assert io_xml.findtext(".//m:beperkingGebruikType/m:begripCode", namespaces=ns) == "AVG"
    bestand = etree.fromstring(archive.read(f"{base}/{base}-bestand.mdto.xml"))
    assert bestand.findtext("m:bestand/m:omvang", namespaces=ns) == str(len(b"Selectieverslag"))
    assert bestand.findtext("m:bestand/m:checksum/m:checksumWaarde", namespaces=ns) == v_doc.sha256
    b_xml = etree.fromstring(
        archive.read(f"{mdto.identifier(b_doc)}/{mdto.identifier(b_doc)}.mdto.xml")
    )
    assert b_xml.findtext(".//m:waardering/m:begripCode", namespaces=ns) == "B"
    assert b_xml.find(".//m:bewaartermijn", namespaces=ns) is None


def test_schema_rejects_missing_required_elements(collection, manager):
    doc = _kept(collection, manager, b"x")
    xml = mdto.informatieobject_xml(doc)
    mdto.validate(xml)
    broken = etree.fromstring(xml)
    archiefvormer = broken.find(f".//{{{mdto.NS}}}archiefvormer")
    archiefvormer.getparent().remove(archiefvormer)
    with pytest.raises(etree.DocumentInvalid):
        mdto.validate(etree.tostring(broken))


def test_export_without_kept_documents_says_so(collection, manager):
    with pytest.raises(ValidationError):
        mdto.export_kept_documents(collection, manager)


def test_export_view_streams_a_zip(collection, manager):
    _kept(collection, manager, b"Bewaard")
    response = verified_client(manager).get(reverse("records:export_mdto", args=[collection.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    assert any(n.endswith("-bestand.mdto.xml") for n in archive.namelist())
