"""The new hire's portal and the supporter page: magic links and the forms."""

from datetime import date

import pytest
from django.core import mail
from django.urls import reverse
from freezegun import freeze_time

from talentbrug.accounts import magiclinks
from talentbrug.conftest import PersonClient
from talentbrug.onboarding import tokens
from talentbrug.onboarding.constants import PORTAL_SESSION_AGE, OwnerRole, TaskStatus
from talentbrug.onboarding.services import links, plan_tasks, plans, supporters

from .factories import make_plan

pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(organisation):
    plan = make_plan(
        organisation,
        start_date=date(2026, 3, 2),
        name="Zakaria Haddad",
        language_coach={"name": "Ingrid Taalhuis", "email": "coach@example.org"},
    )
    return plan


def url(name, plan, **kwargs):
    return reverse(f"onboarding:{name}", kwargs={"token": tokens.make_token(plan), **kwargs})


def test_valid_link_shows_the_plan(client, plan):
    response = client.get(url("portal", plan))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Welkom, Zakaria Haddad" in body
    assert "Ingrid Taalhuis" in body and "coach@example.org" in body
    assert "Vul de intake in" in body
    assert response["Cache-Control"].startswith("max-age=0")
    assert response["X-Robots-Tag"] == "noindex"


def test_tampered_link_is_refused(client, plan):
    token = tokens.make_token(plan)
    bad = token[:-2] + ("AA" if not token.endswith("AA") else "BB")
    response = client.get(reverse("onboarding:portal", kwargs={"token": bad}))
    assert response.status_code == 403
    assert client.get(reverse("onboarding:portal", kwargs={"token": "abc"})).status_code == 403


def test_expired_link_is_refused(client, plan):
    with freeze_time("2026-01-01 10:00:00"):
        token = tokens.make_token(plan)
    with freeze_time("2026-02-10 10:00:00"):
        assert client.get(reverse("onboarding:portal", kwargs={"token": token})).status_code == 200
    with freeze_time("2026-02-20 10:00:00"):  # 50 days later
        response = client.get(reverse("onboarding:portal", kwargs={"token": token}))
    assert response.status_code == 410
    assert "te oud of niet meer geldig" in response.content.decode()


def test_revoked_link_is_refused(client, plan):
    old = url("portal", plan)
    links.revoke_portal_links(plan, user=None)
    assert client.get(old).status_code == 410
    plan.refresh_from_db()
    assert client.get(url("portal", plan)).status_code == 200


def test_a_supporter_token_does_not_open_the_new_hire_portal(client, plan):
    coach = plan.supporter(OwnerRole.LANGUAGE_COACH)
    token = tokens.make_supporter_token(coach)
    assert client.get(reverse("onboarding:portal", kwargs={"token": token})).status_code == 403
    with pytest.raises(tokens.TokenProblem):
        tokens.read_token(magiclinks.make(tokens.PLAN_SALT, {"p": "x"}))


def test_the_portal_speaks_the_persons_language(client, plan):
    plan.preferred_language = "ar"
    plan.save()
    body = client.get(url("portal", plan)).content.decode()
    assert 'lang="ar" dir="rtl"' in body
    assert "مرحباً، Zakaria Haddad" in body
    plan.preferred_language = "en"
    plan.save()
    assert "Your onboarding plan" in client.get(url("portal", plan)).content.decode()


def test_intake(client, plan):
    response = client.post(
        url("portal_intake", plan),
        {"expectations": "Uitleg", "wants_to_learn": "Linux", "needs": ["dyslexia", "prayer_room"]},
    )
    assert response.status_code == 302
    assert plan.intake.needs == ["dyslexia", "prayer_room"]
    assert plan.tasks.get(form_kind="intake").status == TaskStatus.DONE


