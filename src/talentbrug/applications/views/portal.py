"""The candidate portal (magic link): logging in, the candidate's applications, documents,
questions, times, withdrawing, export, deletion and consent.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.db.models import Count, Q
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from talentbrug.accounts import magiclinks
from talentbrug.audit.services import record_event
from talentbrug.core.portal import candidate_required
from talentbrug.docanalysis.policy import safe_name

from .. import antibot, tokens
from ..constants import (
    PORTAL_SESSION_AGE,
    ApplicationStatus,
    DeletionRequestStatus,
    Route,
)
from ..exports import export_zip
from ..forms.fields import TALENT_POOL_TEXT
from ..forms.portal import AnswerForm, LinkRequestForm, SlotForm, UploadForm
from ..models import (
    Application,
    Candidate,
    Document,
    Question,
)
from ..services import booking, consent, lifecycle, profile, questions, submission
from ..services import documents as application_documents
from ..services import errors as application_errors
from ..services import portal as application_portal
from ..status import status_source


def log_in_candidate(request: HttpRequest, candidate: Candidate) -> None:
    request.session.cycle_key()
    request.session[tokens.SESSION_KEY] = {"c": candidate.pk, "v": candidate.token_version}
    magiclinks.shorten_session(request.session, PORTAL_SESSION_AGE)


def link_request(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        form = LinkRequestForm(request.POST)
        email = request.POST.get("email", "")[:254]
        limited = antibot.rate_limited("link", ip=antibot.client_ip(request), email=email)
        if form.is_valid():
            if not limited:
                application_portal.request_portal_link(form.cleaned_data["email"])
            # Same answer whether or not we know the address, and whether or not limited.
            return redirect("applications:link_sent")
    else:
        form = LinkRequestForm()
    return render(request, "applications/link_request.html", {"form": form})


def link_sent(request: HttpRequest) -> HttpResponse:
    return render(request, "applications/link_sent.html")


def _activate_candidate_language(request: HttpRequest, candidate: Candidate) -> None:
    """The confirm page speaks the candidate's language (the mail did), unless the browser
    chose one with the language switcher."""
    codes = {code for code, _name in settings.LANGUAGES}
    if (
        settings.LANGUAGE_COOKIE_NAME in request.COOKIES
        or candidate.preferred_language not in codes
    ):
        return
    translation.activate(candidate.preferred_language)
    request.LANGUAGE_CODE = candidate.preferred_language


@never_cache
@require_http_methods(["GET", "POST"])
def portal_login(request: HttpRequest, token: str) -> HttpResponse:
    """The mailed link opens a page with one button; only its POST uses the link and opens one
    short session (mail scanners open every link with GET and would use it up). The same link
    a second time asks for a new one."""
    try:
        if request.method != "POST":
            candidate = tokens.check_token(token)
            _activate_candidate_language(request, candidate)
            return magiclinks.confirm_page(request)
        candidate = tokens.use_token(token)
    except tokens.TokenProblem as exc:
        current = tokens.portal_candidate(request)
        if exc.reason == "used" and current is not None and current == tokens.read_token(token):
            return redirect("applications:portal")  # opened again in the same session
        return render(request, "applications/link_invalid.html", {"reason": exc.reason}, status=403)
    log_in_candidate(request, candidate)
    response = redirect("applications:portal")
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        candidate.preferred_language,
        max_age=365 * 24 * 3600,
        samesite="Lax",
    )
    return response


def set_language(request: HttpRequest) -> HttpResponse:
    """Django's language switcher; a candidate with a portal session also gets the language
    stored as preferred language, so pages and e-mails follow it."""
    from django.views.i18n import set_language as django_set_language

    response = django_set_language(request)
    language = request.POST.get("language", "") if request.method == "POST" else ""
    candidate = tokens.portal_candidate(request)
    if candidate is not None and response.status_code in (200, 204, 302):
        profile.set_preferred_language(candidate, language)
    return response


@require_POST
@candidate_required
def portal_logout(request: HttpRequest) -> HttpResponse:
    if request.POST.get("everywhere"):
        application_portal.revoke_links(request.candidate)  # type: ignore[attr-defined]
    # End the whole session (new key, nothing kept), not only the portal part of it.
    request.session.flush()
    messages.success(request, _("Je bent uitgelogd."))
    return redirect("applications:link_request")


@candidate_required
def portal(request: HttpRequest) -> HttpResponse:
    candidate: Candidate = request.candidate  # type: ignore[attr-defined]
    status = status_source()
    applications: Any = candidate.applications.select_related("vacancy", "organisation").annotate(
        open_questions=Count(
            "questions", filter=Q(questions__answered_at__isnull=True) & status.open_filter()
        )
    )
    applications = list(applications)
    deletions = list(
        candidate.deletion_requests.select_related("organisation", "outcome").order_by(
            "requested_at", "pk"
        )
    )
    kinds = status.current_kinds(applications)
    for application in applications:
        application.step_label = status.label(kinds[application.pk][0])
    return render(
        request,
        "applications/portal/home.html",
        {
            "candidate": candidate,
            "applications": applications,
            "consent": consent.active_consent(candidate),
            # One request per organisation, each handled there: status and dates only.
            "deletions": deletions,
            "deletion_open": any(d.status == DeletionRequestStatus.REQUESTED for d in deletions),
            "consent_text": TALENT_POOL_TEXT,
        },
    )


def _own_application(request: HttpRequest, pk: int) -> Application:
    candidate: Candidate = request.candidate  # type: ignore[attr-defined]
    return get_object_or_404(
        Application.objects.select_related("vacancy", "organisation"), pk=pk, candidate=candidate
    )


def journey_of(application: Application) -> Any:
    """Where the application is, from the one truth (the selection stage), in the page's language."""
    return status_source().journey_for(application)


