"""Scenario helpers: applications whose procedure ended at a chosen moment."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.core.files.base import ContentFile
from django.utils import timezone

from talentbrug.applications.models import Application, Candidate, Consent, Document
from talentbrug.applications.tests.factories import ApplicationFactory, PublishedVacancyFactory
from talentbrug.audit.services import record_event


def withdrawn(application: Application, at: datetime) -> Application:
    Application.objects.filter(pk=application.pk).update(status="withdrawn", withdrawn_at=at)
    application.refresh_from_db()
    return application


def move_vacancy(vacancy: Any, status: str, at: datetime) -> None:
    from freezegun import freeze_time

    from talentbrug.vacancies.models import Vacancy

    with freeze_time(at):
        previous = vacancy.status
        Vacancy.objects.filter(pk=vacancy.pk).update(status=status, updated_at=at)
        record_event(
            "vacancy.transition",
            organisation=vacancy.organisation,
            obj=vacancy,
            from_status=previous,
            to_status=status,
            move="test",
        )
    vacancy.refresh_from_db()


def consent(candidate: Candidate, given: datetime, withdrawn_at: datetime | None = None) -> Consent:
    return Consent.objects.create(
        candidate=candidate,
        text_version="t",
        text="Ik wil in de talentpool.",
        language="nl",
        given_at=given,
        expires_at=given + timedelta(days=365),
        withdrawn_at=withdrawn_at,
    )


def document(
    application: Application, kind: str = "cv", content: bytes = b"cv van Amina"
) -> Document:
    doc = Document(
        candidate=application.candidate,
        application=application,
        kind=kind,
        original_name=f"{kind}.txt",
        detected_type="txt",
        content_type="text/plain",
        size=len(content),
        sha256="0" * 64,
    )
    doc.file.save(f"{kind}.txt", ContentFile(content), save=True)
    return doc


def application(organisation: Any = None, **kwargs: Any) -> Application:
    vacancy = kwargs.pop("vacancy", None) or PublishedVacancyFactory(
        **({"organisation": organisation} if organisation else {})
    )
    return ApplicationFactory(vacancy=vacancy, **kwargs)


def now() -> datetime:
    return timezone.now()
