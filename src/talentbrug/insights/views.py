"""Insights pages: thin views. Who sees what is decided in :func:`insights_access`."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from talentbrug.accounts.access import (
    get_for_organisation,
    is_programme_team,
    programme_team_required,
    staff_required,
)
from talentbrug.audit.services import record_event
from talentbrug.vacancies.models import Vacancy

from . import exports, report, services
from .charts import bar_chart
from .constants import MIN_CELL, Section
from .forms import FilterForm
from .models import QuarterlyReport

SECTION_URLS = {
    Section.VACANCIES: "insights:vacancies",
    Section.APPLICATIONS: "insights:applications",
    Section.SELECTION: "insights:selection",
    Section.ONBOARDING: "insights:onboarding",
    Section.PROGRAMMES: "insights:programmes",
}


def insights_access(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """The programme team sees the whole Rijk (no organisation role needed); staff with
    ``insights.view`` see their organisation next to the Rijk."""
    staff_view = staff_required("insights.view")(
        lambda request, **kwargs: view(request, rijksbreed=False, **kwargs)
    )

    @wraps(view)
    def wrapper(request: HttpRequest, **kwargs: Any) -> HttpResponse:
        if is_programme_team(request):
            return view(request, rijksbreed=True, **kwargs)
        return staff_view(request, **kwargs)

    wrapper.staff_action = "insights.view"  # type: ignore[attr-defined]
    return wrapper


def _choices(request: HttpRequest, rijksbreed: bool) -> tuple[FilterForm, dict[str, Any]]:
    form = FilterForm(request.GET or None, rijksbreed=rijksbreed)
    if request.GET:
        choices = form.choices()
    else:
        form = FilterForm(rijksbreed=rijksbreed)
        choices = {"period": form.fields["periode"].initial, "family": "", "organisation": None}
    if not rijksbreed:
        choices["organisation"] = request.organisation  # type: ignore[attr-defined]
    return form, choices


def _vacancy_id(request: HttpRequest, rijksbreed: bool) -> int | None:
    """The selection page for one vacancy (where the old fairness page pointed)."""
    raw = request.GET.get("vacature", "")
    if not raw:
        return None

    organisation = getattr(request, "organisation", None)
    if rijksbreed and organisation is None:
        raise Http404(_("Dit bestaat niet, of u heeft er geen toegang toe."))
    return get_for_organisation(Vacancy, organisation, pk=raw).pk


@require_GET
@insights_access
def section_view(request: HttpRequest, rijksbreed: bool, section: str) -> HttpResponse:
    form, choices = _choices(request, rijksbreed)
    vacancy_id = _vacancy_id(request, rijksbreed) if section == Section.SELECTION else None
    result = services.figures_for(
        section, choices["organisation"], choices["period"], choices["family"], vacancy_id
    )
    query = {k: v for k, v in request.GET.items() if k in form.fields or k == "vacature"}
    return render(
        request,
        "insights/section.html",
        {
            "section": Section(section),
            "sections": [(s, reverse(name)) for s, name in SECTION_URLS.items()],
            "form": form,
            "figures": result,
            "tables": [{"table": tbl, "chart": bar_chart(tbl)} for tbl in result.tables],
            "organisation": choices["organisation"],
            "rijksbreed": rijksbreed,
            "minimum": MIN_CELL,
            "export_query": urlencode({**query, "deel": section}),
            "vacancy_id": vacancy_id,
        },
    )


@require_GET
@insights_access
def export(request: HttpRequest, rijksbreed: bool) -> HttpResponse:
    """CSV or XLSX of one table (``tabel``) or of every table of a page (``deel``)."""
    try:
        section = Section(request.GET.get("deel", ""))
    except ValueError:
        raise Http404(_("Deze cijfers bestaan niet.")) from None
    file_format = request.GET.get("formaat", "csv")
    if file_format not in ("csv", "xlsx"):
        raise Http404(_("Dit formaat bestaat niet."))
    _form, choices = _choices(request, rijksbreed)
    vacancy_id = _vacancy_id(request, rijksbreed) if section == Section.SELECTION else None
    result = services.figures_for(
        section, choices["organisation"], choices["period"], choices["family"], vacancy_id
    )
    selected = [t for t in result.tables if t["key"] == request.GET.get("tabel", t["key"])]
    if not selected:
        raise Http404(_("Deze tabel bestaat niet."))
    record_event(
        "insights.exported",
        actor=request.user,
        organisation=getattr(request, "organisation", None) if not rijksbreed else None,
        section=section.value,
        format=file_format,
    )
    name = f"inzicht-{section.value}-{selected[0]['key'] if len(selected) == 1 else 'alles'}"
    if file_format == "csv":
        body, content_type = exports.to_csv(selected), "text/csv; charset=utf-8"
    else:
        body, content_type = exports.to_xlsx(selected), exports.XLSX_CONTENT_TYPE
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}.{file_format}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


team_only = programme_team_required(
    "insights.reports", gettext_lazy("Alleen het programmateam ziet de kwartaalrapporten.")
)


@require_GET
@team_only
def reports(request: HttpRequest) -> HttpResponse:
    """The archive of quarterly reports (made by the periodic job)."""
    return render(
        request,
        "insights/reports.html",
        {
            "reports": QuarterlyReport.objects.all(),
            "sections": [(s, reverse(name)) for s, name in SECTION_URLS.items()],
            "next_quarter": report.last_completed_quarter(),
        },
    )


@require_GET
@team_only
def report_download(request: HttpRequest, pk: int) -> HttpResponse:
    # Not organisation data: the Rijk's counted figures, for the programme team only.
    found = QuarterlyReport.objects.filter(pk=pk).first()
    if found is None or not found.pdf:
        raise Http404(_("Dit rapport bestaat niet."))
    record_event(
        "insights.report_downloaded",
        actor=request.user,
        obj=found,
        year=found.year,
        quarter=found.quarter,
    )
    response = FileResponse(
        found.pdf.open("rb"),
        content_type="application/pdf",
        as_attachment=True,
        filename=f"doelgroepen-in-cijfers-{found.year}-K{found.quarter}.pdf",
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
