"""``{% vacancies_for_you candidate %}``: the portal fragment "vacatures die bij je passen"."""

from __future__ import annotations

from typing import Any

from django import template

from talentbrug.matches.services import rank_vacancies

register = template.Library()


@register.inclusion_tag("matches/_vacancies_for_you.html")
def vacancies_for_you(candidate: Any, limit: int = 5) -> dict[str, Any]:

    return {"results": rank_vacancies(candidate, limit=limit), "candidate": candidate}
