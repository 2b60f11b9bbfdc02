"""Applying with an address that already belongs to a candidate (issue 14, item 5).

Nothing reaches that person's record until the link sent to the address is followed, and the
visitor cannot tell from the answer whether the address was known.
"""

from __future__ import annotations

import re
from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.core.files.storage import default_storage
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from talentbrug.outbox.models import OutboxMail

from ..models import Application, Candidate, Consent, Document, Experience, PendingApplication
from ..services import pending as application_pending
from ..tokens import SESSION_KEY
from .factories import ApplicationFactory, CandidateFactory, PublishedVacancyFactory
from .helpers import apply_post, pdf_cv, portal_client, upload

pytestmark = pytest.mark.django_db

KNOWN = "amira.haddad@voorbeeld.nl"


@pytest.fixture
def known_person():
    """Someone who applied before, elsewhere: one application, no experience, no consent."""
    return ApplicationFactory(
        candidate=CandidateFactory(email=KNOWN, name="Amira Haddad")
    ).candidate


def _url(vacancy, route="no_cv"):
    return reverse("applications:apply_route", kwargs={"pk": vacancy.pk, "route": route})


def _no_cv(email, **extra):
    return apply_post(
        email=email,
        name="Iemand Anders",
        experience_title="Monteur",
        can_do="Ik kan klanten helpen.",
        talent_pool="on",
        **extra,
    )


def _record(candidate):
    return (
        Application.objects.filter(candidate=candidate).count(),
        Experience.objects.filter(candidate=candidate).count(),
        Consent.objects.filter(candidate=candidate).count(),
        Candidate.objects.get(pk=candidate.pk).name,
    )


def _confirm_path():
    [message] = [m for m in mail.outbox if "bevestigen" in m.body]
    url = re.search(r"https?://\S+/solliciteren/bevestigen/\S+/", message.body).group(0)
    return urlsplit(url).path


def test_a_known_address_changes_nothing_of_that_person(
    client, known_person, django_capture_on_commit_callbacks
):
    before = _record(known_person)
    vacancy = PublishedVacancyFactory()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(_url(vacancy), _no_cv(KNOWN.upper()))
    assert response.status_code == 302
    assert _record(known_person) == before
    pending = PendingApplication.objects.get()
    assert pending.email == KNOWN and pending.data["experience_title"] == "Monteur"
    # One mail: the question to confirm, to the address itself; nothing about the record.
    assert [m.to for m in mail.outbox] == [[KNOWN]]
    assert "Bevestig je sollicitatie" in mail.outbox[0].subject
    assert known_person.name not in mail.outbox[0].body
    row = OutboxMail.objects.get()
    assert row.kind == "applications.confirm_application" and row.candidate is None
    # Not signed in as that person.
    assert SESSION_KEY not in client.session


# Per-request values (CSRF token, CSP nonce) and the ids of this vacancy and form.
VARYING = re.compile(
    r'(name="csrfmiddlewaretoken" value|nonce)="[^"]+"'
    r'|"(inlineScriptNonce|X-CSRFToken)": "[^"]+"'
    r"|/vacatures/\d+/"
    r"|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
)


def _answer(email, organisation):
    client = Client()
    # Both vacancies of one organisation: the page shows the organisation's woordmerk.
    vacancy = PublishedVacancyFactory(title="Servicedeskmedewerker", organisation=organisation)
    response = client.post(_url(vacancy), _no_cv(email))
    done = client.get(response.url)
    return {
        "status": (response.status_code, done.status_code),
        "location": VARYING.sub("", response.url),
        "cookies": sorted(response.cookies) + sorted(done.cookies),
        "page": VARYING.sub("", done.content.decode()),
    }


def test_the_answer_is_the_same_for_a_known_and_an_unknown_address(known_person, organisation):
    known = _answer(KNOWN, organisation)
    unknown = _answer("nieuw.adres@voorbeeld.nl", organisation)
    assert known == unknown
    assert known["status"] == (302, 200)
    assert "Je sollicitatie is verstuurd" in known["page"]
    assert "Controleer je profiel" not in known["page"]


