"""The "claim, then send" loop of every reminder job (interviews, group days, onboarding).

Reminder jobs run periodically and may run twice at once (two workers, a retry). Each item is
handled in its own transaction: first *claim* it (mark it as sent: an ``UPDATE … WHERE
sent_at IS NULL``, or an ``INSERT`` of a unique row), and only when the claim is ours, queue
its e-mail in the same transaction (``outbox.queue_mail``). A second run, or a parallel worker,
finds nothing left to claim; a failure rolls back claim and mail together.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from django.db import IntegrityError, transaction
from django.db.models import Model, QuerySet

T = TypeVar("T")
C = TypeVar("C")


def claim_then_send(
    items: Iterable[T], claim: Callable[[T], C], send: Callable[[T, C], None]
) -> int:
    """For each item, in one transaction: ``claim(item)``; when that answers something truthy
    (True, or the claimed parts), ``send(item, claimed)``. Returns how many items were sent."""
    sent = 0
    for item in items:
        with transaction.atomic():
            claimed = claim(item)
            if not claimed:
                continue
            send(item, claimed)
        sent += 1
    return sent


def claim_unsent(rows: QuerySet[Any], field: str, value: Any) -> bool:
    """Claim ``rows`` (one row, filtered by pk) by filling ``field`` while it is still empty."""
    return bool(rows.filter(**{f"{field}__isnull": True}).update(**{field: value}))


def claim_by_insert(model: type[Model], **values: Any) -> bool:
    """Claim by creating a row whose unique constraint makes a second claim fail; a lost claim
    undoes only itself (a savepoint)."""
    try:
        with transaction.atomic():
            model._default_manager.create(**values)
    except IntegrityError:
        return False
    return True
