"""Test data for the selection: a vacancy with requirements and applications in its pipeline."""

from __future__ import annotations

from typing import Any

from talentbrug.applications.tests.factories import ApplicationFactory, PublishedVacancyFactory
from talentbrug.vacancies.models import Requirement

from ..services import pipeline


def vacancy_with_requirements(organisation: Any, rows: int = 2, **kwargs: Any) -> Any:
    vacancy = PublishedVacancyFactory(organisation=organisation, **kwargs)
    for i in range(rows):
        Requirement.objects.create(vacancy=vacancy, free_text=f"Competentie {i + 1}", position=i)
    return vacancy


def application_in_pipeline(organisation: Any, vacancy: Any = None, **kwargs: Any) -> Any:
    """An application with its progress row (in stage Nieuw)."""
    vacancy = vacancy or vacancy_with_requirements(organisation)
    application = ApplicationFactory(vacancy=vacancy, **kwargs)
    return pipeline.progress_for(application)  # made when the application came in


def stage_of(vacancy: Any, kind: str) -> Any:
    return next(s for s in pipeline.stages_for(vacancy) if s.kind == kind)
