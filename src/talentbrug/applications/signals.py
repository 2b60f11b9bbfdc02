"""Signals other apps listen to, so that applications and selection need not know them."""

from django.dispatch import Signal

# Sent (inside the transaction) when an application's procedure ends: the candidate withdrew,
# or selection moved it to an end stage. Keyword arguments: ``application`` and ``why``
# ("withdrawn", "rejected", "hired"). Listeners end what was still open for it, such as
# planned interviews.
application_closed = Signal()
