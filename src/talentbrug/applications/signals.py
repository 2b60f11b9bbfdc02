"""Signals other apps listen to, so that applications and selection need not know them."""

from django.dispatch import Signal

# Sent (inside the transaction) when an application's procedure ends: the candidate withdrew,
# or selection moved it to an end stage. Keyword arguments: ``application`` and ``why``
# ("withdrawn", "rejected", "hired"). Listeners end what was still open for it, such as
# planned interviews.
application_closed = Signal()

# Sent (inside the transaction) when selection moves an application back to an earlier,
# still open stage. Keyword arguments: ``application`` and ``to_kind`` (the selection stage
# kind it is in now). Listeners cancel what belongs to a later stage; the rules are written
# down in ``talentbrug.selection.effects``.
application_moved_back = Signal()
