"""The board and the list of a vacancy: cards per stage, moving one (drag or pick) or many."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from talentbrug.accounts.access import can, scoped, staff_required
from talentbrug.applications.constants import staff_route_choices
from talentbrug.audit.services import record_event
from talentbrug.core.http import organisation_of, roles_of
from talentbrug.vacancies.models import Vacancy

from .. import messages as candidate_messages
from ..assignment import visible_progress
from ..constants import StageKind
from ..forms import (
    BulkMoveForm,
)
from ..models import Stage
from ..services import blind, pipeline
from ..services import board as board_services
from .common import _vacancy


@staff_required("selection.view")
def index(request: HttpRequest) -> HttpResponse:
    vacancies = (
        scoped(Vacancy.objects.all(), organisation_of(request))
        .filter(applications__isnull=False)
        .annotate(total=Count("applications", distinct=True))
        .order_by("title")
    )
    return render(
        request,
        "selection/index.html",
        {"vacancies": vacancies, "can_configure": can(request, "selection.configure")},
    )


BOARD_COLUMN_LIMIT = 25  # cards per column on the board; the list shows all, page by page

BOARD_COLUMN_MORE = 200  # cards in the one column opened with "Toon meer" (?meer=<stage>)

LIST_PAGE_SIZE = 50  # rows per page of the list (with bulk actions)


def _card(progress: Any, stages: list[Stage]) -> dict[str, Any]:
    hidden = blind.identity_hidden(progress, stages)
    return {
        "progress": progress,
        "label": progress.pseudonym if hidden else progress.application.candidate.name,
        "hidden": hidden,
        "targets": [
            s for s in board_services.move_targets(stages, progress) if s.kind != StageKind.REJECTED
        ],
    }


def _board_card_maker(stages: list[Stage]) -> Any:
    """A function that turns a progress row into what its board card shows, as ready strings.

    Hundreds of cards: everything that is the same for many cards (the options of the move
    select per stage, the URL patterns, the route labels) is made once here, not per card in
    the template (a template include, tag and number localisation per option and per card).
    """

    routes = dict(staff_route_choices())
    detail = reverse("selection:application", args=[0]).replace("/0/", "/{}/")
    move = reverse("selection:move", args=[0]).replace("/0/", "/{}/")
    options: dict[int, str] = {}
    now = timezone.now()

    def make(progress: Any) -> dict[str, Any]:
        card = _card(progress, stages)
        stage_id = progress.stage_id
        if stage_id not in options:
            options[stage_id] = format_html_join(
                "", '<option value="{}">{}</option>', ((s.pk, s.name) for s in card["targets"])
            )
        count = getattr(progress, "scorecard_count", 0)
        days = max(0, (now - progress.moved_at).days) if progress.moved_at else 0
        card.update(
            pk=str(progress.pk),
            version=str(progress.version),
            score_count=str(count),
            href=detail.format(progress.application_id),
            move_url=move.format(progress.application_id),
            options=options[stage_id] if card["targets"] else "",
            route=routes.get(progress.application.route, progress.application.route),
            scores=ngettext("%(counter)s beoordeling", "%(counter)s beoordelingen", count)
            % {"counter": count},
            days=ngettext("%(counter)s dag in deze fase", "%(counter)s dagen in deze fase", days)
            % {"counter": days},
            move_label=_("Verplaats %(label)s naar") % {"label": card["label"]},
        )
        return card

    return make


@staff_required("selection.view")
def board(request: HttpRequest, pk: int) -> HttpResponse:
    """Columns per stage with their totals and the first cards (more on request, all in the list).

    A constant number of queries that read only the cards shown, not every application.
    """
    vacancy = _vacancy(request, pk)
    stages = pipeline.stages_for(vacancy)
    by_pk = {stage.pk: stage for stage in stages}
    more = request.GET.get("meer", "")
    more_stage = int(more) if more.isdigit() and int(more) in by_pk else None
    rows = visible_progress(board_services.board_progress(vacancy), request, stages)
    totals = board_services.column_totals(rows)
    columns: dict[int, dict[str, Any]] = {
        stage.pk: {
            "stage": stage,
            "cards": [],
            "total": totals.get(stage.pk, 0),
            "expanded": stage.pk == more_stage,
        }
        for stage in stages
    }
    cards = board_services.first_per_column(
        rows, BOARD_COLUMN_LIMIT, more_stage=more_stage, more_limit=BOARD_COLUMN_MORE
    )
    board_card = _board_card_maker(stages)
    for progress in cards:
        progress.stage = by_pk[progress.stage_id]
        columns[progress.stage_id]["cards"].append(board_card(progress))
    return render(
        request,
        "selection/board.html",
        {
            "vacancy": vacancy,
            "columns": list(columns.values()),
            "limit": BOARD_COLUMN_LIMIT,
            "more_limit": BOARD_COLUMN_MORE,
            "can_move": can(request, "selection.move"),
        },
    )


@staff_required("selection.view")
def application_list(request: HttpRequest, pk: int) -> HttpResponse:
    vacancy = _vacancy(request, pk)
    stages = pipeline.stages_for(vacancy)
    stage_filter = request.GET.get("fase", "")
    route_filter = request.GET.get("route", "")
    rows = visible_progress(board_services.board_progress(vacancy), request, stages)
    if stage_filter.isdigit():
        rows = rows.filter(stage_id=int(stage_filter))
    if route_filter:
        rows = rows.filter(application__route=route_filter)
    page = Paginator(rows, LIST_PAGE_SIZE).get_page(request.GET.get("pagina"))
    by_pk = {stage.pk: stage for stage in stages}
    shown = board_services.with_scorecard_counts(list(page.object_list))
    for progress in shown:
        progress.stage = by_pk.get(progress.stage_id, progress.stage)
    list_card = _board_card_maker(stages)
    cards = [list_card(progress) for progress in shown]

    form = BulkMoveForm(
        stages=Stage.objects.filter(vacancy=vacancy).exclude(kind=StageKind.HIRED),
        organisation=organisation_of(request),
    )
    return render(
        request,
        "selection/list.html",
        {
            "vacancy": vacancy,
            "cards": cards,
            "page": page,
            "stages": stages,
            "routes": staff_route_choices(),
            "stage_filter": stage_filter,
            "route_filter": route_filter,
            "form": form,
            "can_move": can(request, "selection.move"),
        },
    )


@require_POST
@staff_required("selection.move")
def bulk_move_view(request: HttpRequest, pk: int) -> HttpResponse:
    vacancy = _vacancy(request, pk)
    back = reverse("selection:list", kwargs={"pk": vacancy.pk})
    form = BulkMoveForm(
        request.POST,
        stages=Stage.objects.filter(vacancy=vacancy).exclude(kind=StageKind.HIRED),
        organisation=organisation_of(request),
    )
    chosen = [int(v) for v in request.POST.getlist("progress") if v.isdigit()]
    if not form.is_valid():
        messages.error(request, _("Kies een fase."))
        return redirect(back)
    if not chosen:
        messages.error(request, _("Kies eerst een of meer sollicitaties."))
        return redirect(back)
    versions = {}
    for progress_pk in chosen:
        raw = request.POST.get(f"version_{progress_pk}", "")
        if raw.isdigit():
            versions[progress_pk] = int(raw)
    hold = form.cleaned_data.get("mail") == "hold"
    # Held: each candidate's history notes the message they did not get, as a single move.
    result = candidate_messages.bulk_move_with_message(
        versions,
        form.cleaned_data["to_stage"],
        request.user,
        roles_of(request),
        mail="hold" if hold else "send",
        reason=form.cleaned_data.get("reason"),
    )
    if hold and result.moved:
        record_event(
            "selection.bulk_mail_held",
            actor=request.user,
            organisation=organisation_of(request),
            obj=vacancy,
            vacancy=vacancy.pk,
            count=result.moved,
        )
    if result.moved:
        messages.success(
            request, _("%(count)s sollicitaties verplaatst.") % {"count": result.moved}
        )
    for _pk, message in result.refused:
        messages.error(request, message)
    return redirect(back)
