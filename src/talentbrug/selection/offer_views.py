"""Pages of the offer letter (staff and portal) and of the organisation's message templates."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from talentbrug.accounts.access import can, get_for_organisation, staff_required
from talentbrug.applications.models import Application
from talentbrug.audit.services import record_event
from talentbrug.core.http import organisation_of
from talentbrug.core.portal import candidate_required

from . import message_templates, offer_letter
from .assignment import require_assignment
from .constants import OfferStatus, StageKind
from .emails import candidate_language
from .message_templates import KINDS
from .models import Offer
from .offer_forms import DeclineForm, LetterTemplateForm, MessageTemplateForm
from .workflow import SelectionError

# ---------------------------------------------------------------------------------------------
# Staff: the letter template and the letter of one offer
# ---------------------------------------------------------------------------------------------


@staff_required("selection.configure")
def letter_template(request: HttpRequest) -> HttpResponse:
    organisation = organisation_of(request)
    current = offer_letter.letter_template(organisation)
    form = LetterTemplateForm(
        request.POST if request.method == "POST" else None,
        initial={
            "opening": current.opening,
            "closing": current.closing,
            "signed_by": current.signed_by,
            "answer_days": current.answer_days,
        },
    )
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                offer_letter.save_letter_template(
                    organisation, user=request.user, **form.cleaned_data
                )
            except SelectionError as exc:
                form.add_error(None, exc)
            else:
                messages.success(request, _("De aanbodbrief is opgeslagen."))
                return redirect("selection:letter_template")
        status = 400
    return render(
        request,
        "selection/offer_letter/template.html",
        {"form": form, "own": current.pk is not None},
        status=status,
    )


@staff_required("selection.offer")
def offer_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    """The letter as the candidate gets it (in the candidate's language)."""
    queryset = Application.objects.select_related("vacancy__organisation", "candidate")
    application = get_for_organisation(queryset, organisation_of(request), pk=pk)
    require_assignment(request, application)
    offer = get_object_or_404(
        Offer.objects.select_related("progress__vacancy", "salary_scale"),
        progress__application=application,
        organisation=organisation_of(request),
    )
    language = candidate_language(application.candidate)
    record_event(
        "selection.offer_letter_downloaded",
        actor=request.user,
        organisation=offer.organisation,
        obj=offer.progress,
        offer=offer.pk,
    )
    return _pdf_response(offer, language)


def _pdf_response(offer: Offer, language: str) -> HttpResponse:
    response = HttpResponse(
        offer_letter.letter_pdf(offer, language), content_type="application/pdf"
    )
    response["Content-Disposition"] = 'attachment; filename="aanbod.pdf"'
    response["Cache-Control"] = "no-store"
    return response


# ---------------------------------------------------------------------------------------------
# Staff: message templates per stage and language
# ---------------------------------------------------------------------------------------------


@staff_required("selection.configure")
def message_template_list(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "selection/message_templates/list.html",
        {"rows": message_templates.overview(organisation_of(request))},
    )


def _kind_and_language(request: HttpRequest) -> tuple[str, str]:
    """``?stap=interview&taal=ar`` (the first stage and Dutch when not given)."""
    kind = request.GET.get("stap", KINDS[0])
    language = request.GET.get("taal", "nl")
    if kind not in KINDS or language not in dict(message_templates.languages()):
        raise Http404(_("Deze stap of taal bestaat niet."))
    return kind, language


def _edit_url(kind: str, language: str) -> str:
    return f"{reverse('selection:message_template')}?{urlencode({'stap': kind, 'taal': language})}"


@staff_required("selection.configure")
def message_template_edit(request: HttpRequest) -> HttpResponse:
    kind, language = _kind_and_language(request)
    organisation = organisation_of(request)
    own = message_templates.template_for(organisation, kind, language)
    default_subject, default_body = message_templates.default_texts(kind, language)
    # A preview with a real candidate's data: only for those who may see candidates' names.
    may_preview = can(request, "applications.identity")
    samples = list(message_templates.sample_progresses(organisation)) if may_preview else []
    form = MessageTemplateForm(
        request.POST if request.method == "POST" else None,
        initial={
            "subject": own.subject if own else default_subject,
            "body": own.body if own else default_body,
        },
        samples=samples,
    )
    direction = "rtl" if language in settings.LANGUAGES_BIDI else "ltr"
    for name in ("subject", "body"):  # typed in the message's language and direction
        form.fields[name].widget.attrs.update({"lang": language, "dir": direction})
    action = request.POST.get("action", "")
    sample = None
    status = 200
    if request.method == "POST":
        if action == "reset":
            if message_templates.reset_template(organisation, kind, language, user=request.user):
                messages.success(request, _("De standaardtekst wordt weer gebruikt."))
            return redirect(_edit_url(kind, language))
        if form.is_valid():
            data = form.cleaned_data
            try:
                if action == "preview":
                    chosen = next((p for p in samples if p.pk == data.get("sample")), None)
                    if chosen is None:
                        raise SelectionError(
                            _("Kies een sollicitatie voor het voorbeeld.")
                            if samples
                            else _("Er is nog geen sollicitatie om een voorbeeld mee te maken.")
                        )
                    sample = message_templates.preview(
                        chosen, kind, language, data["subject"], data["body"]
                    )
                else:
                    message_templates.save_template(
                        organisation,
                        kind,
                        language,
                        subject=data["subject"],
                        body=data["body"],
                        user=request.user,
                    )
                    messages.success(request, _("De tekst is opgeslagen."))
                    return redirect(_edit_url(kind, language))
            except SelectionError as exc:
                form.add_error(None, exc)
        if not form.is_valid():
            status = 400
    language_name = dict(message_templates.languages())[language]
    return render(
        request,
        "selection/message_templates/edit.html",
        {
            "form": form,
            "kind": kind,
            "kind_label": dict(StageKind.choices)[kind],
            "language": language,
            "language_name": language_name,
            "own": own,
            "sample": sample,
            "may_preview": may_preview,
            "placeholders": message_templates.PLACEHOLDERS,
        },
        status=status,
    )


# ---------------------------------------------------------------------------------------------
# Portal: the candidate reads the offer and answers
# ---------------------------------------------------------------------------------------------


def _own_offer(request: HttpRequest, pk: int) -> Offer:
    """A sent offer of the candidate of this session; 404 for anything else."""
    return get_object_or_404(
        Offer.objects.select_related(
            "salary_scale",
            "progress__stage",
            "progress__vacancy__organisation",
            "progress__vacancy__hiring_manager",
            "progress__application__candidate",
        ),
        pk=pk,
        sent_at__isnull=False,
        progress__application__candidate=request.candidate,  # type: ignore[attr-defined]
    )


@candidate_required
def portal_offer(request: HttpRequest, pk: int) -> HttpResponse:
    offer = _own_offer(request, pk)
    return _portal_page(request, offer, DeclineForm())


def _portal_page(
    request: HttpRequest, offer: Offer, form: DeclineForm, status: int = 200
) -> HttpResponse:
    language = get_language() or "nl"
    return render(
        request,
        "selection/portal/offer.html",
        {
            "offer": offer,
            "application": offer.progress.application,
            "letter": offer_letter.letter_html(offer, language),
            "can_answer": offer_letter.can_answer(offer),
            "expired": offer.status == OfferStatus.EXPIRED,
            "decline_form": form,
        },
        status=status,
    )


@require_POST
@candidate_required
def portal_offer_answer(request: HttpRequest, pk: int) -> HttpResponse:
    offer = _own_offer(request, pk)
    answer = request.POST.get("answer", "")
    form = DeclineForm(request.POST)
    if answer not in ("accept", "decline") or not form.is_valid():
        if answer not in ("accept", "decline"):
            form.add_error(None, _("Kies ja of nee."))
        return _portal_page(request, offer, form, status=400)
    try:
        offer_letter.answer_in_portal(
            offer,
            request.candidate,  # type: ignore[attr-defined]
            accept=answer == "accept",
            reason=form.cleaned_data.get("reason", ""),
        )
    except SelectionError as exc:
        form.add_error(None, exc)
        offer.refresh_from_db()
        return _portal_page(request, offer, form, status=400)
    if answer == "accept":
        messages.success(request, _("Je hebt ja gezegd. Welkom! We nemen contact met je op."))
    else:
        messages.success(request, _("Je hebt nee gezegd. Dank je wel voor je antwoord."))
    return redirect("selection:portal_offer", pk=offer.pk)


@candidate_required
def portal_offer_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    offer = _own_offer(request, pk)
    return _pdf_response(offer, get_language() or "nl")
