"""Competence-based vacancies: requirements are skills with evidence, not diplomas.

One module per noun; this package imports every model so Django finds them (and callers may
import a model from ``talentbrug.vacancies.models``):

- ``scales``: the salary tables
- ``vacancy``: the vacancy and its first-day arrangements
- ``requirements``: competences and language requirements
"""

from .requirements import LanguageRequirement, Requirement
from .scales import SalaryScale
from .vacancy import FirstDayArrangements, Vacancy, default_apply_routes

__all__ = [
    "FirstDayArrangements",
    "LanguageRequirement",
    "Requirement",
    "SalaryScale",
    "Vacancy",
    "default_apply_routes",
]
