"""Selection pages: parse, authorise, call a service, respond."""

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
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from talentbrug.accounts.access import can, get_for_organisation, scoped, staff_required
from talentbrug.applications.constants import Route
from talentbrug.applications.models import Application, WorkSampleSubmission
from talentbrug.applications.services import profile_for
from talentbrug.audit.services import record_event
from talentbrug.core.forms import show_errors
from talentbrug.core.http import organisation_of, roles_of
from talentbrug.vacancies.models import Vacancy

from . import hire, offer_letter, stage_scores
from . import messages as candidate_messages
from .assignment import require_assignment, visible_progress
from .constants import END_KINDS, OfferStatus, StageKind
from .emails import candidate_language
from .forms import (
    AnchorForm,
    BulkMoveForm,
    MoveForm,
    ReasonForm,
    StageForm,
    rubric_form,
    scorecard_form,
)
from .models import Offer, RejectionReason, Stage
from .offer_forms import DecisionNoteForm, OfferLetterForm, SendLetterForm
from .services import blind, offers, pipeline, scorecards
from .services import board as board_services
from .services import candidate as candidate_services
from .services import reasons as reasons_services
from .workflow import OFFER_FLOW, SelectionError


def _vacancy(request: HttpRequest, pk: int) -> Vacancy:
    return get_for_organisation(Vacancy, organisation_of(request), pk=pk)


def _application(request: HttpRequest, pk: int, *, always_blind: bool = False) -> Application:
    queryset = Application.objects.select_related("vacancy__organisation", "candidate")
    application = get_for_organisation(queryset, organisation_of(request), pk=pk)
    if not always_blind:  # a page that never shows identity (work samples) needs no assignment
        require_assignment(request, application)  # assessors: only candidates assigned to them
    return application


