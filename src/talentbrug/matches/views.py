"""Staff page "Passende kandidaten" for a vacancy. Thin: parse, authorise, call a service."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from talentbrug.accounts.access import can, get_for_organisation, staff_required
from talentbrug.applications.models import Candidate
from talentbrug.core.http import acting_role, organisation_of
from talentbrug.vacancies.models import Vacancy

from . import pool as talent_pool
from . import services
from .constants import MatchSource

SOURCES = {"alle": (True, True), "sollicitanten": (True, False), "talentpool": (False, True)}


@staff_required("matching.view")
def vacancy_matches(request: HttpRequest, pk: int) -> HttpResponse:
    vacancy = get_for_organisation(Vacancy, request.organisation, pk=pk)  # type: ignore[attr-defined]
    source = request.GET.get("bron", "alle")
    if source not in SOURCES:
        source = "alle"
    applicants, pool = SOURCES[source]
    try:
        results, free = services.rank_candidates(
            vacancy,
            actor=request.user,
            role=acting_role(request, "matching.view"),
            include_applicants=applicants,
            include_pool=pool,
            wait=False,
        )
    except services.IndexBuilding:
        # first request after a start without a saved index: do not block for ~20 s
        response = render(
            request,
            "matches/vacancy_matches.html",
            {"vacancy": vacancy, "building": True, "source": source},
        )
        response["Retry-After"] = "5"
        return response
    names = dict(
        Candidate.objects.filter(
            pk__in=[r.candidate_id for r in results if r.source == MatchSource.APPLICANT]
        ).values_list("pk", "name")
    )
    pool = talent_pool.registered()  # pool rows only come from a registered pool
    rows = []
    for r in results:
        applicant = r.source == MatchSource.APPLICANT
        rows.append(
            {
                "result": r,
                "d": r.described,
                "applicant": applicant,
                "name": names.get(r.candidate_id, "") if applicant else "",
                "code": "" if applicant or pool is None else pool.reference_code(r.candidate_id),
                "pool_token": ""
                if applicant or pool is None
                else pool.profile_token(r.candidate_id, organisation_of(request)),
            }
        )
    return render(
        request,
        "matches/vacancy_matches.html",
        {
            "vacancy": vacancy,
            "rows": rows,
            "source": source,
            "sources": [
                ("alle", _("Sollicitanten en talentpool")),
                ("sollicitanten", _("Alleen sollicitanten")),
                ("talentpool", _("Alleen talentpool")),
            ],
            "free_requirements": free,
            "has_skill_requirements": vacancy.requirements.filter(skill__isnull=False).exists(),
            "can_view_pool": can(request, "talentpool.view"),
        },
    )
