"""Staff pages where HR sets up the work-sample and recruitment-day routes of a vacancy.

Thin views: fetch through the access helpers (tenant scoped), parse a form, call
``route_setup``, respond. The attachment of an assignment is also offered to candidates, but
only while the route can be used.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from talentbrug.accounts.access import get_for_organisation, staff_required
from talentbrug.docanalysis.policy import safe_name
from talentbrug.vacancies.constants import VacancyStatus
from talentbrug.vacancies.models import Vacancy

from . import route_setup
from .models import RecruitmentDay, Slot, WorkSampleAssignment
from .route_forms import AssignmentForm, DayForm, SlotSetupForm
from .services import submission

ACTION = route_setup.ACTION


def _vacancy(request: HttpRequest, pk: int) -> Vacancy:
    return get_for_organisation(Vacancy, request.organisation, pk=pk)  # type: ignore[attr-defined]


def _day(request: HttpRequest, vacancy: Vacancy, day_pk: int) -> RecruitmentDay:
    return get_for_organisation(
        RecruitmentDay.objects.filter(vacancy=vacancy),
        request.organisation,  # type: ignore[attr-defined]
        pk=day_pk,
    )


def _slot(request: HttpRequest, vacancy: Vacancy, slot_pk: int) -> Slot:
    slot = (
        Slot.objects.select_related("day")
        .filter(
            pk=slot_pk,
            day__vacancy=vacancy,
            day__organisation=request.organisation,  # type: ignore[attr-defined]
        )
        .first()
    )
    if slot is None:
        raise Http404(_("Dit bestaat niet, of je hebt er geen toegang toe."))
    return slot


def _latest_assignment(vacancy: Vacancy) -> WorkSampleAssignment | None:
    return WorkSampleAssignment.objects.filter(vacancy=vacancy).order_by("-deadline", "-pk").first()


def _days(vacancy: Vacancy) -> list[RecruitmentDay]:
    return list(
        RecruitmentDay.objects.filter(vacancy=vacancy).prefetch_related("slots").order_by("pk")
    )


@staff_required(ACTION)
def routes_page(request: HttpRequest, pk: int) -> HttpResponse:
    vacancy = _vacancy(request, pk)
    return render(
        request,
        "applications/routes/overview.html",
        {
            "vacancy": vacancy,
            "states": route_setup.route_states(vacancy),
            "assignment": _latest_assignment(vacancy),
            "days": _days(vacancy),
            "now": timezone.now(),
        },
    )


def _assignment_initial(assignment: WorkSampleAssignment | None) -> dict[str, Any]:
    if assignment is None:
        return {"deadline_time": dt.time(17, 0)}
    local = timezone.localtime(assignment.deadline)
    return {
        "title": assignment.title,
        "instructions": assignment.instructions,
        "rubric": assignment.rubric,
        "deadline_date": local.date(),
        "deadline_time": local.time().replace(second=0, microsecond=0),
    }


@staff_required(ACTION)
def assignment_edit(request: HttpRequest, pk: int) -> HttpResponse:
    vacancy = _vacancy(request, pk)
    assignment = _latest_assignment(vacancy)
    has_attachment = bool(assignment and assignment.attachment)
    if request.method == "POST":
        form = AssignmentForm(request.POST, request.FILES, has_attachment=has_attachment)
        if form.is_valid():
            data = form.cleaned_data
            upload = data.get("attachment")
            try:
                route_setup.save_assignment(
                    vacancy,
                    user=request.user,
                    title=data["title"],
                    instructions=data["instructions"],
                    rubric=data["rubric"],
                    deadline=timezone.make_aware(
                        dt.datetime.combine(data["deadline_date"], data["deadline_time"])
                    ),
                    attachment=(upload, form.checked) if upload else None,
                    remove_attachment=bool(data.get("remove_attachment")),
                    assignment=assignment,
                )
            except route_setup.RouteSetupError as exc:
                form.add_error("deadline_date", str(exc))
            else:
                messages.success(request, _("De opdracht is opgeslagen."))
                return redirect("applications:routes", pk=vacancy.pk)
    else:
        form = AssignmentForm(
            initial=_assignment_initial(assignment), has_attachment=has_attachment
        )
    return render(
        request,
        "applications/routes/assignment.html",
        {"vacancy": vacancy, "assignment": assignment, "form": form},
        status=400 if form.is_bound else 200,
    )


@staff_required(ACTION)
def day_edit(request: HttpRequest, pk: int, day_pk: int | None = None) -> HttpResponse:
    vacancy = _vacancy(request, pk)
    day = _day(request, vacancy, day_pk) if day_pk is not None else None
    if request.method == "POST":
        form = DayForm(request.POST)
        if form.is_valid():
            try:
                day = route_setup.save_day(vacancy, user=request.user, day=day, **form.cleaned_data)
            except route_setup.RouteSetupError as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, _("De wervingsdag is opgeslagen."))
                return redirect("applications:routes_day", pk=vacancy.pk, day_pk=day.pk)
    else:
        initial = (
            {"title": day.title, "address_text": day.address_text, "description": day.description}
            if day
            else {}
        )
        form = DayForm(initial=initial)
    return _day_page(request, vacancy, day, form, SlotSetupForm(prefix="slot"))


def _day_page(
    request: HttpRequest,
    vacancy: Vacancy,
    day: RecruitmentDay | None,
    form: DayForm,
    slot_form: SlotSetupForm,
) -> HttpResponse:
    bound = form.is_bound or slot_form.is_bound
    return render(
        request,
        "applications/routes/day.html",
        {
            "vacancy": vacancy,
            "day": day,
            "form": form,
            "slot_form": slot_form,
            "slots": list(day.slots.order_by("starts_at")) if day else [],
            "now": timezone.now(),
        },
        status=400 if bound else 200,
    )


@require_POST
@staff_required(ACTION)
def slot_add(request: HttpRequest, pk: int, day_pk: int) -> HttpResponse:
    vacancy = _vacancy(request, pk)
    day = _day(request, vacancy, day_pk)
    slot_form = SlotSetupForm(request.POST, prefix="slot")
    if slot_form.is_valid():
        try:
            route_setup.save_slot(day, user=request.user, **slot_form.cleaned_data)
        except route_setup.RouteSetupError as exc:
            slot_form.add_error(None, str(exc))
        else:
            messages.success(request, _("De tijd is toegevoegd."))
            return redirect("applications:routes_day", pk=vacancy.pk, day_pk=day.pk)
    form = DayForm(
        initial={
            "title": day.title,
            "address_text": day.address_text,
            "description": day.description,
        }
    )
    return _day_page(request, vacancy, day, form, slot_form)


@staff_required(ACTION)
def slot_edit(request: HttpRequest, pk: int, slot_pk: int) -> HttpResponse:
    vacancy = _vacancy(request, pk)
    slot = _slot(request, vacancy, slot_pk)
    if request.method == "POST":
        form = SlotSetupForm(request.POST)
        if form.is_valid():
            try:
                route_setup.save_slot(slot.day, user=request.user, slot=slot, **form.cleaned_data)
            except route_setup.RouteSetupError as exc:
                form.add_error(None, str(exc))
            else:
                messages.success(request, _("De tijd is gewijzigd."))
                return redirect("applications:routes_day", pk=vacancy.pk, day_pk=slot.day_id)
    else:
        starts, ends = timezone.localtime(slot.starts_at), timezone.localtime(slot.ends_at)
        form = SlotSetupForm(
            initial={
                "date": starts.date(),
                "start": starts.time().replace(second=0, microsecond=0),
                "end": ends.time().replace(second=0, microsecond=0),
                "capacity": slot.capacity,
            }
        )
    return render(
        request,
        "applications/routes/slot.html",
        {"vacancy": vacancy, "slot": slot, "form": form},
        status=400 if form.is_bound else 200,
    )


@require_POST
@staff_required(ACTION)
def slot_remove(request: HttpRequest, pk: int, slot_pk: int) -> HttpResponse:
    vacancy = _vacancy(request, pk)
    slot = _slot(request, vacancy, slot_pk)
    try:
        route_setup.remove_slot(slot, user=request.user)
    except route_setup.RouteSetupError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, _("De tijd is weggehaald."))
    return redirect("applications:routes_day", pk=vacancy.pk, day_pk=slot.day_id)


def assignment_attachment(request: HttpRequest, pk: int) -> FileResponse:
    """The attachment of the assignment a candidate can do now (published vacancy only)."""
    vacancy = Vacancy.objects.filter(pk=pk, status=VacancyStatus.PUBLISHED).first()
    assignment = submission.current_assignment(vacancy) if vacancy is not None else None
    if assignment is None or not assignment.attachment:
        raise Http404(_("Deze bijlage bestaat niet (meer)."))
    name = assignment.attachment_name or "opdracht"
    response = FileResponse(
        assignment.attachment.open("rb"),
        as_attachment=True,
        filename=safe_name(name, name.rsplit(".", 1)[-1] if "." in name else "txt"),
        content_type="application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response
