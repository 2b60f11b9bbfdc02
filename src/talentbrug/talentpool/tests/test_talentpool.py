from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from freezegun import freeze_time

from talentbrug.accounts.constants import Role
from talentbrug.applications.models import CandidateSkill
from talentbrug.audit.models import AuditEvent
from talentbrug.matches.tests.helpers import SUPPORT, TICKET, give_consent, make_candidate
from talentbrug.outbox.services import send_due
from talentbrug.talentpool import services
from talentbrug.talentpool.constants import ContactRequestStatus
from talentbrug.talentpool.models import ContactRequest

pytestmark = pytest.mark.django_db


@pytest.fixture
def pool_candidate():
    cand = make_candidate(
        [TICKET, SUPPORT],
        name="Semhar Tesfamariam",
        email="semhar@voorbeeld.nl",
        phone="06-12345678",
        availability="Bel Semhar op 06-12345678",
        consent=True,
    )
    # A skill the candidate typed herself: never shown to other organisations.
    CandidateSkill.objects.create(
        candidate=cand, esco_id="", label="Semhar haar eigen tekst", confirmed=True
    )
    return cand


def _profile_url(candidate, organisation):
    return reverse(
        "talentpool:profile", kwargs={"token": services.profile_token(candidate.pk, organisation)}
    )


# ----------------------------------------------------------------- consent, expiry, withdrawal


def test_consent_puts_candidate_in_pool_and_others_are_not():
    inside = make_candidate([TICKET], consent=True)
    outside = make_candidate([TICKET])
    assert services.pool_candidate_ids() == {inside.pk}
    assert services.in_pool(inside) and not services.in_pool(outside)


def test_consent_expires_after_twelve_months():
    with freeze_time("2026-01-10 10:00"):
        cand = make_candidate([TICKET])
        give_consent(cand)
    with freeze_time("2026-12-01 10:00"):
        assert services.in_pool(cand)
    with freeze_time("2027-01-11 10:00"):
        assert not services.in_pool(cand)
        assert services.search_pool() == []


def test_withdrawal_ends_membership_at_once_and_voids_pending_requests(
    pool_candidate, organisation, make_staff
):
    from talentbrug.applications.services.consent import withdraw_consent

    req = services.request_contact(
        pool_candidate.pk, organisation=organisation, actor=make_staff(organisation), message="Hoi"
    )
    withdraw_consent(pool_candidate)
    assert not services.in_pool(pool_candidate)
    assert not services.request_is_open(req)
    with pytest.raises(services.PoolError):
        services.accept_request(req)
    with pytest.raises(services.PoolError):
        services.view_profile(pool_candidate.pk, organisation=organisation, actor=None)


# ----------------------------------------------------------------- anonymisation and audit


def test_profile_is_anonymous_and_every_view_is_audited(staff_client, organisation, pool_candidate):
    client = staff_client(organisation, Role.HIRING_MANAGER)
    url = _profile_url(pool_candidate, organisation)
    for _ in range(2):
        response = client.get(url)
        assert response.status_code == 200
    html = response.content.decode()
    for secret in ("Semhar", "Tesfamariam", "semhar@", "06-12345678", "eigen tekst"):
        assert secret not in html
    assert "ICT-ticketsysteem gebruiken" in html and "Gelderland" in html and "B1" in html
    events = AuditEvent.objects.filter(event_type="talentpool.profile_viewed")
    assert events.count() == 2
    assert events.first().data == {"candidate": pool_candidate.pk}
    assert events.first().organisation == organisation


def test_search_page_is_anonymous_and_filters_by_skill(staff_client, organisation, pool_candidate):
    make_candidate([], consent=True)
    client = staff_client(organisation)
    html = client.get(reverse("talentpool:list")).content.decode()
    assert "2 kandidaten gevonden" in html and "Semhar" not in html and "semhar@" not in html
    html = client.get(reverse("talentpool:list"), {"vaardigheid": "ticketsysteem"}).content.decode()
    assert "1 kandidaat gevonden" in html
    html = client.get(reverse("talentpool:list"), {"regio": "Limburg"}).content.decode()
    assert "0 kandidaten gevonden" in html


def test_profile_link_works_only_for_the_organisation_it_was_made_for(
    staff_client, organisation, other_organisation, pool_candidate
):
    client = staff_client(organisation)
    assert client.get(_profile_url(pool_candidate, other_organisation)).status_code == 404
    assert client.get(reverse("talentpool:profile", kwargs={"token": "rommel"})).status_code == 404


def test_candidate_who_left_the_pool_gives_404(staff_client, organisation, pool_candidate):
    pool_candidate.consents.update(withdrawn_at=timezone.now())
    response = staff_client(organisation).get(_profile_url(pool_candidate, organisation))
    assert response.status_code == 404


# ----------------------------------------------------------------- contact requests


def _answer_link() -> str:
    send_due()  # the outbox worker
    body = mail.outbox[-1].body
    return re.search(r"https?://\S+/talentpool/verzoek/\S+/", body).group(0).split("8000", 1)[-1]


