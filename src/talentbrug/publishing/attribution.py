"""Which channel brought a visitor: first touch per vacancy, kept in the session only.

No third-party trackers, no extra cookies, no IP addresses: the session (which the site has
anyway) remembers {vacancy id: channel id} for the first tracked link a visitor used.

The applications app calls :func:`channel_for` when an application is made::

    from talentbrug.publishing.attribution import channel_for
    application.channel = channel_for(request, vacancy)
"""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest

from .constants import SESSION_KEY, SESSION_LAST_KEY
from .models import Channel


def remember_channel(request: HttpRequest, channel: Channel) -> bool:
    """Store the channel for its vacancy unless one was stored before (first touch wins).

    Returns True when this visit set the channel.
    """
    stored: dict[str, int] = dict(request.session.get(SESSION_KEY, {}))
    key = str(channel.vacancy_id)
    request.session[SESSION_LAST_KEY] = channel.pk
    if key in stored:
        return False
    stored[key] = channel.pk
    request.session[SESSION_KEY] = stored
    return True


def channel_for(request: HttpRequest, vacancy: Any = None) -> Channel | None:
    """The channel that brought this visitor to ``vacancy`` (first touch), or None.

    Without a vacancy: the channel of the last tracked link used in this session.
    """
    session = getattr(request, "session", None)
    if session is None:
        return None
    if vacancy is not None:
        channel_pk = dict(session.get(SESSION_KEY, {})).get(str(getattr(vacancy, "pk", vacancy)))
        queryset = Channel.objects.filter(vacancy_id=getattr(vacancy, "pk", vacancy))
    else:
        channel_pk = session.get(SESSION_LAST_KEY)
        queryset = Channel.objects.all()
    if channel_pk is None:
        return None
    return queryset.filter(pk=channel_pk).first()
