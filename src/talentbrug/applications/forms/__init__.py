"""Candidate forms (all labels B1 and translated), one module per page: ``apply``,
``portal``, ``profile``; what they share is in ``fields``. The small staff forms are in
``applications.staff_forms``. This package re-exports nothing."""
