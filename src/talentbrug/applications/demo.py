"""Demo applications on the published servicedesk vacancy, by fictitious candidates."""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from .constants import Route
from .forms.fields import TALENT_POOL_TEXT
from .models import Education, LanguageProficiency, RecruitmentDay, Slot, WorkSampleAssignment
from .services import questions, submission
from .uploads import check_document

CV_RAMI = """Rami Haddad
Apeldoorn

Werkervaring
2016 - 2021: Medewerker helpdesk bij een internetbedrijf in Damascus, Syrië.
Ik hielp klanten aan de telefoon met storingen. Ik deed netwerkbeheer voor kleine kantoren.
2023 - nu: Vrijwilliger bij het Repair Café in Apeldoorn. Ik repareer laptops.

Opleiding
Bachelor informatica, Universiteit van Damascus (IDW-diplomawaardering: hbo-bachelor).

Talen
Arabisch, Engels (goed), Nederlands (B1, staatsexamen NT2 programma I).
"""


def _key(name: str) -> uuid.UUID:
    return uuid.uuid5(uuid.NAMESPACE_URL, f"talentbrug-demo-application-{name}")


def seed(context: dict[str, Any]) -> None:
    vacancy = context.get("vacancies", {}).get("servicedesk")
    if vacancy is None:  # the vacancies demo changed: nothing to apply to
        return
    vacancy.refresh_from_db()  # the object in the context may predate its publication
    if Route.WORK_SAMPLE not in (vacancy.apply_routes or []):
        vacancy.apply_routes = [*vacancy.apply_routes, Route.WORK_SAMPLE.value]
        vacancy.save(update_fields=["apply_routes"])
    now = timezone.now()
    day = RecruitmentDay.objects.create(
        vacancy=vacancy,
        title="Wervingsdag servicedesk Apeldoorn",
        description="Je maakt kennis met het team. Je doet een korte oefening aan de telefoon. "
        "Daarna drinken we koffie en kun je vragen stellen.",
        address_text="Kennedylaan 2, Apeldoorn. Vanaf station Apeldoorn is het 10 minuten lopen. "
        "De ingang is aan de achterkant van het gebouw. Meld je bij de balie op de begane grond.",
    )
    start = (timezone.localtime(now) + timedelta(days=14)).replace(
        hour=9, minute=30, second=0, microsecond=0
    )
    slots = [
        Slot.objects.create(
            day=day,
            starts_at=start + timedelta(hours=3 * i),
            ends_at=start + timedelta(hours=3 * i + 2),
            capacity=capacity,
        )
        for i, capacity in enumerate((8, 8))
    ]
    WorkSampleAssignment.objects.create(
        vacancy=vacancy,
        title="Schrijf een korte handleiding",
        instructions="Een collega weet niet hoe hij zijn wachtwoord verandert. "
        "Schrijf in maximaal 10 korte zinnen hoe hij dat doet. "
        "Je mag een schermafbeelding of een link toevoegen. Het gaat om duidelijke uitleg, niet om perfect Nederlands.",
        deadline=now + timedelta(days=21),
    )

    cv = SimpleUploadedFile("cv-rami-haddad.txt", CV_RAMI.encode(), content_type="text/plain")
    rami, _ = submission.apply(
        vacancy,
        submission.ApplyData(
            route=Route.CV,
            name="Rami Haddad",
            email="rami.haddad@voorbeeld.nl",
            preferred_language="ar",
            right_to_work="yes",
            wants_language_coach=True,
            motivation="Ik help graag mensen met hun computer. Ik wil mijn Nederlands verder verbeteren.",
            files=[("cv", cv, check_document(cv))],
            idempotency_key=_key("rami"),
        ),
    )
    Education.objects.create(
        candidate=rami.candidate,
        country="Syrië",
        institution="Universiteit van Damascus",
        programme="Informatica",
        level="6",
        level_source="idw_received",
        evaluation_reference="IDW-2025-118734",
        evaluation_date=timezone.localdate() - timedelta(days=140),
    )
    LanguageProficiency.objects.create(
        candidate=rami.candidate,
        language="nl",
        skill="speaking",
        level="B1",
        evidence="nt2_diploma",
    )

    submission.apply(
        vacancy,
        submission.ApplyData(
            route=Route.NO_CV,
            name="Selam Tesfay",
            email="selam.tesfay@voorbeeld.nl",
            preferred_language="ti",
            right_to_work="yes",
            wants_buddy=True,
            experience_title="Telefoons en laptops repareren",
            experience_country="Eritrea",
            experience_abroad=True,
            experience_unpaid=True,
            experience_text="In Asmara repareerde ik telefoons en laptops voor familie en buren. "
            "Ik legde uit hoe ze hun telefoon veilig gebruiken.",
            can_do_text="Ik kan goed klanten helpen. Ik blijf rustig als iemand boos is.",
            idempotency_key=_key("selam"),
        ),
    )

    daan, _ = submission.apply(
        vacancy,
        submission.ApplyData(
            route=Route.RECRUITMENT_DAY,
            name="Daan Visser",
            email="daan.visser@voorbeeld.nl",
            preferred_language="nl",
            right_to_work="yes",
            motivation="Ik zit in het laatste jaar van mbo 4 ICT-support (BBL). Ik zoek een baan na mijn diploma.",
            slot_id=slots[0].pk,
            talent_pool_consent=True,
            consent_text=services_text(),
            idempotency_key=_key("daan"),
        ),
    )
    Education.objects.create(
        candidate=daan.candidate,
        country="Nederland",
        institution="Aventus Apeldoorn",
        programme="Expert IT systems and devices",
        level="4",
        level_source="self_declared",
        completed=False,
        crebo="25604",
        mbo_level=4,
        mbo_path="bbl",
        expected_graduation=(now + timedelta(days=120)).date(),
    )

    submission.apply(
        vacancy,
        submission.ApplyData(
            route=Route.VIDEO,
            name="Elif Yılmaz",
            email="elif.yilmaz@voorbeeld.nl",
            preferred_language="tr",
            right_to_work="yes",
            motivation="Ik maak liever geen video. Ik werkte vier jaar bij een callcenter in Izmir. "
            "Daar hielp ik klanten met hun internetverbinding. Nu woon ik in Deventer.",
            idempotency_key=_key("elif"),
        ),
    )
    hr = (context.get("users") or {}).get("hr.dictu")
    if hr is not None:
        # An open question from HR, so the candidate's question page has something to show.
        questions.ask_question(
            rami,
            "Je schrijft dat je bij een telecomwinkel werkte. Hoe lang werkte je daar, "
            "en hielp je klanten ook aan de telefoon?",
            actor=hr,
            organisation=vacancy.organisation,
        )
    context["applications"] = {"rami": rami, "daan": daan, "recruitment_day": day}


def services_text() -> str:

    return str(TALENT_POOL_TEXT)
