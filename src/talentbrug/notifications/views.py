"""The attention list: read on GET, marked read only by a POST (opening one, or all)."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from talentbrug.accounts.access import get_for_organisation, staff_required

from . import services
from .forms import DigestForm
from .models import Notification


@staff_required("notifications.view")
def notification_list(request: HttpRequest) -> HttpResponse:
    page = Paginator(services.page(request.user, request.organisation), 50).get_page(  # type: ignore[attr-defined]
        request.GET.get("pagina")
    )
    return render(
        request,
        "notifications/list.html",
        {
            "page": page,
            "items": services.shown(page.object_list),
            "unread": services.unread_count(request.user, request.organisation),  # type: ignore[attr-defined]
            "form": DigestForm.for_setting(services.digest_setting(request.user)),
        },
    )


@require_POST
@staff_required("notifications.view")
def notification_open(request: HttpRequest, pk: int) -> HttpResponse:
    notification = get_for_organisation(
        Notification.objects.filter(recipient=request.user),
        request.organisation,  # type: ignore[attr-defined]
        pk=pk,
    )
    url = services.open_notification(notification, request.user)
    if not url_has_allowed_host_and_scheme(url, allowed_hosts=None) or not url.startswith("/"):
        return redirect("notifications:list")
    return redirect(url)


@require_POST
@staff_required("notifications.view")
def mark_all_read(request: HttpRequest) -> HttpResponse:
    count = services.mark_all_read(request.user, request.organisation)  # type: ignore[attr-defined]
    messages.success(request, _("%(count)s meldingen gemarkeerd als gelezen.") % {"count": count})
    return redirect("notifications:list")


@require_POST
@staff_required("notifications.view")
def digest(request: HttpRequest) -> HttpResponse:
    form = DigestForm(request.POST)
    if not form.is_valid():  # no choice made: the setting stays as it was
        messages.error(request, _("Kies uit of dagelijks."))
        return redirect("notifications:list")
    on = form.daily()
    services.set_digest(request.user, request.organisation, on)  # type: ignore[attr-defined]
    messages.success(
        request,
        _("Je krijgt elke ochtend een e-mail met nieuwe meldingen.")
        if on
        else _("Je krijgt geen dagelijkse e-mail met meldingen meer."),
    )
    return redirect("notifications:list")
