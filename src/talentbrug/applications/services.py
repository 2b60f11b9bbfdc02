"""The only place that changes applications, candidates, bookings and consent.

Views parse input, check access and call these verbs. Each write happens in one
transaction and records an audit event with ids only.

Workflow of ``Application.status`` (extended by the selection issue):

    submitted --withdraw_application--> withdrawn

Every other move raises :class:`InvalidTransition`.
"""

from __future__ import annotations

import hashlib
import logging
import re
import secrets
import time
import uuid
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from dataclasses import fields as dataclass_fields
from datetime import date, timedelta
from typing import Any

from django.core.files.base import File
from django.db import IntegrityError, OperationalError, models, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from talentbrug.accounts.models import Organisation
from talentbrug.audit.services import record_event
from talentbrug.core import jobs
from talentbrug.core.jobs import hold_point
from talentbrug.core.safeparse import analyse
from talentbrug.outbox.services import queue_mail
from talentbrug.taxonomy.models import Skill
from talentbrug.vacancies.constants import VacancyStatus

from . import tasks
from .constants import (
    CANDIDATE_LANGUAGES,
    CONSENT_MONTHS,
    PENDING_APPLICATION_DAYS,
    TALENT_POOL_CONSENT_VERSION,
    ApplicationStatus,
    BookingStatus,
    ConsentKind,
    DeletionRequestStatus,
    DocumentKind,
    EducationSource,
    ExtractionStatus,
    Route,
    SkillSource,
)
from .cvparse import CvStructure, parse_cv
from .emails import build_email
from .models import (
    Application,
    Booking,
    Candidate,
    CandidateSkill,
    Consent,
    DeletionRequest,
    Document,
    Education,
    Experience,
    LanguageProficiency,
    PendingApplication,
    Question,
    Slot,
    WorkSampleAssignment,
    WorkSampleSubmission,
)
from .signals import account_eraser, application_closed, candidate_profile_changed
from .status import status_source
from .uploads import CheckedFile, clean_text

logger = logging.getLogger(__name__)