def _portal_context(application: Application, **extra: Any) -> dict[str, Any]:
    journey = journey_of(application)
    documents = application.documents.all()
    context = {
        "application": application,
        "journey": journey,
        "timeline": journey.steps,
        "documents": documents,
        "booking": booking.active_booking(application),
        "upload_form": UploadForm(documents=documents),
        "slot_form": None,
        "questions": application.questions.all(),
        "open": journey.is_open,
        "contact_email": (application.vacancy.contact_email or "").strip(),
    }
    if application.route == Route.RECRUITMENT_DAY and journey.is_open:
        context["slot_form"] = SlotForm(slots=submission.open_slots(application.vacancy))
    context.update(extra)
    return context


@candidate_required
def portal_application(request: HttpRequest, pk: int) -> HttpResponse:
    application = _own_application(request, pk)
    return render(request, "applications/portal/application.html", _portal_context(application))


@require_POST
@candidate_required
def portal_upload(request: HttpRequest, pk: int) -> HttpResponse:
    application = _own_application(request, pk)
    documents = application.documents.all()
    form = UploadForm(request.POST, request.FILES, documents=documents)
    if form.is_valid():
        try:
            application_documents.add_document(
                application,
                form.cleaned_data["kind"],
                form.cleaned_data["file"],
                form.checked,
                replace=form.cleaned_data.get("replace"),
            )
        except application_errors.ApplyError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("Je bestand is opgeslagen."))
            return redirect("applications:portal_application", pk=application.pk)
    return render(
        request,
        "applications/portal/application.html",
        _portal_context(application, upload_form=form),
        status=400,
    )


@candidate_required
def portal_question(request: HttpRequest, pk: int) -> HttpResponse:
    """Read a question from HR and answer it (text and/or a file)."""
    candidate: Candidate = request.candidate  # type: ignore[attr-defined]
    question = get_object_or_404(
        Question.objects.select_related("application__vacancy", "application__organisation"),
        pk=pk,
        candidate=candidate,
        application__candidate=candidate,
    )
    application = question.application
    form = AnswerForm(request.POST or None, request.FILES or None)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                questions.answer_question(
                    question,
                    candidate,
                    form.cleaned_data.get("answer", ""),
                    form.cleaned_data.get("file") if form.checked else None,
                    form.checked,
                )
            except application_errors.ApplyError as exc:
                form.add_error(None, exc.message)
            else:
                messages.success(request, _("Je antwoord is verstuurd. Dank je wel."))
                return redirect("applications:portal_application", pk=application.pk)
        status = 400
    return render(
        request,
        "applications/portal/question.html",
        {
            "question": question,
            "application": application,
            "form": form,
            "open": journey_of(application).is_open,
        },
        status=status,
    )


