"""Thin views: the apply flow, the candidate portal (magic link) and the staff pages."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Count, Q
from django.forms import BaseForm
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from talentbrug.accounts import magiclinks
from talentbrug.accounts.access import HR, can, get_for_organisation, scoped, staff_required
from talentbrug.audit.services import record_event
from talentbrug.core.http import acting_role
from talentbrug.core.portal import candidate_required
from talentbrug.docanalysis.policy import safe_name
from talentbrug.outbox.services import mails_about
from talentbrug.vacancies.constants import VacancyStatus
from talentbrug.vacancies.models import Vacancy

from . import antibot, merging, services, tokens
from . import search as candidate_search
from .channels import channel_for_application
from .constants import (
    PORTAL_SESSION_AGE,
    ApplicationStatus,
    DeletionRequestStatus,
    LanguageEvidence,
    Route,
    SkillSource,
)
from .exports import export_zip
from .forms import (
    TALENT_POOL_TEXT,
    AnswerForm,
    ApplyForm,
    EducationForm,
    EntriesForm,
    ExperienceForm,
    LanguageForm,
    LinkRequestForm,
    SkillsForm,
    SlotForm,
    UploadForm,
    describe_education,
    describe_experience,
)
from .models import (
    Application,
    Candidate,
    Document,
    Education,
    Experience,
    LanguageProficiency,
    PendingApplication,
    Question,
)
from .signals import hidden_identities
from .staff_forms import MergeForm, QuestionForm
from .status import status_source
from .uploads import clean_text


def _route_info() -> list[tuple[str, str, str]]:
    return [
        (
            Route.CV,
            _("Met je cv"),
            _("Stuur je cv. Wij lezen welke vaardigheden je hebt. Jij controleert dat."),
        ),
        (
            Route.NO_CV,
            _("Zonder cv"),
            _("Geen cv? Geen probleem. Beantwoord een paar vragen over wat je kunt."),
        ),
        (
            Route.VIDEO,
            _("Met een video"),
            _("Vertel in een korte video wie je bent. Liever schrijven? Dat mag ook."),
        ),
        (
            Route.WORK_SAMPLE,
            _("Met een opdracht"),
            _("Laat zien wat je kunt: doe een korte opdracht."),
        ),
        (
            Route.RECRUITMENT_DAY,
            _("Op een wervingsdag"),
            _("Kom langs en maak kennis met het team. Kies zelf een tijd."),
        ),
    ]


# --------------------------------------------------------------------------- apply


def _public_vacancy(pk: int) -> Vacancy:
    return get_object_or_404(
        Vacancy.objects.select_related("organisation"), pk=pk, status=VacancyStatus.PUBLISHED
    )


def apply(request: HttpRequest, pk: int) -> HttpResponse:
    vacancy = _public_vacancy(pk)
    offered = services.routes_for(vacancy)
    routes = [info for info in _route_info() if info[0] in offered]
    query = request.META.get("QUERY_STRING", "")
    return render(
        request,
        "applications/apply_choose.html",
        {
            "vacancy": vacancy,
            "routes": routes,
            "step": 1,
            "query": query,
            # The organisation's woordmerk in the logo area, as on its vacancy page.
            "page_identity": vacancy.organisation,
        },
    )


def _apply_data(
    form: ApplyForm, route: str, request: HttpRequest, vacancy: Vacancy
) -> services.ApplyData:
    data = form.cleaned_data
    checked = getattr(form, "checked", {})
    files = []
    kinds = {
        "cv": "cv",
        "example": "other",
        "video": "video",
        "work_file": "work_sample",
        "evaluation_file": "diploma_evaluation",
    }
    for field, kind in kinds.items():
        if data.get(field) and field in checked:
            files.append((kind, data[field], checked[field]))
    country = (data.get("experience_country") or "").strip()
    diploma = data.get("diploma") or {}
    return services.ApplyData(
        route=route,
        name=data["name"],
        email=data["email"],
        phone=data.get("phone", ""),
        preferred_language=data["preferred_language"],
        right_to_work=data.get("right_to_work") or "unknown",
        wants_buddy=data.get("wants_buddy", False),
        wants_language_coach=data.get("wants_language_coach", False),
        accommodations=data.get("accommodations", ""),
        hours_per_week=data.get("hours_per_week"),
        available_from=data.get("available_from"),
        motivation=data.get("motivation", ""),
        talent_pool_consent=data.get("talent_pool", False),
        consent_text=str(TALENT_POOL_TEXT),
        idempotency_key=data["idempotency_key"],
        channel=channel_for_application(request, vacancy),
        files=files,
        experience_title=data.get("experience_title", ""),
        experience_country=country,
        experience_abroad=bool(country)
        and country.lower() not in ("nederland", "netherlands", "nl"),
        experience_unpaid=data.get("experience_unpaid", False),
        experience_text=data.get("experience_text", ""),
        can_do_text=data.get("can_do", ""),
        work_sample_text=data.get("work_text", ""),
        work_sample_link=data.get("work_link", ""),
        slot_id=data["slot"].pk if data.get("slot") else None,
        diploma_programme=diploma.get("programme", ""),
        diploma_level=diploma.get("level", ""),
        diploma_country=diploma.get("country", ""),
        diploma_source=diploma.get("level_source", ""),
        evaluation_reference=diploma.get("evaluation_reference", ""),
        evaluation_date=diploma.get("evaluation_date"),
    )


def apply_route(request: HttpRequest, pk: int, route: str) -> HttpResponse:
    vacancy = _public_vacancy(pk)
    if route not in services.routes_for(vacancy):
        raise Http404(_("Deze manier van solliciteren kan niet bij deze vacature."))
    slots = services.open_slots(vacancy) if route == Route.RECRUITMENT_DAY else None
    assignment = services.current_assignment(vacancy) if route == Route.WORK_SAMPLE else None
    language = (request.LANGUAGE_CODE or "nl")[:2]
    if request.method == "POST":
        form = ApplyForm(request.POST, request.FILES, route=route, slots=slots)
        email = request.POST.get("email", "")[:254]
        limited = antibot.rate_limited("apply", ip=antibot.client_ip(request), email=email)
        if limited:
            form.is_valid()
            form.add_error(
                None,
                _("Je hebt te vaak geprobeerd te solliciteren. Probeer het over een uur opnieuw."),
            )
        elif form.is_valid():
            try:
                # A known address parks the application until the link in the e-mail is
                # followed; the answer below is the same either way (no address oracle).
                application, _created = services.submit_application(
                    vacancy,
                    _apply_data(form, route, request, vacancy),
                    signed_in=tokens.portal_candidate(request),
                )
            except services.ApplyError as exc:
                form.add_error(exc.field if exc.field in form.fields else None, exc.message)
                if isinstance(exc, services.SlotFull):
                    form.fields["slot"].queryset = services.open_slots(vacancy)  # type: ignore[attr-defined]
            else:
                return redirect("applications:done", pk=vacancy.pk, key=application.idempotency_key)
    else:
        form = ApplyForm(
            route=route,
            slots=slots,
            initial={
                "preferred_language": language if language in dict(settings.LANGUAGES) else "nl",
            },
        )
    route_label = dict(Route.choices)[route]
    return render(
        request,
        "applications/apply_form.html",
        {
            "vacancy": vacancy,
            "form": form,
            "route": route,
            "route_label": route_label,
            "assignment": assignment,
            "route_fields": [form[name] for name in form.route_field_names],
            "step": 2,
            "page_identity": vacancy.organisation,
        },
        status=200,
    )


def apply_done(request: HttpRequest, pk: int, key: str) -> HttpResponse:
    """The same page for a stored and a parked application (see ``submit_application``)."""
    application: Application | PendingApplication | None = (
        Application.objects.select_related("vacancy__organisation")
        .filter(vacancy_id=pk, idempotency_key=key)
        .first()
    )
    if application is None:
        application = get_object_or_404(
            PendingApplication.objects.select_related("vacancy__organisation"),
            vacancy_id=pk,
            idempotency_key=key,
        )
    logged_in = tokens.portal_candidate(request)
    return render(
        request,
        "applications/apply_done.html",
        {
            "vacancy": application.vacancy,
            "page_identity": application.vacancy.organisation,
            "step": 3,
            "can_check": logged_in is not None
            and logged_in.pk == getattr(application, "candidate_id", None),
        },
    )


def confirm_application(request: HttpRequest, token: str) -> HttpResponse:
    """The link from the e-mail to a known address: a button (a mail scanner that opens the
    link confirms nothing), then the parked application becomes a real one."""
    pending = services.pending_by_token(token)
    error = ""
    if request.method == "POST" and pending is not None:
        try:
            application = services.confirm_pending_application(token)
        except services.ApplyError as exc:
            error = exc.message
        else:
            # Following the link proves the address: the person may see their page.
            _log_in_candidate(request, application.candidate)
            return redirect(
                "applications:done", pk=application.vacancy_id, key=application.idempotency_key
            )
    return render(
        request,
        "applications/confirm.html",
        {"pending": pending, "error": error},
        status=200 if pending is not None else 404,
    )


# --------------------------------------------------------------------------- portal


def _log_in_candidate(request: HttpRequest, candidate: Candidate) -> None:
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
                services.request_portal_link(form.cleaned_data["email"])
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
    _log_in_candidate(request, candidate)
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
        services.set_preferred_language(candidate, language)
    return response


@require_POST
@candidate_required
def portal_logout(request: HttpRequest) -> HttpResponse:
    if request.POST.get("everywhere"):
        services.revoke_links(request.candidate)  # type: ignore[attr-defined]
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
            "consent": services.active_consent(candidate),
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


def _journey(application: Application) -> Any:
    """Where the application is, from the one truth (the selection stage), in the page's language."""
    return status_source().journey_for(application)


