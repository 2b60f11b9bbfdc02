"""The selectielijst categories and the organisation's settings of the destruction flow."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from talentbrug.accounts.access import (
    staff_required,
)

from ..forms import (
    CategoryForm,
    SettingsForm,
)
from ..models import (
    SelectielijstCategory,
)
from ..services import collections as collections_services


@staff_required("records.manage")
def categories(request: HttpRequest) -> HttpResponse:
    org = request.organisation  # type: ignore[attr-defined]
    form = CategoryForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            collections_services.save_category(org, request.user, form.save(commit=False))
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Categorie opgeslagen."))
            return redirect("records:categories")
    return render(
        request,
        "records/categories.html",
        {"form": form, "categories": SelectielijstCategory.objects.filter(organisation=org)},
    )


@staff_required("records.manage")
def settings_view(request: HttpRequest) -> HttpResponse:
    org = request.organisation  # type: ignore[attr-defined]
    current = collections_services.records_settings(org)
    form = SettingsForm(request.POST or None, instance=current)
    if request.method == "POST" and form.is_valid():
        try:
            collections_services.update_records_settings(
                org,
                request.user,
                cooling_off_days=form.cleaned_data["cooling_off_days"],
                archivist_required=form.cleaned_data["archivist_required"],
            )
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Instellingen opgeslagen."))
            return redirect("records:settings")
    return render(request, "records/settings.html", {"form": form})