@require_POST
@candidate_required
def portal_slot(request: HttpRequest, pk: int) -> HttpResponse:
    application = _own_application(request, pk)
    form = SlotForm(request.POST, slots=submission.open_slots(application.vacancy))
    if form.is_valid():
        try:
            booking.change_slot(application, form.cleaned_data["slot"].pk)
        except application_errors.ApplyError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(
                request, _("Je tijdslot is gewijzigd. Je krijgt een e-mail met de nieuwe tijd.")
            )
    else:
        messages.error(request, _("Dit tijdslot is net vol geraakt. Kies een ander tijdslot."))
    return redirect("applications:portal_application", pk=application.pk)


@candidate_required
def portal_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    application = _own_application(request, pk)
    if request.method == "POST":
        try:
            lifecycle.withdraw_application(application, request.candidate)  # type: ignore[attr-defined]
        except application_errors.InvalidTransition:
            if application.status == ApplicationStatus.WITHDRAWN:
                messages.info(request, _("Deze sollicitatie is al ingetrokken."))
            else:
                messages.info(request, _("Deze sollicitatie is afgerond. Intrekken kan niet meer."))
        else:
            messages.success(request, _("Je sollicitatie is ingetrokken."))
        return redirect("applications:portal_application", pk=application.pk)
    if not journey_of(application).can_withdraw:
        return redirect("applications:portal_application", pk=application.pk)
    return render(request, "applications/portal/withdraw.html", {"application": application})


@candidate_required
def portal_document(request: HttpRequest, pk: int) -> HttpResponse:
    document = get_object_or_404(Document, pk=pk, candidate=request.candidate)  # type: ignore[attr-defined]
    return stream_document(document)  # type: ignore[return-value]


def stream_document(document: Document) -> FileResponse:
    # Always an attachment, under a name whose extension matches the detected type (also for
    # files stored before names were made safe), and never sniffed by the browser.
    response = FileResponse(
        document.file.open("rb"),
        as_attachment=True,
        filename=safe_name(document.original_name, document.detected_type),
        content_type=document.content_type or "application/octet-stream",
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@candidate_required
def portal_export(request: HttpRequest) -> HttpResponse:
    candidate: Candidate = request.candidate  # type: ignore[attr-defined]
    record_event("candidate.export_downloaded", obj=candidate, candidate=candidate.pk)
    response = HttpResponse(export_zip(candidate), content_type="application/zip")
    response["Content-Disposition"] = 'attachment; filename="mijn-gegevens-talentbrug.zip"'
    response["Cache-Control"] = "private, no-store"
    return response


@candidate_required
def portal_delete(request: HttpRequest) -> HttpResponse:
    candidate: Candidate = request.candidate  # type: ignore[attr-defined]
    if request.method == "POST":
        answer = application_portal.delete_my_data(candidate)
        if answer.erased:
            # The portal access went with the account: say so here, not on a portal page.
            request.session.flush()
            return render(request, "applications/portal/deleted.html")
        messages.success(
            request,
            _("We hebben je verzoek ontvangen. Binnen een maand verwijderen we je gegevens."),
        )
        return redirect("applications:portal")
    return render(request, "applications/portal/delete.html", {"candidate": candidate})


@require_POST
@candidate_required
def portal_consent(request: HttpRequest) -> HttpResponse:
    candidate: Candidate = request.candidate  # type: ignore[attr-defined]
    if request.POST.get("give"):
        if consent.active_consent(candidate) is None:
            consent.give_consent(candidate, str(TALENT_POOL_TEXT), request.LANGUAGE_CODE)
        messages.success(
            request, _("Dank je wel. Andere organisaties mogen je nu 12 maanden vinden.")
        )
    else:
        consent.withdraw_consent(candidate)
        messages.success(request, _("Andere organisaties kunnen je niet meer vinden."))
    return redirect("applications:portal")
