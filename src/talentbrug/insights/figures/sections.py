"""Which tables make up each Insights page."""

from __future__ import annotations

from .. import tables as t
from ..constants import Section
from . import applications, onboarding, programmes, selection, vacancies
from .scope import Scope

SECTION_TABLES = {
    Section.VACANCIES: vacancies.vacancy_tables,
    Section.APPLICATIONS: applications.application_tables,
    Section.SELECTION: selection.selection_tables,
    Section.ONBOARDING: onboarding.onboarding_tables,
    Section.PROGRAMMES: programmes.programme_tables,
}


def section_tables(section: str, scope: Scope) -> list[t.Table]:
    return SECTION_TABLES[Section(section)](scope)
