"""No personal data in logs: run a representative slice of the flows with every logger at
DEBUG, then search the captured output for the candidates' names, e-mail addresses and phone
numbers (the demo people below and every candidate the flows created)."""

from __future__ import annotations

import logging
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from freezegun import freeze_time

from talentbrug.accounts.constants import Role

from .hostile.formfill import fill, forms_on

DEMO_PEOPLE = [
    ("Amina Yusuf", "amina.yusuf@voorbeeld.nl", "06-41234567"),
    ("Tesfay Gebremedhin", "tesfay.g@voorbeeld.nl", "+31 6 23456789"),
    ("Zeynep Kaya", "zeynep.kaya@voorbeeld.nl", "0612398765"),
]


class Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.DEBUG)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        text = record.getMessage()
        if record.exc_info:
            text += "\n" + logging.Formatter().formatException(record.exc_info)
        self.lines.append(f"{record.name} {text}")


@pytest.fixture
def captured_logs(settings, tmp_path, monkeypatch):
    from django.core.cache import cache

    from talentbrug.applications import services

    # The real extractor loads the embedding model (slow); what it logs is not under test here.
    monkeypatch.setattr(services, "extract_skills", lambda text: [])

    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "media")},
        },
    }
    cache.clear()
    handler = Collect()
    root = logging.getLogger()
    old_level = root.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    loggers = [
        logging.getLogger(name)
        for name in ("django", "django.request", "talentbrug", "celery", "axes")
    ]
    old = [(lg, lg.level, lg.propagate) for lg in loggers]
    for lg in loggers:
        lg.setLevel(logging.DEBUG)
        lg.propagate = True
    yield handler
    root.removeHandler(handler)
    root.setLevel(old_level)
    for lg, level, propagate in old:
        lg.setLevel(level)
        lg.propagate = propagate
    cache.clear()


def _apply(client, vacancy, person, route="cv"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    name, email, phone = person
    url = reverse("applications:apply_route", kwargs={"pk": vacancy.pk, "route": route})
    page = client.get(url)
    form = next(f for f in forms_on(page.content.decode(), url) if f.method == "post")
    data = fill(form, f"Ik ben {name}, bel me op {phone} of mail {email}.", email=email)
    data["name"], data["phone"] = name, phone
    for field in form.file_fields:
        data[field] = SimpleUploadedFile(
            f"cv {name}.txt", f"{name}\n{email}\n{phone}\nPython".encode(), "text/plain"
        )
    return client.post(form.action, data)


@pytest.mark.django_db
def test_flows_write_no_personal_data_to_the_logs(
    captured_logs, organisation, staff_client, client, django_capture_on_commit_callbacks
):
    from talentbrug.applications.models import Application, Candidate
    from talentbrug.applications.services import request_deletion
    from talentbrug.applications.tests.factories import PublishedVacancyFactory
    from talentbrug.privacy import services as privacy

    vacancy = PublishedVacancyFactory(organisation=organisation)
    with django_capture_on_commit_callbacks(execute=True):
        for index, person in enumerate(DEMO_PEOPLE):
            response = _apply(client, vacancy, person, route="cv" if index % 2 == 0 else "no_cv")
            assert response.status_code in (200, 302)
            client.get(reverse("applications:portal"))
        # Portal link for a known and an unknown address; a bad token.
        client.post(reverse("applications:link_request"), {"email": DEMO_PEOPLE[0][1]})
        client.get(reverse("applications:portal_login", args=["not-a-token"]))
        client.get("/bestaat-niet/?email=" + DEMO_PEOPLE[1][1])
        # Staff pages.
        hr = staff_client(organisation, *Role.values)
        for application in Application.objects.all():
            hr.get(reverse("applications:staff_detail", args=[application.pk]))
            for document in application.documents.all():
                hr.get(reverse("applications:staff_document", args=[application.pk, document.pk]))
        hr.get(reverse("applications:staff_list"))
        hr.get(reverse("privacy:access"), {"email": DEMO_PEOPLE[2][1]})
        candidate = Candidate.objects.get(email=DEMO_PEOPLE[2][1])
        hr.get(reverse("privacy:access_download", args=[candidate.pk]))
        # A staff log-in attempt with a candidate's address as user name (typo of a person).
        client.post(reverse("accounts:login"), {"username": DEMO_PEOPLE[1][1], "password": "x"})
        # Rights and retention.
        request = request_deletion(Candidate.objects.get(email=DEMO_PEOPLE[0][1]))
        hr.post(reverse("privacy:carry_out", args=[request.pk]), {"confirm": "yes"})
        Application.objects.filter(candidate__email=DEMO_PEOPLE[1][1]).update(
            status="withdrawn", withdrawn_at=timezone.now() - timedelta(days=40)
        )
        with freeze_time(timezone.now() + timedelta(days=1)):
            privacy.purge_expired()
    people = {value for person in DEMO_PEOPLE for value in person}
    output = "\n".join(captured_logs.lines)
    assert len(captured_logs.lines) > 20, "too little was logged: the capture does not work"
    leaked = sorted(value for value in people if value.lower() in output.lower())
    phone_digits = {
        p[2].replace(" ", "").replace("-", "").lstrip("+31").lstrip("0") for p in DEMO_PEOPLE
    }
    compact = output.replace(" ", "").replace("-", "")
    leaked += sorted(d for d in phone_digits if d in compact)
    assert not leaked, f"personal data in the logs: {leaked}"
