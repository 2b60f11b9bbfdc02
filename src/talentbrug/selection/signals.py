"""Signals later apps listen to, so that selection need not know them."""

from django.dispatch import Signal

# Sent (inside the transaction) after every move of an application to another stage, from
# ``effects.after_move``. Keyword arguments: ``progress``, ``from_stage`` and ``to_stage``.
# Notifications asks who scored in an earlier stage to score again in the new one.
progress_moved = Signal()
