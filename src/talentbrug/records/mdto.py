"""MDTO metadata (Nationaal Archief) for kept documents, and the export ZIP.

Per kept document the ZIP holds the file, one ``informatieobject`` (aggregatieniveau
Archiefstuk) and one ``bestand``; one more ``informatieobject`` describes the collection as a
whole (aggregatieniveau Serie) and names its parts. Every XML file is validated against the
official MDTO-XML 1.0.2 schema (``schemas/``) before the ZIP is handed out: output that does
not fit the schema is refused, never delivered. The tests validate against 1.0.1 too.
"""

from __future__ import annotations

import hashlib
import logging
import re
import tempfile
import threading
import zipfile
from pathlib import Path
from typing import IO, Any

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from lxml import etree

from talentbrug.audit.services import record_event
from talentbrug.docanalysis.policy import safe_name

from . import pronom, retention
from .constants import Decision, Waardering
from .models import Collection, Document, SelectielijstCategory
from .retention import term_end

logger = logging.getLogger(__name__)

NS = "https://www.nationaalarchief.nl/mdto"
SCHEMA_DIR = Path(__file__).parent / "schemas"
SCHEMA_PATH = SCHEMA_DIR / "MDTO-XML-1.0.2.xsd"
SCHEMA_PATHS = (SCHEMA_DIR / "MDTO-XML1.0.1.xsd", SCHEMA_PATH)
SOURCE = "Talentbrug"
WAARDERINGEN = "Begrippenlijst Waarderingen MDTO"
AGGREGATIENIVEAUS = "Begrippenlijst Aggregatieniveaus MDTO"
CHECKSUMALGORITMEN = "Begrippenlijst ChecksumAlgoritme MDTO"
COPY_CHUNK = 1024 * 1024


# Characters XML 1.0 cannot hold (C0 controls other than tab/newline/CR, surrogates, U+FFFE/F).
# Titles and names come from uploaded files and may contain them.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml_text(text: str, fallback: str = "onbekend") -> str:
    """``text`` without characters XML cannot hold; never empty (MDTO's NietLegeWaarde)."""
    return _NOT_XML.sub("", text).strip() or fallback


def _el(parent: etree._Element, tag: str, text: str | None = None) -> etree._Element:
    child = etree.SubElement(parent, f"{{{NS}}}{tag}")
    if text is not None:
        child.text = _xml_text(text)
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


def _object(kind: str, kenmerk: str, naam: str) -> tuple[etree._Element, etree._Element]:
    root = etree.Element(f"{{{NS}}}MDTO", nsmap={None: NS})
    obj = _el(root, kind)
    ident = _el(obj, "identificatie")
    _el(ident, "identificatieKenmerk", kenmerk)
    _el(ident, "identificatieBron", SOURCE)
    _el(obj, "naam", _xml_text(naam, kenmerk))
    return root, obj