def test_following_the_link_attaches_the_application(
    client, known_person, django_capture_on_commit_callbacks
):
    vacancy = PublishedVacancyFactory()
    data = _no_cv(KNOWN)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(_url(vacancy), data)
    path = _confirm_path()
    visitor = Client()
    page = visitor.get(path)
    assert page.status_code == 200
    assert "Ja, dit was ik" in page.content.decode()
    assert Application.objects.filter(candidate=known_person).count() == 1  # GET changes nothing
    with django_capture_on_commit_callbacks(execute=True):
        response = visitor.post(path)
    assert response.status_code == 302
    assert response.url == reverse(
        "applications:done", kwargs={"pk": vacancy.pk, "key": data["idempotency_key"]}
    )
    application = Application.objects.get(vacancy=vacancy)
    assert application.candidate == known_person
    assert Experience.objects.get(candidate=known_person).title == "Monteur"
    assert Consent.objects.filter(candidate=known_person).count() == 1
    assert not PendingApplication.objects.exists()
    # The link proved the address: the person may open their page; the link is used up.
    assert visitor.get(reverse("applications:portal")).status_code == 200
    assert Client().post(path).status_code == 404
    assert Application.objects.filter(vacancy=vacancy).count() == 1


def test_a_cv_waits_with_the_application_and_moves_on_confirmation(
    client, known_person, django_capture_on_commit_callbacks
):
    vacancy = PublishedVacancyFactory()
    cv = pdf_cv()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(_url(vacancy, "cv"), apply_post(email=KNOWN, cv=upload("cv.pdf", cv)))
    assert not Document.objects.exists()
    [waiting] = PendingApplication.objects.get().files
    assert default_storage.open(waiting["path"]).read() == cv
    with django_capture_on_commit_callbacks(execute=True):
        Client().post(_confirm_path())
    document = Document.objects.get(candidate=known_person)
    assert document.file.read() == cv and document.original_name == "cv.pdf"
    assert not default_storage.exists(waiting["path"])


def test_an_unconfirmed_application_expires_with_its_files(
    client, known_person, django_capture_on_commit_callbacks
):
    vacancy = PublishedVacancyFactory()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(_url(vacancy, "cv"), apply_post(email=KNOWN, cv=upload("cv.pdf", pdf_cv())))
    path = _confirm_path()
    [waiting] = PendingApplication.objects.get().files
    assert application_pending.purge_pending_applications() == 0  # not yet
    PendingApplication.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    assert Client().get(path).status_code == 404  # an expired link confirms nothing
    # The confirmation mail (address, vacancy, a dead link) is kept with the pending row.
    [confirmation] = OutboxMail.objects.filter(kind="applications.confirm_application")
    assert confirmation.to == [KNOWN] and vacancy.title in confirmation.subject
    assert PendingApplication.objects.get().confirmation_mail_id == confirmation.pk
    assert application_pending.purge_pending_applications() == 1
    assert not PendingApplication.objects.exists()
    assert not default_storage.exists(waiting["path"])
    assert not OutboxMail.objects.filter(to__icontains=KNOWN).exists()
    assert Application.objects.filter(candidate=known_person).count() == 1


def test_the_retention_job_is_registered():
    from talentbrug.core import periodic

    from .. import tasks

    assert periodic.PERIODIC_JOBS["applications.purge_pending"] is tasks.purge_pending_applications


def test_signed_in_as_that_person_the_application_goes_straight_in(
    known_person, django_capture_on_commit_callbacks
):
    vacancy = PublishedVacancyFactory()
    with django_capture_on_commit_callbacks(execute=True):
        response = portal_client(known_person).post(_url(vacancy), _no_cv(KNOWN))
    assert response.status_code == 302
    assert Application.objects.filter(candidate=known_person, vacancy=vacancy).exists()
    assert not PendingApplication.objects.exists()


def test_signed_in_as_someone_else_is_not_enough(known_person, django_capture_on_commit_callbacks):
    other = CandidateFactory(email="ander@voorbeeld.nl")
    vacancy = PublishedVacancyFactory()
    with django_capture_on_commit_callbacks(execute=True):
        portal_client(other).post(_url(vacancy), _no_cv(KNOWN))
    assert not Application.objects.filter(vacancy=vacancy).exists()
    assert PendingApplication.objects.count() == 1


def test_a_double_submit_of_a_parked_application_parks_one(client, known_person):
    vacancy = PublishedVacancyFactory()
    data = _no_cv(KNOWN)
    first = client.post(_url(vacancy), data)
    second = client.post(_url(vacancy), data)
    assert first.url == second.url
    assert PendingApplication.objects.count() == 1