@freeze_time("2026-03-05 10:00:00")
def test_checkin_twice_keeps_one(client, plan):
    response = client.post(url("portal_checkin", plan), {})
    assert response.status_code == 400
    assert "Kies hoe het met je gaat" in response.content.decode()
    assert (
        client.post(
            url("portal_checkin", plan), {"mood": "4", "went_well": "Fijn team"}
        ).status_code
        == 302
    )
    client.post(url("portal_checkin", plan), {"mood": "1"}, follow=True)
    assert plan.checkins.get().mood == 4
    page = client.get(url("portal_checkin", plan)).content.decode()
    assert "al verteld hoe het gaat" in page and "<svg" in page


@freeze_time("2026-02-20 10:00:00")
def test_checkin_before_the_start_is_not_possible(client, plan):
    response = client.post(url("portal_checkin", plan), {"mood": "4"})
    assert response.status_code == 400 and not plan.checkins.exists()


def test_surprises_and_goals(client, plan):
    assert client.post(url("portal_surprises", plan), {}).status_code == 400
    response = client.post(
        url("portal_surprises", plan),
        {"surprise_1": "Iedereen gebruikt afkortingen", "surprise_3": "Lunch om twaalf uur"},
    )
    assert response.status_code == 302
    assert list(plan.surprises.values_list("position", "theme")) == [(1, "taal"), (2, "omgang")]
    assert (
        client.post(url("portal_goals", plan), {"title": "Zakelijke e-mails schrijven"}).status_code
        == 302
    )
    assert plan.goals.get().title == "Zakelijke e-mails schrijven"


def test_mark_own_task_done_but_not_someone_elses(client, plan, other_organisation):
    own = plan.tasks.get(form_kind="checkin")
    manager_task = plan.tasks.get(owner_role=OwnerRole.MANAGER)
    assert client.post(url("portal_task_done", plan, task_pk=own.pk)).status_code == 302
    client.post(url("portal_task_done", plan, task_pk=manager_task.pk))
    own.refresh_from_db()
    manager_task.refresh_from_db()
    assert own.status == TaskStatus.DONE and manager_task.status == TaskStatus.OPEN
    other = make_plan(other_organisation)
    foreign = other.tasks.first()
    assert client.post(url("portal_task_done", plan, task_pk=foreign.pk)).status_code == 404
    assert client.get(url("portal_task_done", plan, task_pk=own.pk)).status_code == 405


def test_closed_plan_is_read_only(client, plan):
    plans.stop_plan(plan, user=None, reason="Andere baan")
    body = client.get(url("portal", plan)).content.decode()
    assert "afgesloten" in body
    client.post(url("portal_intake", plan), {"expectations": "x"})
    assert not hasattr(plan, "intake") or not plan.intake.submitted_at


def test_supporter_page(client, plan):
    coach = plan.supporter(OwnerRole.LANGUAGE_COACH)
    plan_tasks.add_task(
        plan,
        user=None,
        data={
            "phase": "week_1",
            "title": "Eerste gesprek",
            "owner_role": OwnerRole.LANGUAGE_COACH,
            "due_date": date(2026, 3, 3),
        },
    )
    token = tokens.make_supporter_token(coach)
    page = client.get(reverse("onboarding:supporter_portal", kwargs={"token": token}))
    assert page.status_code == 200 and "Eerste gesprek" in page.content.decode()
    task = plan.tasks.get(title="Eerste gesprek")
    buddy_task = plan.tasks.get(owner_role=OwnerRole.BUDDY)
    done = reverse("onboarding:supporter_task_done", kwargs={"token": token, "task_pk": task.pk})
    assert client.post(done).status_code == 302
    client.post(
        reverse("onboarding:supporter_task_done", kwargs={"token": token, "task_pk": buddy_task.pk})
    )
    task.refresh_from_db()
    buddy_task.refresh_from_db()
    assert task.status == TaskStatus.DONE and buddy_task.status == TaskStatus.OPEN
    supporters.assign_supporter(
        plan,
        OwnerRole.LANGUAGE_COACH,
        {"name": "Nieuwe coach", "email": "n@example.org"},
        user=None,
    )
    assert (
        client.get(reverse("onboarding:supporter_portal", kwargs={"token": token})).status_code
        == 410
    )


