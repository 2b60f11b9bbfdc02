"""Group-day pages: parse, authorise, call a service, respond."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from talentbrug.accounts.access import (
    ASSESSOR,
    HR,
    MANAGER,
    can,
    get_for_organisation,
    scoped,
    staff_required,
)
from talentbrug.applications.models import Application, Candidate
from talentbrug.core.forms import show_errors
from talentbrug.core.http import organisation_of
from talentbrug.core.portal import candidate_required
from talentbrug.selection.constants import DEFAULT_ANCHORS
from talentbrug.selection.models import pseudonym_for
from talentbrug.selection.services import blind as selection_blind
from talentbrug.selection.services import pipeline as selection_pipeline
from talentbrug.selection.services import scorecards as selection_scorecards

from .constants import SCORE_MAX, SCORE_MIN
from .forms import BookForm, DayForm, DiversityForm, DiversitySettingForm, LanguageForm, SessionForm
from .models import AssessmentDay, DayBooking, DiversityResponse, Session
from .services import bookings as bookings_services
from .services import days as days_services
from .services import diversity
from .services import grid as grid_services
from .services import language as language_services
from .services.errors import AssessmentError, NotObserver


def _day(request: HttpRequest, pk: int) -> AssessmentDay:
    return get_for_organisation(AssessmentDay, organisation_of(request), pk=pk)


def _assessor_only(request: HttpRequest) -> bool:
    """An assessor (without HR or manager role) sees names only of candidates they observe."""
    roles: frozenset[str] = getattr(request, "roles", frozenset())
    return ASSESSOR in roles and not roles & {HR, MANAGER}


# ---------------------------------------------------------------------------------------------
# Staff
# ---------------------------------------------------------------------------------------------


@staff_required("assessments.view")
def index(request: HttpRequest) -> HttpResponse:
    days = (
        scoped(AssessmentDay.objects.all(), organisation_of(request))
        .annotate(
            session_count=Count("sessions", distinct=True),
            booked=Count("bookings", filter=Q(bookings__status="booked"), distinct=True),
        )
        .prefetch_related("vacancies")
    )
    return render(
        request,
        "assessments/index.html",
        {
            "days": days,
            "can_manage": can(request, "assessments.manage"),
            "can_diversity": can(request, "assessments.diversity"),
        },
    )


@staff_required("assessments.manage")
def create(request: HttpRequest) -> HttpResponse:
    form = DayForm(request.POST or None, organisation=organisation_of(request))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            day = days_services.create_day(
                organisation_of(request),
                title=data["title"],
                description=data["description"],
                address_text=data["address_text"],
                vacancies=data["vacancies"],
                observers=data["observers"],
                user=request.user,
            )
        except AssessmentError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("De groepsdag is aangemaakt. Voeg nu sessies toe."))
            return redirect("assessments:detail", pk=day.pk)
    return render(request, "assessments/create.html", {"form": form})


@staff_required("assessments.manage")
def edit(request: HttpRequest, pk: int) -> HttpResponse:
    day = _day(request, pk)
    initial = {
        "title": day.title,
        "description": day.description,
        "address_text": day.address_text,
        "vacancies": list(day.vacancies.values_list("pk", flat=True)),
        "observers": list(day.observers.values_list("pk", flat=True)),
    }
    form = DayForm(request.POST or None, initial=initial, organisation=organisation_of(request))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            days_services.update_day(
                day,
                title=data["title"],
                description=data["description"],
                address_text=data["address_text"],
                vacancies=data["vacancies"],
                observers=data["observers"],
                user=request.user,
            )
        except AssessmentError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("De groepsdag is opgeslagen."))
            return redirect("assessments:detail", pk=day.pk)
    return render(
        request,
        "assessments/edit.html",
        {"day": day, "form": form},
        status=400 if form.errors else 200,
    )


def _session(request: HttpRequest, pk: int, session: int) -> Session:
    day = _day(request, pk)
    return get_for_organisation(
        Session.objects.select_related("day"), organisation_of(request), pk=session, day=day
    )


@staff_required("assessments.manage")
def edit_session(request: HttpRequest, pk: int, session: int) -> HttpResponse:
    item = _session(request, pk, session)
    initial = {"starts_at": item.starts_at, "ends_at": item.ends_at, "capacity": item.capacity}
    form = SessionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            days_services.update_session(item, user=request.user, **form.cleaned_data)
        except AssessmentError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("De sessie is opgeslagen."))
            return redirect("assessments:detail", pk=item.day_id)
    return render(
        request,
        "assessments/session_edit.html",
        {"day": item.day, "session": item, "form": form},
        status=400 if form.errors else 200,
    )


@require_POST
@staff_required("assessments.manage")
def delete_session(request: HttpRequest, pk: int, session: int) -> HttpResponse:
    item = _session(request, pk, session)
    try:
        days_services.delete_session(item, user=request.user)
    except AssessmentError as exc:
        show_errors(request, exc, each=True)
    else:
        messages.success(request, _("De sessie is verwijderd."))
    return redirect("assessments:detail", pk=item.day_id)


@staff_required("assessments.view")
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    day = _day(request, pk)
    return _detail(request, day, SessionForm())


def _detail(request: HttpRequest, day: AssessmentDay, form: SessionForm) -> HttpResponse:
    bookings = grid_services.participants(day)
    labels = grid_services.labels_for(bookings)
    observer = grid_services.is_observer(day, request.user)
    anonymous = _assessor_only(request) and not observer
    rows = [
        {
            "booking": b,
            "label": pseudonym_for(b.application_id) if anonymous else labels[b.application_id][0],
        }
        for b in bookings
    ]
    return render(
        request,
        "assessments/detail.html",
        {
            "day": day,
            "sessions": day.sessions.all(),
            "vacancies": day.vacancies.all(),
            "observers": day.observers.all(),
            "rows": rows,
            "form": form,
            "can_manage": can(request, "assessments.manage"),
            "can_observe": can(request, "assessments.observe") and observer,
            "can_language": can(request, "assessments.language"),
        },
        status=400 if form.errors else 200,
    )


@require_POST
@staff_required("assessments.manage")
def add_session(request: HttpRequest, pk: int) -> HttpResponse:
    day = _day(request, pk)
    form = SessionForm(request.POST)
    if form.is_valid():
        try:
            days_services.add_session(day, user=request.user, **form.cleaned_data)
        except AssessmentError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("De sessie is toegevoegd."))
            return redirect("assessments:detail", pk=day.pk)
    return _detail(request, day, form)


@staff_required("assessments.observe")
def grid(request: HttpRequest, pk: int) -> HttpResponse:
    day = _day(request, pk)
    observer = grid_services.is_observer(day, request.user)
    return render(
        request,
        "assessments/grid.html",
        {
            "day": day,
            "observer": observer,
            "candidates": grid_services.grid_for(day, request.user) if observer else [],
            "levels": list(range(SCORE_MIN, SCORE_MAX + 1)),
            "anchors": _anchors(day),
        },
    )


def _anchors(day: AssessmentDay) -> dict[int, str]:
    """The anchor texts of the day's first vacancy (the 1–4 scale is the same everywhere)."""
    vacancy = day.vacancies.order_by("pk").first()
    if vacancy is None:
        return {level: str(text) for level, text in DEFAULT_ANCHORS.items()}
    return selection_scorecards.anchors_for(vacancy)