def _portal_context(application: Application, **extra: Any) -> dict[str, Any]:
    journey = _journey(application)
    documents = application.documents.all()
    context = {
        "application": application,
        "journey": journey,
        "timeline": journey.steps,
        "documents": documents,
        "booking": services.active_booking(application),
        "upload_form": UploadForm(documents=documents),
        "slot_form": None,
        "questions": application.questions.all(),
        "open": journey.is_open,
        "contact_email": (application.vacancy.contact_email or "").strip(),
    }
    if application.route == Route.RECRUITMENT_DAY and journey.is_open:
        context["slot_form"] = SlotForm(slots=services.open_slots(application.vacancy))
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
            services.add_document(
                application,
                form.cleaned_data["kind"],
                form.cleaned_data["file"],
                form.checked,
                replace=form.cleaned_data.get("replace"),
            )
        except services.ApplyError as exc:
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
                services.answer_question(
                    question,
                    candidate,
                    form.cleaned_data.get("answer", ""),
                    form.cleaned_data.get("file") if form.checked else None,
                    form.checked,
                )
            except services.ApplyError as exc:
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
            "open": _journey(application).is_open,
        },
        status=status,
    )


@require_POST
@candidate_required
def portal_slot(request: HttpRequest, pk: int) -> HttpResponse:
    application = _own_application(request, pk)
    form = SlotForm(request.POST, slots=services.open_slots(application.vacancy))
    if form.is_valid():
        try:
            services.change_slot(application, form.cleaned_data["slot"].pk)
        except services.ApplyError as exc:
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
            services.withdraw_application(application, request.candidate)  # type: ignore[attr-defined]
        except services.InvalidTransition:
            if application.status == ApplicationStatus.WITHDRAWN:
                messages.info(request, _("Deze sollicitatie is al ingetrokken."))
            else:
                messages.info(request, _("Deze sollicitatie is afgerond. Intrekken kan niet meer."))
        else:
            messages.success(request, _("Je sollicitatie is ingetrokken."))
        return redirect("applications:portal_application", pk=application.pk)
    if not _journey(application).can_withdraw:
        return redirect("applications:portal_application", pk=application.pk)
    return render(request, "applications/portal/withdraw.html", {"application": application})


