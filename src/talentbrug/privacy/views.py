"""Thin views of the privacy pages: parse, authorise, call a service, respond."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from talentbrug.accounts.access import can, get_for_organisation, staff_required
from talentbrug.applications.constants import DeletionRequestStatus
from talentbrug.applications.models import Application
from talentbrug.core.forms import show_errors
from talentbrug.core.http import acting_role, organisation_of
from talentbrug.vacancies.models import Vacancy

from . import retention
from .forms import (
    DecideObjectionForm,
    HoldForm,
    ObjectionForm,
    PersonForm,
    PolicyForm,
    VacancyTermForm,
)
from .models import LegalHold, Objection, RetentionPolicy, RetentionRun
from .services import access as access_services
from .services import erasure as erasure_services
from .services import holds as holds_services
from .services import objections as objections_services
from .services import policy as policy_services
from .services import purge as purge_services


@require_GET
@staff_required("privacy.view")
def index(request: HttpRequest) -> HttpResponse:
    organisation = organisation_of(request)
    plan = purge_services.report(organisation_id=organisation.pk)
    ids = [d.pk for d in plan["due_now"] + plan["soon"] + plan["held"]]
    applications = {
        a.pk: a for a in Application.objects.filter(pk__in=ids).select_related("vacancy")
    }
    for key in ("due_now", "soon", "held"):
        plan[key] = [
            {"due": d, "application": applications.get(d.pk)}
            for d in plan[key]
            if d.organisation_id == organisation.pk
        ][:200]
    return render(
        request,
        "privacy/index.html",
        {
            "plan": plan,
            "policy": retention.policy_for(organisation.pk),
            "last_run": RetentionRun.objects.filter(finished_at__isnull=False).first(),
            "can_manage": can(request, "privacy.manage"),
        },
    )


@staff_required("privacy.manage")
def policy(request: HttpRequest) -> HttpResponse:
    organisation = organisation_of(request)
    instance = RetentionPolicy.objects.filter(organisation=organisation).first() or (
        RetentionPolicy(organisation=organisation)
    )
    form = PolicyForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        try:
            policy_services.update_policy(organisation, request.user, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error("extension_reason" if exc.code == "reason" else None, exc)
        else:
            messages.success(request, _("Het bewaarbeleid is opgeslagen."))
            return redirect("privacy:index")
    return render(request, "privacy/policy.html", {"form": form})


@staff_required("privacy.manage")
def vacancy_term(request: HttpRequest, pk: int) -> HttpResponse:
    vacancy = get_for_organisation(Vacancy, organisation_of(request), pk=pk)
    current = getattr(vacancy, "retention", None)
    initial = {
        "rejected_days": current.rejected_days
        if current
        else retention.policy_for(vacancy.organisation_id).rejected_days,
        "reason": current.reason if current else "",
    }
    form = VacancyTermForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            policy_services.set_vacancy_term(
                vacancy,
                request.user,
                form.cleaned_data["rejected_days"],
                form.cleaned_data["reason"],
            )
        except ValidationError as exc:
            form.add_error("reason" if exc.code == "reason" else "rejected_days", exc)
        else:
            messages.success(request, _("De bewaartermijn van de vacature is opgeslagen."))
            return redirect("privacy:index")
    return render(
        request,
        "privacy/vacancy_term.html",
        {"form": form, "vacancy": vacancy, "policy": retention.policy_for(vacancy.organisation_id)},
    )


@require_GET
@staff_required("privacy.view")
def requests(request: HttpRequest) -> HttpResponse:
    organisation = organisation_of(request)
    now = timezone.now()
    rows = []
    for item in erasure_services.requests_for(organisation).order_by("requested_at")[:500]:
        deadline = erasure_services.erasure_deadline(item)
        outcome = getattr(item, "outcome", None)
        rows.append(
            {
                "request": item,
                "deadline": deadline,
                "days_left": (deadline - now).days,
                "open": item.status == DeletionRequestStatus.REQUESTED,
                "outcome": outcome,
            }
        )
    rows.sort(key=lambda r: (not r["open"], r["deadline"]))
    return render(
        request,
        "privacy/requests.html",
        {"rows": rows, "can_manage": can(request, "privacy.manage")},
    )


@require_http_methods(["GET", "POST"])
@staff_required("privacy.manage")
def carry_out(request: HttpRequest, pk: int) -> HttpResponse:
    """Show what erasure will do and ask for confirmation; carry it out only when confirmed."""
    organisation = organisation_of(request)
    item = erasure_services.requests_for(organisation).filter(pk=pk).first()
    if item is None:
        raise Http404(_("Dit bestaat niet, of u heeft er geen toegang toe."))
    if request.method != "POST":
        return render(
            request,
            "privacy/carry_out_confirm.html",
            {"item": item, "plan": erasure_services.erasure_plan(item)},
        )
    if request.POST.get("confirm") != "yes":
        messages.error(request, _("Vink aan dat u het verzoek wilt uitvoeren."))
        return redirect("privacy:carry_out", pk=item.pk)
    try:
        outcome = erasure_services.carry_out_erasure(
            item, user=request.user, organisation=organisation
        )
    except ValidationError as exc:
        show_errors(request, exc)
    else:
        messages.success(
            request,
            _(
                "Verzoek uitgevoerd: %(a)s sollicitaties geanonimiseerd, %(k)s bewaard. De "
                "kandidaat krijgt daarover een e-mail."
            )
            % {"a": outcome.applications_anonymised, "k": outcome.applications_kept},
        )
    return redirect("privacy:requests")


@require_GET
@staff_required("privacy.view")
def holds(request: HttpRequest) -> HttpResponse:
    rows = LegalHold.objects.filter(organisation=organisation_of(request)).select_related(
        "candidate"
    )
    return render(
        request,
        "privacy/holds.html",
        {"holds": rows[:500], "form": HoldForm(), "can_manage": can(request, "privacy.manage")},
    )


NOT_FOUND = gettext_lazy("Geen kandidaat met dit adres bij uw organisatie.")


def _person_or_error(request: HttpRequest, form: PersonForm) -> Any:
    candidate = access_services.find_candidate(organisation_of(request), form.cleaned_data["email"])
    if candidate is None:
        form.add_error("email", NOT_FOUND)
    return candidate


@require_POST
@staff_required("privacy.manage")
def hold_add(request: HttpRequest) -> HttpResponse:
    form = HoldForm(request.POST)
    if form.is_valid() and (candidate := _person_or_error(request, form)) is not None:
        try:
            holds_services.place_hold(
                organisation_of(request),
                candidate,
                request.user,
                form.cleaned_data["reference"],
                form.cleaned_data["reason"],
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("De juridische blokkade is ingesteld."))
            return redirect("privacy:holds")
    rows = LegalHold.objects.filter(organisation=organisation_of(request)).select_related(
        "candidate"
    )
    return render(
        request,
        "privacy/holds.html",
        {"holds": rows[:500], "form": form, "can_manage": True},
        status=400,
    )


@require_POST
@staff_required("privacy.manage")
def hold_lift(request: HttpRequest, pk: int) -> HttpResponse:
    hold = get_for_organisation(LegalHold, organisation_of(request), pk=pk)
    try:
        holds_services.lift_hold(hold, request.user)
    except ValidationError as exc:
        show_errors(request, exc)
    else:
        messages.success(request, _("De blokkade is opgeheven."))
    return redirect("privacy:holds")


def _objections_page(request: HttpRequest, form: ObjectionForm, status: int = 200) -> HttpResponse:
    rows = Objection.objects.filter(organisation=organisation_of(request)).select_related(
        "candidate"
    )
    return render(
        request,
        "privacy/objections.html",
        {
            "objections": rows[:500],
            "form": form,
            "decide_form": DecideObjectionForm(),
            "can_manage": can(request, "privacy.manage"),
        },
        status=status,
    )


@require_GET
@staff_required("privacy.view")
def objections(request: HttpRequest) -> HttpResponse:
    return _objections_page(request, ObjectionForm())


@require_POST
@staff_required("privacy.manage")
def objection_add(request: HttpRequest) -> HttpResponse:
    form = ObjectionForm(request.POST)
    if form.is_valid() and (candidate := _person_or_error(request, form)) is not None:
        objections_services.record_objection(
            organisation_of(request), candidate, request.user, form.cleaned_data["processing"]
        )
        messages.success(request, _("Het bezwaar is vastgelegd."))
        return redirect("privacy:objections")
    return _objections_page(request, form, status=400)


@require_POST
@staff_required("privacy.manage")
def objection_decide(request: HttpRequest, pk: int) -> HttpResponse:
    objection = get_for_organisation(Objection, organisation_of(request), pk=pk)
    form = DecideObjectionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Kies toekennen of afwijzen."))
        return redirect("privacy:objections")
    try:
        objections_services.decide_objection(
            objection, request.user, form.cleaned_data["outcome"], form.cleaned_data["note"]
        )
    except ValidationError as exc:
        show_errors(request, exc)
    else:
        messages.success(request, _("De beslissing is vastgelegd."))
    return redirect("privacy:objections")


@require_GET
@staff_required("privacy.manage")
def access(request: HttpRequest) -> HttpResponse:
    form = PersonForm(request.GET or None)
    candidate = None
    if request.GET and form.is_valid():
        # The look-up shows whether the person applied here: logged (never the address).
        candidate = access_services.look_up_person(
            organisation_of(request),
            form.cleaned_data["email"],
            user=request.user,
            role=acting_role(request, "privacy.manage"),
        )
        if candidate is None:
            form.add_error("email", NOT_FOUND)
    return render(request, "privacy/access.html", {"form": form, "candidate": candidate})


@require_GET
@staff_required("privacy.manage")
def access_download(request: HttpRequest, pk: int) -> HttpResponse:
    organisation = organisation_of(request)
    candidate = access_services.candidates_of(organisation).filter(pk=pk).first()
    if candidate is None:
        raise Http404(_("Dit bestaat niet, of u heeft er geen toegang toe."))
    data = access_services.export_for_staff(candidate, user=request.user, organisation=organisation)
    response = HttpResponse(data, content_type="application/zip")
    response["Content-Disposition"] = (
        f'attachment; filename="gegevens-kandidaat-{candidate.pk}.zip"'
    )
    response["Cache-Control"] = "no-store"
    return response
