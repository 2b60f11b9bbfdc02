"""Talent pool pages: search, anonymised profile (audited), contact requests, figures, and the
candidate's answer page (signed link). Thin: parse, authorise, call a service, respond."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from talentbrug.accounts import access, magiclinks
from talentbrug.accounts.access import can, scoped, staff_required
from talentbrug.audit.services import record_event
from talentbrug.core.http import acting_role
from talentbrug.vacancies.constants import VacancyStatus
from talentbrug.vacancies.models import Vacancy

from . import services
from .constants import ContactRequestStatus
from .forms import ContactRequestForm, PoolSearchForm

# The one central helper (accounts.access), with this page's message.
programme_team_required = access.programme_team_required(
    "talentpool.figures", gettext_lazy("Alleen het programmateam ziet deze cijfers.")
)


def _candidate_id(request: HttpRequest, token: str) -> int:
    cid = services.read_profile_token(token, getattr(request, "organisation", None))
    if cid is None:
        raise Http404(_("Dit profiel bestaat niet, of de link is verlopen."))
    return cid


@staff_required("talentpool.view")
def pool_list(request: HttpRequest) -> HttpResponse:
    form = PoolSearchForm(request.GET or None)
    query = region = ""
    if form.is_valid():
        query = form.cleaned_data["vaardigheid"]
        region = form.cleaned_data["regio"]
    ids = services.search_pool(skill_query=query, region=region)
    page = Paginator(ids, 20).get_page(request.GET.get("pagina"))
    found = services.profiles(list(page.object_list), request.organisation)  # type: ignore[attr-defined]
    if query or region:
        record_event(
            "talentpool.searched",
            actor=request.user,
            organisation=request.organisation,  # type: ignore[attr-defined]
            role=acting_role(request, "talentpool.view"),
            count=len(ids),
        )
    return render(
        request,
        "talentpool/pool_list.html",
        {"form": form, "page": page, "profiles": found, "total": len(ids), "query": query},
    )


@staff_required("talentpool.view")
def pool_profile(request: HttpRequest, token: str) -> HttpResponse:
    cid = _candidate_id(request, token)
    try:
        profile = services.view_profile(
            cid,
            organisation=request.organisation,  # type: ignore[attr-defined]
            actor=request.user,
            role=acting_role(request, "talentpool.view"),
        )
    except services.PoolError as exc:
        raise Http404(exc.message) from None
    vacancies = scoped(Vacancy.objects.all(), request.organisation).exclude(  # type: ignore[attr-defined]
        status__in=[VacancyStatus.WITHDRAWN, VacancyStatus.FILLED]
    )
    pending = services.requests_for_organisation(request.organisation).filter(  # type: ignore[attr-defined]
        candidate_id=cid, status=ContactRequestStatus.PENDING
    )
    return render(
        request,
        "talentpool/profile.html",
        {
            "profile": profile,
            "token": token,
            "form": ContactRequestForm(vacancies=vacancies),
            "pending": pending.exists(),
            "can_contact": "talentpool.contact" in _actions(request),
        },
    )


def _actions(request: HttpRequest) -> set[str]:

    return {a for a in ("talentpool.contact",) if can(request, a)}


@require_POST
@staff_required("talentpool.contact")
def contact_request(request: HttpRequest, token: str) -> HttpResponse:
    cid = _candidate_id(request, token)
    vacancies = scoped(Vacancy.objects.all(), request.organisation)  # type: ignore[attr-defined]
    form = ContactRequestForm(request.POST, vacancies=vacancies)
    if form.is_valid():
        try:
            services.request_contact(
                cid,
                organisation=request.organisation,  # type: ignore[attr-defined]
                actor=request.user,
                message=form.cleaned_data["message"],
                vacancy=form.cleaned_data["vacancy"],
                role=acting_role(request, "talentpool.contact"),
            )
        except services.PoolError as exc:
            messages.error(request, exc.message)
            return redirect("talentpool:profile", token=token)
        messages.success(
            request,
            _("Uw verzoek is verstuurd. U ziet de contactgegevens als de kandidaat ja zegt."),
        )
        return redirect("talentpool:requests")
    messages.error(request, _("Schrijf een bericht van hoogstens 1000 tekens."))
    return redirect("talentpool:profile", token=token)


@staff_required("talentpool.view")
def request_list(request: HttpRequest) -> HttpResponse:
    rows = []
    for req in services.requests_for_organisation(request.organisation)[:200]:  # type: ignore[attr-defined]
        accepted = req.status == ContactRequestStatus.ACCEPTED
        status = req.get_status_display()
        if req.status == ContactRequestStatus.PENDING and not services.request_is_open(req):
            status = _("Vervallen")
        rows.append(
            {
                "req": req,
                "code": services.reference_code(req.candidate_id),
                "status": status,
                # Contact details only after the candidate said yes.
                "contact": req.candidate if accepted else None,
            }
        )
    return render(request, "talentpool/request_list.html", {"rows": rows})


@programme_team_required
def figures(request: HttpRequest) -> HttpResponse:
    record_event("talentpool.figures_viewed", actor=request.user)
    return render(request, "talentpool/figures.html", {"f": services.pool_figures()})


ANSWER_OPEN_HEADING = gettext_lazy("Een organisatie wil contact met je")
ANSWER_BUTTON = gettext_lazy("Bekijk de vraag")


@never_cache
def answer(request: HttpRequest, token: str) -> HttpResponse:
    """The candidate's page behind the signed link in the e-mail: yes or no."""
    try:
        req, opened = services.open_answer_link(request, token)
    except magiclinks.LinkProblem as problem:
        return render(
            request,
            "talentpool/answer_invalid.html",
            {"reason": problem.reason},
            status=403 if problem.reason == "used" else 404,
        )
    if not opened:
        return magiclinks.confirm_page(request, heading=ANSWER_OPEN_HEADING, button=ANSWER_BUTTON)
    if request.POST.get(magiclinks.OPEN_FIELD):
        return redirect("talentpool:answer", token=token)  # opened: show the page with a GET
    if request.method == "POST":
        choice = request.POST.get("antwoord")
        try:
            if choice == "ja":
                services.accept_request(req)
            elif choice == "nee":
                services.decline_request(req)
            else:
                messages.error(request, _("Kies ja of nee."))
                return redirect("talentpool:answer", token=token)
        except services.PoolError as exc:
            messages.error(request, exc.message)
        return redirect("talentpool:answer", token=token)
    req.refresh_from_db()
    return render(
        request,
        "talentpool/answer.html",
        {"req": req, "open": services.request_is_open(req), "token": token},
    )
