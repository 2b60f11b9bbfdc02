"""The staff pages of learn-work tracks."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from talentbrug.accounts.access import can, get_for_organisation, scoped, staff_required
from talentbrug.core.http import organisation_of

from .. import services
from ..forms import TrackForm
from ..models import LearnWorkTrack
from .shared import plans_in_scope, save_page


@staff_required("programmes.view")
def track_list(request: HttpRequest) -> HttpResponse:
    tracks = (
        scoped(LearnWorkTrack.objects.all(), organisation_of(request))
        .select_related("plan")
        .prefetch_related("plan__supporters__user")
    )
    rows = [{"track": t, "coach": t.plan.supporter("language_coach")} for t in tracks]
    return render(
        request,
        "programmes/track_list.html",
        {"rows": rows, "can_manage": can(request, "programmes.manage")},
    )


@staff_required("programmes.manage")
def track_create(request: HttpRequest) -> HttpResponse:
    plans = plans_in_scope(request).filter(learn_work_track__isnull=True)
    form = TrackForm(
        request.POST if request.method == "POST" else None,
        plans=plans,
        initial={"starts_on": timezone.localdate()},
    )
    return save_page(
        request,
        form,
        services.save_track,
        None,
        success=_("Het leerwerktraject is opgeslagen."),
        destination="programmes:tracks",
        with_pk=False,
        title=_("Nieuw leerwerktraject"),
        back="programmes:tracks",
    )


@staff_required("programmes.manage")
def track_edit(request: HttpRequest, pk: int) -> HttpResponse:
    track = get_for_organisation(LearnWorkTrack, organisation_of(request), pk=pk)
    form = TrackForm(
        request.POST if request.method == "POST" else None,
        instance=track,
        plans=plans_in_scope(request),
    )
    return save_page(
        request,
        form,
        services.save_track,
        track,
        success=_("Het leerwerktraject is opgeslagen."),
        destination="programmes:tracks",
        with_pk=False,
        title=_("Leerwerktraject wijzigen"),
        back="programmes:tracks",
    )
