"""Demo vacancies written in real Dutch, built from competences; one is carved from another."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from typing import Any

from django.utils import timezone

from talentbrug.accounts.constants import Role
from talentbrug.taxonomy.models import Occupation, Skill

from . import carving, services
from .constants import ApplyRoute, ContractType, RequirementKind, TargetGroup
from .models import SalaryScale

# Indicative demo amounts (EUR gross per month). Real amounts change yearly: the HR team
# maintains this table in the admin from the current CAO Rijk salary tables.
DEMO_SCALES = {
    4: ("2350", "3000"),
    5: ("2450", "3250"),
    6: ("2600", "3550"),
    7: ("2750", "3950"),
    8: ("2950", "4450"),
    9: ("3250", "5000"),
    10: ("3450", "5500"),
    11: ("4100", "6300"),
}

HR_ROLES = [Role.HR_ADVISER]

SERVICEDESK = {
    "title": "Servicedeskmedewerker ICT",
    "team": "Servicedesk Apeldoorn",
    "contract_type": ContractType.TEMPORARY,
    "target_groups": [TargetGroup.MBO, TargetGroup.NEWCOMERS],
    "fgr_function_group": "Medewerker ICT-beheer",
    "scale_min": 6,
    "scale_max": 8,
    "hours_min": 32,
    "hours_max": 36,
    "location": "Apeldoorn",
    "region": "Gelderland",
    "tasks_text": "<ul><li>Je helpt collega's die bellen of mailen met een vraag over hun laptop of telefoon.</li>"
    "<li>Je zet nieuwe laptops klaar.</li><li>Je legt vragen en oplossingen vast in ons systeem.</li>"
    "<li>Je geeft lastige vragen door aan het juiste team.</li><li>Je schrijft korte handleidingen.</li></ul>",
    "requirements_text": "<p>Je hebt een mbo-opleiding ICT gedaan, of je hebt vergelijkbare ervaring. "
    "Je legt dingen rustig en duidelijk uit.</p>",
    "offer_text": "<p>Je krijgt een contract voor een jaar, met kans op een vast contract. "
    "Je werkt 32 tot 36 uur per week. Je krijgt een laptop en een telefoon.</p>",
    "guidance_text": "<p>Je krijgt een buddy uit het team. Is Nederlands niet je eerste taal? "
    "Dan krijg je een taalcoach. De eerste maand heb je elke week een gesprek met je leidinggevende.</p>",
    "workplace_text": "<p>Je werkt in een team van twaalf mensen. We helpen elkaar en we maken grapjes.</p>",
    "nt2_welcome": True,
    "accommodations_offered": True,
    "contact_name": "Mohamed El Amrani, teamleider servicedesk",
    "contact_email": "servicedesk-werving@voorbeeld.rijksoverheid.example",
    "apply_routes": [ApplyRoute.CV, ApplyRoute.NO_CV, ApplyRoute.VIDEO, ApplyRoute.RECRUITMENT_DAY],
}

BEHEERDER = {
    "title": "Beheerder netwerken",
    "team": "Netwerkbeheer",
    "contract_type": ContractType.PERMANENT,
    "target_groups": [TargetGroup.EVERYONE],
    "scale_min": 9,
    "scale_max": 11,
    "hours_min": 36,
    "hours_max": 36,
    "location": "Den Haag",
    "region": "Zuid-Holland",
    "tasks_text": "<ul><li>Je beheert de netwerken van onze kantoren.</li><li>Je lost storingen op.</li>"
    "<li>Je plaatst en configureert switches en access points.</li><li>Je controleert de monitoring.</li>"
    "<li>Je ontwerpt nieuwe netwerken samen met architecten.</li><li>Je adviseert over beveiliging.</li></ul>",
    "requirements_text": "<p>Je hebt een hbo werk- en denkniveau en minimaal 5 jaar ervaring als netwerkbeheerder. "
    "Je bent stressbestendig en resultaatgericht.</p>",
    "offer_text": "<p>Een vaste baan in schaal 9 tot 11.</p>",
    "guidance_text": "",
    "workplace_text": "<p>Het team zorgt dat ruim 20.000 collega's altijd verbinding hebben.</p>",
    "nt2_welcome": False,
    "accommodations_offered": False,
    "apply_routes": [ApplyRoute.CV],
}


def _skill(label: str) -> Skill | None:
    return (
        Skill.objects.filter(label_nl__iexact=label).first()
        or Skill.objects.filter(search_text__contains=label.lower()).order_by("label_nl").first()
    )


def seed(context: dict[str, Any]) -> None:
    for scale, (low, high) in DEMO_SCALES.items():
        SalaryScale.objects.get_or_create(
            year=timezone.localdate().year,
            scale=scale,
            defaults={"minimum": Decimal(low), "maximum": Decimal(high)},
        )
    dictu = context["organisations"]["dictu"]
    hr = context["users"]["hr.dictu"]
    # Four eyes: another HR adviser of DICTU approves what Sanne wrote.
    reviewer = context["users"]["hr.multi"]
    today = timezone.localdate()

    servicedesk = services.create_vacancy(
        organisation=dictu,
        user=hr,
        roles=HR_ROLES,
        data={**SERVICEDESK, "closing_date": today + timedelta(days=30)},
    )
    for label, kind in [
        ("ICT-gebruikers ondersteunen", RequirementKind.MUST_HAVE),
        ("met klanten communiceren", RequirementKind.MUST_HAVE),
        ("ICT-incidenten beheren", RequirementKind.LEARNABLE),
        ("documentatie schrijven", RequirementKind.LEARNABLE),
    ]:
        skill = _skill(label)
        services.add_requirement(
            servicedesk,
            user=hr,
            roles=HR_ROLES,
            skill=skill,
            free_text="" if skill else label,
            kind=kind,
            evidence=["experience", "work_sample"],
        )
    services.add_language_requirement(
        servicedesk,
        user=hr,
        roles=HR_ROLES,
        language="nl",
        skill="speaking",
        level="B1",
        timing="with_coach",
    )
    for move, actor in (("submit", hr), ("approve", reviewer), ("publish", hr)):
        services.transition(servicedesk, move, user=actor, roles=HR_ROLES)

    beheerder = services.create_vacancy(
        organisation=dictu,
        user=hr,
        roles=HR_ROLES,
        data={**BEHEERDER, "closing_date": today + timedelta(days=21)},
    )
    for label in ("netwerkbeheer", "computernetwerken beheren"):
        skill = _skill(label)
        if skill:
            services.add_requirement(beheerder, user=hr, roles=HR_ROLES, skill=skill)

    # Carve an mbo role out of the network administrator vacancy.
    items = carving.items_from_vacancy(beheerder)
    chosen = {item.key for item in items[:4]}
    levels = {item.key: ("mbo3" if i < 2 else "mbo4") for i, item in enumerate(items)}
    carved = carving.carve_vacancy(
        organisation=dictu,
        user=hr,
        roles=HR_ROLES,
        title="Medewerker netwerkbeheer (mbo 4)",
        items=items,
        chosen_keys=chosen,
        levels=levels,
        source_vacancy=beheerder,
    )
    carved.contract_type = ContractType.BBL
    carved.closing_date = today + timedelta(days=45)
    carved.hours_min, carved.hours_max = 32, 32
    carved.location, carved.region = "Den Haag", "Zuid-Holland"
    carved.scale_min, carved.scale_max = 5, 6
    carved.contact_name = "Sanne de Vries, HR-adviseur"
    carved.offer_text = (
        "<p>Je werkt 4 dagen per week bij ons en je gaat 1 dag per week naar school. "
        "Je krijgt een praktijkopleider.</p>"
    )
    carved.guidance_text = (
        "<p>Je krijgt een buddy en een praktijkopleider. Is Nederlands niet je eerste taal? "
        "Dan krijg je ook een taalcoach.</p>"
    )
    # The support is planned in the vacancy and carried into the plan at hire.
    carved.offers_buddy = True
    carved.offers_bbl_supervisor = True
    # Reserved by name: they arrive in the plan at hire without typing them again.
    carved.buddy_person = context["users"]["inwerken.dictu"]
    carved.bbl_supervisor_person = context["users"]["beoordelaar.dictu"]
    carved.hiring_manager = context["users"]["manager.dictu"]
    carved.first_day_place = "Servicedesk Werkplekbeheer, Europaweg 12, Apeldoorn"
    carved.first_day_time = "8.30 uur"
    carved.first_day_ask_for = "Eva Jansen (praktijkopleider)"
    carved.save()
    # The carved BBL role is published too, so the careers site shows a BBL place.
    for move, actor in (("submit", hr), ("approve", reviewer), ("publish", hr)):
        services.transition(carved, move, user=actor, roles=HR_ROLES)

    occupation = (
        Occupation.objects.filter(is_ict=True, isco_code__startswith="35")
        .order_by("label_nl")
        .first()
    )
    template = services.create_vacancy(
        organisation=dictu,
        user=hr,
        roles=HR_ROLES,
        data={
            **SERVICEDESK,
            "title": "Sjabloon: BBL-plek ICT",
            "contract_type": ContractType.BBL,
            "is_template": True,
        },
    )
    context["vacancies"] = {
        "servicedesk": servicedesk,
        "beheerder": beheerder,
        "carved": carved,
        "template": template,
    }
    context["demo_occupation"] = occupation
