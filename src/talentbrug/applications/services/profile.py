"""The candidate's profile: what an organisation may see, confirming and editing it."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from talentbrug.audit.services import record_event

from ..constants import (
    CANDIDATE_LANGUAGES,
    ApplicationStatus,
    DocumentKind,
    SkillSource,
)
from ..models import (
    Application,
    Candidate,
    Education,
    Experience,
)
from ..signals import candidate_profile_changed
from ..uploads import CheckedFile
from .documents import add_document
from .errors import ApplyError
from .lifecycle import procedure_ended


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
