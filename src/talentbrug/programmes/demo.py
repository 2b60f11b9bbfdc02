"""Demo programmes: the Logius lichting with rotations, DICTU's five BBL places with ROC
Rijnland, a real assignment for a class, and Zakaria's learn-work track. Fictitious only."""

from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from typing import Any

from django.utils import timezone

from . import services
from .constants import CohortKind, PlacementKind

ROTATION_TEAMS = ["Beheer DigiD", "Servicedesk", "Monitoring", "Koppelingen"]
# The begeleider in each rotation team (fictitious colleagues).
ROTATION_SUPERVISORS = {
    "Beheer DigiD": "Marieke de Wit",
    "Servicedesk": "Youssef Benali",
    "Monitoring": "Jeroen Kuipers",
    "Koppelingen": "Sevda Yilmaz",
}


def _internship_vacancy(place: Any, users: dict[str, Any]) -> Any:
    """The Webteam internship: opened from the place, support planned in the vacancy (buddy,
    an external language coach, the place's praktijkopleider), published."""
    from talentbrug.vacancies import services as vacancies

    hr, reviewer = users["hr.dictu"], users["hr.multi"]
    vacancy = services.open_vacancy_for_placement(place, user=hr, roles={"hr_adviser"})
    vacancy.title = "Stagiair webontwikkeling (mbo 4)"
    vacancy.closing_date = timezone.localdate() + timedelta(days=30)
    vacancy.hours_min, vacancy.hours_max = 24, 32
    vacancy.location, vacancy.region = "Apeldoorn", "Gelderland"
    vacancy.scale_min = vacancy.scale_max = 4
    vacancy.contact_name = "Sanne de Vries, HR-adviseur"
    vacancy.contact_email = "werkenbij@dictu.example"
    vacancy.tasks_text = (
        "<p>Je bouwt mee aan de websites van de Rijksoverheid. Je maakt formulieren die "
        "iedereen kan gebruiken, ook met een schermlezer. Je test je werk met het team.</p>"
    )
    vacancy.requirements_text = (
        "<p>Je doet de mbo-opleiding Software developer. Je vindt het leuk om te bouwen en "
        "je vraagt het als je iets niet weet.</p>"
    )
    vacancy.offer_text = (
        "<p>Een stage van 20 weken met stagevergoeding. Op maandag en donderdag ga je naar "
        "school.</p>"
    )
    vacancy.guidance_text = (
        "<p>Je krijgt een buddy en een praktijkopleider. Wil je beter Nederlands leren? "
        "Dan helpt een taalcoach van het Taalhuis je.</p>"
    )
    vacancy.workplace_text = "<p>Het Webteam van DICTU in Apeldoorn: twaalf collega's.</p>"
    vacancy.offers_buddy = True
    vacancy.buddy_person = users["archief.dictu"]
    vacancy.offers_language_coach = True
    vacancy.language_coach_external_name = "Ingrid Taalhuis"
    vacancy.language_coach_external_organisation = "Taalhuis Apeldoorn"
    vacancy.language_coach_external_email = "taalcoach@voorbeeld.example"
    vacancy.hiring_manager = users["manager.dictu"]
    vacancy.first_day_place = "Webteam, Europaweg 12, Apeldoorn. Meld je bij de receptie."
    vacancy.first_day_time = "9.00 uur"
    vacancy.first_day_ask_for = "Mohamed El Amrani (praktijkopleider)"
    vacancy.apply_routes = ["cv", "no_cv"]
    vacancy.save()
    for move, actor in (("submit", hr), ("approve", reviewer), ("publish", hr)):
        vacancies.transition(vacancy, move, user=actor, roles={"hr_adviser"})
    return vacancy