class ApplyError(Exception):
    """The application cannot be stored; ``message`` is for the candidate."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class SlotFull(ApplyError):
    pass


class InvalidTransition(Exception):
    pass


# What a candidate reads about their application: ``talentbrug.selection.journey`` (one truth).


# --------------------------------------------------------------------------- skills


@dataclass(frozen=True)
class FoundSkill:
    esco_id: str
    label: str
    confidence: float
    text: str


def read_text(text: str) -> Any:
    """Everything the one extraction path (``matches.reader``, registered with
    ``applications.signals.register_text_reader``) finds in ``text``: skills with
    their evidence, languages, education, work periods. Never raises: a failing reader is
    logged and reads nothing."""
    from talentbrug.matching.reading import ProfileReading

    from .signals import text_reader

    reader = text_reader()
    if not text.strip() or reader is None:
        return ProfileReading()
    try:
        return reader(text)
    except Exception as exc:
        # The message may quote the text read (a CV): the kind of error only.
        logger.warning("text reading failed (%s)", type(exc).__name__)
        return ProfileReading()


def extract_skills(text: str) -> list[FoundSkill]:
    """Skills in ``text`` (ESCO ids), each with the sentence it came from as ``text``."""
    return [
        FoundSkill(f.skill_id, f.label, float(f.confidence), f.evidence[:300])
        for f in read_text(text).skills
    ]


def add_found_languages(candidate: Candidate, text: str) -> int:
    """Language levels read from ``text`` (``matching.reading.read_languages``: CEFR codes, NT2
    exams, "moedertaal", "goed", in the six candidate languages), stored unconfirmed with the
    line they came from. A level without a language skill ("Nederlands B1") is stored for all
    four skills. Rows the candidate already has are left alone. Returns the rows added."""
    from talentbrug.matching.reading import read_languages

    from .constants import LanguageEvidence, LanguageSkillChoice

    have = set(candidate.languages.values_list("language", "skill"))
    added = 0
    for found in read_languages(text):
        if not found.level:
            continue
        exam = re.search(r"staatsexamen|nt2", found.evidence, re.IGNORECASE)
        for skill in [found.skill] if found.skill else list(LanguageSkillChoice.values):
            if (found.language, skill) in have:
                continue
            have.add((found.language, skill))
            LanguageProficiency.objects.create(
                candidate=candidate,
                language=found.language,
                skill=skill,
                level=found.level,
                evidence=LanguageEvidence.NT2_DIPLOMA
                if exam and found.language == "nl"
                else LanguageEvidence.SELF_DECLARED,
                source=SkillSource.EXTRACTED,
                confirmed=False,
                evidence_text=found.evidence[:300],
            )
            added += 1
    return added


def scoped_rows(queryset: models.QuerySet[Any], organisation: Any) -> models.QuerySet[Any]:
    """Profile rows (education, experience, skills) an organisation may see: those found or
    entered with an application to that organisation, and those the candidate entered on the
    personal page (``application`` empty; the page says every organisation sees them)."""
    return queryset.filter(
        models.Q(application__isnull=True) | models.Q(application__organisation=organisation)
    )


def profile_for(candidate: Candidate, organisation: Any) -> dict[str, models.QuerySet[Any]]:
    """The candidate's profile as staff of ``organisation`` see it (never another org's rows)."""
    return {
        "skills": scoped_rows(candidate.skills.all(), organisation),
        "experiences": scoped_rows(candidate.experiences.all(), organisation),
        "educations": scoped_rows(
            candidate.educations.select_related("evaluation_document"), organisation
        ),
        # entered or confirmed on the personal page (a level found in a text and not yet
        # confirmed has no application, so no organisation sees it)
        "languages": candidate.languages.filter(confirmed=True),
    }


def _same_scope(queryset: models.QuerySet[Any], application: Application | None) -> Any:
    if application is None:
        return queryset.filter(application__isnull=True)
    return scoped_rows(queryset, application.organisation_id)


def add_found_skills(
    candidate: Candidate, found: Iterable[FoundSkill], application: Application | None = None
) -> int:

    added = 0
    for item in found:
        if _same_scope(candidate.skills.filter(esco_id=item.esco_id), application).exists():
            continue
        CandidateSkill.objects.create(
            candidate=candidate,
            application=application,
            skill=Skill.objects.filter(esco_id=item.esco_id).first(),
            esco_id=item.esco_id,
            label=item.label[:300],
            source=SkillSource.EXTRACTED,
            confirmed=False,
            confidence=item.confidence,
            evidence_text=item.text,
        )
        added += 1
    return added


def extract_document_text(document_id: int) -> None:
    """Read the text of a stored document and add the skills found (runs in a task).

    Idempotent: only a pending document is read, and the result (text, skills, CV entries) is
    written in one transaction that first claims the row (pending → done), so a task that runs
    twice (re-queued by :func:`resume_stale_extractions`) adds nothing twice, and a worker
    killed mid-way leaves the document pending for the periodic job.
    """

    document = (
        Document.objects.filter(pk=document_id, extraction_status=ExtractionStatus.PENDING)
        .select_related("candidate", "application")
        .first()
    )
    if document is None:
        return
    try:
        with document.file.open("rb") as fh:
            result = analyse(fh, name=document.original_name)
        text = result.text
        status = ExtractionStatus.DONE if text.strip() else ExtractionStatus.FAILED
    except Exception as exc:
        # The parser's message (and so a traceback) may quote the file's name or its text:
        # the document's id and the kind of error only.
        logger.warning("document %s could not be read (%s)", document_id, type(exc).__name__)
        text, status = "", ExtractionStatus.FAILED
    hold_point("applications.extraction")  # test-only (kill tests)
    with transaction.atomic():
        claimed = Document.objects.filter(
            pk=document_id, extraction_status=ExtractionStatus.PENDING
        ).update(extracted_text=text[:200_000], extraction_status=status)
        if not claimed:  # another run of this task finished first
            return
        add_found_skills(document.candidate, extract_skills(text), document.application)
        add_found_languages(document.candidate, text)
        if document.kind == DocumentKind.CV and text.strip():
            add_found_entries(document.candidate, parse_cv(text), document.application)


def resume_stale_extractions(now: Any = None) -> dict[str, int]:
    """Periodic job: documents still pending long after they were queued are read again.

    A worker killed mid-way loses its task, and the document would stay "Wordt gelezen" for
    ever. Each new start counts as an attempt; after ``TALENTBRUG_JOB_MAX_ATTEMPTS`` starts the
    status becomes "Niet gelukt", which HR sees with the document.
    """

    pending = Document.objects.filter(extraction_status=ExtractionStatus.PENDING)
    give_up, retry = jobs.claim_stale(
        pending, attempts="extraction_attempts", queued_at="extraction_queued_at", now=now
    )
    failed = pending.filter(pk__in=give_up).update(extraction_status=ExtractionStatus.FAILED)
    for document_id in retry:
        tasks.extract_document.delay(document_id)
    return {"requeued": len(retry), "failed": failed}


def add_found_entries(
    candidate: Candidate, found: CvStructure, application: Application | None = None
) -> tuple[int, int]:
    """Education and experience read from a CV, unconfirmed until the candidate checks them.

    Rows the candidate already has (same programme, or same title and employer) are skipped.
    Returns (educations added, experiences added).
    """

    have_education = {
        e.lower()
        for e in _same_scope(candidate.educations.all(), application).values_list(
            "programme", flat=True
        )
    }
    have_experience = {
        (t.lower(), o.lower())
        for t, o in _same_scope(candidate.experiences.all(), application).values_list(
            "title", "organisation_name"
        )
    }
    educations = experiences = 0
    for item in found.education:
        if item.programme.lower() in have_education:
            continue
        have_education.add(item.programme.lower())
        Education.objects.create(
            candidate=candidate,
            application=application,
            programme=clean_text(item.programme, 200),
            institution=clean_text(item.institution, 200),
            country=clean_text(item.country, 100),
            level=item.level,
            level_source=EducationSource.SELF_DECLARED,
            completed=item.completed,
            crebo=item.crebo,
            mbo_level=item.mbo_level,
            mbo_path=item.mbo_path,
            source=SkillSource.EXTRACTED,
            confirmed=False,
        )
        educations += 1
    for work in found.experience:
        key = (work.title.lower(), work.employer.lower())
        if key in have_experience:
            continue
        have_experience.add(key)
        Experience.objects.create(
            candidate=candidate,
            application=application,
            title=clean_text(work.title, 200),
            organisation_name=clean_text(work.employer, 200),
            country=clean_text(work.country, 100),
            abroad=bool(work.country) and work.country != "Nederland",
            unpaid=work.unpaid,
            start_year=work.start_year,
            end_year=work.end_year,
            source=SkillSource.EXTRACTED,
            confirmed=False,
        )
        experiences += 1
    return educations, experiences


def extract_text_skills(candidate_id: int, text: str, application_id: int | None = None) -> None:
    candidate = Candidate.objects.filter(pk=candidate_id).first()
    application = (
        Application.objects.filter(pk=application_id, candidate_id=candidate_id).first()
        if application_id
        else None
    )
    if candidate is not None:
        add_found_skills(candidate, extract_skills(text), application)
        add_found_languages(candidate, text)


# --------------------------------------------------------------------------- applying


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


def _check_open(vacancy: Any, data: ApplyData) -> None:
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
    _check_open(vacancy, data)
    stored: list[Document] = []
    try:
        with transaction.atomic():
            application = _apply_in_transaction(vacancy, data, stored)
    except IntegrityError:
        _delete_files(stored)
        earlier = find_by_idempotency_key(data.idempotency_key)
        if earlier is not None:
            return earlier, False
        raise
    except Exception:
        _delete_files(stored)
        raise
    return application, True


# --------------------------------------------------------------------------- public form

# ApplyData fields kept in a pending application (files, channel and key have their own columns).
_PENDING_SKIP = {"files", "channel", "idempotency_key"}
# ApplyData dates, kept as ISO text in the pending application's JSON.
_PENDING_DATES = ("available_from", "evaluation_date")


def _hash_token(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def confirm_url(token: str) -> str:
    from django.conf import settings
    from django.urls import reverse

    return settings.SITE_URL + reverse("applications:confirm", kwargs={"token": token})


def submit_application(
    vacancy: Any, data: ApplyData, *, signed_in: Candidate | None = None
) -> tuple[Application | PendingApplication, bool]:
    """The public apply form (every route): store the application, or park it.

    An address that already belongs to a candidate is not proof that this visitor is that
    person. Unless the visitor is signed in to the portal as that candidate, the application
    waits in a :class:`PendingApplication` and a link goes to the address; nothing reaches the
    person's record until the link is followed. The caller answers both cases the same way.
    """
    earlier: Application | PendingApplication | None = (
        find_by_idempotency_key(data.idempotency_key)
        or PendingApplication.objects.filter(idempotency_key=data.idempotency_key).first()
    )
    if earlier is not None:
        return earlier, False
    email = normalise_email(data.email)
    known = Candidate.objects.filter(email=email).exists()
    if not known or (signed_in is not None and signed_in.email == email):
        return apply(vacancy, data)
    return _park_application(vacancy, data, email), True


def _park_application(vacancy: Any, data: ApplyData, email: str) -> PendingApplication:
    from django.core.files.storage import default_storage

    _check_open(vacancy, data)
    if data.route == Route.RECRUITMENT_DAY and data.slot_id is None:
        raise ApplyError(_("Kies een tijdslot."), field="slot")
    payload = {
        f.name: getattr(data, f.name) for f in dataclass_fields(data) if f.name not in _PENDING_SKIP
    }
    for name in _PENDING_DATES:
        value = getattr(data, name)
        payload[name] = value.isoformat() if value else None
    token = secrets.token_urlsafe(32)
    saved: list[str] = []
    try:
        files = []
        for kind, upload, checked in data.files:
            upload.seek(0)
            path = default_storage.save(f"applications/pending/{uuid.uuid4().hex}", File(upload))
            saved.append(path)
            files.append({"kind": kind, "path": path, "checked": asdict(checked)})
        with transaction.atomic():
            pending = PendingApplication.objects.create(
                vacancy=vacancy,
                email=email,
                token_hash=_hash_token(token),
                idempotency_key=data.idempotency_key,
                channel=data.channel,
                data=payload,
                files=files,
                expires_at=timezone.now() + timedelta(days=PENDING_APPLICATION_DAYS),
            )
            record_event(
                "application.pending", organisation=vacancy.organisation, vacancy=vacancy.pk
            )
            _queue_confirmation(pending, token, data.preferred_language)
    except IntegrityError:
        _delete_paths(saved)
        earlier = PendingApplication.objects.filter(idempotency_key=data.idempotency_key).first()
        if earlier is not None:
            return earlier
        raise
    except Exception:
        _delete_paths(saved)
        raise
    return pending


def _queue_confirmation(pending: PendingApplication, token: str, language: str) -> None:
    from django.conf import settings
    from django.core.mail import EmailMessage
    from django.template.loader import render_to_string
    from django.utils import translation

    codes = {code for code, _name in settings.LANGUAGES}
    with translation.override(language if language in codes else settings.LANGUAGE_CODE):
        context = {
            "vacancy": pending.vacancy,
            "confirm_url": confirm_url(token),
            "days": PENDING_APPLICATION_DAYS,
        }
        subject = render_to_string("applications/email/confirm_application_subject.txt", context)
        body = render_to_string("applications/email/confirm_application.txt", context)
    # No candidate on the row: until the address is confirmed, this is not about that person.
    queue_mail(
        EmailMessage(subject=subject, body=body.strip() + "\n", to=[pending.email]),
        kind="applications.confirm_application",
        organisation=pending.vacancy.organisation,
    )


def _delete_paths(paths: Iterable[str]) -> None:
    from django.core.files.storage import default_storage

    for path in paths:
        default_storage.delete(path)


def pending_by_token(token: str) -> PendingApplication | None:
    """The pending application the link belongs to, if it has not expired."""
    return (
        PendingApplication.objects.select_related("vacancy")
        .filter(token_hash=_hash_token(token), expires_at__gt=timezone.now())
        .first()
    )


def confirm_pending_application(token: str) -> Application:
    """The link was followed: store the application as if it came in now, for the person who
    owns the address. Raises :class:`ApplyError` when the link no longer works or the vacancy
    (or time slot) no longer takes it; then nothing changes."""
    from django.core.files.storage import default_storage

    pending = pending_by_token(token)
    if pending is None:
        raise ApplyError(_("Deze link werkt niet meer. Solliciteer opnieuw."))
    payload = dict(pending.data)
    for name in _PENDING_DATES:
        value = payload.get(name)
        payload[name] = date.fromisoformat(value) if value else None
    opened = [
        (item["kind"], default_storage.open(item["path"], "rb"), CheckedFile(**item["checked"]))
        for item in pending.files
    ]
    data = ApplyData(
        **payload,
        idempotency_key=pending.idempotency_key,
        channel=pending.channel,
        files=opened,
    )
    try:
        with transaction.atomic():
            claimed, _deleted = PendingApplication.objects.filter(pk=pending.pk).delete()
            if not claimed:
                raise ApplyError(_("Deze link werkt niet meer. Solliciteer opnieuw."))
            application, _created = apply(pending.vacancy, data)
            record_event(
                "application.confirmed",
                organisation=application.organisation,
                obj=application,
                application=application.pk,
            )
    finally:
        for _kind, handle, _checked in opened:
            handle.close()
    paths = [item["path"] for item in pending.files]
    transaction.on_commit(lambda: _delete_paths(paths))
    return application


def purge_pending_applications(now: Any = None) -> int:
    """The retention job: remove pending applications whose link was never followed."""
    now = now or timezone.now()
    removed = 0
    for pending in PendingApplication.objects.filter(expires_at__lte=now):
        paths = [item["path"] for item in pending.files]
        deleted, _ = PendingApplication.objects.filter(pk=pending.pk).delete()
        if deleted:
            _delete_paths(paths)
            removed += 1
    if removed:
        record_event("application.pending_expired", count=removed)
    return removed


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
        stored.append(_store_document(application, kind, upload, checked))
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


def add_profile_education(
    candidate: Candidate,
    fields: dict[str, Any],
    *,
    application: Application | None = None,
    upload: Any = None,
    checked: CheckedFile | None = None,
) -> Education:
    """An education the candidate adds on the personal page.

    Without a PDF every organisation the candidate applies to sees it (``application`` empty).
    With the PDF of a diploma evaluation, the entry and the PDF go with ``application`` (one
    the candidate chose): a Document always belongs to an application, so only that
    organisation sees them, and the privacy export, erasure and retention walks that follow
    the application cover the file as they cover a CV.
    """
    if application is not None and application.candidate_id != candidate.pk:
        raise ValueError("the application is another candidate's")
    with transaction.atomic():
        document = None
        if upload is not None and checked is not None:
            if application is None:
                raise ApplyError(_("Kies welke organisatie de pdf mag zien."), field="share_with")
            document = add_document(application, DocumentKind.DIPLOMA_EVALUATION, upload, checked)
        return Education.objects.create(
            candidate=candidate,
            application=application if document is not None else None,
            evaluation_document=document,
            source=SkillSource.CHOSEN,
            confirmed=True,
            **fields,
        )


def open_applications_by_organisation(candidate: Candidate) -> list[Application]:
    """The candidate's newest open application per organisation (where a PDF may still go)."""
    newest: dict[int, Application] = {}
    for application in (
        candidate.applications.filter(status=ApplicationStatus.SUBMITTED)
        .select_related("organisation")
        .order_by("-submitted_at", "-pk")
    ):
        if application.organisation_id in newest or procedure_ended(application):
            continue
        newest[application.organisation_id] = application
    return list(newest.values())