def _next(request: HttpRequest, default: str) -> str:
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return default


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

    routes = dict(Route.choices)
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
    columns = {
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
            "routes": Route.choices,
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


@staff_required("selection.view")
def application_detail(request: HttpRequest, pk: int) -> HttpResponse:
    application = _application(request, pk)
    progress = pipeline.progress_for(application)
    stages = pipeline.stages_for(application.vacancy)
    hidden = blind.identity_hidden(progress, stages)
    candidate = application.candidate

    def show(text: str) -> str:
        return blind.blind_text(text, progress) if hidden else text

    # Only the profile rows entered for this organisation (applications.services.profile_for).
    profile = profile_for(candidate, organisation_of(request))
    documents = [
        {"kind": d.get_kind_display(), "text": show(d.extracted_text)}
        for d in application.documents.all()
        if d.extracted_text
    ]
    experiences = [
        {
            "title": show(e.title),
            "where": "" if hidden else e.organisation_name,
            "description": show(e.description),
        }
        for e in profile["experiences"]
    ]
    move_form = MoveForm(
        initial={"version": progress.version},
        stages=Stage.objects.filter(
            pk__in=[s.pk for s in board_services.move_targets(stages, progress)]
        ),
        organisation=organisation_of(request),
    )
    return render(
        request,
        "selection/application.html",
        {
            "application": application,
            "progress": progress,
            "hidden": hidden,
            "label": progress.pseudonym if hidden else candidate.name,
            "motivation": show(application.motivation),
            "documents": documents,
            "experiences": experiences,
            "educations": profile["educations"],
            "skills": profile["skills"],
            "move_form": move_form,
            "can_move": can(request, "selection.move") and progress.stage.kind not in END_KINDS,
            "can_reveal": can(request, "selection.reveal") and hidden,
            "can_score": can(request, "selection.score"),
            "can_offer": can(request, "selection.offer"),
            "candidate_text": candidate_services.candidate_message(progress),
            "stage_scores": stage_scores.scores_per_stage(progress, request.user),
            "has_work_sample": WorkSampleSubmission.objects.filter(
                application=application
            ).exists(),
        },
    )


@require_POST
@staff_required("selection.move")
def move(request: HttpRequest, pk: int) -> HttpResponse:
    application = _application(request, pk)
    progress = pipeline.progress_for(application)
    stages = pipeline.stages_for(application.vacancy)
    back = _next(request, reverse("selection:application", kwargs={"pk": application.pk}))
    form = MoveForm(
        request.POST,
        stages=Stage.objects.filter(pk__in=[s.pk for s in stages]),
        organisation=organisation_of(request),
    )
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect(back)
    data = form.cleaned_data
    # The candidate's message: shown first, then sent (as is or edited) or held (#18).
    mail = data.get("mail") or candidate_messages.SEND  # a form without the choice: as before
    move_kwargs = {
        "reason": data.get("reason"),
        "language_level": data.get("language_level", ""),
        "feedback": data.get("feedback", ""),
    }
    if mail == candidate_messages.PREVIEW:
        preview = candidate_messages.preview_for_move(progress, data["to_stage"], **move_kwargs)
        if preview is not None:
            return render(
                request,
                "selection/move_preview.html",
                {
                    "application": application,
                    "progress": progress,
                    "to_stage": data["to_stage"],
                    "data": data,
                    "preview": preview,
                    "back": back,
                    "hidden": blind.identity_hidden(progress, stages),
                },
            )
        mail = candidate_messages.SEND
    try:
        candidate_messages.move_with_message(
            progress,
            data["to_stage"],
            request.user,
            roles_of(request),
            data["version"],
            mail=mail,
            subject=request.POST.get("subject", ""),
            body=request.POST.get("body", ""),
            **move_kwargs,
        )
    except SelectionError as exc:
        show_errors(request, exc, each=True)
    else:
        messages.success(
            request,
            _("Verplaatst naar fase ‘%(stage)s’.") % {"stage": data["to_stage"].name},
        )
        if data["to_stage"].kind == StageKind.OFFER and can(request, "selection.offer"):
            # No step mail for the offer stage: the letter's mail is the candidate's one message.
            messages.info(
                request,
                _(
                    "De kandidaat heeft nog geen bericht gekregen. Leg het aanbod vast en "
                    "verstuur de aanbodbrief: dat is één bericht met de brief in het portaal."
                ),
            )
            return redirect("selection:offer", pk=application.pk)
    return redirect(back)


@require_POST
@staff_required("selection.reveal")
def reveal(request: HttpRequest, pk: int) -> HttpResponse:
    application = _application(request, pk)
    progress = pipeline.progress_for(application)
    try:
        blind.reveal_identity(progress, request.user, roles_of(request))
    except SelectionError as exc:
        show_errors(request, exc, each=True)
    else:
        messages.success(request, _("De naam is zichtbaar. Dit staat in het logboek."))
    return redirect("selection:application", pk=application.pk)


@staff_required("selection.score")
def scorecard(request: HttpRequest, pk: int) -> HttpResponse:
    application = _application(request, pk)
    progress = pipeline.progress_for(application)
    stages = pipeline.stages_for(application.vacancy)
    rows = scorecards.scorecard_rows(application.vacancy)
    anchors = scorecards.anchors_for(application.vacancy)
    form = scorecard_form(rows, anchors, request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            scorecards.submit_scorecard(
                progress,
                request.user,
                roles_of(request),
                recommendation=form.cleaned_data["recommendation"],
                notes=form.cleaned_data["notes"],
                scores={row.pk: form.cleaned_data[f"row_{row.pk}"] for row in rows},
            )
        except SelectionError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Uw beoordeling is opgeslagen."))
            return redirect("selection:scorecard", pk=application.pk)
    hidden = blind.identity_hidden(progress, stages)
    # A form per stage per assessor: scoring in an earlier stage does not close this one.
    submitted = stage_scores.submitted_in_stage(progress, request.user, progress.stage)
    return render(
        request,
        "selection/scorecard.html",
        {
            "application": application,
            "progress": progress,
            "label": progress.pseudonym if hidden else application.candidate.name,
            "form": form,
            "rows": rows,
            "anchors": sorted(anchors.items()),
            "submitted": submitted,
            "stage_scores": stage_scores.scores_per_stage(progress, request.user),
        },
    )


@staff_required("selection.score")
def work_sample(request: HttpRequest, pk: int) -> HttpResponse:
    application = _application(request, pk, always_blind=True)
    progress = pipeline.progress_for(application)
    submission = (
        WorkSampleSubmission.objects.select_related("assignment")
        .filter(application=application)
        .first()
    )
    rows = scorecards.rubric_rows(application.vacancy)
    anchors = scorecards.anchors_for(application.vacancy)
    form = rubric_form(rows, anchors, request.POST if request.method == "POST" else None)
    if request.method == "POST" and submission is not None and form.is_valid():
        try:
            scorecards.grade_work_sample(
                submission,
                request.user,
                roles_of(request),
                scores={row.pk: form.cleaned_data[f"row_{row.pk}"] for row in rows},
                notes=form.cleaned_data["notes"],
            )
        except SelectionError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("Uw beoordeling van de opdracht is opgeslagen."))
            return redirect("selection:work_sample", pk=application.pk)
    return render(
        request,
        "selection/work_sample.html",
        {
            "application": application,
            "progress": progress,
            "label": progress.pseudonym,  # work samples are always graded blind
            "submission": submission,
            "text": blind.blind_text(submission.text, progress) if submission else "",
            "form": form,
            "graded": submission is not None
            and submission.grades.filter(reviewer=request.user).exists(),
        },
    )


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
                messages.error(request, error)
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


@staff_required("selection.configure")
def stages(request: HttpRequest, pk: int) -> HttpResponse:
    vacancy = _vacancy(request, pk)
    form = StageForm(request.POST if request.POST.get("action") == "add" else None)
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "add" and form.is_valid():
            try:
                pipeline.add_stage(vacancy, user=request.user, **form.cleaned_data)
            except SelectionError as exc:
                form.add_error("name", exc)
            else:
                messages.success(request, _("Fase toegevoegd."))
                return redirect("selection:stages", pk=vacancy.pk)
        elif action == "blind":
            stage = get_for_organisation(
                Stage.objects.filter(vacancy=vacancy),
                organisation_of(request),
                pk=request.POST.get("stage"),
            )
            pipeline.set_stage_blind(
                stage, is_blind=request.POST.get("is_blind") == "1", user=request.user
            )
            messages.success(request, _("Fase ‘%(stage)s’ gewijzigd.") % {"stage": stage.name})
            return redirect("selection:stages", pk=vacancy.pk)
    rows = (
        Stage.objects.filter(vacancy=vacancy)
        .annotate(held=Count("progresses"))
        .order_by("order", "pk")
    )
    return render(
        request,
        "selection/stages.html",
        {"vacancy": vacancy, "stages": rows, "form": form, "end_kinds": END_KINDS},
    )


@require_POST
@staff_required("selection.configure")
def stage_delete(request: HttpRequest, pk: int) -> HttpResponse:
    stage = get_for_organisation(Stage, organisation_of(request), pk=pk)
    vacancy_pk = stage.vacancy_id
    try:
        pipeline.delete_stage(stage, user=request.user)
    except SelectionError as exc:
        show_errors(request, exc, each=True)
    else:
        messages.success(request, _("Fase verwijderd."))
    return redirect("selection:stages", pk=vacancy_pk)


@staff_required("selection.configure")
def anchors(request: HttpRequest, pk: int) -> HttpResponse:
    vacancy = _vacancy(request, pk)
    current = scorecards.anchors_for(vacancy)
    form = AnchorForm(request.POST or None, anchors=current)
    if request.method == "POST" and form.is_valid():
        texts = {int(name.split("_")[1]): value for name, value in form.cleaned_data.items()}
        scorecards.set_anchors(vacancy, texts, user=request.user)
        messages.success(request, _("De ankerteksten zijn opgeslagen."))
        return redirect("selection:anchors", pk=vacancy.pk)
    return render(request, "selection/anchors.html", {"vacancy": vacancy, "form": form})


@staff_required("selection.fairness")
def fairness(request: HttpRequest, pk: int) -> HttpResponse:
    """The figures per group moved to Insights; this address sends the reader there."""
    vacancy = _vacancy(request, pk)
    return redirect(f"{reverse('insights:selection')}?{urlencode({'vacature': vacancy.pk})}")


@staff_required("selection.configure")
def reasons(request: HttpRequest) -> HttpResponse:
    organisation = organisation_of(request)
    form = ReasonForm(request.POST if request.POST.get("action") == "add" else None)
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "add" and form.is_valid():
            try:
                reasons_services.add_reason(organisation, user=request.user, **form.cleaned_data)
            except SelectionError as exc:
                form.add_error(None, exc)
            else:
                messages.success(request, _("Reden toegevoegd."))
                return redirect("selection:reasons")
        elif action == "active":
            reason = get_for_organisation(
                RejectionReason, organisation, pk=request.POST.get("reason")
            )
            reasons_services.set_reason_active(
                reason, is_active=request.POST.get("is_active") == "1", user=request.user
            )
            messages.success(request, _("Reden gewijzigd."))
            return redirect("selection:reasons")
    rows = RejectionReason.objects.filter(organisation=organisation)
    return render(request, "selection/reasons.html", {"reasons": rows, "form": form})
