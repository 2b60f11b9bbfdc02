"""MDTO-shaped metadata (Nationaal Archief) for kept documents, and the export ZIP.

We produce a documented subset of MDTO: one ``informatieobject`` and one ``bestand`` XML per
document. ``schemas/mdto_subset.xsd`` describes exactly this subset; the tests validate every
export against it.
"""

from __future__ import annotations

import shutil
import tempfile
import zipfile
from datetime import date
from pathlib import Path
from typing import IO, Any

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from lxml import etree

from talentbrug.audit.services import record_event

from .constants import Decision, Waardering
from .models import Collection, Document
from .suggestions import term_end

NS = "https://www.nationaalarchief.nl/mdto"
SCHEMA_PATH = Path(__file__).parent / "schemas" / "mdto_subset.xsd"
SOURCE = "Talentbrug"


def _el(parent: etree._Element, tag: str, text: str | None = None) -> etree._Element:
    child = etree.SubElement(parent, f"{{{NS}}}{tag}")
    if text is not None:
        child.text = text
    return child


def _begrip(parent: etree._Element, tag: str, label: str, code: str, lijst: str) -> None:
    node = _el(parent, tag)
    _el(node, "begripLabel", label)
    if code:
        _el(node, "begripCode", code)
    lijst_node = _el(node, "begripBegrippenlijst")
    _el(lijst_node, "verwijzingNaam", lijst)


def _verwijzing(parent: etree._Element, tag: str, naam: str, kenmerk: str = "") -> None:
    node = _el(parent, tag)
    _el(node, "verwijzingNaam", naam)
    if kenmerk:
        ident = _el(node, "verwijzingIdentificatie")
        _el(ident, "identificatieKenmerk", kenmerk)
        _el(ident, "identificatieBron", SOURCE)


def identifier(document: Document) -> str:
    return f"TB-{document.organisation.slug}-{document.pk}"


def informatieobject_xml(document: Document) -> bytes:
    root = etree.Element(f"{{{NS}}}MDTO", nsmap={None: NS})
    io_el = _el(root, "informatieobject")
    ident = _el(io_el, "identificatie")
    _el(ident, "identificatieKenmerk", identifier(document))
    _el(ident, "identificatieBron", SOURCE)
    _el(io_el, "naam", document.title or document.name)
    event = _el(io_el, "event")
    _begrip(event, "eventType", "Waardering vastgesteld", "", "Talentbrug events")
    decided = document.decided_at or timezone.now()
    _el(event, "eventTijd", timezone.localtime(decided).isoformat(timespec="seconds"))
    _verwijzing(event, "eventVerantwoordelijkeActor", document.organisation.name)
    category = document.category
    waardering = category.waardering if category else Waardering.BEWAREN
    _begrip(
        io_el,
        "waardering",
        "Blijvend te bewaren" if waardering == Waardering.BEWAREN else "Tijdelijk te bewaren",
        waardering,
        "Begrippenlijst Waarderingen MDTO",
    )
    if category and category.waardering == Waardering.VERNIETIGEN and category.bewaartermijn_years:
        start: date | None = document.term_date
        term = _el(io_el, "bewaartermijn")
        _begrip(
            term, "termijnTriggerStartLooptijd", category.trigger or "na afloop", "", "Talentbrug"
        )
        if start:
            _el(term, "termijnStartdatumLooptijd", start.isoformat())
        _el(term, "termijnLooptijd", f"P{category.bewaartermijn_years}Y")
        end = term_end(start, category.bewaartermijn_years)
        if end:
            _el(term, "termijnEinddatum", end.isoformat())
    if category:
        _verwijzing(
            io_el,
            "informatiecategorie",
            category.informatiecategorie or f"{category.code} {category.name}",
        )
    _verwijzing(io_el, "heeftRepresentatie", document.name, identifier(document) + "-bestand")
    _verwijzing(io_el, "archiefvormer", document.organisation.name)
    beperking = _el(io_el, "beperkingGebruik")
    if document.has_personal_data:
        _begrip(
            beperking,
            "beperkingGebruikType",
            "Bevat persoonsgegevens",
            "AVG",
            "Talentbrug beperkingen",
        )
    else:
        _begrip(
            beperking, "beperkingGebruikType", "Geen beperking", "geen", "Talentbrug beperkingen"
        )
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def bestand_xml(document: Document) -> bytes:
    root = etree.Element(f"{{{NS}}}MDTO", nsmap={None: NS})
    b = _el(root, "bestand")
    ident = _el(b, "identificatie")
    _el(ident, "identificatieKenmerk", identifier(document) + "-bestand")
    _el(ident, "identificatieBron", SOURCE)
    _el(b, "naam", document.name)
    _el(b, "omvang", str(document.size))
    _begrip(
        b,
        "bestandsformaat",
        document.mime_type or "application/octet-stream",
        document.detected_type,
        "MIME-types",
    )
    checksum = _el(b, "checksum")
    _begrip(
        checksum, "checksumAlgoritme", "SHA-256", "SHA-256", "Begrippenlijst checksumalgoritmen"
    )
    _el(checksum, "checksumWaarde", document.sha256)
    _el(
        checksum,
        "checksumDatum",
        timezone.localtime(document.imported_at).isoformat(timespec="seconds"),
    )
    _verwijzing(b, "isRepresentatieVan", document.title or document.name, identifier(document))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def kept_documents(collection: Collection) -> Any:
    return (
        Document.objects.filter(
            collection=collection, decision=Decision.KEEP, destroyed_at__isnull=True
        )
        .select_related("category", "organisation")
        .order_by("path", "pk")
    )


def export_kept_documents(collection: Collection, user: Any = None) -> IO[bytes]:
    """A ZIP with the kept files and two MDTO XML files per document (a temporary file)."""
    documents = list(kept_documents(collection))
    if not documents:
        raise ValidationError(_("Er zijn nog geen bewaarde documenten om te exporteren."))
    out = tempfile.TemporaryFile()  # noqa: SIM115 - returned to the caller
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for doc in documents:
            base = identifier(doc)
            zf.writestr(f"{base}/{base}.mdto.xml", informatieobject_xml(doc))
            zf.writestr(f"{base}/{base}-bestand.mdto.xml", bestand_xml(doc))
            if doc.file:
                safe = doc.name.replace("/", "_").replace("\\", "_") or "bestand"
                with doc.file.open("rb") as src, zf.open(f"{base}/{safe}", "w") as dst:
                    shutil.copyfileobj(src, dst, 1024 * 1024)
    record_event(
        "records.mdto_exported",
        actor=user,
        organisation=collection.organisation,
        obj=collection,
        count=len(documents),
    )
    out.seek(0)
    return out


def validate(xml: bytes) -> None:
    """Raise ``etree.DocumentInvalid`` when ``xml`` does not fit our MDTO subset."""
    schema = etree.XMLSchema(etree.parse(str(SCHEMA_PATH)))
    schema.assertValid(etree.fromstring(xml))
