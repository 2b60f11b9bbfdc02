"""XML export shaped for Werken voor Nederland: its fields with the CWD and CVG code lists.

One <vacature> per open vacancy: title, placement and closing date, location, werk- en
denkniveau (CWD), hours, salary (scale and amounts), vakgebied (CVG), contract type, the texts
and where to apply. The element names follow the Dutch field names of Werken voor Nederland.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any
from xml.etree import ElementTree as ET

from django.utils import timezone

from talentbrug.vacancies.models import Vacancy

from .facts import public_url
from .jsonld import description_html

# Our contract types in the Werken voor Nederland terms.
CONTRACT_LABELS = {
    "permanent": "Vast",
    "temporary": "Tijdelijk",
    "bbl": "Leer-werkovereenkomst (BBL)",
    "internship": "Stage",
    "traineeship": "Traineeship",
    "learn_work": "Leer-werkovereenkomst",
}


def _text(parent: ET.Element, tag: str, value: Any, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attrs)
    element.text = "" if value is None else str(value)
    return element


def export_xml(
    vacancies: Iterable[Vacancy],
    *,
    absolute: Callable[[str], str],
    salary_for: Callable[[Vacancy], Any],
    apply_url_for: Callable[[Vacancy], str],
) -> bytes:
    root = ET.Element(
        "vacatures",
        {
            "bron": "Talentbrug",
            "gemaakt": timezone.now().astimezone().isoformat(timespec="seconds"),
        },
    )
    for vacancy in vacancies:
        item = ET.SubElement(root, "vacature", {"id": str(vacancy.pk)})
        _text(item, "titel", vacancy.title)
        _text(item, "organisatie", vacancy.organisation.name)
        _text(item, "organisatieCode", vacancy.organisation.slug)
        _text(
            item,
            "plaatsingsdatum",
            vacancy.placement_date.isoformat() if vacancy.placement_date else "",
        )
        _text(
            item, "sluitingsdatum", vacancy.closing_date.isoformat() if vacancy.closing_date else ""
        )
        _text(item, "standplaats", vacancy.location)
        _text(item, "provincie", vacancy.region)
        _text(
            item,
            "werkDenkniveau",
            vacancy.get_werk_denkniveau_display(),
            code=vacancy.werk_denkniveau,
            codelijst="CWD",
        )
        _text(
            item,
            "vakgebied",
            vacancy.get_vakgebied_display(),
            code=vacancy.vakgebied,
            codelijst="CVG",
        )
        hours = ET.SubElement(item, "urenPerWeek")
        _text(hours, "minimum", vacancy.hours_min or "")
        _text(hours, "maximum", vacancy.hours_max or vacancy.hours_min or "")
        salary = ET.SubElement(item, "salaris", {"valuta": "EUR", "periode": "maand"})
        _text(salary, "schaalMinimum", vacancy.scale_min or "")
        _text(salary, "schaalMaximum", vacancy.scale_max or vacancy.scale_min or "")
        amounts = salary_for(vacancy)
        _text(salary, "bedragMinimum", f"{amounts[0]:.2f}" if amounts else "")
        _text(salary, "bedragMaximum", f"{amounts[1]:.2f}" if amounts else "")
        _text(item, "functiegroep", vacancy.fgr_function_group)
        _text(
            item,
            "dienstverband",
            CONTRACT_LABELS.get(vacancy.contract_type, ""),
            code=vacancy.contract_type,
        )
        _text(item, "ervaringGelijkwaardig", "ja" if vacancy.equivalent_by_experience else "nee")
        _text(item, "nederlandsAlsTweedeTaalWelkom", "ja" if vacancy.nt2_welcome else "nee")
        _text(item, "omschrijving", description_html(vacancy))
        _text(item, "contactpersoon", vacancy.contact_name)
        _text(item, "url", absolute(public_url(vacancy)))
        _text(item, "sollicitatieUrl", apply_url_for(vacancy))
        _text(item, "gewijzigd", vacancy.updated_at.isoformat(timespec="seconds"))
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)