def remove_profile_education(education: Education) -> None:
    """The candidate removes an education; its evaluation PDF goes with it (file included)."""
    document = education.evaluation_document
    with transaction.atomic():
        education.delete()
        if document is not None:
            name, storage, document_pk = document.file.name, document.file.storage, document.pk
            application = document.application
            document.delete()
            if name:
                transaction.on_commit(lambda: storage.delete(name))
            record_event(
                "application.document_removed",
                organisation=application.organisation,
                obj=application,
                document=document_pk,
            )


def _store_document(
    application: Application, kind: str, upload: Any, checked: CheckedFile
) -> Document:
    upload.seek(0)
    extract = kind in (DocumentKind.CV, DocumentKind.OTHER)
    document = Document(
        candidate=application.candidate,
        application=application,
        kind=kind,
        original_name=checked.name,
        detected_type=checked.detected_type,
        content_type=checked.content_type,
        size=checked.size,
        sha256=checked.sha256,
        duration_seconds=checked.duration,
        extraction_status=ExtractionStatus.PENDING if extract else ExtractionStatus.NOT_APPLICABLE,
    )
    document.file.save(checked.name, File(upload), save=False)
    document.save()
    return document


def _delete_files(documents: Iterable[Document]) -> None:
    for document in documents:
        if document.file:
            document.file.storage.delete(document.file.name)  # type: ignore[arg-type]


