"""Questions from HR to the candidate, and the candidate's answers."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from talentbrug.audit.services import record_event

from .. import tasks
from ..constants import (
    ApplicationStatus,
    DocumentKind,
    ExtractionStatus,
)
from ..models import (
    Application,
    Candidate,
    Document,
    Question,
)
from ..uploads import CheckedFile, clean_text
from .documents import delete_files, store_document
from .errors import ApplyError, InvalidTransition
from .lifecycle import procedure_ended
from .mail import queue_candidate_email

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
                document = store_document(application, DocumentKind.OTHER, upload, checked)
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
        delete_files(stored)
        raise
    return locked
