"""The offer of an application: made and sent as a letter, then decided (accepted or declined)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from talentbrug.accounts.access import staff_required
from talentbrug.core.forms import show_errors
from talentbrug.core.http import organisation_of, roles_of

from .. import hire, offer_letter
from ..constants import OfferStatus
from ..emails import candidate_language
from ..models import Offer
from ..offer_forms import DecisionNoteForm, OfferLetterForm, SendLetterForm
from ..services import offers, pipeline
from ..workflow import OFFER_FLOW, SelectionError
from .common import _application


@staff_required("selection.offer")
def offer(request: HttpRequest, pk: int) -> HttpResponse:
    application = _application(request, pk)
    progress = pipeline.progress_for(application)
    existing = Offer.objects.filter(progress=progress).select_related("salary_scale").first()
    # The offer and its letter to the portal (selection.offer_letter; the letter's own page).
    answer_by = offer_letter.default_answer_by(organisation_of(request))
    form = OfferLetterForm(
        request.POST if request.method == "POST" and existing is None else None,
        vacancy=application.vacancy,
        answer_by=answer_by,
    )
    send_form = SendLetterForm(
        request.POST if request.method == "POST" and existing is not None else None,
        answer_by=answer_by,
    )
    if request.method == "POST" and existing is None and form.is_valid():
        try:
            offer_letter.make_and_send(
                progress, request.user, roles_of(request), **form.cleaned_data
            )
        except SelectionError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Het aanbod is vastgelegd en staat in het portaal."))
            return redirect("selection:offer", pk=application.pk)
    if request.method == "POST" and existing is not None and send_form.is_valid():
        try:
            offer_letter.send_offer(
                existing, request.user, roles_of(request), **send_form.cleaned_data
            )
        except SelectionError as exc:
            send_form.add_error(None, exc)
        else:
            messages.success(request, _("De aanbodbrief staat in het portaal van de kandidaat."))
            return redirect("selection:offer", pk=application.pk)
    return render(
        request,
        "selection/offer.html",
        {
            "application": application,
            "progress": progress,
            "offer": existing,
            "offer_moves": OFFER_FLOW.available_names(
                request.user, existing, roles=roles_of(request)
            )
            if existing
            else frozenset(),
            "form": form,
            "send_form": send_form,
            "letter": offer_letter.letter_html(existing, candidate_language(application.candidate))
            if existing
            else "",
            "decision_form": DecisionNoteForm(organisation=organisation_of(request)),
            "hand_over": _hand_over(progress, existing),
            "plan": hire.handler().plan_for(application),
        },
    )


def _hand_over(progress: Any, offer: Offer | None) -> Any:
    """What the plan will carry, while the candidate has not decided yet (onboarding's preview)."""
    preview = hire.handler().preview
    if offer is None:
        return preview(progress, contract_type=progress.vacancy.contract_type, hours=None)
    if offer.status == OfferStatus.MADE:
        return preview(progress, contract_type=offer.contract_type, hours=offer.hours)
    return None


@require_POST
@staff_required("selection.offer")
def offer_decision(request: HttpRequest, pk: int) -> HttpResponse:
    application = _application(request, pk)
    progress = pipeline.progress_for(application)
    back = reverse("selection:offer", kwargs={"pk": application.pk})
    existing = Offer.objects.filter(progress=progress).first()
    form = DecisionNoteForm(request.POST, organisation=organisation_of(request))
    if existing is None:
        messages.error(request, _("Leg eerst een aanbod vast."))
        return redirect(back)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, str(error))
        return redirect(back)
    data = form.cleaned_data
    try:
        if data["decision"] == "accept":
            right = {"yes": True, "no": False}.get(data["right_to_work"])
            offers.accept_offer(
                existing,
                request.user,
                roles_of(request),
                right_to_work=right,
                buddy=data["buddy"],
                language_coach=data["language_coach"],
            )
            offer_letter.record_note(existing, data.get("note", ""), request.user)
            messages.success(request, _("Aangenomen. Het inwerkplan is gemaakt."))
        else:
            offers.decline_offer(existing, request.user, roles_of(request))
            offer_letter.record_note(existing, data.get("note", ""), request.user)
            messages.success(request, _("Vastgelegd: de kandidaat zegt nee tegen het aanbod."))
    except SelectionError as exc:
        show_errors(request, exc, each=True)
    return redirect(back)
