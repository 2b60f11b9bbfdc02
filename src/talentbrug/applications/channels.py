"""Which channel brought the candidate (careers site, Werken voor Nederland, a flyer...).

The publishing app decides this (first touch, kept in the session). This is the one hook the
applications app calls, so a change in publishing touches one function here.
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from talentbrug.publishing.attribution import channel_for


def channel_for_application(request: HttpRequest, vacancy: Any) -> Any:
    """The ``publishing.Channel`` for this vacancy in this session, or None."""
    try:
        return channel_for(request, vacancy)
    except Exception:
        return None
