"""Queueing an e-mail to the candidate about their application."""

from __future__ import annotations

from talentbrug.outbox.services import queue_mail

from ..emails import build_email
from ..models import (
    Application,
    Booking,
    Candidate,
)


def queue_candidate_email(
    candidate: Candidate,
    event: str,
    application: Application | None = None,
    booking: Booking | None = None,
) -> None:
    """Put the candidate's e-mail about ``event`` in the outbox, in the current transaction."""

    queue_mail(
        build_email(candidate, event, application, booking),
        kind=f"applications.{event}",
        organisation=application.organisation if application is not None else None,
        candidate=candidate,
    )