def test_contact_request_flow_accept_shares_contact(
    staff_client, organisation, pool_candidate, client
):
    staff = staff_client(organisation)
    response = staff.post(
        reverse(
            "talentpool:contact",
            kwargs={"token": services.profile_token(pool_candidate.pk, organisation)},
        ),
        {"message": "We zoeken iemand voor de servicedesk."},
    )
    assert response.status_code == 302
    req = ContactRequest.objects.get()
    assert req.status == ContactRequestStatus.PENDING
    send_due()
    assert mail.outbox[-1].to == ["semhar@voorbeeld.nl"]
    # Before the answer: no contact details for the organisation.
    html = staff.get(reverse("talentpool:requests")).content.decode()
    assert "semhar@" not in html and "Wacht op antwoord" in html
    link = _answer_link()
    page = client.get(link)
    assert page.status_code == 200 and "servicedesk" in page.content.decode()
    assert client.post(link, {"antwoord": "ja"}).status_code == 302
    req.refresh_from_db()
    assert req.status == ContactRequestStatus.ACCEPTED and req.answered_at
    html = staff.get(reverse("talentpool:requests")).content.decode()
    assert "semhar@voorbeeld.nl" in html and "Semhar Tesfamariam" in html
    assert AuditEvent.objects.filter(event_type="talentpool.contact_accepted").count() == 1
    # A second answer changes nothing.
    client.post(link, {"antwoord": "nee"})
    req.refresh_from_db()
    assert req.status == ContactRequestStatus.ACCEPTED


def test_contact_request_flow_decline_shares_nothing(
    staff_client, organisation, pool_candidate, client
):
    services.request_contact(
        pool_candidate.pk, organisation=organisation, actor=None, message="Hallo"
    )
    client.post(_answer_link(), {"antwoord": "nee"})
    req = ContactRequest.objects.get()
    assert req.status == ContactRequestStatus.DECLINED
    html = staff_client(organisation).get(reverse("talentpool:requests")).content.decode()
    assert "semhar@" not in html and "Afgewezen" in html


def test_one_pending_request_per_organisation_and_bad_input(organisation, pool_candidate):
    with pytest.raises(services.PoolError):
        services.request_contact(
            pool_candidate.pk, organisation=organisation, actor=None, message=" "
        )
    with pytest.raises(services.PoolError):
        services.request_contact(
            pool_candidate.pk, organisation=organisation, actor=None, message="x" * 1001
        )
    services.request_contact(
        pool_candidate.pk, organisation=organisation, actor=None, message="Hoi"
    )
    with pytest.raises(services.PoolError):
        services.request_contact(
            pool_candidate.pk, organisation=organisation, actor=None, message="Nog een"
        )
    assert ContactRequest.objects.count() == 1


def test_request_for_candidate_outside_pool_is_refused(organisation):
    cand = make_candidate([TICKET])
    with pytest.raises(services.PoolError):
        services.request_contact(cand.pk, organisation=organisation, actor=None, message="Hoi")


def test_answer_link_expires_and_garbage_link_is_404(organisation, pool_candidate, client):
    services.request_contact(
        pool_candidate.pk, organisation=organisation, actor=None, message="Hoi"
    )
    link = _answer_link()
    assert client.get(reverse("talentpool:answer", kwargs={"token": "kapot"})).status_code == 404
    with freeze_time(timezone.now() + timedelta(days=31)):
        assert client.get(link).status_code == 404


def test_answer_link_works_in_one_browser_session_only(organisation, pool_candidate, client):
    from django.test import Client

    services.request_contact(
        pool_candidate.pk, organisation=organisation, actor=None, message="Servicedesk?"
    )
    link = _answer_link()
    assert "Servicedesk?" in client.get(link).content.decode()
    # A forwarded mail, opened elsewhere: no question, no answer buttons, a clear message.
    other = Client()
    page = other.get(link)
    body = page.content.decode()
    assert page.status_code == 403
    assert "Deze link is al een keer gebruikt" in body and "Servicedesk?" not in body
    other.post(link, {"antwoord": "ja"})
    assert ContactRequest.objects.get().status == ContactRequestStatus.PENDING
    # The first session can still answer.
    client.post(link, {"antwoord": "nee"})
    assert ContactRequest.objects.get().status == ContactRequestStatus.DECLINED


# ----------------------------------------------------------------- figures


def test_programme_team_sees_figures_with_small_counts_suppressed(make_staff, organisation):
    from talentbrug.conftest import verified_client

    for _ in range(6):
        make_candidate([TICKET], consent=True)
    make_candidate([SUPPORT], consent=True, regions=["Zeeland"])
    team = verified_client(make_staff(organisation, is_programme_team=True))
    html = team.get(reverse("talentpool:figures")).content.decode()
    assert "Nu in de talentpool</dt><dd>7" in html
    assert "ICT-ticketsysteem gebruiken: 6" in html
    assert "ICT-ondersteuning bieden" not in html  # 1 < 5
    assert "Zeeland" not in html and "Gelderland: 6" in html
    assert "minder dan 5" in html  # e.g. contact requests
    hr = verified_client(make_staff(organisation))
    assert hr.get(reverse("talentpool:figures")).status_code == 403


def test_a_mail_scanner_opening_the_answer_link_uses_nothing(organisation, pool_candidate):
    """GET twice (a scanner), then the candidate's POST opens the page; a second POST in
    another browser asks for a new link."""
    from django.test import Client

    from talentbrug.accounts.models import UsedLink

    services.request_contact(
        pool_candidate.pk, organisation=organisation, actor=None, message="Servicedesk?"
    )
    link = _answer_link()
    scanner = Client()
    for _ in range(2):
        page = scanner.get(link)
        assert page.status_code == 200 and 'name="open_link"' in page.content.decode()
        assert "Servicedesk?" not in page.content.decode()
    assert UsedLink.objects.count() == 0
    person = Client()
    assert person.post(link, {"open_link": "1"}).url == link
    assert "Servicedesk?" in person.get(link).content.decode()
    again = Client().post(link, {"open_link": "1"})
    assert again.status_code == 403 and "Servicedesk?" not in again.content.decode()