# --------------------------------------------------------------------------- slots


def _retry_locked(action: Callable[[], Any], attempts: int = 40) -> Any:
    """Retry on SQLite's 'database is locked' (PostgreSQL waits on the row lock instead)."""
    for attempt in range(attempts):
        try:
            return action()
        except OperationalError as exc:
            if (
                "locked" not in str(exc)
                or attempt == attempts - 1
                or transaction.get_connection().in_atomic_block
            ):
                raise
            time.sleep(0.02 * (attempt + 1))
    return None


def _take_seat(slot_id: int) -> bool:
    """One conditional UPDATE: takes a seat only while one is free (never overbooks)."""
    return bool(
        Slot.objects.filter(
            pk=slot_id, booked_count__lt=F("capacity"), starts_at__gt=timezone.now()
        ).update(booked_count=F("booked_count") + 1)
    )


def _free_seat(slot_id: int) -> None:
    Slot.objects.filter(pk=slot_id, booked_count__gt=0).update(booked_count=F("booked_count") - 1)


def book_slot(application: Application, slot_id: int) -> Booking:
    """Book a seat for the application. Raises :class:`SlotFull` when it was taken first."""
    with transaction.atomic():
        if not Slot.objects.filter(pk=slot_id, day__vacancy_id=application.vacancy_id).exists():
            raise ApplyError(_("Kies een tijdslot uit de lijst."), field="slot")
        if not _take_seat(slot_id):
            raise SlotFull(
                _("Dit tijdslot is net vol geraakt. Kies een ander tijdslot."), field="slot"
            )
        booking = Booking.objects.create(
            slot_id=slot_id, application=application, candidate=application.candidate
        )
        record_event(
            "application.slot_booked",
            organisation=application.organisation,
            obj=application,
            slot=slot_id,
            booking=booking.pk,
        )
    return booking


