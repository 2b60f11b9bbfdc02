"""Destruction lists: the overview, making, submitting and reviewing a list and its items."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from talentbrug.accounts.access import (
    can,
    scoped,
    staff_required,
    users_who_can,
)
from talentbrug.core.forms import show_errors

from ..constants import (
    ItemStatus,
    ListStatus,
)
from ..forms import (
    CommentForm,
    DestroyConfirmForm,
    ReasonForm,
    SubmitListForm,
)
from ..models import (
    DestructionList,
    Document,
)
from ..retention import document_verdict
from ..services import collections as collections_services
from ..services import lists as lists_services
from ..services import review
from ..workflow import LIST_FLOW
from .lookups import collection_for, list_for


@require_GET
@staff_required("records.view")
def lists(request: HttpRequest) -> HttpResponse:
    found = (
        scoped(DestructionList.objects.all(), request.organisation)  # type: ignore[attr-defined]
        .select_related("collection", "created_by")
        .annotate(n_items=Count("items"))
    )
    waiting = set(
        found.filter(
            Q(status=ListStatus.IN_REVIEW, reviewers=request.user)
            | Q(status=ListStatus.CHANGES_REQUESTED, created_by=request.user)
        ).values_list("pk", flat=True)
    )
    return render(request, "records/lists.html", {"lists": found, "waiting": waiting})


@require_POST
@staff_required("records.manage")
def list_create(request: HttpRequest, pk: int) -> HttpResponse:
    collection = collection_for(request, pk)
    try:
        dl = lists_services.create_destruction_list(collection, request.user)
    except ValidationError as exc:
        show_errors(request, exc)
        return redirect("records:collection_detail", pk=collection.pk)
    messages.success(request, _("Vernietigingslijst opgesteld. Controleer hem en bied hem aan."))
    return redirect("records:list_detail", pk=dl.pk)


def _reviewer_choices(dl: DestructionList) -> Any:
    return users_who_can(dl.organisation, "records.review").exclude(pk=dl.created_by_id)


@require_GET
@staff_required("records.view")
def list_detail(request: HttpRequest, pk: int) -> HttpResponse:
    dl = list_for(request, pk)
    items = list(
        dl.items.select_related(
            "document__category", "document__collection__default_category", "reviewed_by"
        )
    )
    live = {ItemStatus.PROPOSED, ItemStatus.APPROVED}
    for item in items:
        # The guard as it stands now, so nobody approves what destruction will refuse.
        item.verdict = (
            document_verdict(item.document)
            if item.status in live and dl.status != ListStatus.DESTROYED
            else None
        )
    config = collections_services.records_settings(dl.organisation)
    return render(
        request,
        "records/list_detail.html",
        {
            "list": dl,
            "items": items,
            "config": config,
            "reviewers": list(dl.reviewers.all()),
            "reviews": dl.reviews.select_related("user"),
            "moves": LIST_FLOW.available_names(
                request.user, dl, roles=getattr(request, "roles", frozenset())
            ),
            "declaration": Document.objects.filter(declaration_of=dl).first(),
            "can_manage": can(request, "records.manage"),
            "can_review": can(request, "records.review"),
            "ListStatus": ListStatus,
            "ItemStatus": ItemStatus,
            "reason_form": ReasonForm(),
            "submit_form": SubmitListForm(reviewers=_reviewer_choices(dl)),
            "destroy_form": DestroyConfirmForm(expected=dl.name),
        },
    )


def _list_action(request: HttpRequest, pk: int, action: Any, success: str) -> HttpResponse:
    dl = list_for(request, pk)
    try:
        action(dl)
    except ValidationError as exc:
        show_errors(request, exc)
    else:
        messages.success(request, success)
    return redirect("records:list_detail", pk=dl.pk)


def _reason(request: HttpRequest) -> str:
    form = ReasonForm(request.POST)
    return form.cleaned_data["reason"] if form.is_valid() else ""


def _comment(request: HttpRequest) -> str:
    form = CommentForm(request.POST)
    return form.cleaned_data["comment"] if form.is_valid() else ""


@require_POST
@staff_required("records.manage")
def list_submit(request: HttpRequest, pk: int) -> HttpResponse:
    dl = list_for(request, pk)
    form = SubmitListForm(request.POST, reviewers=_reviewer_choices(dl))
    reviewers = form.cleaned_data["reviewers"] if form.is_valid() else []
    return _list_action(
        request,
        pk,
        lambda dl: lists_services.submit_destruction_list(dl, request.user, reviewers),
        _("De lijst is aangeboden. De beoordelaars krijgen een e-mail."),
    )


def _review_move(request: HttpRequest, pk: int, move: str, success: str) -> HttpResponse:
    """A review move with the reviewer's comment: ``move`` names the function in ``review``."""
    comment = _comment(request)
    return _list_action(
        request, pk, lambda dl: getattr(review, move)(dl, request.user, comment), success
    )


