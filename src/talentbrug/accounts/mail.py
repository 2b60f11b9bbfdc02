"""How accounts sends mail (invitations, a new role) without importing the outbox.

Every mail goes through the outbox (``outbox.services.queue_mail``), but the outbox stands on
the base layer above accounts (it uses ``core``'s periodic jobs, and core uses accounts). So the
outbox registers its queue here in its ``AppConfig.ready()``; without it, sending fails loudly.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.core.mail import EmailMessage

_QUEUE: list[Callable[..., Any]] = []


def register_mail_queue(queue: Callable[..., Any]) -> None:
    """``queue(message, *, kind, organisation=None, candidate=None, supersede_key="")``."""
    _QUEUE[:] = [queue]


def queue_mail(message: EmailMessage, *, kind: str, organisation: Any = None) -> Any:
    """Put ``message`` in the outbox, in the caller's transaction."""
    if not _QUEUE:
        raise ImproperlyConfigured(
            "No mail queue is registered: the outbox app's ready() registers it "
            "(accounts.mail.register_mail_queue)."
        )
    return _QUEUE[0](message, kind=kind, organisation=organisation)