@require_POST
@staff_required("assessments.observe")
def grid_candidate(request: HttpRequest, pk: int, application: int) -> HttpResponse:
    """The grid without JavaScript: one form per candidate, saved (or submitted) at once."""
    day = _day(request, pk)
    values: dict[int, Any] = {}
    for key, value in request.POST.items():
        if key.startswith("row_") and key[4:].isdigit():
            values[int(key[4:])] = value
    submit = request.POST.get("action") == "submit"
    try:
        saved = grid_services.save_candidate(
            day, request.user, application_id=application, values=values, submit=submit
        )
    except AssessmentError as exc:
        show_errors(request, exc, each=True)
    else:
        if submit:
            messages.success(request, _("Ingediend. U ziet nu ook de scores van anderen."))
        else:
            messages.success(request, _("%(count)s scores opgeslagen.") % {"count": saved})
    return redirect(f"{reverse('assessments:grid', kwargs={'pk': day.pk})}#kandidaat-{application}")


@require_POST
@staff_required("assessments.observe")
def cell(request: HttpRequest, pk: int) -> HttpResponse:
    """One cell, sent by grid.js (also when re-sending a queue after a lost connection)."""
    day = _day(request, pk)
    try:
        score = grid_services.save_cell(
            day,
            request.user,
            application_id=request.POST.get("application"),
            requirement_id=request.POST.get("requirement"),
            value=request.POST.get("value"),
        )
    except NotObserver as exc:
        return JsonResponse({"ok": False, "error": exc.messages[0]}, status=403)
    except AssessmentError as exc:
        return JsonResponse({"ok": False, "error": exc.messages[0]}, status=400)
    return JsonResponse({"ok": True, "value": score.value})


@staff_required("assessments.manage")
def results(request: HttpRequest, pk: int) -> HttpResponse:
    day = _day(request, pk)
    return render(
        request,
        "assessments/results.html",
        {"day": day, "results": grid_services.results_for(day, request.user)},
    )


