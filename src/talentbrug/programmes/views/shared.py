"""What the staff pages of programmes share: plans and cohorts in the user's scope, the form page."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from talentbrug.accounts.access import scoped
from talentbrug.core.forms import error_messages
from talentbrug.core.http import organisation_of
from talentbrug.onboarding.constants import PlanStatus
from talentbrug.onboarding.models import OnboardingPlan

from .. import services
from ..models import Cohort


def plans_in_scope(request: HttpRequest) -> Any:
    return scoped(OnboardingPlan.objects.all(), organisation_of(request)).exclude(
        status=PlanStatus.STOPPED
    )


def cohort_in_scope(request: HttpRequest, pk: int) -> Cohort:
    """A cohort the organisation runs or takes part in; other ids give 404."""
    cohort = services.cohorts_for(organisation_of(request)).filter(pk=pk).first()
    if cohort is None:
        raise Http404(_("Dit bestaat niet, of u heeft er geen toegang toe."))
    return cohort


def form_page(
    request: HttpRequest, form: Any, title: str, back: str, status: int = 200
) -> HttpResponse:
    return render(
        request,
        "programmes/form.html",
        {"form": form, "title": title, "back": back},
        status=400 if form.errors else status,
    )


def save_page(
    request: HttpRequest,
    form: Any,
    save: Callable[..., Any],
    instance: Any,
    *,
    success: str,
    destination: str,
    with_pk: bool,
    title: str,
    back: str,
) -> HttpResponse:
    """Create or edit through a service: a valid form is saved, a refusal becomes a form error."""
    if request.method == "POST" and form.is_valid():
        try:
            saved = save(
                instance,
                organisation=organisation_of(request),
                user=request.user,
                data=form.cleaned_data,
            )
        except ValidationError as exc:
            for message in error_messages(exc):
                form.add_error(None, message)
        else:
            messages.success(request, success)
            return redirect(destination, pk=saved.pk) if with_pk else redirect(destination)
    return form_page(request, form, title, back)
