"""Support as part of the vacancy (issue #22): HR chooses the template, the manager and the
support offered; the careers page says it in plain words."""

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from talentbrug.accounts.constants import Role
from talentbrug.conftest import verified_client
from talentbrug.onboarding.constants import ProgrammeKind
from talentbrug.onboarding.models import OnboardingTemplate
from talentbrug.onboarding.services.templates import ensure_default_templates
from talentbrug.vacancies import services
from talentbrug.vacancies.forms import VacancyForm

from .factories import VacancyFactory

pytestmark = pytest.mark.django_db
HR = frozenset({Role.HR_ADVISER.value})
GUIDANCE = "<p>Je werkt drie maanden samen met een collega.</p>"


def _posted(vacancy, **changes):
    """The edit form as the browser would send it, with some fields changed."""
    form = VacancyForm(instance=vacancy, organisation=vacancy.organisation)
    data = {}
    for name in form.fields:
        value = form[name].value()
        if value in (None, False):
            continue
        data[name] = value
    data.update(changes)
    return {k: v for k, v in data.items() if v is not False}


def test_hr_chooses_template_manager_and_support_on_the_vacancy(organisation, make_staff):
    hr = make_staff(organisation, Role.HR_ADVISER)
    boss = make_staff(organisation, Role.HIRING_MANAGER, first_name="Caspar")
    # a guidance text that does not say the sentence itself: the sentence comes from the ticks
    vacancy = VacancyFactory(organisation=organisation, status="concept", guidance_text=GUIDANCE)
    ensure_default_templates(organisation)
    bbl = OnboardingTemplate.objects.get(organisation=organisation, kind=ProgrammeKind.BBL)
    client = verified_client(hr)
    url = reverse("vacancies:edit", args=[vacancy.pk])
    page = client.get(url).content.decode()
    assert "Inwerken en begeleiding" in page and bbl.name in page
    response = client.post(
        url,
        _posted(
            vacancy,
            onboarding_template=bbl.pk,
            hiring_manager=boss.pk,
            offers_buddy="on",
            offers_language_coach="on",
            first_day_place="Hoofdingang, Europaweg 12, Apeldoorn",
            first_day_time="9.00 uur",
            first_day_ask_for="Mohamed bij de receptie",
        ),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    vacancy.refresh_from_db()
    assert vacancy.onboarding_template == bbl and vacancy.hiring_manager == boss
    assert vacancy.offers_buddy and vacancy.offers_language_coach
    assert not vacancy.offers_bbl_supervisor
    assert vacancy.first_day_ask_for == "Mohamed bij de receptie"
    detail = client.get(reverse("vacancies:detail", args=[vacancy.pk])).content.decode()
    assert "Je krijgt een buddy en een taalcoach." in detail
    # a preview of the first weeks of the chosen template
    first_task = bbl.tasks.filter(phase="before_start").first()
    assert "De eerste weken (BBL-student)" in detail and first_task.title in detail


def test_only_own_templates_and_managers_can_be_chosen(
    organisation, other_organisation, make_staff
):
    hr = make_staff(organisation, Role.HR_ADVISER)
    foreign_boss = make_staff(other_organisation, Role.HIRING_MANAGER)
    ensure_default_templates(other_organisation)
    foreign = OnboardingTemplate.objects.filter(organisation=other_organisation).first()
    vacancy = VacancyFactory(organisation=organisation, status="concept")
    form = VacancyForm(instance=vacancy, organisation=organisation)
    assert foreign not in form.fields["onboarding_template"].queryset
    assert foreign_boss not in form.fields["hiring_manager"].queryset
    with pytest.raises(ValidationError):
        services.update_vacancy(vacancy, user=hr, roles=HR, data={"onboarding_template": foreign})
    with pytest.raises(ValidationError):
        services.update_vacancy(vacancy, user=hr, roles=HR, data={"hiring_manager": foreign_boss})


@pytest.mark.parametrize(
    ("ticks", "sentence"),
    [
        ({"offers_buddy": True}, "Je krijgt een buddy."),
        (
            {"offers_buddy": True, "offers_language_coach": True},
            "Je krijgt een buddy en een taalcoach.",
        ),
        (
            {"offers_buddy": True, "offers_language_coach": True, "offers_bbl_supervisor": True},
            "Je krijgt een buddy, een taalcoach en een praktijkopleider.",
        ),
    ],
)
def test_the_careers_page_says_the_support_in_plain_words(organisation, ticks, sentence):
    vacancy = VacancyFactory(
        organisation=organisation, status="published", guidance_text=GUIDANCE, **ticks
    )
    client = Client()
    body = client.get(
        reverse("publishing:vacancy_redirect", kwargs={"pk": vacancy.pk}), follow=True
    ).content.decode()
    assert sentence in body
    assert "Een buddy is een collega die je de weg wijst." in body


def test_no_support_ticked_says_nothing(organisation):
    vacancy = VacancyFactory(organisation=organisation, status="published")
    body = (
        Client()
        .get(reverse("publishing:vacancy_redirect", kwargs={"pk": vacancy.pk}), follow=True)
        .content.decode()
    )
    assert 'id="support"' not in body and "Een buddy is een collega" not in body


def test_an_external_language_coach_is_named_on_the_vacancy(organisation, make_staff):
    hr = make_staff(organisation, Role.HR_ADVISER)
    vacancy = VacancyFactory(organisation=organisation, status="concept", guidance_text=GUIDANCE)
    client = verified_client(hr)
    url = reverse("vacancies:edit", args=[vacancy.pk])
    assert "Of een taalcoach van buiten" in client.get(url).content.decode()
    # a name without an address: the plan could never send a reminder
    response = client.post(url, _posted(vacancy, language_coach_external_name="Ingrid Taalhuis"))
    assert response.status_code == 200
    assert "Vul het e-mailadres van de externe taalcoach in." in response.content.decode()
    # a colleague and an external coach at once is one coach too many
    colleague = make_staff(organisation, Role.HIRING_MANAGER)
    response = client.post(
        url,
        _posted(
            vacancy,
            language_coach_person=colleague.pk,
            language_coach_external_name="Ingrid Taalhuis",
            language_coach_external_email="ingrid@taalhuis.example",
        ),
    )
    assert "Kies een collega of een externe taalcoach, niet allebei." in response.content.decode()
    response = client.post(
        url,
        _posted(
            vacancy,
            language_coach_external_name="Ingrid Taalhuis",
            language_coach_external_organisation="Taalhuis Den Haag",
            language_coach_external_email="ingrid@taalhuis.example",
        ),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    vacancy.refresh_from_db()
    assert vacancy.language_coach_external_email == "ingrid@taalhuis.example"
    # a coach named is a coach promised: the careers page says so
    assert vacancy.offers_language_coach
    detail = client.get(reverse("vacancies:detail", args=[vacancy.pk])).content.decode()
    assert "Externe taalcoach: Ingrid Taalhuis (Taalhuis Den Haag)." in detail
