"""The review workflow of a vacancy, as data (see ``talentbrug.workflows``).

concept → in review → approved → published → closed / filled; withdrawn from any step before
closing; closed or withdrawn vacancies reopen as concept. Four eyes: whoever wrote the vacancy
or offered it for review does not approve it.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from talentbrug.workflows import Move, Workflow, WorkflowError

from .constants import VacancyStatus

S = VacancyStatus


class TransitionError(WorkflowError):
    """The move is not possible from the current status, or a rule blocks it."""


def is_author(vacancy: Any, user: Any) -> bool:
    """Wrote or offered the vacancy for review: may not approve it (four eyes)."""
    user_id = getattr(user, "pk", None)
    return user_id is not None and user_id in (vacancy.created_by_id, vacancy.submitted_by_id)


def not_the_author(vacancy: Any, user: Any) -> str | None:
    if is_author(vacancy, user):
        return _(
            "Iemand anders moet deze vacature goedkeuren: u heeft hem zelf geschreven of "
            "ter beoordeling aangeboden."
        )
    return None


VACANCY_FLOW = Workflow(
    name="vacancies.review",
    states=VacancyStatus,
    error=TransitionError,
    denied=PermissionDenied,
    state_message=gettext_lazy("Dat kan niet: de vacature heeft status '%(status)s'."),
    moves=(
        Move(
            "submit",
            gettext_lazy("Bied aan ter beoordeling"),
            frozenset({S.CONCEPT}),
            S.IN_REVIEW,
            "vacancies.submit",
            effects=("remember who offered it", "audit vacancy.transition"),
        ),
        Move(
            "approve",
            gettext_lazy("Keur goed"),
            frozenset({S.IN_REVIEW}),
            S.APPROVED,
            "vacancies.review",
            effects=("audit vacancy.transition",),
            guards=(not_the_author,),
        ),
        Move(
            "send_back",
            gettext_lazy("Stuur terug naar concept"),
            frozenset({S.IN_REVIEW, S.APPROVED}),
            S.CONCEPT,
            "vacancies.review",
            effects=("keep the reviewer's comment (required)", "audit vacancy.transition"),
        ),
        Move(
            "publish",
            gettext_lazy("Publiceer vacature"),
            frozenset({S.APPROVED}),
            S.PUBLISHED,
            "vacancies.publish",
            effects=(
                "check closing date and blocking findings",
                "set the publication date",
                "audit vacancy.transition",
            ),
        ),
        Move(
            "close",
            gettext_lazy("Sluit vacature"),
            frozenset({S.PUBLISHED}),
            S.CLOSED,
            "vacancies.close",
            effects=("audit vacancy.transition",),
        ),
        Move(
            "fill",
            gettext_lazy("Markeer als vervuld"),
            frozenset({S.PUBLISHED, S.CLOSED}),
            S.FILLED,
            "vacancies.close",
            effects=("audit vacancy.transition",),
        ),
        Move(
            "withdraw",
            gettext_lazy("Trek vacature in"),
            frozenset({S.CONCEPT, S.IN_REVIEW, S.APPROVED, S.PUBLISHED}),
            S.WITHDRAWN,
            "vacancies.withdraw",
            effects=("audit vacancy.transition",),
        ),
        Move(
            "reopen",
            gettext_lazy("Heropen als concept"),
            frozenset({S.CLOSED, S.WITHDRAWN}),
            S.CONCEPT,
            "vacancies.reopen",
            effects=("audit vacancy.transition",),
        ),
    ),
)
