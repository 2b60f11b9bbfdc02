"""Every vacancies URL and who may use it (collected by tests/test_authorisation.py)."""

from talentbrug.tests.authz import STAFF, UrlCase

from .factories import VacancyFactory


def _vacancy(organisation):
    return {"pk": VacancyFactory(organisation=organisation).pk}


def _requirement(organisation):
    from talentbrug.vacancies.models import Requirement

    vacancy = VacancyFactory(organisation=organisation)
    requirement = Requirement.objects.create(vacancy=vacancy, free_text="Samenwerken")
    return {"pk": vacancy.pk, "requirement_pk": requirement.pk}


def _language(organisation):
    from talentbrug.vacancies.models import LanguageRequirement

    vacancy = VacancyFactory(organisation=organisation)
    lang = LanguageRequirement.objects.create(vacancy=vacancy, skill="reading", level="B1")
    return {"pk": vacancy.pk, "language_pk": lang.pk}


def _blocking(organisation):
    vacancy = VacancyFactory(
        organisation=organisation, requirements_text="<p>Je bent native speaker Engels.</p>"
    )
    return {"pk": vacancy.pk}


def _carve(organisation):
    return {"source": "vacature", "source_pk": VacancyFactory(organisation=organisation).pk}


URL_CASES = [
    UrlCase("vacancies:list", STAFF, "vacancies.view"),
    UrlCase("vacancies:create", STAFF, "vacancies.edit"),
    UrlCase("vacancies:check", STAFF, "vacancies.edit", method="post", data={"title": "Beheerder"}),
    UrlCase("vacancies:skill_search", STAFF, "taxonomy.search", data={"q": "net"}),
    UrlCase("vacancies:carve_start", STAFF, "vacancies.edit"),
    UrlCase("vacancies:carve", STAFF, "vacancies.edit", make_kwargs=_carve),
    UrlCase("vacancies:detail", STAFF, "vacancies.view", make_kwargs=_vacancy),
    UrlCase("vacancies:edit", STAFF, "vacancies.edit", make_kwargs=_vacancy),
    # The view lets every viewer in; the service allows the move by the permission table.
    UrlCase(
        "vacancies:transition",
        STAFF,
        "vacancies.withdraw",
        method="post",
        make_kwargs=_vacancy,
        data={"move": "withdraw"},
        ok_status=(302,),
    ),
    UrlCase(
        "vacancies:justify",
        STAFF,
        "vacancies.justify",
        method="post",
        make_kwargs=_blocking,
        data={"text": "De functie vraagt dit echt: de klanten spreken alleen Engels."},
        ok_status=(302,),
    ),
    UrlCase(
        "vacancies:duplicate",
        STAFF,
        "vacancies.edit",
        method="post",
        make_kwargs=_vacancy,
        ok_status=(302,),
    ),
    UrlCase(
        "vacancies:requirement_add",
        STAFF,
        "vacancies.edit",
        method="post",
        make_kwargs=_vacancy,
        data={"free_text": "Samenwerken", "kind": "must_have"},
        ok_status=(302,),
    ),
    UrlCase(
        "vacancies:requirement_remove",
        STAFF,
        "vacancies.edit",
        method="post",
        make_kwargs=_requirement,
        ok_status=(302,),
    ),
    UrlCase(
        "vacancies:language_add",
        STAFF,
        "vacancies.edit",
        method="post",
        make_kwargs=_vacancy,
        data={"language": "nl", "skill": "speaking", "level": "B1", "timing": "with_coach"},
        ok_status=(302,),
    ),
    UrlCase(
        "vacancies:language_remove",
        STAFF,
        "vacancies.edit",
        method="post",
        make_kwargs=_language,
        ok_status=(302,),
    ),
]
