"""One application in selection: its page, moving it (with the candidate's message first),
revealing the name, scorecards and the work sample."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from talentbrug.accounts.access import StaffRequest, can, staff_required
from talentbrug.applications.models import WorkSampleSubmission
from talentbrug.applications.services.profile import profile_for
from talentbrug.core.forms import show_errors
from talentbrug.core.http import organisation_of, roles_of

from .. import messages as candidate_messages
from .. import stage_scores
from ..constants import END_KINDS, StageKind
from ..forms import (
    MoveForm,
    rubric_form,
    scorecard_form,
)
from ..models import Stage
from ..services import blind, pipeline, scorecards
from ..services import board as board_services
from ..services import candidate as candidate_services
from ..workflow import SelectionError
from .common import _application, _next


@staff_required("selection.view")
def application_detail(request: HttpRequest, pk: int) -> HttpResponse:
    application = _application(request, pk)
    progress = pipeline.progress_for(application)
    stages = pipeline.stages_for(application.vacancy)
    hidden = blind.identity_hidden(progress, stages)
    candidate = application.candidate

    def show(text: str) -> str:
        return blind.blind_text(text, progress) if hidden else text

    # Only the profile rows entered for this organisation (applications.services.profile.profile_for).
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
                messages.error(request, str(error))
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
def work_sample(request: StaffRequest, pk: int) -> HttpResponse:
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