@require_POST
@staff_required("records.review")
def list_approve(request: HttpRequest, pk: int) -> HttpResponse:
    return _review_move(request, pk, "approve_destruction_list", _("De lijst is goedgekeurd."))


@require_POST
@staff_required("records.review")
def list_changes(request: HttpRequest, pk: int) -> HttpResponse:
    return _review_move(
        request,
        pk,
        "request_changes",
        _("De lijst gaat terug naar de opsteller, met uw opmerking."),
    )


@require_POST
@staff_required("records.archivist")
def list_archivist(request: HttpRequest, pk: int) -> HttpResponse:
    return _review_move(
        request,
        pk,
        "approve_as_archivist",
        _("Akkoord van de archivaris vastgelegd. De wachttijd loopt."),
    )


@require_POST
@staff_required("records.archivist")
def list_archivist_changes(request: HttpRequest, pk: int) -> HttpResponse:
    return _review_move(
        request,
        pk,
        "archivist_request_changes",
        _("De lijst gaat terug naar de opsteller, met uw opmerking."),
    )


@require_POST
@staff_required("records.manage")
def list_abort(request: HttpRequest, pk: int) -> HttpResponse:
    reason = _reason(request)
    return _list_action(
        request,
        pk,
        lambda dl: lists_services.abort_destruction_list(dl, request.user, reason),
        _("De lijst staat weer op nieuw."),
    )


def _item_action(
    request: HttpRequest, pk: int, item_pk: int, action: Any, success: str
) -> HttpResponse:
    dl = list_for(request, pk)
    item = get_object_or_404(dl.items.select_related("document"), pk=item_pk)
    try:
        action(item)
    except ValidationError as exc:
        show_errors(request, exc)
    else:
        messages.success(request, success)
    return redirect(reverse("records:list_detail", kwargs={"pk": dl.pk}) + f"#item-{item.pk}")


@require_POST
@staff_required("records.review")
def item_approve(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    return _item_action(
        request, pk, item_pk, lambda i: review.approve_item(i, request.user), _("Goedgekeurd.")
    )


@require_POST
@staff_required("records.review")
def item_exclude(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    reason = _reason(request)
    return _item_action(
        request,
        pk,
        item_pk,
        lambda i: review.exclude_item(i, request.user, reason),
        _("Uitgezonderd. Het document staat weer bij de kaarten."),
    )


@require_POST
@staff_required("records.manage")
def item_remove(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    reason = _reason(request)
    return _item_action(
        request,
        pk,
        item_pk,
        lambda i: lists_services.remove_item(i, request.user, reason),
        _("Van de lijst gehaald. Het document staat weer bij de kaarten."),
    )


@require_POST
@staff_required("records.manage")
def item_restore(request: HttpRequest, pk: int, item_pk: int) -> HttpResponse:
    reason = _reason(request)
    return _item_action(
        request,
        pk,
        item_pk,
        lambda i: lists_services.restore_item(i, request.user, reason),
        _("Teruggezet. Het document wordt niet vernietigd."),
    )
