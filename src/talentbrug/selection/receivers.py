"""Selection reacts to the events of earlier stages of the journey; pages never create rows.

- an organisation is made: its default pipeline template and rejection reasons;
- a vacancy is made (also a copy or "new from template"): its stages and scale anchors;
- an application comes in: its place in the first stage;
- the candidate withdraws (``applications.signals.application_closed``): it leaves the
  pipeline.

Connected in ``SelectionConfig.ready`` with a fixed ``dispatch_uid``. Rows that existed before
this was in place were made by the backfill migration ``selection 0002``.
"""

from __future__ import annotations

from typing import Any

from .services import pipeline, reasons


def organisation_created(
    sender: Any, instance: Any, created: bool, raw: bool, **kwargs: Any
) -> None:
    if created and not raw:
        pipeline.ensure_template(instance)
        reasons.ensure_reasons(instance)


def vacancy_created(sender: Any, instance: Any, created: bool, raw: bool, **kwargs: Any) -> None:
    if created and not raw:
        pipeline.ensure_pipeline(instance)


def application_created(
    sender: Any, instance: Any, created: bool, raw: bool, **kwargs: Any
) -> None:
    if created and not raw:
        pipeline.start_progress(instance)


def application_closed(sender: Any, application: Any, why: str, **kwargs: Any) -> None:
    if why == "withdrawn":
        pipeline.leave_pipeline(application)


def connect() -> None:
    from django.db.models.signals import post_save

    from talentbrug.accounts.models import Organisation
    from talentbrug.applications.models import Application
    from talentbrug.applications.signals import application_closed as closed
    from talentbrug.vacancies.models import Vacancy

    post_save.connect(
        organisation_created, sender=Organisation, dispatch_uid="selection.organisation_created"
    )
    post_save.connect(vacancy_created, sender=Vacancy, dispatch_uid="selection.vacancy_created")
    post_save.connect(
        application_created, sender=Application, dispatch_uid="selection.application_created"
    )
    closed.connect(application_closed, dispatch_uid="selection.application_closed")
