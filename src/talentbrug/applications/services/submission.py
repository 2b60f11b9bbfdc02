"""Applying: the data of an application, the routes a vacancy offers, storing an application."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any

from django.db import IntegrityError, models, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from talentbrug.audit.services import record_event
from talentbrug.vacancies.constants import VacancyStatus

from .. import tasks
from ..constants import (
    DocumentKind,
    EducationSource,
    Route,
    SkillSource,
)
from ..models import (
    Application,
    Candidate,
    Document,
    Education,
    Experience,
    Slot,
    WorkSampleAssignment,
    WorkSampleSubmission,
)
from ..uploads import CheckedFile, clean_text
from .booking import book_slot
from .consent import give_consent
from .documents import delete_files, store_document
from .errors import ApplyError
from .mail import queue_candidate_email


@dataclass
class ApplyData:
    """Everything the apply form collected, already cleaned by the form."""

    route: str
    name: str
    email: str
    phone: str = ""
    preferred_language: str = "nl"
    right_to_work: str = "unknown"
    wants_buddy: bool = False
    wants_language_coach: bool = False
    accommodations: str = ""
    hours_per_week: int | None = None
    available_from: Any = None  # datetime.date or None
    motivation: str = ""
    talent_pool_consent: bool = False
    consent_text: str = ""
    idempotency_key: uuid.UUID = field(default_factory=uuid.uuid4)
    channel: Any = None  # publishing.Channel or None
    # files: (kind, upload, checked) -- checked by uploads.check_* before
    files: list[tuple[str, Any, CheckedFile]] = field(default_factory=list)
    # no-CV route
    experience_title: str = ""
    experience_country: str = ""
    experience_abroad: bool = False
    experience_unpaid: bool = False
    experience_text: str = ""
    can_do_text: str = ""
    # work sample
    work_sample_text: str = ""
    work_sample_link: str = ""
    # recruitment day
    slot_id: int | None = None
    # highest diploma (optional); a foreign one with its evaluation (the PDF is in files)
    diploma_programme: str = ""
    diploma_level: str = ""
    diploma_country: str = ""
    diploma_source: str = ""
    evaluation_reference: str = ""
    evaluation_date: Any = None  # datetime.date or None


def normalise_email(email: str) -> str:
    return clean_text(email, 254).lower()


def routes_for(vacancy: Any) -> list[str]:
    """The routes this vacancy offers, in our order; a work sample needs an assignment."""
    offered = set(vacancy.apply_routes or [])
    routes = [route for route in Route.values if route in offered]
    if Route.WORK_SAMPLE in routes and current_assignment(vacancy) is None:
        routes.remove(Route.WORK_SAMPLE)
    if Route.RECRUITMENT_DAY in routes and not open_slots(vacancy).exists():
        routes.remove(Route.RECRUITMENT_DAY)
    return routes


def current_assignment(vacancy: Any) -> WorkSampleAssignment | None:
    return (
        WorkSampleAssignment.objects.filter(vacancy=vacancy, deadline__gt=timezone.now())
        .order_by("deadline")
        .first()
    )


def open_slots(vacancy: Any) -> models.QuerySet[Slot]:
    return (
        Slot.objects.filter(
            day__vacancy=vacancy, starts_at__gt=timezone.now(), booked_count__lt=F("capacity")
        )
        .select_related("day")
        .order_by("starts_at")
    )


def find_by_idempotency_key(key: uuid.UUID) -> Application | None:
    return Application.objects.filter(idempotency_key=key).first()


def check_open(vacancy: Any, data: ApplyData) -> None:
    """The vacancy takes applications, by this route."""

    if vacancy.status != VacancyStatus.PUBLISHED:
        raise ApplyError(_("Je kunt niet meer solliciteren op deze vacature."))
    if data.route not in routes_for(vacancy):
        raise ApplyError(_("Deze manier van solliciteren kan niet bij deze vacature."))


def apply(vacancy: Any, data: ApplyData) -> tuple[Application, bool]:
    """Store an application and everything with it, in one transaction.

    Returns ``(application, created)``; a repeated form (same idempotency key) returns the
    earlier application with ``created=False``. Raises :class:`ApplyError` (nothing stored).
    """

    earlier = find_by_idempotency_key(data.idempotency_key)
    if earlier is not None:
        return earlier, False
    check_open(vacancy, data)
    stored: list[Document] = []
    try:
        with transaction.atomic():
            application = _apply_in_transaction(vacancy, data, stored)
    except IntegrityError:
        delete_files(stored)
        earlier = find_by_idempotency_key(data.idempotency_key)
        if earlier is not None:
            return earlier, False
        raise
    except Exception:
        delete_files(stored)
        raise
    return application, True


def _apply_in_transaction(vacancy: Any, data: ApplyData, stored: list[Document]) -> Application:
    email = normalise_email(data.email)
    candidate = Candidate.objects.filter(email=email).first()
    if candidate is not None and candidate.merged_into_id:
        candidate = candidate.merged_into
    if candidate is None:
        candidate = Candidate.objects.create(
            email=email,
            name=data.name,
            phone=data.phone,
            preferred_language=data.preferred_language,
            right_to_work=data.right_to_work,
            wants_buddy=data.wants_buddy,
            wants_language_coach=data.wants_language_coach,
            accommodations=data.accommodations,
            hours_per_week=data.hours_per_week,
        )
    else:
        # An existing person: the public form may add, never overwrite what they said before.
        changed = []
        if data.wants_buddy and not candidate.wants_buddy:
            candidate.wants_buddy = True
            changed.append("wants_buddy")
        if data.wants_language_coach and not candidate.wants_language_coach:
            candidate.wants_language_coach = True
            changed.append("wants_language_coach")
        if data.hours_per_week and not candidate.hours_per_week:
            candidate.hours_per_week = data.hours_per_week
            changed.append("hours_per_week")
        if changed:
            candidate.save(update_fields=[*changed, "updated_at"])
    application = Application.objects.create(
        organisation=vacancy.organisation,
        vacancy=vacancy,
        candidate=candidate,
        route=data.route,
        motivation=data.motivation,
        channel=data.channel,
        idempotency_key=data.idempotency_key,
        hours_per_week=data.hours_per_week,
        available_from=data.available_from,
        wants_buddy=data.wants_buddy,
        wants_language_coach=data.wants_language_coach,
        accommodations=data.accommodations,
    )
    for kind, upload, checked in data.files:
        stored.append(store_document(application, kind, upload, checked))
    if data.diploma_programme:
        _add_diploma(application, data, stored)
    if data.route == Route.NO_CV and (data.experience_title or data.experience_text):
        Experience.objects.create(
            candidate=candidate,
            application=application,
            title=data.experience_title or _("Werk"),
            country=data.experience_country,
            abroad=data.experience_abroad,
            unpaid=data.experience_unpaid,
            description=data.experience_text,
        )
    if data.route == Route.WORK_SAMPLE:
        assignment = current_assignment(vacancy)
        if assignment is None:
            raise ApplyError(_("De tijd voor deze opdracht is voorbij."))
        WorkSampleSubmission.objects.create(
            application=application,
            candidate=candidate,
            assignment=assignment,
            text=data.work_sample_text,
            link=data.work_sample_link,
        )
    booking = None
    if data.route == Route.RECRUITMENT_DAY:
        if data.slot_id is None:
            raise ApplyError(_("Kies een tijdslot."), field="slot")
        booking = book_slot(application, data.slot_id)
    if data.talent_pool_consent:
        give_consent(candidate, data.consent_text, data.preferred_language)
    record_event(
        "application.submitted",
        organisation=vacancy.organisation,
        obj=application,
        application=application.pk,
        route=data.route,
    )
    text_for_skills = "\n".join(
        part for part in (data.experience_text, data.can_do_text, data.work_sample_text) if part
    )
    candidate_id, application_id = candidate.pk, application.pk
    document_ids = [doc.pk for doc in stored if doc.kind in (DocumentKind.CV, DocumentKind.OTHER)]

    def after_commit() -> None:

        for document_id in document_ids:
            tasks.extract_document.delay(document_id)
        if text_for_skills:
            tasks.extract_text.delay(candidate_id, text_for_skills, application_id)

    transaction.on_commit(after_commit)
    queue_candidate_email(candidate, "application_received", application)
    if booking is not None:
        queue_candidate_email(candidate, "booking_confirmed", application, booking)
    return application


def _add_diploma(application: Application, data: ApplyData, stored: list[Document]) -> None:
    """The highest diploma from the apply form, with its evaluation PDF when one was sent.
    Only the organisation of this application sees it (``Education.application``)."""
    evaluation = next((d for d in stored if d.kind == DocumentKind.DIPLOMA_EVALUATION), None)
    Education.objects.create(
        candidate=application.candidate,
        application=application,
        programme=data.diploma_programme,
        country=data.diploma_country,
        level=data.diploma_level,
        level_source=data.diploma_source or EducationSource.SELF_DECLARED,
        evaluation_reference=data.evaluation_reference,
        evaluation_date=data.evaluation_date,
        evaluation_document=evaluation,
        completed=True,
        source=SkillSource.CHOSEN,
        confirmed=True,
    )
