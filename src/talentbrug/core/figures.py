"""The one rule for small numbers, shared by every page with figures about people.

Counts of people (and of vacancies, for one rule everywhere) under :data:`MIN_CELL` are shown
as "< 5": insights (``insights.tables``) and the programme pages use the same threshold.
"""

MIN_CELL = 5