def book_slot_with_retry(application: Application, slot_id: int) -> Booking:
    result: Booking = _retry_locked(lambda: book_slot(application, slot_id))
    return result


def active_booking(application: Application) -> Booking | None:
    return (
        application.bookings.filter(status=BookingStatus.BOOKED).select_related("slot__day").first()
    )


def change_slot(application: Application, slot_id: int) -> Booking:
    """Move the booking to another slot (the old seat is freed in the same transaction)."""
    if application.status != ApplicationStatus.SUBMITTED:
        raise ApplyError(_("Deze sollicitatie is ingetrokken."))
    if procedure_ended(application):
        raise ApplyError(_("Deze sollicitatie is afgerond. Een tijd kiezen kan niet meer."))
    with transaction.atomic():
        old = active_booking(application)
        if old is not None and old.slot_id == slot_id:
            return old
        if old is not None:
            Booking.objects.filter(pk=old.pk).update(status=BookingStatus.CANCELLED)
            _free_seat(old.slot_id)
        booking = book_slot(application, slot_id)
        record_event(
            "application.slot_changed",
            organisation=application.organisation,
            obj=application,
            old_slot=old.slot_id if old else None,
            slot=slot_id,
        )
        queue_candidate_email(application.candidate, "booking_confirmed", application, booking)
    return booking


def queue_candidate_email(
    candidate: Candidate,
    event: str,
    application: Application | None = None,
    booking: Booking | None = None,
) -> None:
    """Put the candidate's e-mail about ``event`` in the outbox, in the current transaction."""

    queue_mail(
        build_email(candidate, event, application, booking),
        kind=f"applications.{event}",
        organisation=application.organisation if application is not None else None,
        candidate=candidate,
    )


# --------------------------------------------------------------------------- workflow


def procedure_ended(application: Application) -> bool:
    """Withdrawn, or ended in selection (hired or rejected): the one truth is selection's."""
    status = status_source()
    return status.current_kind(application) in status.end_kinds


