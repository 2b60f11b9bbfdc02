"""The staff pages of applications: lists, search, the detail page, questions, documents, merging."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from talentbrug.accounts.access import HR, can, get_for_organisation, scoped, staff_required
from talentbrug.audit.services import record_event
from talentbrug.core.http import acting_role
from talentbrug.outbox.services import mails_about
from talentbrug.vacancies.models import Vacancy

from .. import merging
from .. import search as candidate_search
from ..models import (
    Application,
    Document,
)
from ..services import booking, profile, questions
from ..services import errors as application_errors
from ..signals import hidden_identities
from ..staff_forms import MergeForm, QuestionForm
from ..status import status_source
from .portal import journey_of, stream_document


@staff_required("applications.view")
def staff_list(request: HttpRequest) -> HttpResponse:
    open_filter = status_source().open_filter
    vacancies = (
        scoped(Vacancy.objects.all(), request.organisation)  # type: ignore[attr-defined]
        .filter(applications__isnull=False)
        .distinct()
        .order_by("title")
    )
    vacancies = vacancies.annotate(
        total=Count("applications", distinct=True),
        open=Count("applications", filter=open_filter("applications__"), distinct=True),
    )
    rows = [{"vacancy": v, "total": v.total, "open": v.open} for v in vacancies]
    return render(
        request,
        "applications/staff/list.html",
        {"rows": rows, "perms_search": can(request, "applications.search")},
    )


@staff_required("applications.search")
def staff_search(request: HttpRequest) -> HttpResponse:
    """One search box over the organisation's applications (read-only, blind review kept)."""
    raw = request.GET.get(candidate_search.QUERY_PARAMETER, "")
    query = candidate_search.clean_query(raw)
    result = candidate_search.search(
        request.organisation,  # type: ignore[attr-defined]
        query,
        see_identity=can(request, "applications.identity"),
    )
    if len(query) >= candidate_search.MIN_LENGTH:
        # Reading who applied is logged (counts only, never the query), each page of it.
        candidate_search.record_search(
            request.organisation,  # type: ignore[attr-defined]
            request.user,
            result,
            role=acting_role(request, "applications.search"),
        )
    page = Paginator(result.rows, 25).get_page(request.GET.get("pagina"))
    return render(
        request,
        "applications/staff/search.html",
        {
            "query": query,
            "parameter": candidate_search.QUERY_PARAMETER,
            "searched": len(query) >= candidate_search.MIN_LENGTH,
            "too_short": bool(query) and len(query) < candidate_search.MIN_LENGTH,
            "truncated": result.truncated,
            "max_results": candidate_search.MAX_RESULTS,
            "max_length": candidate_search.MAX_LENGTH,
            "page": page,
            "rows": page.object_list,
        },
    )


@staff_required("applications.view")
def staff_vacancy(request: HttpRequest, pk: int) -> HttpResponse:
    vacancy = get_for_organisation(Vacancy, request.organisation, pk=pk)  # type: ignore[attr-defined]
    applications = list(
        scoped(Application.objects.all(), request.organisation)  # type: ignore[attr-defined]
        .filter(vacancy=vacancy)
        .select_related("candidate")
        .order_by("-submitted_at", "-pk")
    )
    hidden = (
        {} if can(request, "applications.identity") else hidden_identities(vacancy, applications)[0]
    )
    stages = status_source().current_kinds(applications)
    rows = [
        {
            "application": a,
            "label": hidden.get(a.pk) or a.candidate.name,
            "blind": a.pk in hidden,
            "stage": stages[a.pk][1],
        }
        for a in applications
    ]
    page = Paginator(rows, 100).get_page(request.GET.get("pagina"))
    return render(
        request,
        "applications/staff/vacancy.html",
        {"vacancy": vacancy, "page": page, "rows": page.object_list},
    )