@candidate_required
def portal_document(request: HttpRequest, pk: int) -> HttpResponse:
    document = get_object_or_404(Document, pk=pk, candidate=request.candidate)  # type: ignore[attr-defined]
    return _stream(document)  # type: ignore[return-value]


def _stream(document: Document) -> FileResponse:
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
def portal_profile(request: HttpRequest) -> HttpResponse:
    candidate: Candidate = request.candidate  # type: ignore[attr-defined]
    action = request.POST.get("action") if request.method == "POST" else None
    skills = candidate.skills.all()
    found_education = candidate.educations.filter(confirmed=False)
    found_experience = candidate.experiences.filter(confirmed=False)
    open_applications = services.open_applications_by_organisation(candidate)
    forms_ = {
        "skills": SkillsForm(skills=skills),
        "found_education": EntriesForm(
            entries=found_education, describe=describe_education, prefix="fedu"
        ),
        "found_experience": EntriesForm(
            entries=found_experience, describe=describe_experience, prefix="fexp"
        ),
        "education": EducationForm(prefix="edu", applications=open_applications),
        "experience": ExperienceForm(prefix="exp"),
        "language": LanguageForm(prefix="lang"),
    }
    if action in forms_:
        form: BaseForm
        if action == "skills":
            form = SkillsForm(request.POST, skills=skills)
        elif action == "found_education":
            form = EntriesForm(
                request.POST, entries=found_education, describe=describe_education, prefix="fedu"
            )
        elif action == "found_experience":
            form = EntriesForm(
                request.POST,
                entries=found_experience,
                describe=describe_experience,
                prefix="fexp",
            )
        elif action == "education":
            form = EducationForm(
                request.POST, request.FILES, prefix="edu", applications=open_applications
            )
        else:
            form = {
                "experience": ExperienceForm,
                "language": LanguageForm,
            }[action](request.POST, prefix=forms_[action].prefix)
        forms_[action] = form
        if form.is_valid():
            try:
                _save_profile_part(candidate, action, form.cleaned_data, form)
            except services.ApplyError as exc:
                form.add_error(exc.field if exc.field in form.fields else None, exc.message)
            else:
                messages.success(request, _("Opgeslagen. Dank je wel."))
                return redirect(reverse("applications:portal_profile") + f"#{action}")
    status = 400 if action else 200
    return render(
        request,
        "applications/portal/profile.html",
        {
            "candidate": candidate,
            "forms": forms_,
            "skills": skills,
            "educations": candidate.educations.filter(confirmed=True).select_related(
                "application__organisation", "evaluation_document"
            ),
            "experiences": candidate.experiences.filter(confirmed=True),
            "found_education": found_education,
            "found_experience": found_experience,
            "languages": candidate.languages.all(),
            "pending": candidate.documents.filter(extraction_status="pending").exists(),
        },
        status=status,
    )


