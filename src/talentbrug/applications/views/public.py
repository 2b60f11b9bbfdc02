"""Applying (public pages): the apply form, its routes, the confirmation of an application."""

from __future__ import annotations

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from talentbrug.vacancies.constants import VacancyStatus
from talentbrug.vacancies.models import Vacancy

from .. import antibot, tokens
from ..channels import channel_for_application
from ..constants import (
    Route,
)
from ..forms.apply import ApplyForm
from ..forms.fields import TALENT_POOL_TEXT
from ..models import (
    Application,
    PendingApplication,
)
from ..services import errors as application_errors
from ..services import pending as application_pending
from ..services import submission
from .portal import log_in_candidate


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


def _public_vacancy(pk: int) -> Vacancy:
    return get_object_or_404(
        Vacancy.objects.select_related("organisation"), pk=pk, status=VacancyStatus.PUBLISHED
    )


def apply(request: HttpRequest, pk: int) -> HttpResponse:
    vacancy = _public_vacancy(pk)
    offered = submission.routes_for(vacancy)
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
) -> submission.ApplyData:
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
    return submission.ApplyData(
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
    if route not in submission.routes_for(vacancy):
        raise Http404(_("Deze manier van solliciteren kan niet bij deze vacature."))
    slots = submission.open_slots(vacancy) if route == Route.RECRUITMENT_DAY else None
    assignment = submission.current_assignment(vacancy) if route == Route.WORK_SAMPLE else None
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
                application, _created = application_pending.submit_application(
                    vacancy,
                    _apply_data(form, route, request, vacancy),
                    signed_in=tokens.portal_candidate(request),
                )
            except application_errors.ApplyError as exc:
                form.add_error(exc.field if exc.field in form.fields else None, exc.message)
                if isinstance(exc, application_errors.SlotFull):
                    form.fields["slot"].queryset = submission.open_slots(vacancy)  # type: ignore[attr-defined]
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
    pending = application_pending.pending_by_token(token)
    error = ""
    if request.method == "POST" and pending is not None:
        try:
            application = application_pending.confirm_pending_application(token)
        except application_errors.ApplyError as exc:
            error = exc.message
        else:
            # Following the link proves the address: the person may see their page.
            log_in_candidate(request, application.candidate)
            return redirect(
                "applications:done", pk=application.vacancy_id, key=application.idempotency_key
            )
    return render(
        request,
        "applications/confirm.html",
        {"pending": pending, "error": error},
        status=200 if pending is not None else 404,
    )
