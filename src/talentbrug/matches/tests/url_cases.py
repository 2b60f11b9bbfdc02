"""Every matches URL and who may use it (collected by tests/test_authorisation.py)."""

from talentbrug.tests.authz import STAFF, UrlCase
from talentbrug.vacancies.tests.factories import VacancyFactory


def _vacancy(organisation):
    return {"pk": VacancyFactory(organisation=organisation).pk}


URL_CASES = [
    UrlCase("matches:vacancy_matches", STAFF, "matching.view", make_kwargs=_vacancy),
]