def seed(context: dict[str, Any]) -> None:
    today = timezone.localdate()
    organisations, users = context["organisations"], context["users"]
    onboarding = context["onboarding"]
    dictu, logius = organisations["dictu"], organisations["logius"]

    # Logius: a lichting of eight, six months, rotations of about two months.
    start = onboarding["trainee_start"]
    cohort = services.save_cohort(
        None,
        organisation=logius,
        user=users["hr.logius"],
        data={
            "name": "Lichting 2026-1",
            "kind": CohortKind.TRAINEE,
            "starts_on": start,
            "ends_on": start + timedelta(days=182),
            "capacity": 8,
            "description": "Acht ICT-trainees uit het mbo die samen beginnen en elkaar steunen.",
        },
    )
    for index, plan in enumerate(onboarding["trainees"]):
        services.add_member(cohort, plan, organisation=logius, user=users["hr.logius"])
        for block in range(3):
            services.add_rotation(
                cohort,
                organisation=logius,
                user=users["hr.logius"],
                data={
                    "plan": plan,
                    "team": (team := ROTATION_TEAMS[(index + block) % len(ROTATION_TEAMS)]),
                    "starts_on": start + timedelta(days=block * 60),
                    "ends_on": start + timedelta(days=block * 60 + 59),
                    "supervisor_name": ROTATION_SUPERVISORS[team],
                },
            )

    # DICTU: ROC Rijnland and five BBL places (continuously).
    roc = services.save_school(
        None,
        organisation=dictu,
        user=users["inwerken.dictu"],
        data={
            "name": "ROC Rijnland",
            "region": "Leiden en omgeving",
            "contact_name": "Petra Smits (praktijkbegeleider)",
            "contact_email": "praktijk@roc-rijnland.example",
            "contact_phone": "071 000 00 00",
            "programmes_offered": "Expert IT systems and devices (crebo 25604), niveau 4\n"
            "Allround medewerker IT systems and devices (crebo 25605), niveau 3",
            "website": "",
        },
    )
    base = {
        "kind": PlacementKind.BBL,
        "school": roc,
        "programme_name": "Expert IT systems and devices",
        "crebo_code": "25604",
        "level": 4,
        "school_days": "dinsdag",
        "supervisor": users["beoordelaar.dictu"],
        "school_contact_name": "Petra Smits",
        "school_contact_email": "praktijk@roc-rijnland.example",
        "notes": "",
    }
    places = []
    teams = ["On-site Support", "Servicedesk", "Werkplekbeheer", "Netwerkbeheer", "Servicedesk"]
    for index, team in enumerate(teams):
        places.append(
            services.save_placement(
                None,
                organisation=dictu,
                user=users["inwerken.dictu"],
                data={
                    **base,
                    "team": team,
                    "available_from": today - timedelta(days=30)
                    if index != 4
                    else today + timedelta(days=90),
                    "pok_start": None,
                    "pok_end": None,
                },
            )
        )
    # Two internship (BOL) places: the Webteam one got a vacancy and the selection demo hires
    # an intern through it; the Data one is free ("Open een vacature voor deze plek").
    internship = {
        **base,
        "kind": PlacementKind.BOL,
        "programme_name": "Software developer",
        "crebo_code": "25998",
        "school_days": "maandag en donderdag",
        "available_from": today + timedelta(days=14),
        "pok_start": today + timedelta(days=14),
        "pok_end": today + timedelta(days=14 + 140),
    }
    web_place = services.save_placement(
        None,
        organisation=dictu,
        user=users["inwerken.dictu"],
        data={**internship, "team": "Webteam", "supervisor": users["manager.dictu"]},
    )
    services.save_placement(
        None,
        organisation=dictu,
        user=users["inwerken.dictu"],
        data={
            **internship,
            "team": "Data en analyse",
            "programme_name": "Expert IT systems and devices",
            "crebo_code": "25604",
            "pok_start": None,
            "pok_end": None,
        },
    )
    context["internship_vacancy"] = _internship_vacancy(web_place, users)
    # The BBL role carved from the servicedesk vacancy fills the Werkplekbeheer place: the
    # selection demo hires a student through it (the place then shows the person).
    carved = context.get("vacancies", {}).get("carved")
    if carved is not None:
        places[2].vacancy = carved
        places[2].save(update_fields=["vacancy"])
    new_place, old_place = places[0], places[1]
    new_place.pok_start = onboarding["bbl_new"].start_date
    new_place.pok_end = onboarding["bbl_new"].start_date + timedelta(days=3 * 365)
    new_place.save()
    services.fill_placement(new_place, onboarding["bbl_new"], user=users["inwerken.dictu"])
    old_place.pok_start = onboarding["bbl_old"].start_date
    old_place.pok_end = today + timedelta(days=40)
    old_place.save()
    services.fill_placement(old_place, onboarding["bbl_old"], user=users["inwerken.dictu"])
    services.add_school_evaluation(
        new_place,
        user=users["inwerken.dictu"],
        planned_on=today + timedelta(days=45),
        notes="Eerste voortgangsgesprek met student en school.",
    )
    assignment = services.add_assignment(
        roc,
        user=users["inwerken.dictu"],
        data={
            "title": "Bouw een dashboard voor storingen op de servicedesk",
            "description": "Een echte vraag van ons team: welke storingen komen het vaakst voor?",
            "class_group": "Expert IT systems and devices, jaar 2",
            "starts_on": today + timedelta(days=21),
        },
    )
    services.transition_assignment(assignment, "offer", user=users["inwerken.dictu"])

    # Zakaria: a learn-work track with language training and the municipality.
    services.save_track(
        None,
        organisation=dictu,
        user=users["inwerken.dictu"],
        data={
            "plan": onboarding["zakaria"],
            "job_coach_name": "Ruud Jobcoach",
            "job_coach_email": "jobcoach@voorbeeld.example",
            "municipality": "Apeldoorn",
            "municipality_contact_name": "Consulent werk en inkomen",
            "municipality_contact_email": "werk@gemeente.example",
            "language_hours_per_week": Decimal("4.0"),
            "starts_on": onboarding["zakaria"].start_date,
            "ends_on": onboarding["zakaria"].start_date + timedelta(days=365),
            "notes": "Taaltraining op dinsdagmiddag, onder werktijd.",
        },
    )
