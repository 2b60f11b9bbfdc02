"""Signals later apps listen to, so that vacancies need not know them."""

from django.dispatch import Signal

# Sent (inside the transaction) after a workflow move of a vacancy. Keyword arguments:
# ``vacancy``, ``move`` (the move's name, such as "submit"), ``user`` (who made it),
# ``from_status`` and ``to_status``. Notifications tell the reviewers of a review request.
vacancy_moved = Signal()
