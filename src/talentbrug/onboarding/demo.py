"""Demo onboarding: Zakaria with a language coach and a buddy, BBL students at DICTU and a
Logius lichting of eight trainees. Fictitious people only; dates relative to today."""

from __future__ import annotations

import random
from datetime import timedelta
from typing import Any

from django.utils import timezone

from .constants import FormKind, Need, OwnerRole, ProgrammeKind, TaskStatus
from .models import OnboardingPlan
from .services import checkins, evaluations, plan_tasks, plans, templates
from .workdays import add_working_days, week_start

TRAINEES = [
    "Daan Bakker",
    "Yara El Idrissi",
    "Mehmet Kaya",
    "Sanne Groen",
    "Tesfay Gebremedhin",
    "Lisa Vos",
    "Rachid Amrani",
    "Noa Pinas",
]

LOW_MOOD_TRAINEE = "Tesfay Gebremedhin"

SURPRISES = [
    "Iedereen gebruikt afkortingen. In de eerste week verstond ik de helft niet.",
    "Je noemt je leidinggevende gewoon bij de voornaam en zegt je mening.",
    "Vergaderingen beginnen precies op tijd, en iedereen heeft een volle agenda.",
    "Na een overleg is er vaak nog geen besluit: eerst iedereen horen.",
    "Om twaalf uur gaat iedereen tegelijk lunchen, met een boterham.",
]


def _finish_past_tasks(plan: OnboardingPlan, today: Any, keep_open: set[str] = frozenset()) -> None:
    for task in plan.tasks.filter(status=TaskStatus.OPEN, due_date__lt=today - timedelta(days=1)):
        if task.title in keep_open or task.form_kind:
            continue
        plan_tasks.complete_task(task)


def _checkins(plan: OnboardingPlan, moods: list[int], today: Any) -> None:
    monday = week_start(plan.start_date)
    for mood in moods:
        day = max(monday + timedelta(days=3), plan.start_date)  # not before the first day
        if week_start(day) >= week_start(today):
            break
        checkins.submit_checkin(
            plan,
            {
                "mood": mood,
                "went_well": "Ik heb veel collega's leren kennen." if mood >= 4 else "",
                "was_hard": "De vaktermen en de afkortingen." if mood <= 3 else "",
                "needs_help": "",
            },
            today=day,
        )
        monday += timedelta(days=7)


def _varied_moods(name: str, weeks: int) -> list[int]:
    """A believable week-by-week mood per person: a small random walk, not a fixed pattern.

    Seeded by the name, so the demo is the same on every machine. One trainee has a hard
    last week (a low mood that asks the coordinator's attention).
    """
    rng = random.Random(f"talentbrug-demo-{name}")
    mood, moods = rng.choice([3, 4, 4, 5]), []
    for _week in range(weeks):
        moods.append(mood)
        mood = min(5, max(2, mood + rng.choice([-1, 0, 0, 1])))
    if name == LOW_MOOD_TRAINEE:
        moods[-1] = 2
    return moods


