"""The new hire's own part of the 3- and 6-month evaluation, in the portal (signed link)."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from freezegun import freeze_time

from talentbrug.accounts.constants import Role
from talentbrug.applications.exports import candidate_paths
from talentbrug.audit.models import AuditEvent
from talentbrug.conftest import verified_client
from talentbrug.onboarding import tokens
from talentbrug.onboarding.constants import FormKind, OwnerRole, Phase
from talentbrug.onboarding.models import EvaluationSelfReview
from talentbrug.onboarding.services import evaluations, guards, links, plan_tasks, plans, supporters

from .factories import TemplateTaskFactory, make_plan, member, small_template

pytestmark = pytest.mark.django_db

START = date(2026, 3, 2)
ANSWERS = {
    "went_well": "Ik los zelf storingen op.",
    "to_improve": "Ik vraag te laat om hulp.",
    "wants_to_learn": "Werken met Kubernetes.",
}


@pytest.fixture
def plan(organisation):
    template = small_template(organisation)
    TemplateTaskFactory(
        template=template,
        phase=Phase.MONTH_3,
        title="Evaluatie na 3 maanden",
        owner_role=OwnerRole.MANAGER,
        due_offset=62,
        form_kind=FormKind.EVALUATION_3,
    )
    return make_plan(organisation, start_date=START, template=template, name="Zakaria Haddad")


def url(plan, moment="3", name="portal_evaluation"):
    return reverse(
        f"onboarding:{name}", kwargs={"token": tokens.make_token(plan), "moment": moment}
    )


def test_fill_in_and_change_until_the_meeting(client, plan):
    page = client.get(url(plan))
    assert page.status_code == 200
    body = page.content.decode()
    assert "Evaluatie na 3 maanden" in body
    assert "Wat gaat goed?" in body and "Wat wil je nog leren?" in body
    assert page["X-Robots-Tag"] == "noindex"

    assert client.post(url(plan), ANSWERS).status_code == 302
    review = EvaluationSelfReview.objects.get(plan=plan, moment="3")
    assert review.wants_to_learn == "Werken met Kubernetes."
    again = client.get(url(plan)).content.decode()
    assert "Ik los zelf storingen op." in again and "Pas het gerust aan." in again

    response = client.post(url(plan), {**ANSWERS, "to_improve": ""}, follow=True)
    assert "Je antwoorden zijn aangepast." in response.content.decode()
    assert EvaluationSelfReview.objects.get(plan=plan).to_improve == ""
    changes = AuditEvent.objects.filter(event_type="onboarding.self_review_saved")
    assert [e.data["change"] for e in changes.order_by("pk")] == ["created", "updated"]
    assert all("Kubernetes" not in str(e.data) for e in changes)

    # The manager saves the evaluation: the meeting is done, the answers are fixed.
    manager = plan.manager
    evaluations.save_evaluation(
        plan, "3", user=manager, data={"went_well": "Zelfstandig", "outcome": "continue"}
    )
    locked = client.get(url(plan)).content.decode()
    assert "Het gesprek is geweest" in locked and "<textarea" not in locked
    assert "Ik los zelf storingen op." in locked
    response = client.post(url(plan), {"went_well": "Nieuw"})
    assert response.status_code == 409
    assert EvaluationSelfReview.objects.get(plan=plan).went_well == ANSWERS["went_well"]
    with pytest.raises(guards.TransitionError):
        evaluations.save_self_review(plan, "3", {"went_well": "Nieuw"})

    # Reopening the evaluation task opens the form again.
    plan_tasks.reopen_task(plan.tasks.get(form_kind=FormKind.EVALUATION_3), user=manager)
    assert "<textarea" in client.get(url(plan)).content.decode()


def test_validation(client, plan):
    response = client.post(url(plan), {"went_well": "   ", "wants_to_learn": "Iets"})
    assert response.status_code == 400
    body = response.content.decode()
    assert "Schrijf op wat goed gaat." in body and 'id="error-summary"' in body
    assert 'aria-invalid="true"' in body
    too_long = client.post(url(plan), {"went_well": "x" * 3001})
    assert too_long.status_code == 400
    assert not EvaluationSelfReview.objects.exists()
    assert client.get(url(plan, moment="9")).status_code == 404
    with pytest.raises(ValidationError):
        evaluations.save_self_review(plan, "3", {"went_well": ""})


def test_another_hires_link_opens_only_their_own(client, plan, organisation, other_organisation):
    evaluations.save_self_review(plan, "3", ANSWERS)
    for other in (
        make_plan(organisation, start_date=START, name="Ander"),
        make_plan(other_organisation, start_date=START, name="Nog een"),
    ):
        page = client.get(url(other)).content.decode()
        assert "Ik los zelf storingen op." not in page
        assert client.post(url(other), {"went_well": "Van iemand anders"}).status_code == 302
        assert EvaluationSelfReview.objects.get(plan=other).went_well == "Van iemand anders"
    assert EvaluationSelfReview.objects.get(plan=plan).went_well == ANSWERS["went_well"]
    # A supporter's link is no new-hire link.
    coach = supporters.assign_supporter(
        plan, OwnerRole.LANGUAGE_COACH, {"name": "Ingrid", "email": "c@example.org"}, user=None
    )
    foreign = reverse(
        "onboarding:portal_evaluation",
        kwargs={"token": tokens.make_supporter_token(coach), "moment": "3"},
    )
    assert client.get(foreign).status_code == 403


def test_revoked_or_broken_link_gets_the_link_problem_page(client, plan):
    old = url(plan)
    links.revoke_portal_links(plan, user=None)
    response = client.get(old)
    assert response.status_code == 410
    assert "te oud of niet meer geldig" in response.content.decode()
    assert client.post(old, ANSWERS).status_code == 410
    assert not EvaluationSelfReview.objects.exists()
    broken = reverse("onboarding:portal_evaluation", kwargs={"token": "abc", "moment": "3"})
    assert client.get(broken).status_code == 403


def test_a_closed_plan_is_read_only(client, plan):
    plans.stop_plan(plan, user=None, reason="Andere baan")
    page = client.get(url(plan)).content.decode()
    assert "afgesloten" in page and "<textarea" not in page
    assert client.post(url(plan), ANSWERS).status_code == 409
    assert not EvaluationSelfReview.objects.exists()


def test_the_portal_home_shows_the_evaluation_near_its_date(client, plan):
    home = reverse("onboarding:portal", kwargs={"token": tokens.make_token(plan)})
    with freeze_time("2026-03-05 10:00:00"):
        assert "/evaluatie/3/" not in client.get(home).content.decode()
    evaluation_day = plan.tasks.get(form_kind=FormKind.EVALUATION_3).due_date
    with freeze_time(evaluation_day.isoformat() + " 10:00:00"):
        # Months later the portal session is long over: the new hire opens a new link.
        home = reverse("onboarding:portal", kwargs={"token": tokens.make_token(plan)})
        body = client.get(home).content.decode()
    assert "/evaluatie/3/" in body and "Evaluatie na 3 maanden: wat vind jij zelf?" in body
    assert "/evaluatie/6/" not in body
    # 6 months without a task in the plan: about 125 working days after the start.
    assert evaluations.evaluation_date(plan, "6") > evaluation_day


def test_the_page_is_right_to_left_in_arabic(client, plan):
    plan.preferred_language = "ar"
    plan.save()
    body = client.get(url(plan)).content.decode()
    assert 'dir="rtl"' in body and "التقييم بعد 3 أشهر" in body


def test_staff_see_the_answers_next_to_their_own(organisation, plan):
    manager_client = verified_client(plan.manager)
    page = reverse("onboarding:evaluation", args=[plan.pk, "3"])
    before = manager_client.get(page).content.decode()
    assert "nog niet ingevuld" in before
    evaluations.save_self_review(plan, "3", ANSWERS)
    body = manager_client.get(page).content.decode()
    assert "Wat de medewerker zelf invulde" in body
    assert "Ik vraag te laat om hulp." in body and "Werken met Kubernetes." in body
    coordinator = verified_client(member(organisation, role=Role.ONBOARDING_COORDINATOR))
    assert "Werken met Kubernetes." in coordinator.get(page).content.decode()
    detail = coordinator.get(reverse("onboarding:plan_detail", args=[plan.pk])).content.decode()
    assert "de medewerker heeft het eigen deel ingevuld" in detail
    # Another manager of the organisation does not see the plan at all.
    assert verified_client(member(organisation)).get(page).status_code == 404


def test_the_self_review_is_in_the_candidates_data_download():
    assert EvaluationSelfReview in dict(candidate_paths())
