"""Keep the warm candidate index in step with the ORM: one row per change, after commit; and
queue the vacancy text's vector when a vacancy's text changes (``vacancies`` does not know
matches: the receiver lives here)."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models.signals import post_delete, post_save

from talentbrug.applications.models import (
    Candidate,
    CandidateSkill,
    Education,
    LanguageProficiency,
)
from talentbrug.applications.signals import candidate_profile_changed
from talentbrug.vacancies.models import Vacancy

from . import engine, tasks
from .models import TextVector, VacancyVector, WorkPreference
from .textvectors import VACANCY_TEXT_FIELDS, vacancy_text_hash


def _schedule(candidate_id: int | None) -> None:
    if candidate_id is None:
        return
    transaction.on_commit(lambda: engine.candidate_changed(candidate_id))


def _candidate_changed(sender: Any, instance: Candidate, **kwargs: Any) -> None:
    _schedule(instance.pk)


def _child_changed(sender: Any, instance: Any, **kwargs: Any) -> None:
    _schedule(getattr(instance, "candidate_id", None))


post_save.connect(_candidate_changed, sender=Candidate, dispatch_uid="matches.candidate_saved")
post_delete.connect(_candidate_changed, sender=Candidate, dispatch_uid="matches.candidate_deleted")
for _model in (CandidateSkill, LanguageProficiency, Education, WorkPreference, TextVector):
    post_save.connect(
        _child_changed, sender=_model, dispatch_uid=f"matches.{_model.__name__}.saved"
    )
    post_delete.connect(
        _child_changed, sender=_model, dispatch_uid=f"matches.{_model.__name__}.deleted"
    )


def _profile_changed(sender: Any, candidate_ids: list[int], **kwargs: Any) -> None:
    """Bulk updates (``QuerySet.update``) send no model signals; applications says so itself."""
    for candidate_id in candidate_ids:
        _schedule(candidate_id)


candidate_profile_changed.connect(_profile_changed, dispatch_uid="matches.profile_changed")


def _vacancy_saved(
    sender: Any,
    instance: Vacancy,
    raw: bool = False,
    update_fields: Any = None,
    **kwargs: Any,
) -> None:
    """A vacancy's text (title, tasks, requirements) changed: compute its vector in a task,
    after commit. Nothing is queued when the stored vector is of this text already."""
    if raw or instance.is_template:
        return
    if update_fields is not None and not VACANCY_TEXT_FIELDS & set(update_fields):
        return
    digest = vacancy_text_hash(instance)
    if digest is None:
        return
    if VacancyVector.objects.filter(vacancy_id=instance.pk, text_hash=digest).exists():
        return
    vacancy_id = instance.pk
    transaction.on_commit(lambda: tasks.compute_vacancy_vector.delay(vacancy_id))


post_save.connect(_vacancy_saved, sender=Vacancy, dispatch_uid="matches.vacancy_text_saved")