@staff_required("applications.view")
def staff_detail(request: HttpRequest, pk: int) -> HttpResponse:
    application = get_for_organisation(
        Application.objects.select_related("candidate", "vacancy"),
        request.organisation,  # type: ignore[attr-defined]
        pk=pk,
    )
    pseudonyms, hidden_url = hidden_identities(application.vacancy, [application])
    hidden = bool(pseudonyms)
    if hidden and not can(request, "applications.identity"):
        # Identity is hidden in selection: open the candidate there, under a pseudonym.
        messages.info(
            request,
            _("Deze kandidaat is (nog) anoniem in de selectie. U ziet de gegevens zonder naam."),
        )
        return redirect(hidden_url, pk=application.pk)
    if hidden:
        # The HR adviser runs the procedure and keeps the named view, but looking at a name
        # that selection hides is recorded, like a reveal (the page says so).
        record_event(
            "application.identity_viewed",
            actor=request.user,
            organisation=request.organisation,  # type: ignore[attr-defined]
            obj=application,
            role=HR,
            application=application.pk,
        )
    candidate = application.candidate
    earlier = (
        scoped(Application.objects.all(), request.organisation)  # type: ignore[attr-defined]
        .filter(candidate=candidate)
        .exclude(pk=application.pk)
        .select_related("vacancy")
    )
    return render(
        request,
        "applications/staff/detail.html",
        {
            "application": application,
            "candidate": candidate,
            "documents": application.documents.all(),
            "booking": booking.active_booking(application),
            "work_sample": getattr(application, "work_sample", None),
            "earlier": earlier,
            "can_documents": can(request, "applications.view_documents"),
            "can_merge": can(request, "applications.merge"),
            "merge_form": MergeForm(),
            "questions": application.questions.select_related("answer_document", "asked_by"),
            "profile": profile.profile_for(candidate, request.organisation),  # type: ignore[attr-defined]
            "can_ask": can(request, "applications.ask"),
            "question_form": QuestionForm(),
            "identity_hidden": hidden,
            "journey": journey_of(application),
            # Status only (never the text): what went out to this person from this organisation.
            "mails": mails_about(candidate, request.organisation)[:50],  # type: ignore[attr-defined]
        },
    )


@require_POST
@staff_required("applications.ask")
def staff_ask(request: HttpRequest, pk: int) -> HttpResponse:
    """HR asks the candidate a question about this application."""
    application = get_for_organisation(Application, request.organisation, pk=pk)  # type: ignore[attr-defined]
    form = QuestionForm(request.POST)
    if form.is_valid():
        try:
            questions.ask_question(
                application,
                form.cleaned_data["text"],
                actor=request.user,
                organisation=request.organisation,  # type: ignore[attr-defined]
            )
        except application_errors.ApplyError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, _("De vraag is verstuurd. De kandidaat krijgt een e-mail."))
    else:
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, str(error))
    return redirect(reverse("applications:staff_detail", args=[application.pk]) + "#vragen")


@staff_required("applications.view_documents")
def staff_document(request: HttpRequest, pk: int, document_pk: int) -> HttpResponse:
    application = get_for_organisation(Application, request.organisation, pk=pk)  # type: ignore[attr-defined]
    if (
        not can(request, "applications.identity")
        and hidden_identities(application.vacancy, [application])[0]
    ):
        # The original file carries the name: reviewers read the redacted text in selection.
        raise Http404(_("Dit bestaat niet, of u heeft er geen toegang toe."))
    document = get_object_or_404(Document, pk=document_pk, application=application)
    record_event(
        "application.document_downloaded",
        actor=request.user,
        organisation=request.organisation,  # type: ignore[attr-defined]
        obj=application,
        document=document.pk,
    )
    return stream_document(document)  # type: ignore[return-value]


@staff_required("applications.merge")
def staff_merge(request: HttpRequest, pk: int) -> HttpResponse:
    """GET shows what a merge moves (or why it cannot); POST with the tick does it."""
    organisation = request.organisation  # type: ignore[attr-defined]
    application = get_for_organisation(Application, organisation, pk=pk)
    posted = request.method == "POST"
    form = MergeForm((request.POST if posted else request.GET) or None)
    other = plan = None
    refusal = ""
    if form.is_bound and form.is_valid():
        other = (
            scoped(Application.objects.all(), organisation)
            .filter(pk=form.cleaned_data["other_application"])
            .select_related("candidate")
            .first()
        )
        if other is None:
            form.add_error(
                "other_application", _("Deze sollicitatie bestaat niet in uw organisatie.")
            )
        elif other.candidate_id == application.candidate_id:
            form.add_error(
                "other_application", _("Deze sollicitatie is al van dezelfde kandidaat.")
            )
        else:
            plan = merging.plan_merge(other.candidate, application.candidate, organisation)
            if plan.refused:
                refusal = str(merging.MERGE_REFUSED)
            elif posted and form.confirmed():
                try:
                    merging.merge_candidates(
                        other.candidate,
                        application.candidate,
                        actor=request.user,
                        organisation=organisation,
                    )
                except merging.MergeRefused as exc:
                    refusal = exc.message
                else:
                    messages.success(request, _("De kandidaten zijn samengevoegd."))
                    return redirect("applications:staff_detail", pk=application.pk)
    status = 400 if posted else 200
    return render(
        request,
        "applications/staff/merge.html",
        {
            "application": application,
            "form": form,
            "other": other,
            "plan": plan,
            "refusal": refusal,
            "moving": _merge_kinds(plan) if plan is not None else [],
        },
        status=status,
    )


def _merge_kinds(plan: merging.MergePlan) -> list[tuple[str, int]]:
    """(kind of data in the staff's words, rows that move), for the confirmation page."""
    from django.apps import apps

    return [
        (str(apps.get_model(label)._meta.verbose_name_plural), count)
        for label, count in sorted(plan.counts.items())
    ]
