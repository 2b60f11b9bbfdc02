"""The supporter's page (buddy, coach, praktijkopleider; also external), opened with a signed link."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from talentbrug.accounts import magiclinks
from talentbrug.core.forms import show_errors

from .. import tokens
from ..models import Supporter
from ..services import plan_tasks
from .portal import SUPPORTER_OPEN_HEADING, activate_language, link_problem
from .scoping import child_of

# --- The supporter's page (buddy, coach, praktijkopleider; also external) ---------------------


def supporter_view(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    @wraps(view)
    @never_cache
    def wrapper(request: HttpRequest, token: str, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            supporter, opened = tokens.open_supporter_token(request, token)
        except tokens.TokenProblem as problem:
            return link_problem(request, problem.reason)
        activate_language(request, supporter.message_language)
        if not opened:
            return magiclinks.confirm_page(request, heading=SUPPORTER_OPEN_HEADING)
        if request.POST.get(magiclinks.OPEN_FIELD):
            return redirect(request.get_full_path())  # opened: show the page with a GET
        response = view(request, supporter, token, *args, **kwargs)
        response["X-Robots-Tag"] = "noindex"
        return response

    return wrapper


@supporter_view
def supporter_portal(request: HttpRequest, supporter: Supporter, token: str) -> HttpResponse:
    plan = supporter.plan
    tasks = plan.tasks.filter(owner_role=supporter.role, owner_user__isnull=True)
    return render(
        request,
        "onboarding/portal/supporter.html",
        {
            "supporter": supporter,
            "plan": plan,
            "tasks": tasks,
            "token": token,
            "today": timezone.localdate(),
        },
    )


@require_POST
@supporter_view
def supporter_task_done(
    request: HttpRequest, supporter: Supporter, token: str, task_pk: int
) -> HttpResponse:
    task = child_of(supporter.plan.tasks.all(), task_pk)
    try:
        plan_tasks.complete_supporter_task(supporter, task)
    except ValidationError as exc:
        show_errors(request, exc)
    else:
        messages.success(request, _("Dank je wel. De taak staat op klaar."))
    return redirect("onboarding:supporter_portal", token=token)
