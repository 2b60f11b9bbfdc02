"""An English version where the organisation wrote one; Dutch otherwise, with a notice."""

import pytest
from django.test import Client
from django.urls import reverse

from talentbrug.accounts.constants import Role
from talentbrug.vacancies import services

from .factories import VacancyFactory


def _public(vacancy):
    return reverse("publishing:vacancy_redirect", kwargs={"pk": vacancy.pk})


def _in(language):
    client = Client()
    client.post(reverse("set_language"), {"language": language, "next": "/"})
    return client


@pytest.mark.django_db
def test_english_visitor_sees_english_text_when_written(organisation):
    vacancy = VacancyFactory(
        organisation=organisation,
        status="published",
        title_en="Service desk employee",
        tasks_text_en="<p>You help colleagues with their laptops.</p>",
    )
    body = _in("en").get(_public(vacancy), follow=True).content.decode()
    assert 'lang="en">Service desk employee</h1>' in body
    assert "You help colleagues with their laptops." in body
    dutch = _in("nl").get(_public(vacancy), follow=True).content.decode()
    assert vacancy.title in dutch and "Service desk employee" not in dutch


@pytest.mark.django_db
def test_without_english_text_the_dutch_version_says_so(organisation):
    vacancy = VacancyFactory(organisation=organisation, status="published")
    body = _in("en").get(_public(vacancy), follow=True).content.decode()
    assert 'lang="nl">' in body
    assert vacancy.title in body


@pytest.mark.django_db
def test_english_sections_are_sanitised(organisation, make_staff):
    user = make_staff(organisation, Role.HR_ADVISER)
    vacancy = services.create_vacancy(
        organisation=organisation,
        user=user,
        roles=[Role.HR_ADVISER],
        data={
            "title": "Beheerder",
            "title_en": "Administrator",
            "offer_text_en": "<p>Pay<script>x()</script></p>",
        },
    )
    assert vacancy.offer_text_en == "<p>Pay</p>"