def release_seats(application: Application, *, only_future: bool = False) -> int:
    """Free the application's recruitment-day seats (all, or those still to come)."""
    bookings = application.bookings.filter(status=BookingStatus.BOOKED)
    if only_future:
        bookings = bookings.filter(slot__starts_at__gt=timezone.now())
    freed = 0
    for booking in bookings:
        if Booking.objects.filter(pk=booking.pk, status=BookingStatus.BOOKED).update(
            status=BookingStatus.CANCELLED
        ):
            _free_seat(booking.slot_id)
            freed += 1
    return freed


def on_application_closed(sender: Any, application: Application, **kwargs: Any) -> None:
    """Selection ended the procedure (or the candidate withdrew): the seat is free again."""
    if release_seats(application):
        record_event(
            "application.seats_released",
            organisation=application.organisation,
            obj=application,
            application=application.pk,
        )


def on_application_moved_back(
    sender: Any, application: Application, to_kind: str, **kwargs: Any
) -> None:
    """Back before the recruitment-day step: a seat still to come is freed (see selection.effects)."""
    if to_kind in status_source().before_assessment and release_seats(
        application, only_future=True
    ):
        record_event(
            "application.seats_released",
            organisation=application.organisation,
            obj=application,
            application=application.pk,
        )


def withdraw_application(application: Application, candidate: Candidate) -> Application:
    """submitted → withdrawn, by the candidate. Frees a booked seat.

    Refused once selection ended the procedure: a hired or rejected person cannot withdraw.
    """
    if application.candidate_id != candidate.pk:
        raise InvalidTransition("not the candidate's application")
    with transaction.atomic():
        locked = Application.objects.select_for_update().get(pk=application.pk)
        if locked.status != ApplicationStatus.SUBMITTED:
            raise InvalidTransition(f"cannot withdraw from {locked.status}")
        if procedure_ended(locked):
            raise InvalidTransition("the procedure has ended in selection")
        locked.status = ApplicationStatus.WITHDRAWN
        locked.withdrawn_at = timezone.now()
        locked.save(update_fields=["status", "withdrawn_at"])
        release_seats(locked)
        record_event(
            "application.withdrawn",
            organisation=locked.organisation,
            obj=locked,
            application=locked.pk,
        )
        application_closed.send(sender=Application, application=locked, why="withdrawn")
        queue_candidate_email(candidate, "application_withdrawn", locked)
    return locked


# --------------------------------------------------------------------------- documents


def add_document(
    application: Application,
    kind: str,
    upload: Any,
    checked: CheckedFile,
    replace: Document | None = None,
) -> Document:
    """Add (or replace) a document of the candidate's application."""
    if application.status != ApplicationStatus.SUBMITTED:
        raise ApplyError(_("Deze sollicitatie is ingetrokken."))
    if procedure_ended(application):
        raise ApplyError(_("Deze sollicitatie is afgerond. Je kunt geen bestanden meer sturen."))
    stored: list[Document] = []
    try:
        with transaction.atomic():
            document = _store_document(application, kind, upload, checked)
            stored.append(document)
            if replace is not None:
                old_pk, old_name = replace.pk, replace.file.name
                replace.delete()
                transaction.on_commit(lambda: document.file.storage.delete(old_name))  # type: ignore[arg-type]
                record_event(
                    "application.document_replaced",
                    organisation=application.organisation,
                    obj=application,
                    old=old_pk,
                    document=document.pk,
                )
            else:
                record_event(
                    "application.document_uploaded",
                    organisation=application.organisation,
                    obj=application,
                    document=document.pk,
                    kind=kind,
                )
            if document.extraction_status == ExtractionStatus.PENDING:
                document_id = document.pk

                def extract() -> None:

                    tasks.extract_document.delay(document_id)

                transaction.on_commit(extract)
    except Exception:
        _delete_files(stored)
        raise
    return document


# --------------------------------------------------------------------------- questions from HR

MAX_QUESTION_CHARS = 2000
MAX_ANSWER_CHARS = 5000


def ask_question(application: Application, text: str, *, actor: Any, organisation: Any) -> Question:
    """HR asks the candidate a question; the candidate gets an e-mail with a portal link."""
    text = clean_text(text, MAX_QUESTION_CHARS)
    if not text:
        raise ApplyError(_("Schrijf een vraag."), field="text")
    if application.organisation_id != getattr(organisation, "pk", None):
        raise InvalidTransition("application of another organisation")
    if application.status == ApplicationStatus.WITHDRAWN:
        raise ApplyError(_("Deze sollicitatie is ingetrokken. Een vraag stellen kan niet meer."))
    if procedure_ended(application):
        raise ApplyError(_("Deze sollicitatie is afgerond. Een vraag stellen kan niet meer."))
    with transaction.atomic():
        question = Question.objects.create(
            application=application,
            organisation=application.organisation,
            candidate=application.candidate,
            asked_by=actor if getattr(actor, "pk", None) else None,
            text=text,
        )
        record_event(
            "application.question_asked",
            actor=actor,
            organisation=organisation,
            obj=application,
            question=question.pk,
            application=application.pk,
        )
        queue_candidate_email(application.candidate, "question_asked", application)
    return question


