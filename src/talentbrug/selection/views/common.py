"""What every selection page needs: the vacancy or application of the request, the next URL."""

from __future__ import annotations

from django.http import HttpRequest
from django.utils.http import url_has_allowed_host_and_scheme

from talentbrug.accounts.access import get_for_organisation
from talentbrug.applications.models import Application
from talentbrug.core.http import organisation_of
from talentbrug.vacancies.models import Vacancy

from ..assignment import require_assignment


def _vacancy(request: HttpRequest, pk: int) -> Vacancy:
    return get_for_organisation(Vacancy, organisation_of(request), pk=pk)


def _application(request: HttpRequest, pk: int, *, always_blind: bool = False) -> Application:
    queryset = Application.objects.select_related("vacancy__organisation", "candidate")
    application = get_for_organisation(queryset, organisation_of(request), pk=pk)
    if not always_blind:  # a page that never shows identity (work samples) needs no assignment
        require_assignment(request, application)  # assessors: only candidates assigned to them
    return application


def _next(request: HttpRequest, default: str) -> str:
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return default
