"""Interview pages: parse, authorise, call a service, respond."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from talentbrug.accounts.access import can, get_for_organisation, staff_required
from talentbrug.applications.models import Application
from talentbrug.core.http import organisation_of, roles_of
from talentbrug.core.portal import candidate_required
from talentbrug.selection.assignment import limited_to_assignments, require_assignment

from . import agenda as agenda_service
from . import emails, ics, services
from .access import agenda_limited_to_own
from .constants import InterviewStatus
from .forms import AgendaStartForm, ChooseSlotForm, InterviewForm
from .models import Interview


def _rows(interviews: Any) -> list[dict[str, Any]]:
    return [{"interview": i, "label": emails.candidate_label(i)} for i in interviews]


@staff_required("interviews.view")
def index(request: HttpRequest) -> HttpResponse:
    only_assigned = limited_to_assignments(roles_of(request))
    rows = services.upcoming(organisation_of(request), request.user, only_assigned)
    return render(
        request,
        "interviews/index.html",
        {
            "rows": _rows(rows),
            "only_assigned": only_assigned,
            "can_score": can(request, "selection.score"),
        },
    )


@staff_required("interviews.agenda")
def agenda(request: HttpRequest) -> HttpResponse:
    """Four weeks of planned interviews and group-day sessions, per day (``?vanaf=``)."""
    today = timezone.localdate()
    first, last = agenda_service.allowed_range(today)
    bound = "vanaf" in request.GET
    form = AgendaStartForm(
        request.GET if bound else None, initial={"vanaf": today}, first=first, last=last
    )
    start = form.cleaned_data["vanaf"] if bound and form.is_valid() else today
    own_only = agenda_limited_to_own(roles_of(request))
    days = agenda_service.agenda(organisation_of(request), request.user, own_only, start)
    earlier = start - agenda_service.WINDOW
    later = start + agenda_service.WINDOW
    return render(
        request,
        "interviews/agenda.html",
        {
            "days": days,
            "form": form,
            "own_only": own_only,
            "start": start,
            "end": later - timedelta(days=1),
            "earlier": earlier if earlier >= first else None,
            "later": later if later <= last else None,
            "today": today,
        },
    )


@staff_required("interviews.agenda")
def agenda_ics(request: HttpRequest) -> HttpResponse:
    """The user's own upcoming items (interviewer, observer) as one calendar file."""
    items = agenda_service.own_upcoming(organisation_of(request), request.user)
    response = HttpResponse(
        agenda_service.calendar_file(items), content_type="text/calendar; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="mijn-agenda.ics"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


def _application(request: HttpRequest, pk: int) -> Application:
    queryset = Application.objects.select_related("vacancy", "candidate", "organisation")
    application = get_for_organisation(queryset, organisation_of(request), pk=pk)
    require_assignment(request, application)
    return application


@staff_required("interviews.plan")
def propose(request: HttpRequest, pk: int) -> HttpResponse:
    application = _application(request, pk)
    staff = services.staff_of(organisation_of(request))
    form = InterviewForm(request.POST if request.method == "POST" else None, staff=staff)
    problem = ""
    try:
        services.check_plannable(application)
    except services.InterviewError as exc:
        problem = exc.messages[0]
    if request.method == "POST" and not problem and form.is_valid():
        data = form.cleaned_data
        try:
            services.propose_interview(
                application,
                user=request.user,
                roles=roles_of(request),
                interviewers=list(data["interviewers"]),
                slots=form.slots(),
                duration_minutes=data["duration_minutes"],
                location=data["location"],
                message=data["message"],
            )
        except services.InterviewError as exc:
            form.add_error(None, exc)
        else:
            messages.success(
                request, _("Het voorstel is verstuurd. De kandidaat kiest een tijd in het portaal.")
            )
            return redirect("selection:application", pk=application.pk)
    interviews = services.for_application(application)
    return render(
        request,
        "interviews/propose.html",
        {
            "application": application,
            "label": emails.candidate_label_for_application(application),
            "form": form,
            "problem": problem,
            "interviews": interviews,
        },
        status=400 if request.method == "POST" else 200,
    )


def _interview(request: HttpRequest, pk: int) -> Interview:
    queryset = Interview.objects.select_related(
        "application__vacancy", "application__candidate", "chosen_slot"
    )
    interview = get_for_organisation(queryset, organisation_of(request), pk=pk)
    require_assignment(request, interview.application)
    return interview


@staff_required("interviews.plan")
def reschedule(request: HttpRequest, pk: int) -> HttpResponse:
    interview = _interview(request, pk)
    staff = services.staff_of(organisation_of(request))
    initial = {
        "interviewers": list(interview.interviewers.all()),
        "duration_minutes": interview.duration_minutes,
        "location": interview.location,
        "message": interview.message,
    }
    form = InterviewForm(
        request.POST if request.method == "POST" else None, staff=staff, initial=initial
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.reschedule_interview(
                interview,
                user=request.user,
                roles=roles_of(request),
                slots=form.slots(),
                interviewers=list(data["interviewers"]),
                duration_minutes=data["duration_minutes"],
                location=data["location"],
                message=data["message"],
            )
        except services.InterviewError as exc:
            form.add_error(None, exc)
        else:
            messages.success(
                request, _("De nieuwe tijden zijn verstuurd. De kandidaat kiest opnieuw.")
            )
            return redirect("selection:application", pk=interview.application_id)
    return render(
        request,
        "interviews/reschedule.html",
        {
            "interview": interview,
            "application": interview.application,
            "label": emails.candidate_label(interview),
            "form": form,
            "closed": interview.status == InterviewStatus.CANCELLED,
        },
        status=400 if request.method == "POST" else 200,
    )


@require_POST
@staff_required("interviews.plan")
def cancel(request: HttpRequest, pk: int) -> HttpResponse:
    interview = _interview(request, pk)
    try:
        services.cancel_interview(interview, user=request.user, roles=roles_of(request))
    except services.InterviewError as exc:
        messages.error(request, exc.messages[0])
    else:
        messages.success(request, _("Het gesprek is geannuleerd. Iedereen krijgt een e-mail."))
    return redirect("selection:application", pk=interview.application_id)


# --------------------------------------------------------------------------- candidate portal


def _own_interview(request: HttpRequest, pk: int) -> Interview:
    return get_object_or_404(
        Interview.objects.select_related(
            "application__vacancy", "application__organisation", "chosen_slot", "organisation"
        ),
        pk=pk,
        application__candidate=request.candidate,  # type: ignore[attr-defined]
    )


@candidate_required
def portal_interview(request: HttpRequest, pk: int) -> HttpResponse:
    interview = _own_interview(request, pk)
    slots = services.available_slots(interview)
    form = ChooseSlotForm(
        request.POST if request.method == "POST" else None, slots=slots, when=emails.when
    )
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.choose_slot(
                    interview,
                    form.cleaned_data["slot"].pk,
                    request.candidate,  # type: ignore[attr-defined]
                )
            except services.InterviewError as exc:
                form.add_error(None, exc)
            else:
                messages.success(
                    request, _("Je gesprek is gepland. Je krijgt een e-mail met een afspraak.")
                )
                return redirect("interviews:portal_interview", pk=interview.pk)
        status = 400
        interview.refresh_from_db()
        slots = services.available_slots(interview)
    return render(
        request,
        "interviews/portal/interview.html",
        {
            "interview": interview,
            "slots": slots,
            "form": form,
            "running": services.still_running(interview.application),
        },
        status=status,
    )


@candidate_required
def portal_ics(request: HttpRequest, pk: int) -> HttpResponse:
    interview = _own_interview(request, pk)
    if interview.status != InterviewStatus.PLANNED or interview.starts_at is None:
        raise Http404(_("Dit gesprek heeft nog geen tijd."))
    candidate = request.candidate  # type: ignore[attr-defined]
    content = ics.calendar(
        interview_pk=interview.pk,
        sequence=interview.sequence,
        starts_at=interview.starts_at,
        ends_at=interview.ends_at,  # type: ignore[arg-type]
        summary=_("Gesprek bij %(organisation)s: %(title)s")
        % {
            "organisation": interview.organisation.name,
            "title": interview.application.vacancy.title,
        },
        location=interview.location,
        description=interview.message or interview.location,
        attendee_email=candidate.email,
        attendee_name=candidate.name,
    )
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="gesprek.ics"'
    return response