def answer_question(
    question: Question,
    candidate: Candidate,
    text: str,
    upload: Any = None,
    checked: CheckedFile | None = None,
) -> Question:
    """The candidate answers in the portal: text, optionally a file (already checked)."""
    if question.candidate_id != candidate.pk or question.application.candidate_id != candidate.pk:
        raise InvalidTransition("not the candidate's question")
    text = clean_text(text, MAX_ANSWER_CHARS)
    if not text and upload is None:
        raise ApplyError(_("Schrijf een antwoord of kies een bestand."), field="answer")
    stored: list[Document] = []
    try:
        with transaction.atomic():
            locked = Question.objects.select_for_update().get(pk=question.pk)
            if locked.answered_at is not None:
                raise ApplyError(_("Je hebt deze vraag al beantwoord."))
            application = Application.objects.get(pk=locked.application_id)
            if application.status == ApplicationStatus.WITHDRAWN:
                raise ApplyError(_("Deze sollicitatie is ingetrokken."))
            if procedure_ended(application):
                raise ApplyError(_("Deze sollicitatie is afgerond. Antwoorden kan niet meer."))
            document = None
            if upload is not None and checked is not None:
                document = _store_document(application, DocumentKind.OTHER, upload, checked)
                stored.append(document)
            locked.answer_text = text
            locked.answer_document = document
            locked.answered_at = timezone.now()
            locked.save(update_fields=["answer_text", "answer_document", "answered_at"])
            record_event(
                "application.question_answered",
                organisation=application.organisation,
                obj=application,
                question=locked.pk,
                document=document.pk if document else None,
            )
            if document is not None and document.extraction_status == ExtractionStatus.PENDING:
                document_id = document.pk

                def extract() -> None:

                    tasks.extract_document.delay(document_id)

                transaction.on_commit(extract)
    except Exception:
        _delete_files(stored)
        raise
    return locked


# --------------------------------------------------------------------------- profile


def confirm_skills(candidate: Candidate, keep_ids: Iterable[int]) -> None:
    """The candidate checked the skills: keep (confirm) the chosen ones, remove the others."""
    keep = {int(pk) for pk in keep_ids}
    with transaction.atomic():
        candidate.skills.filter(pk__in=keep).update(confirmed=True)
        candidate.skills.exclude(pk__in=keep).delete()
        record_event("application.profile_confirmed", obj=candidate, candidate=candidate.pk)
        candidate_profile_changed.send(sender=Candidate, candidate_ids=[candidate.pk])


def confirm_entries(candidate: Candidate, kind: str, keep_ids: Iterable[int]) -> None:
    """The candidate checked what we read from the CV: keep (confirm) or remove each entry.

    Only unconfirmed rows are touched; what the candidate entered or confirmed before stays.
    """
    models_by_kind: dict[str, type[Education] | type[Experience]] = {
        "education": Education,
        "experience": Experience,
    }
    model = models_by_kind[kind]
    keep = {int(pk) for pk in keep_ids}
    with transaction.atomic():
        unconfirmed = model.objects.filter(candidate=candidate, confirmed=False)
        unconfirmed.filter(pk__in=keep).update(confirmed=True)
        unconfirmed.exclude(pk__in=keep).delete()
        record_event("application.profile_confirmed", obj=candidate, candidate=candidate.pk)
        candidate_profile_changed.send(sender=Candidate, candidate_ids=[candidate.pk])


def add_chosen_skill(candidate: Candidate, label: str) -> CandidateSkill | None:
    """A skill the candidate typed: linked to ESCO when we recognise it."""
    label = clean_text(label, 200)
    if not label:
        return None
    found = extract_skills(label)
    esco_id, name = (found[0].esco_id, found[0].label) if found else ("", label)

    skill, _created = CandidateSkill.objects.update_or_create(
        candidate=candidate,
        application=None,
        esco_id=esco_id,
        label=name[:300],
        defaults={
            "skill": Skill.objects.filter(esco_id=esco_id).first() if esco_id else None,
            "source": SkillSource.CHOSEN,
            "confirmed": True,
        },
    )
    return skill


def set_preferred_language(candidate: Candidate, language: str) -> bool:
    """Remember the language the candidate chose (pages and e-mails). False: not changed."""

    if language not in CANDIDATE_LANGUAGES or language == candidate.preferred_language:
        return False
    Candidate.objects.filter(pk=candidate.pk).update(
        preferred_language=language, updated_at=timezone.now()
    )
    candidate.preferred_language = language
    record_event("candidate.language_changed", obj=candidate, candidate=candidate.pk)
    return True


def update_contact(candidate: Candidate, **values: Any) -> Candidate:
    allowed = {
        "name",
        "phone",
        "preferred_language",
        "right_to_work",
        "wants_buddy",
        "wants_language_coach",
        "accommodations",
        "hours_per_week",
        "availability",
    }
    for key, value in values.items():
        if key in allowed:
            setattr(candidate, key, value)
    candidate.save()
    return candidate


# --------------------------------------------------------------------------- consent