@staff_required("assessments.language")
def language(request: HttpRequest, pk: int) -> HttpResponse:
    queryset = Application.objects.select_related("vacancy", "candidate")
    application = get_for_organisation(queryset, organisation_of(request), pk=pk)
    progress = selection_pipeline.progress_for(application)
    hidden = selection_blind.identity_hidden(
        progress, selection_pipeline.stages_for(application.vacancy)
    )
    if _assessor_only(request) and not grid_services.observes(request.user, application):
        hidden = True
    form = LanguageForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            language_services.record_language_results(
                application,
                form.levels(),
                test_name=form.cleaned_data["test_name"],
                taken_on=form.cleaned_data["taken_on"],
                user=request.user,
            )
        except AssessmentError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("De uitslag van de taaltoets is opgeslagen."))
            return redirect("assessments:language", pk=application.pk)
    return render(
        request,
        "assessments/language.html",
        {
            "application": application,
            "label": pseudonym_for(application.pk) if hidden else application.candidate.name,
            "rows": language_services.language_overview(application),
            "form": form,
        },
        status=400 if form.errors else 200,
    )


@staff_required("assessments.diversity")
def diversity_settings(request: HttpRequest) -> HttpResponse:
    organisation = organisation_of(request)
    enabled = diversity.diversity_enabled(organisation)
    form = DiversitySettingForm(request.POST or None, initial={"enabled": enabled})
    if request.method == "POST" and form.is_valid():
        diversity.set_diversity_enabled(
            organisation, enabled=form.cleaned_data["enabled"], user=request.user
        )
        messages.success(request, _("De instelling is opgeslagen."))
        return redirect("assessments:diversity_settings")
    return render(
        request,
        "assessments/diversity_settings.html",
        {
            "form": form,
            "enabled": enabled,
            "answered": DiversityResponse.objects.filter(organisation=organisation).count(),
        },
    )


# ---------------------------------------------------------------------------------------------
# Candidate portal (session from the personal link, see core.portal.candidate_required)
# ---------------------------------------------------------------------------------------------


def _own_application(request: HttpRequest, pk: int) -> Application:
    candidate: Candidate = request.candidate  # type: ignore[attr-defined]
    return get_object_or_404(
        Application.objects.select_related("vacancy", "organisation"), pk=pk, candidate=candidate
    )


@candidate_required
def portal_book(request: HttpRequest, pk: int) -> HttpResponse:
    application = _own_application(request, pk)
    may_book = bookings_services.may_book(application)
    sessions = bookings_services.open_sessions(application)
    form = BookForm(request.POST or None, sessions=sessions)
    if request.method == "POST" and may_book and form.is_valid():
        try:
            bookings_services.book_session(application, form.cleaned_data["session"].pk)
        except AssessmentError as exc:
            form.add_error("session", exc.messages[0])
        else:
            messages.success(request, _("Je bent ingeschreven. Tot dan!"))
            return redirect("assessments:portal_book", pk=application.pk)
    return render(
        request,
        "assessments/portal_book.html",
        {
            "application": application,
            "may_book": may_book,
            "bookings": bookings_services.active_bookings(application),
            "days": bookings_services.days_for(application),
            "form": form,
        },
        status=400 if form.errors else 200,
    )


@require_POST
@candidate_required
def portal_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    application = _own_application(request, pk)
    booking = get_object_or_404(
        DayBooking, pk=request.POST.get("booking") or 0, application=application
    )
    bookings_services.cancel_booking(booking)
    messages.success(request, _("Je inschrijving is geannuleerd."))
    return redirect("assessments:portal_book", pk=application.pk)


@candidate_required
def portal_diversity(request: HttpRequest, pk: int) -> HttpResponse:
    application = _own_application(request, pk)
    enabled = diversity.diversity_enabled(application.organisation)
    existing = DiversityResponse.objects.filter(application=application).first()
    initial = (
        {name: getattr(existing, name) for name in diversity.DIVERSITY_FIELDS} if existing else None
    )
    form = DiversityForm(request.POST or None, initial=initial)
    if request.method == "POST" and enabled:
        if request.POST.get("action") == "withdraw":
            diversity.withdraw_diversity(application)
            messages.success(request, _("Je antwoorden zijn verwijderd."))
            return redirect("assessments:portal_diversity", pk=application.pk)
        if form.is_valid():
            try:
                diversity.save_diversity(application, form.cleaned_data)
            except AssessmentError as exc:
                form.add_error(None, exc)
            else:
                messages.success(request, _("Dank je wel. Je antwoorden zijn opgeslagen."))
                return redirect("assessments:portal_diversity", pk=application.pk)
    return render(
        request,
        "assessments/portal_diversity.html",
        {"application": application, "enabled": enabled, "answered": existing, "form": form},
        status=400 if form.errors else 200,
    )
