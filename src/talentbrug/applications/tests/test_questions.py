"""'Answer a question from HR': asked on the staff page, e-mailed, answered in the portal."""

from __future__ import annotations

import pytest
from django.core import mail
from django.urls import reverse

from talentbrug.accounts.constants import Role
from talentbrug.audit.models import AuditEvent

from ..models import Document, Question
from ..services import errors, lifecycle, questions
from .factories import ApplicationFactory, PublishedVacancyFactory
from .helpers import docm, pdf_cv, portal_client, upload

pytestmark = pytest.mark.django_db

QUESTION = "Kun je vertellen welke laptops je hebt gerepareerd?"


def _ask(hr, application, text=QUESTION):
    return hr.post(reverse("applications:staff_ask", args=[application.pk]), {"text": text})


def test_hr_asks_candidate_gets_email_in_own_language_and_answers_in_portal(
    staff_client, organisation, django_capture_on_commit_callbacks
):
    application = ApplicationFactory(
        vacancy=PublishedVacancyFactory(organisation=organisation),
        candidate__preferred_language="ar",
    )
    hr = staff_client(organisation, Role.HR_ADVISER)
    with django_capture_on_commit_callbacks(execute=True):
        response = _ask(hr, application)
    assert response.status_code == 302
    question = Question.objects.get()
    assert question.organisation == organisation and question.candidate == application.candidate
    # The e-mail: in the candidate's language (Arabic), with a personal portal link.
    message = mail.outbox[-1]
    assert message.to == [application.candidate.email]
    assert "/mijn/inloggen/" in message.body
    assert QUESTION not in message.body  # the question itself is read in the portal
    # The portal shows the question on the home page and on the application.
    client = portal_client(application.candidate)
    assert "#vragen" in client.get(reverse("applications:portal")).content.decode()
    page = client.get(reverse("applications:portal_question", args=[question.pk]))
    assert page.status_code == 200 and QUESTION in page.content.decode()
    # Answer with text and a file (the same checks as a CV).
    answer = client.post(
        reverse("applications:portal_question", args=[question.pk]),
        {"answer": "Dell en HP, bij Syriatel.", "file": upload("lijst.pdf", pdf_cv())},
    )
    assert answer.status_code == 302
    question.refresh_from_db()
    assert question.answered and question.answer_text == "Dell en HP, bij Syriatel."
    assert question.answer_document.application == application
    # HR sees the answer in the timeline of the application.
    detail = hr.get(reverse("applications:staff_detail", args=[application.pk])).content.decode()
    assert QUESTION in detail and "Dell en HP, bij Syriatel." in detail and "lijst.pdf" in detail
    # Audited with ids only.
    asked = AuditEvent.objects.get(event_type="application.question_asked")
    answered = AuditEvent.objects.get(event_type="application.question_answered")
    assert asked.data == {"question": question.pk, "application": application.pk}
    assert answered.data == {"question": question.pk, "document": question.answer_document.pk}
    assert QUESTION not in str(asked.data) and "Dell" not in str(answered.data)


def test_email_follows_the_preferred_language(organisation):
    from django.utils import translation

    from ..emails import build_email

    application = ApplicationFactory(
        vacancy=PublishedVacancyFactory(organisation=organisation),
        candidate__preferred_language="en",
    )
    with translation.override("en"):
        expected = translation.gettext(
            "Lees de vraag op je persoonlijke pagina. Daar kun je ook antwoorden:"
        )
    message = build_email(application.candidate, "question_asked", application)
    assert expected in message.body


def test_another_candidate_cannot_see_or_answer_the_question(organisation):
    application = ApplicationFactory(vacancy=PublishedVacancyFactory(organisation=organisation))
    question = Question.objects.create(application=application, text=QUESTION)
    stranger = portal_client(ApplicationFactory().candidate)
    url = reverse("applications:portal_question", args=[question.pk])
    assert stranger.get(url).status_code == 404
    assert stranger.post(url, {"answer": "Ik ben iemand anders"}).status_code == 404
    question.refresh_from_db()
    assert not question.answered
    with pytest.raises(errors.InvalidTransition):
        questions.answer_question(question, ApplicationFactory().candidate, "nee")


def test_answer_needs_text_or_file_and_bad_files_store_nothing(organisation):
    application = ApplicationFactory(vacancy=PublishedVacancyFactory(organisation=organisation))
    question = Question.objects.create(application=application, text=QUESTION)
    client = portal_client(application.candidate)
    url = reverse("applications:portal_question", args=[question.pk])
    empty = client.post(url, {"answer": "  "})
    assert empty.status_code == 400
    assert "Schrijf een antwoord of kies een bestand" in empty.content.decode()
    macro = client.post(url, {"answer": "zie bijlage", "file": upload("cv.docm", docm())})
    assert macro.status_code == 400 and "macro" in macro.content.decode()
    question.refresh_from_db()
    assert not question.answered and not Document.objects.exists()


def test_a_question_is_answered_once_and_not_after_withdrawal(organisation):
    application = ApplicationFactory(vacancy=PublishedVacancyFactory(organisation=organisation))
    candidate = application.candidate
    first = Question.objects.create(application=application, text=QUESTION)
    questions.answer_question(first, candidate, "Ja")
    with pytest.raises(errors.ApplyError):
        questions.answer_question(first, candidate, "Nog een keer")
    second = Question.objects.create(application=application, text="En nog iets?")
    lifecycle.withdraw_application(application, candidate)
    with pytest.raises(errors.ApplyError):
        questions.answer_question(second, candidate, "Te laat")


def test_staff_of_another_organisation_cannot_ask(staff_client, organisation, other_organisation):
    application = ApplicationFactory(vacancy=PublishedVacancyFactory(organisation=organisation))
    outsider = staff_client(other_organisation, Role.HR_ADVISER)
    assert _ask(outsider, application).status_code == 404
    assert not Question.objects.exists()
    with pytest.raises(errors.InvalidTransition):
        questions.ask_question(application, QUESTION, actor=None, organisation=other_organisation)


def test_empty_question_is_refused(staff_client, organisation):
    application = ApplicationFactory(vacancy=PublishedVacancyFactory(organisation=organisation))
    hr = staff_client(organisation, Role.HR_ADVISER)
    assert _ask(hr, application, text="   ").status_code == 302
    assert not Question.objects.exists()