def _save_profile_part(
    candidate: Candidate, action: str, data: dict[str, Any], form: BaseForm
) -> None:

    with transaction.atomic():
        if action == "skills":
            services.confirm_skills(candidate, data.get("keep", []))
            if data.get("new_skill"):
                services.add_chosen_skill(candidate, data["new_skill"])
        elif action in ("found_education", "found_experience"):
            services.confirm_entries(candidate, action.removeprefix("found_"), data.get("keep", []))
        elif action == "education":
            services.add_profile_education(
                candidate,
                {
                    "programme": clean_text(data["programme"], 200),
                    "institution": clean_text(data.get("institution", ""), 200),
                    "country": clean_text(data.get("country", ""), 100),
                    "level": data.get("level", ""),
                    "level_source": data["level_source"],
                    "evaluation_reference": clean_text(data.get("evaluation_reference", ""), 40),
                    "evaluation_date": data.get("evaluation_date"),
                    "completed": data.get("completed", False),
                    "crebo": clean_text(data.get("crebo", ""), 10),
                    "mbo_path": data.get("mbo_path", ""),
                    "expected_graduation": data.get("expected_graduation"),
                },
                application=data.get("application"),
                upload=data.get("evaluation_file"),
                checked=getattr(form, "checked", None),
            )
        elif action == "experience":
            country = clean_text(data.get("country", ""), 100)
            Experience.objects.create(
                candidate=candidate,
                title=clean_text(data["title"], 200),
                organisation_name=clean_text(data.get("organisation_name", ""), 200),
                country=country,
                abroad=bool(country) and country.lower() not in ("nederland", "netherlands"),
                unpaid=data.get("unpaid", False),
                description=clean_text(data.get("description", ""), 5000),
            )
        elif action == "language":
            LanguageProficiency.objects.update_or_create(
                candidate=candidate,
                language=data["language"],
                skill=data["skill"],
                defaults={
                    "level": data["level"],
                    "evidence": data.get("evidence") or LanguageEvidence.SELF_DECLARED,
                    "source": SkillSource.CHOSEN,
                    "confirmed": True,
                    "evidence_text": "",
                },
            )


