"""Onboarding in a real browser: a coordinator makes a plan from a template, the new hire opens
the personal link, fills in the check-in and marks a task done. Axe at 1280 and 320 px."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import timezone

from talentbrug.accounts.constants import Role
from talentbrug.onboarding import tokens
from talentbrug.onboarding.constants import OwnerRole, TaskStatus
from talentbrug.onboarding.models import OnboardingPlan
from talentbrug.onboarding.services import plans, templates

from .conftest import assert_accessible, assert_no_horizontal_scroll, log_in, open_link

pytestmark = pytest.mark.django_db(transaction=True)


def check_both_widths(page):
    page.set_viewport_size({"width": 1280, "height": 900})
    assert_accessible(page)
    page.set_viewport_size({"width": 320, "height": 800})
    assert_accessible(page)
    assert_no_horizontal_scroll(page)
    page.set_viewport_size({"width": 1280, "height": 900})


def test_coordinator_makes_a_plan_and_the_new_hire_uses_the_portal(
    page, live_server, make_staff, organisation
):
    coordinator = make_staff(organisation, Role.ONBOARDING_COORDINATOR, first_name="Priya")
    make_staff(organisation, Role.HIRING_MANAGER, first_name="Mohamed", last_name="El Amrani")
    templates.ensure_default_templates(organisation)
    log_in(page, live_server, coordinator)

    page.goto(reverse("onboarding:overview"))
    check_both_widths(page)
    page.get_by_role("link", name="Maak een inwerkplan").click()
    page.get_by_label("Sjabloon").wait_for()
    check_both_widths(page)
    page.get_by_label("Sjabloon").select_option(label="Statushouder met taalcoach")
    page.get_by_label("Naam nieuwe medewerker").fill("Zakaria Haddad")
    page.get_by_label("E-mailadres", exact=True).fill("zakaria@example.org")
    page.get_by_label("Eerste werkdag").fill(timezone.localdate().isoformat())
    page.get_by_label("Leidinggevende").select_option(label="Mohamed El Amrani")
    page.get_by_label("Of: naam externe taalcoach").fill("Ingrid Taalhuis")
    page.get_by_label("E-mail externe taalcoach").fill("coach@example.org")
    page.get_by_role("button", name="Maak het inwerkplan").click()
    page.wait_for_selector("h1:has-text('Inwerkplan Zakaria Haddad')")
    plan = OnboardingPlan.objects.get(name="Zakaria Haddad")
    assert plan.supporter(OwnerRole.LANGUAGE_COACH).external_name == "Ingrid Taalhuis"
    check_both_widths(page)

    # The new hire opens the personal link (no password) on a phone.
    new_hire = page.context.browser.new_context(base_url=live_server.url, locale="nl-NL")
    portal = new_hire.new_page()
    portal.set_default_timeout(10_000)
    open_link(portal, reverse("onboarding:portal", kwargs={"token": tokens.make_token(plan)}))
    assert "Welkom, Zakaria Haddad" in portal.locator("h1").inner_text()
    check_both_widths(portal)

    portal.get_by_role("link", name="Hoe gaat het? Elke week een korte check-in").click()
    portal.get_by_label("4 – Goed").wait_for()
    check_both_widths(portal)
    portal.get_by_label("4 – Goed").check()
    portal.get_by_label("Wat ging goed deze week?").fill("Mijn buddy legde alles uit.")
    portal.get_by_label("Wat heb je nodig van ons?").fill("Uitleg van de afkortingen.")
    portal.get_by_role("button", name="Verstuur").click()
    portal.wait_for_selector("text=Dank je wel. Je leidinggevende ziet hoe het gaat.")
    assert plan.checkins.get().mood == 4

    task = (
        plan.tasks.filter(owner_role=OwnerRole.NEW_HIRE, status=TaskStatus.OPEN)
        .exclude(form_kind="checkin")
        .order_by("due_date")
        .first()
    )
    portal.locator(f"#taak-{task.pk}").get_by_role("button").click()
    portal.wait_for_selector("text=Goed zo! De taak staat op klaar.")
    task.refresh_from_db()
    assert task.status == TaskStatus.DONE
    check_both_widths(portal)

    # The other forms of the portal pass axe too.
    token = tokens.make_token(plan)
    for name in ("onboarding:portal_intake", "onboarding:portal_surprises"):
        portal.goto(reverse(name, kwargs={"token": token}))
        check_both_widths(portal)

    # The same page in Arabic, right to left.
    plan.preferred_language = "ar"
    plan.save()
    open_link(portal, reverse("onboarding:portal", kwargs={"token": tokens.make_token(plan)}))
    assert portal.locator("html").get_attribute("dir") == "rtl"
    check_both_widths(portal)
    new_hire.close()

    # The coordinator sees the check-in on the plan.
    page.goto(reverse("onboarding:plan_detail", args=[plan.pk]))
    assert "Mijn buddy legde alles uit." in page.content()
    check_both_widths(page)


def test_the_new_hire_fills_in_the_own_part_of_the_evaluation(
    page, live_server, make_staff, organisation
):
    from talentbrug.onboarding.models import OnboardingTemplate
    from talentbrug.onboarding.workdays import add_working_days

    manager = make_staff(organisation, Role.HIRING_MANAGER, first_name="Mohamed")
    templates.ensure_default_templates(organisation)
    template = OnboardingTemplate.objects.get(organisation=organisation, name="Standaard")
    # Three months in: the evaluation is in a few working days.
    plan = plans.start_onboarding(
        organisation=organisation,
        name="Zakaria Haddad",
        email="zakaria@example.org",
        preferred_language="nl",
        start_date=add_working_days(timezone.localdate(), -60),
        template=template,
        manager=manager,
        send_link=False,
    )

    new_hire = page.context.browser.new_context(base_url=live_server.url, locale="nl-NL")
    portal = new_hire.new_page()
    portal.set_default_timeout(10_000)
    open_link(portal, reverse("onboarding:portal", kwargs={"token": tokens.make_token(plan)}))
    portal.get_by_role("link", name="Evaluatie na 3 maanden: wat vind jij zelf?").click()
    portal.wait_for_selector("h1:has-text('Evaluatie na 3 maanden')")
    check_both_widths(portal)

    # Nothing filled in: the summary on top and the message at the field.
    portal.get_by_role("button", name="Verstuur").click()
    portal.wait_for_selector("#error-summary")
    check_both_widths(portal)

    # With the keyboard only: type, Tab to the next question, Enter on the button.
    portal.get_by_label("Wat gaat goed?").fill("Ik los zelf storingen op.")
    portal.keyboard.press("Tab")
    portal.keyboard.type("Ik vraag te laat om hulp.")
    portal.keyboard.press("Tab")
    portal.keyboard.type("Werken met Kubernetes.")
    portal.keyboard.press("Tab")
    portal.keyboard.press("Enter")
    portal.wait_for_selector("text=Je leidinggevende leest je antwoorden voor het gesprek.")
    review = plan.self_reviews.get(moment="3")
    assert review.to_improve == "Ik vraag te laat om hulp."
    assert review.wants_to_learn == "Werken met Kubernetes."

    # In Persian the page runs right to left and still fits on a phone.
    plan.preferred_language = "fa"
    plan.save()
    open_link(
        portal,
        reverse(
            "onboarding:portal_evaluation",
            kwargs={"token": tokens.make_token(plan), "moment": "3"},
        ),
    )
    assert portal.locator("html").get_attribute("dir") == "rtl"
    check_both_widths(portal)
    new_hire.close()

    # The manager sees the answers next to the own evaluation form.
    log_in(page, live_server, manager)
    page.goto(reverse("onboarding:evaluation", args=[plan.pk, "3"]))
    assert "Werken met Kubernetes." in page.content()
    check_both_widths(page)

    # Moving the first working day moves the open tasks; the page says how many.
    page.goto(reverse("onboarding:plan_edit", args=[plan.pk]))
    check_both_widths(page)
    page.get_by_label("Eerste werkdag").fill(add_working_days(plan.start_date, 1).isoformat())
    page.get_by_role("button", name="Sla op").click()
    page.wait_for_selector("text=De eerste werkdag is verplaatst:")
    check_both_widths(page)
