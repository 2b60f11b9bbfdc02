"""``candidate_required``: the decorator of every page of the candidate portal.

The portal session (who the candidate is) belongs to the applications app, the earliest stage
that knows candidates; later stages (interviews, assessments) add portal pages. So that no
stage imports another's views, the app that owns the session registers how to find the
candidate (:func:`register_candidate_finder`, in its ``AppConfig.ready()``) and where to send
a visitor without one; every portal view uses :func:`candidate_required` from here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _


@dataclass(frozen=True)
class CandidateFinder:
    find: Callable[[HttpRequest], Any | None]  # the candidate of this browser session, or None
    link_request_url: str  # URL name of the page that sends a new link


_FINDER: list[CandidateFinder] = []


def register_candidate_finder(
    find: Callable[[HttpRequest], Any | None], link_request_url: str
) -> None:
    """Set how a portal request finds its candidate (once, by the app that owns the session)."""
    finder = CandidateFinder(find, link_request_url)
    if _FINDER and _FINDER[0] != finder:
        raise ValueError("A candidate finder is registered already")
    _FINDER[:] = [finder]


def candidate_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Run ``view`` with ``request.candidate`` set; without a portal session, ask for a link."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not _FINDER:
            raise RuntimeError("No candidate finder registered (applications not installed?)")
        finder = _FINDER[0]
        candidate = finder.find(request)
        if candidate is None:
            messages.info(
                request, _("Vraag een nieuwe link aan om je persoonlijke pagina te openen.")
            )
            return redirect(finder.link_request_url)
        request.candidate = candidate  # type: ignore[attr-defined]
        return view(request, *args, **kwargs)

    return wrapper