@require_POST
@candidate_required
def portal_profile_remove(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    candidate: Candidate = request.candidate  # type: ignore[attr-defined]
    model = {"opleiding": Education, "ervaring": Experience, "taal": LanguageProficiency}.get(kind)
    if model is None:
        raise Http404
    row = get_object_or_404(model, pk=pk, candidate=candidate)
    if isinstance(row, Education):
        services.remove_profile_education(row)
    else:
        row.delete()
    messages.success(request, _("Verwijderd."))
    return redirect("applications:portal_profile")


@require_POST
@candidate_required
def portal_profile_confirm_language(request: HttpRequest, pk: int) -> HttpResponse:
    """The candidate says a language level found in their text is right."""
    candidate: Candidate = request.candidate  # type: ignore[attr-defined]
    row = get_object_or_404(LanguageProficiency, pk=pk, candidate=candidate)
    row.confirmed = True
    row.save(update_fields=["confirmed"])
    messages.success(request, _("Opgeslagen. Dank je wel."))
    return redirect(reverse("applications:portal_profile") + "#language")


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
        answer = services.delete_my_data(candidate)
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
        if services.active_consent(candidate) is None:
            services.give_consent(candidate, str(TALENT_POOL_TEXT), request.LANGUAGE_CODE)
        messages.success(
            request, _("Dank je wel. Andere organisaties mogen je nu 12 maanden vinden.")
        )
    else:
        services.withdraw_consent(candidate)
        messages.success(request, _("Andere organisaties kunnen je niet meer vinden."))
    return redirect("applications:portal")


# --------------------------------------------------------------------------- staff


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
            "booking": services.active_booking(application),
            "work_sample": getattr(application, "work_sample", None),
            "earlier": earlier,
            "can_documents": can(request, "applications.view_documents"),
            "can_merge": can(request, "applications.merge"),
            "merge_form": MergeForm(),
            "questions": application.questions.select_related("answer_document", "asked_by"),
            "profile": services.profile_for(candidate, request.organisation),  # type: ignore[attr-defined]
            "can_ask": can(request, "applications.ask"),
            "question_form": QuestionForm(),
            "identity_hidden": hidden,
            "journey": _journey(application),
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
            services.ask_question(
                application,
                form.cleaned_data["text"],
                actor=request.user,
                organisation=request.organisation,  # type: ignore[attr-defined]
            )
        except services.ApplyError as exc:
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
    return _stream(document)  # type: ignore[return-value]


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