def test_starting_a_plan_mails_the_link(organisation, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        plan = make_plan(organisation, send_link=True, email="welkom@example.org")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["welkom@example.org"] and "/inwerken/" in message.body
    token = message.body.split("/inwerken/")[1].split("/")[0]
    assert tokens.read_token(token) == plan


def test_a_link_works_in_one_browser_session_only(plan):
    from django.test import Client

    token = tokens.make_token(plan)
    mine = PersonClient()
    home = mine.get(reverse("onboarding:portal", kwargs={"token": token}))
    assert "Welkom, Zakaria Haddad" in home.content.decode()
    assert mine.session.get_expiry_age() == PORTAL_SESSION_AGE
    # Every page of the portal carries the link: it keeps working in this session.
    intake = mine.get(reverse("onboarding:portal_intake", kwargs={"token": token}))
    assert intake.status_code == 200
    # The same link in another browser (a forwarded mail): no plan, a clear message.
    other = Client().get(reverse("onboarding:portal", kwargs={"token": token}))
    body = other.content.decode()
    assert other.status_code == 403
    assert "Deze link is al een keer gebruikt" in body
    assert "vraag je leidinggevende om een nieuwe link" in body
    assert "Zakaria Haddad" not in body


def test_a_supporter_link_works_in_one_browser_session_only(plan):
    from django.test import Client

    coach = plan.supporter(OwnerRole.LANGUAGE_COACH)
    path = reverse(
        "onboarding:supporter_portal", kwargs={"token": tokens.make_supporter_token(coach)}
    )
    assert PersonClient().get(path).status_code == 200
    again = Client().get(path)
    assert again.status_code == 403
    assert "Deze link is al een keer gebruikt" in again.content.decode()


def test_logout_ends_the_portal_session(plan):
    from django.contrib.sessions.models import Session

    token = tokens.make_token(plan)
    client = PersonClient()
    home = client.get(reverse("onboarding:portal", kwargs={"token": token})).content.decode()
    assert reverse("onboarding:portal_logout") in home
    key = client.session.session_key
    out = client.post(reverse("onboarding:portal_logout"))
    assert "Je bent uitgelogd" in out.content.decode()
    assert not Session.objects.filter(session_key=key).exists()
    again = client.get(reverse("onboarding:portal", kwargs={"token": token}))
    assert again.status_code == 403
    assert "Zakaria Haddad" not in again.content.decode()


def test_a_staff_session_keeps_its_own_lifetime_when_a_link_is_opened(plan, make_staff):
    from django.conf import settings

    from talentbrug.conftest import verified_client

    coach = plan.supporter(OwnerRole.LANGUAGE_COACH)
    staff = verified_client(make_staff(plan.organisation))
    path = reverse(
        "onboarding:supporter_portal", kwargs={"token": tokens.make_supporter_token(coach)}
    )
    assert staff.post(path, {"open_link": "1"}, follow=True).status_code == 200
    assert staff.session.get_expiry_age() == settings.SESSION_COOKIE_AGE
    assert staff.get(reverse("onboarding:overview")).status_code == 200


def test_a_mail_scanner_opening_the_link_uses_nothing(plan):
    """GET twice (a scanner), then the person's POST opens the portal; another browser's POST
    afterwards asks for a new link."""
    from django.test import Client

    from talentbrug.accounts.models import UsedLink

    path = reverse("onboarding:portal", kwargs={"token": tokens.make_token(plan)})
    scanner = Client()
    for _ in range(2):
        page = scanner.get(path)
        assert page.status_code == 200 and 'name="open_link"' in page.content.decode()
        assert "Zakaria Haddad" not in page.content.decode()
    assert UsedLink.objects.count() == 0
    person = Client()
    opened = person.post(path, {"open_link": "1"})
    assert opened.status_code == 302 and opened.url == path
    assert "Welkom, Zakaria Haddad" in person.get(path).content.decode()
    again = Client().post(path, {"open_link": "1"})
    assert (
        again.status_code == 403 and "Deze link is al een keer gebruikt" in again.content.decode()
    )