def seed(context: dict[str, Any]) -> None:
    today = timezone.localdate()
    organisations = context["organisations"]
    users = context["users"]
    for organisation in organisations.values():
        templates.ensure_default_templates(organisation)
    dictu, logius = organisations["dictu"], organisations["logius"]

    # Zakaria: ICT integration specialist, with a buddy (colleague) and an external language coach.
    zakaria = plans.start_onboarding(
        organisation=dictu,
        name="Zakaria Haddad",
        email="zakaria.haddad@voorbeeld.example",
        preferred_language="nl",
        start_date=add_working_days(today, -16),
        template=templates.template_for(dictu, ProgrammeKind.LANGUAGE_COACH),
        manager=users["manager.dictu"],
        hr_contact=users["hr.dictu"],
        buddy=users["archief.dictu"],
        language_coach={"name": "Ingrid Taalhuis", "email": "taalcoach@voorbeeld.example"},
        job_title="Integratiespecialist",
        team="Team Integratie",
        first_day_place="Hoofdingang, Europaweg 12, Apeldoorn. Meld je bij de receptie.",
        first_day_time="9.00 uur",
        first_day_ask_for="Mohamed El Amrani",
        created_by=users["inwerken.dictu"],
        send_link=False,
    )
    plans.start_plan(zakaria)
    checkins.submit_intake(
        zakaria,
        {
            "expectations": "Duidelijke afspraken en iemand die ik alles mag vragen.",
            "wants_to_learn": "Het beheer van de koppelingen en zakelijke e-mails schrijven.",
            "needs": [Need.LANGUAGE, Need.PRAYER_ROOM],
            "hours_wish": "36 uur; op vrijdag tussen de middag even weg.",
        },
    )
    checkins.save_manager_expectations(
        zakaria,
        user=users["manager.dictu"],
        text="Na drie maanden los je zelf storingen op in de koppelingen. Vraag veel, ook in het Engels.",
    )
    _finish_past_tasks(zakaria, today, keep_open={"Loop een dag mee met een ander team"})
    _checkins(zakaria, [3, 4, 4], today)
    evaluations.add_goal(zakaria, title="Zelf een zakelijke e-mail aan een klant schrijven")
    evaluations.add_goal(zakaria, title="De monitoring van de koppelingen zelf doen")

    # A BBL student who starts in a few days, and one who is almost done.
    bbl_template = templates.template_for(dictu, ProgrammeKind.BBL)
    bbl_new = plans.start_onboarding(
        organisation=dictu,
        name="Bram Verhoef",
        email="bram.verhoef@voorbeeld.example",
        preferred_language="nl",
        start_date=add_working_days(today, 3),
        template=bbl_template,
        manager=users["manager.dictu"],
        bbl_supervisor=users["beoordelaar.dictu"],
        hr_contact=users["hr.dictu"],
        job_title="BBL-student Expert IT systems and devices",
        team="On-site Support",
        first_day_place="Servicedesk On-site Support, Den Haag",
        first_day_time="8.30 uur",
        first_day_ask_for="Eva Jansen (praktijkopleider)",
        created_by=users["inwerken.dictu"],
        send_link=False,
    )
    bbl_old = plans.start_onboarding(
        organisation=dictu,
        name="Noah de Groot",
        email="noah.degroot@voorbeeld.example",
        preferred_language="nl",
        start_date=add_working_days(today, -200),
        template=bbl_template,
        manager=users["manager.dictu"],
        bbl_supervisor=users["beoordelaar.dictu"],
        job_title="BBL-student ICT-beheer",
        team="Servicedesk",
        created_by=users["inwerken.dictu"],
        send_link=False,
    )
    plans.start_plan(bbl_old)
    for task in bbl_old.tasks.filter(status=TaskStatus.OPEN, due_date__lt=today):
        if task.owner_role == OwnerRole.NEW_HIRE or task.form_kind == FormKind.CHECKIN:
            plan_tasks.complete_task(task, via="portal")
        else:
            plan_tasks.complete_task(task)

    # Logius: a lichting of eight trainees who started together five weeks ago.
    trainee_template = templates.template_for(logius, ProgrammeKind.TRAINEE)
    start = add_working_days(week_start(today) - timedelta(days=35), 0)
    trainees = []
    for index, name in enumerate(TRAINEES):
        plan = plans.start_onboarding(
            organisation=logius,
            name=name,
            email=f"trainee{index + 1}@voorbeeld.example",
            preferred_language="nl",
            start_date=start,
            template=trainee_template,
            manager=users["manager.logius"],
            hr_contact=users["hr.logius"],
            job_title="ICT-trainee",
            team="Traineeship DigiD",
            created_by=users["hr.logius"],
            send_link=False,
        )
        plans.start_plan(plan)
        _finish_past_tasks(plan, today)
        _checkins(plan, _varied_moods(name, weeks=5), today)
        if index < 6:
            checkins.submit_surprises(plan, SURPRISES[: 3 + index % 3])
        trainees.append(plan)

    context["onboarding"] = {
        "zakaria": zakaria,
        "bbl_new": bbl_new,
        "bbl_old": bbl_old,
        "trainees": trainees,
        "trainee_start": start,
    }