def give_consent(candidate: Candidate, text: str, language: str) -> Consent:
    now = timezone.now()
    consent = Consent.objects.create(
        candidate=candidate,
        kind=ConsentKind.TALENT_POOL,
        text_version=TALENT_POOL_CONSENT_VERSION,
        text=text,
        language=language,
        given_at=now,
        expires_at=now + timedelta(days=round(CONSENT_MONTHS * 365 / 12)),
    )
    record_event("candidate.consent_given", obj=candidate, version=TALENT_POOL_CONSENT_VERSION)
    return consent


def active_consent(candidate: Candidate) -> Consent | None:
    return candidate.consents.filter(
        kind=ConsentKind.TALENT_POOL, withdrawn_at__isnull=True, expires_at__gt=timezone.now()
    ).first()


def withdraw_consent(candidate: Candidate) -> int:
    count = candidate.consents.filter(withdrawn_at__isnull=True).update(withdrawn_at=timezone.now())
    if count:
        record_event("candidate.consent_withdrawn", obj=candidate)
    return count


# --------------------------------------------------------------------------- portal


def request_portal_link(email: str) -> None:
    """Send a new link when the address is known. Says nothing about whether it is."""
    candidate = Candidate.objects.filter(
        email=normalise_email(email), merged_into__isnull=True
    ).first()
    if candidate is None:
        return
    # Only the newest link works: older links (perhaps forwarded) stop working.
    with transaction.atomic():
        Candidate.objects.filter(pk=candidate.pk).update(token_version=F("token_version") + 1)
        candidate.refresh_from_db(fields=["token_version"])
        queue_candidate_email(candidate, "portal_link")


def revoke_links(candidate: Candidate) -> None:
    Candidate.objects.filter(pk=candidate.pk).update(token_version=F("token_version") + 1)
    candidate.refresh_from_db(fields=["token_version"])
    record_event("candidate.links_revoked", obj=candidate, candidate=candidate.pk)


def request_deletion(candidate: Candidate, organisation: Any = None) -> DeletionRequest:
    """Record the request at ``organisation`` (or, without one, at every organisation that holds
    data of the person, see :func:`request_deletion_everywhere`); each organisation carries out
    its own part within a month. Returns the request at ``organisation`` (or the first one)."""
    if organisation is None:
        return request_deletion_everywhere(candidate)[0]
    existing = candidate.deletion_requests.filter(
        status=DeletionRequestStatus.REQUESTED, organisation=organisation
    ).first()
    if existing is not None:
        return existing
    request = DeletionRequest.objects.create(candidate=candidate, organisation=organisation)
    record_event(
        "candidate.deletion_requested",
        obj=candidate,
        organisation=organisation,
        candidate=candidate.pk,
        request=request.pk,
    )
    return request


@dataclass(frozen=True)
class DeletionAnswer:
    """What the candidate's own deletion request did: ``erased`` (no organisation held data
    of the person, the account is wiped now) or one open request per organisation."""

    erased: bool
    requests: list[DeletionRequest]


def delete_my_data(candidate: Candidate) -> DeletionAnswer:
    """The portal's "verwijder mijn gegevens". Each organisation that holds data of the person
    gets its own request (it carries out its part within a month); when none holds any, there
    is nobody to ask, so the account is erased at once (privacy's registered eraser)."""
    from .ownership import organisations_holding  # local import: ownership imports services

    eraser = account_eraser()
    if eraser is not None:
        with transaction.atomic():
            locked = Candidate.objects.select_for_update().get(pk=candidate.pk)
            if not organisations_holding(locked):
                eraser(locked)
                return DeletionAnswer(erased=True, requests=[])
    return DeletionAnswer(erased=False, requests=request_deletion_everywhere(candidate))


def request_deletion_everywhere(candidate: Candidate) -> list[DeletionRequest]:
    """The candidate's own request (portal): one request per organisation that holds data of the
    person, each handled by that organisation. Without any, one request nobody has to handle
    (there is nothing at an organisation to erase)."""
    from .ownership import organisations_holding  # local import: ownership imports services

    organisations = Organisation.objects.filter(pk__in=organisations_holding(candidate))
    requests = [request_deletion(candidate, o) for o in organisations.order_by("pk")]
    if requests:
        return requests
    existing = candidate.deletion_requests.filter(
        status=DeletionRequestStatus.REQUESTED, organisation__isnull=True
    ).first()
    if existing is None:
        existing = DeletionRequest.objects.create(candidate=candidate)
        record_event(
            "candidate.deletion_requested",
            obj=candidate,
            candidate=candidate.pk,
            request=existing.pk,
        )
    return [existing]


# --------------------------------------------------------------------------- staff


def candidate_relations() -> list[models.ForeignKey[Any, Any]]:
    """Every foreign key to Candidate in the project (the export and merge walk these)."""
    from django.apps import apps

    relations = []
    for model in apps.get_models():
        for fld in model._meta.get_fields():
            if (
                isinstance(fld, models.ForeignKey)
                and fld.related_model is Candidate
                and not (model is Candidate and fld.name == "merged_into")
            ):
                relations.append(fld)
    return relations
