"""One builder for the stage mail: what HR sees in the preview is the mail the candidate gets.

The preview (``messages.preview_for_move``), the standard mail a move sends and a mail HR
edited come from one envelope (``emails.stage_envelope``) that sets the sender and Reply-To
the way the outbox stores them. Compared here with the stored outbox row: subject, body (the
``[[link]]`` placeholder becomes the candidate's fresh personal link), recipients, Reply-To.
"""

from __future__ import annotations

import pytest
from django.utils import translation
from django.utils.translation import gettext as _

from talentbrug.outbox.models import OutboxMail
from talentbrug.selection import emails, messages
from talentbrug.selection.constants import StageKind

from .conftest import HR_ROLES
from .factories import application_in_pipeline, stage_of

pytestmark = pytest.mark.django_db

# (vacancy contact, organisation Reply-To, organisation contact) → where answers go
ANSWERS = [
    pytest.param("werving@dictu.example", "", "", ["werving@dictu.example"], id="vacancy"),
    pytest.param(
        "",
        "antwoord@dictu.example",
        "info@dictu.example",
        ["antwoord@dictu.example"],
        id="org-reply-to",
    ),
    pytest.param("", "", "info@dictu.example", ["info@dictu.example"], id="org-contact"),
    pytest.param("", "", "", [], id="nobody"),
]


def _ready(organisation, *, vacancy_contact, org_reply_to, org_contact, language="nl"):
    organisation.reply_to_email = org_reply_to
    organisation.contact_email = org_contact
    organisation.save()
    progress = application_in_pipeline(organisation)
    progress.vacancy.contact_email = vacancy_contact
    progress.vacancy.save()
    candidate = progress.application.candidate
    candidate.preferred_language = language
    candidate.save()
    return progress


def _preview(progress):
    preview = messages.preview_for_move(progress, stage_of(progress.vacancy, StageKind.INTERVIEW))
    assert preview is not None
    return preview


def _move(progress, hr, capture, **edited):
    """Move to the interview stage and send the mail (as shown, or ``edited``); the stored row."""
    to_stage = stage_of(progress.vacancy, StageKind.INTERVIEW)
    with capture(execute=False):
        messages.move_with_message(
            progress, to_stage, hr, HR_ROLES, progress.version, mail=messages.SEND, **edited
        )
    return OutboxMail.objects.get(kind="selection.stage_changed")


def _with_link(preview_body: str, sent_body: str) -> str:
    """The link that took the place of ``[[link]]`` (the rest must be the same text)."""
    before, after = preview_body.split(emails.LINK)
    assert sent_body.startswith(before) and sent_body.endswith(after)
    return sent_body[len(before) : len(sent_body) - len(after)]


@pytest.mark.parametrize("language", ["nl", "ar"])
@pytest.mark.parametrize(("vacancy_contact", "org_reply_to", "org_contact", "answers"), ANSWERS)
def test_the_preview_is_the_mail_that_is_sent(
    organisation,
    hr,
    django_capture_on_commit_callbacks,
    language,
    vacancy_contact,
    org_reply_to,
    org_contact,
    answers,
):
    progress = _ready(
        organisation,
        vacancy_contact=vacancy_contact,
        org_reply_to=org_reply_to,
        org_contact=org_contact,
        language=language,
    )
    preview = _preview(progress)
    sent = _move(progress, hr, django_capture_on_commit_callbacks)
    assert sent.subject == preview.subject
    assert "/mijn/inloggen/" in _with_link(preview.body, sent.body)
    assert sent.to == preview.to == [progress.application.candidate.email]
    assert sent.reply_to == preview.reply_to == answers
    # the text asks for a reply only when a reply can arrive
    with translation.override(language):
        ask = _("Heb je een vraag? Beantwoord deze e-mail. Dan helpen we je.")
    assert (ask in sent.body) == bool(answers)


@pytest.mark.parametrize(("vacancy_contact", "org_reply_to", "org_contact", "answers"), ANSWERS)
def test_an_edited_mail_keeps_the_envelope_of_the_preview(
    organisation,
    hr,
    django_capture_on_commit_callbacks,
    vacancy_contact,
    org_reply_to,
    org_contact,
    answers,
):
    progress = _ready(
        organisation,
        vacancy_contact=vacancy_contact,
        org_reply_to=org_reply_to,
        org_contact=org_contact,
    )
    preview = _preview(progress)
    body = preview.body.replace("Hallo,", "Hallo Sam,")
    sent = _move(
        progress, hr, django_capture_on_commit_callbacks, subject=preview.subject, body=body
    )
    assert sent.subject == preview.subject
    assert "/mijn/inloggen/" in _with_link(body, sent.body)
    assert sent.to == preview.to
    assert sent.reply_to == preview.reply_to == answers