def _tostring(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _timestamp(moment: Any) -> str:
    return timezone.localtime(moment).isoformat(timespec="seconds")


def _title(document: Document) -> str:
    """The document's title, or its file name when the title holds nothing readable."""
    return _NOT_XML.sub("", document.title).strip() or document.name


def identifier(document: Document) -> str:
    return f"TB-{document.organisation.slug}-{document.pk}"


def collection_identifier(collection: Collection) -> str:
    return f"TB-{collection.organisation.slug}-verzameling-{collection.pk}"


def _waardering(parent: etree._Element, waardering: str) -> None:
    if waardering == Waardering.BEWAREN:
        _begrip(parent, "waardering", "Blijvend te bewaren", "B", WAARDERINGEN)
    else:
        _begrip(parent, "waardering", "Tijdelijk te bewaren", "V", WAARDERINGEN)


def _beperking(parent: etree._Element, personal_data: bool) -> None:
    beperking = _el(parent, "beperkingGebruik")
    if personal_data:
        label, code = "Bevat persoonsgegevens", "AVG"
    else:
        label, code = "Geen beperking", "geen"
    _begrip(beperking, "beperkingGebruikType", label, code, "Talentbrug beperkingen")


def _informatiecategorie(parent: etree._Element, category: SelectielijstCategory) -> None:
    """The selectielijst category as a concept: its name, its code and the list it is from."""
    label = category.informatiecategorie or f"{category.code} {category.name}"
    lijst = _("Selectielijst van %(organisation)s") % {"organisation": category.organisation.name}
    _begrip(parent, "informatiecategorie", label, category.code, lijst)


def informatieobject_xml(document: Document, collection_id: str = "") -> bytes:
    root, io_el = _object("informatieobject", identifier(document), _title(document))
    _begrip(io_el, "aggregatieniveau", "Archiefstuk", "", AGGREGATIENIVEAUS)
    event = _el(io_el, "event")
    _begrip(event, "eventType", "Waardering vastgesteld", "", "Talentbrug events")
    _el(event, "eventTijd", _timestamp(document.decided_at or timezone.now()))
    _verwijzing(event, "eventVerantwoordelijkeActor", document.organisation.name)
    category = document.category
    _waardering(io_el, category.waardering if category else Waardering.BEWAREN)
    if category and category.waardering == Waardering.VERNIETIGEN and category.bewaartermijn_years:
        # The start date by the category's rule (document date or the date of the event);
        # the upload day never starts a term.
        start = retention.start_date(document, category)
        term = _el(io_el, "bewaartermijn")
        _begrip(term, "termijnTriggerStartLooptijd", category.trigger or "na afloop", "", SOURCE)
        if start:
            _el(term, "termijnStartdatumLooptijd", start.isoformat())
        _el(term, "termijnLooptijd", f"P{category.bewaartermijn_years}Y")
        end = term_end(start, category.bewaartermijn_years)
        if end:
            _el(term, "termijnEinddatum", end.isoformat())
    if category:
        _informatiecategorie(io_el, category)
    if collection_id:
        _verwijzing(io_el, "isOnderdeelVan", document.collection.name, collection_id)
    if document.file:
        _verwijzing(io_el, "heeftRepresentatie", document.name, identifier(document) + "-bestand")
    _verwijzing(io_el, "archiefvormer", document.organisation.name)
    _beperking(io_el, document.has_personal_data)
    return _tostring(root)


def collection_xml(collection: Collection, documents: list[Document]) -> bytes:
    """The collection as an aggregate: B when any of its kept parts is B, else V."""
    root, io_el = _object("informatieobject", collection_identifier(collection), collection.name)
    _begrip(io_el, "aggregatieniveau", "Serie", "", AGGREGATIENIVEAUS)
    if collection.description.strip():
        _el(io_el, "omschrijving", collection.description.strip())
    permanent = any(
        d.category is None or d.category.waardering == Waardering.BEWAREN for d in documents
    )
    _waardering(io_el, Waardering.BEWAREN if permanent else Waardering.VERNIETIGEN)
    for doc in documents:
        _verwijzing(io_el, "bevatOnderdeel", _title(doc), identifier(doc))
    _verwijzing(io_el, "archiefvormer", collection.organisation.name)
    _beperking(io_el, any(d.has_personal_data for d in documents))
    return _tostring(root)


def bestand_xml(
    document: Document, file_format: pronom.Format, sha256: str, size: int, checked_at: Any = None
) -> bytes:
    """The ``bestand`` of a document: size, PRONOM format and the checksum of the stored file."""
    root, b = _object("bestand", identifier(document) + "-bestand", file_name(document))
    _el(b, "omvang", str(size))
    _begrip(b, "bestandsformaat", file_format.label, file_format.puid, file_format.registry)
    checksum = _el(b, "checksum")
    _begrip(checksum, "checksumAlgoritme", "SHA-256", "SHA-256", CHECKSUMALGORITMEN)
    _el(checksum, "checksumWaarde", sha256)
    _el(checksum, "checksumDatum", _timestamp(checked_at or document.imported_at))
    _verwijzing(b, "isRepresentatieVan", _title(document), identifier(document))
    return _tostring(root)


def file_name(document: Document) -> str:
    """The file's name in the export and in its ``bestand``: the same safe name as a download
    (no path, no control or direction characters, bounded length, the detected type's
    extension), never the name as it came in."""
    return safe_name(document.name, document.detected_type)


def kept_documents(collection: Collection) -> Any:
    return (
        Document.objects.filter(
            collection=collection, decision=Decision.KEEP, destroyed_at__isnull=True
        )
        .select_related("category", "category__organisation", "organisation", "collection")
        .order_by("path", "pk")
    )


def _copy_and_hash(document: Document, zf: zipfile.ZipFile, arcname: str) -> tuple[str, int]:
    digest = hashlib.sha256()
    size = 0
    with document.file.open("rb") as src, zf.open(arcname, "w") as dst:
        while chunk := src.read(COPY_CHUNK):
            digest.update(chunk)
            size += len(chunk)
            dst.write(chunk)
    return digest.hexdigest(), size


def _identify(document: Document) -> pronom.Format:
    with document.file.open("rb") as fh:
        return pronom.identify(document.detected_type, fh)


def _checked(name: str, xml: bytes, label: str) -> bytes:
    """``xml`` when it fits the official MDTO schema; otherwise the export stops."""
    try:
        validate(xml)
    except etree.DocumentInvalid as exc:
        # The schema's messages quote element values (names, titles): position and kind only.
        first = exc.error_log[0] if len(exc.error_log) else None
        logger.error(
            "MDTO for %s does not validate: %d errors, first %s at line %s",
            name,
            len(exc.error_log),
            getattr(first, "type_name", "?"),
            getattr(first, "line", "?"),
        )
        raise ValidationError(
            _(
                "De MDTO-gegevens van %(name)s voldoen niet aan het MDTO-schema. De export is "
                "gestopt; meld dit bij de beheerder van Talentbrug."
            )
            % {"name": label}
        ) from exc
    return xml


def export_kept_documents(collection: Collection, user: Any = None) -> IO[bytes]:
    """A ZIP with the kept files and their MDTO XML (a temporary file).

    Refuses (ValidationError) when there is nothing to export, when a stored file no longer
    matches the checksum taken at import, or when any XML does not fit the MDTO schema.
    """
    documents = list(kept_documents(collection))
    if not documents:
        raise ValidationError(_("Er zijn nog geen bewaarde documenten om te exporteren."))
    collection_id = collection_identifier(collection)
    out = tempfile.TemporaryFile()  # noqa: SIM115 - returned to the caller
    try:
        with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as zf:
            name = f"{collection_id}.mdto.xml"
            zf.writestr(
                name, _checked(name, collection_xml(collection, documents), collection.name)
            )
            for doc in documents:
                _export_document(zf, doc, collection_id)
    except BaseException:
        out.close()
        raise
    record_event(
        "records.mdto_exported",
        actor=user,
        organisation=collection.organisation,
        obj=collection,
        count=len(documents),
    )
    out.seek(0)
    return out


def _export_document(zf: zipfile.ZipFile, doc: Document, collection_id: str) -> None:
    base = identifier(doc)
    label = doc.path or doc.name
    name = f"{base}/{base}.mdto.xml"
    zf.writestr(name, _checked(name, informatieobject_xml(doc, collection_id), label))
    if not doc.file:
        return
    sha256, size = _copy_and_hash(doc, zf, f"{base}/{file_name(doc)}")
    if doc.sha256 and doc.sha256 != sha256:
        raise ValidationError(
            _(
                "Het bewaarde bestand %(name)s is veranderd sinds het is ingelezen (het "
                "controlegetal klopt niet). De export is gestopt; meld dit bij de beheerder van "
                "Talentbrug."
            )
            % {"name": label}
        )
    checked_at = None if doc.sha256 else timezone.now()
    name = f"{base}/{base}-bestand.mdto.xml"
    xml = bestand_xml(doc, _identify(doc), sha256, size, checked_at)
    zf.writestr(name, _checked(name, xml, label))


_local = threading.local()


def _schema(path: Path) -> etree.XMLSchema:
    """The parsed schema, once per thread (lxml validators are not shared between threads)."""
    schemas = _local.__dict__.setdefault("schemas", {})
    if path not in schemas:
        schemas[path] = etree.XMLSchema(etree.parse(str(path)))
    return schemas[path]


def validate(xml: bytes, schema_path: Path = SCHEMA_PATH) -> None:
    """Raise ``etree.DocumentInvalid`` when ``xml`` does not fit the official MDTO schema."""
    _schema(schema_path).assertValid(etree.fromstring(xml))
