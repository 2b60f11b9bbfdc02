"""The organisation's own stage mails per stage and language, and the message history on the
staff application page (issue 18, "Messages as a product feature")."""

from __future__ import annotations

import pytest
from django.core import mail as django_mail

from talentbrug.accounts.constants import Role
from talentbrug.accounts.tests.factories import OrganisationFactory
from talentbrug.applications.tests.factories import CandidateFactory
from talentbrug.conftest import verified_client
from talentbrug.outbox.models import OutboxMail
from talentbrug.outbox.services import deliver

from .. import emails, message_templates
from ..constants import StageKind
from ..messages import HOLD, SEND, move_with_message
from ..models import CandidateMessage, MessageTemplate
from ..services import blind, moves
from ..workflow import SelectionError
from .conftest import HR_ROLES
from .factories import application_in_pipeline, stage_of

pytestmark = pytest.mark.django_db

OWN_NL = (
    "Uitnodiging van {organisatie}",
    "Beste {naam},\n\n{stap}\n\nKijk hier: {link}\n\n{vragen}",
)


def _save(organisation, hr, language="nl", kind=StageKind.INTERVIEW, texts=OWN_NL):
    return message_templates.save_template(
        organisation, kind, language, subject=texts[0], body=texts[1], user=hr
    )


def _progress(organisation, language):
    candidate = CandidateFactory(preferred_language=language, name="Noor Haddad")
    return application_in_pipeline(organisation, candidate=candidate)


@pytest.mark.parametrize(
    "text",
    ["Hallo {voornaam}", "{naam.__class__}", "{naam!r}", "{naam:>30}", "Een { los", "{0}", "{}"],
)
def test_an_unknown_placeholder_or_format_trick_is_refused(organisation, hr, text):
    with pytest.raises(SelectionError):
        _save(organisation, hr, texts=("Onderwerp", text))
    assert not MessageTemplate.objects.exists()


def test_the_stage_mail_uses_the_organisations_text_in_the_candidates_language(organisation, hr):
    _save(organisation, hr)
    progress = _progress(organisation, "nl")
    moves.move_application(
        progress, stage_of(progress.vacancy, StageKind.INTERVIEW), hr, HR_ROLES, progress.version
    )
    message = OutboxMail.objects.get(kind="selection.stage_changed")
    assert message.subject == f"Uitnodiging van {organisation.name}"
    assert message.body.startswith("Beste Noor Haddad,")
    assert "/mijn/inloggen/" in message.body  # the real link was filled in


def test_no_text_in_the_candidates_language_falls_back_to_the_product_text_never_mixed(
    organisation, hr
):
    _save(organisation, hr, language="nl")  # a Dutch text only
    progress = _progress(organisation, "ar")
    moves.move_application(
        progress, stage_of(progress.vacancy, StageKind.INTERVIEW), hr, HR_ROLES, progress.version
    )
    message = OutboxMail.objects.get(kind="selection.stage_changed")
    assert "Uitnodiging" not in message.subject and "Beste" not in message.body
    ar_subject, _ar_body = message_templates.default_texts(StageKind.INTERVIEW, "ar")
    assert message.subject == ar_subject.format(vacature=progress.vacancy.title)


def test_another_organisations_text_is_never_used(organisation, hr, make_staff):
    other = OrganisationFactory(name="Belastingdienst", short_name="BD", slug="bd")
    _save(other, make_staff(other, Role.HR_ADVISER))
    progress = _progress(organisation, "nl")
    message = emails.build_stage_email(
        _as(progress, stage_of(progress.vacancy, StageKind.INTERVIEW))
    )
    assert "Uitnodiging" not in message.subject


def _as(progress, stage):
    import copy

    would = copy.copy(progress)
    would.stage = stage
    return would


def test_the_default_text_with_placeholders_gives_the_products_mail(organisation):
    """The editor starts from the product's text: filled in it is the mail sent today."""
    for language in ("nl", "en", "ar", "ti", "tr", "fa"):
        progress = _progress(organisation, language)
        would = _as(progress, stage_of(progress.vacancy, StageKind.OFFER))
        built = emails.build_stage_email(would, link="[[link]]")
        subject, body = message_templates.default_texts(StageKind.OFFER, language)
        from django.utils import translation

        with translation.override(language):
            values = message_templates.values_for(would, link="[[link]]")
        assert (subject.format(**values), body.format(**values)) == (built.subject, built.body)


def test_the_preview_of_a_move_shows_the_organisations_text(organisation, hr):
    from ..messages import preview_for_move

    _save(organisation, hr)
    progress = _progress(organisation, "nl")
    preview = preview_for_move(progress, stage_of(progress.vacancy, StageKind.INTERVIEW))
    assert preview.subject == f"Uitnodiging van {organisation.name}"
    assert "[[link]]" in preview.body and "/mijn/inloggen/" not in preview.body


def test_editor_page_saves_previews_with_real_data_and_resets(organisation, hr):
    progress = _progress(organisation, "tr")
    client = verified_client(hr)
    overview = client.get("/medewerkers/selectie/berichten/")
    assert overview.status_code == 200
    assert (
        "/medewerkers/selectie/berichten/tekst/?stap=interview&amp;taal=tr"
        in overview.content.decode()
    )
    url = "/medewerkers/selectie/berichten/tekst/?stap=interview&taal=tr"
    page = client.get(url).content.decode()
    assert "{stap}" in page  # starts from the product's text with placeholders
    refused = client.post(url, {"action": "save", "subject": "Merhaba", "body": "{voornaam}"})
    assert refused.status_code == 400 and "Onbekend invulveld" in refused.content.decode()
    shown = client.post(
        url,
        {
            "action": "preview",
            "subject": "Merhaba {naam}",
            "body": "{stap} {link}",
            "sample": progress.pk,
        },
    )
    html = shown.content.decode()
    assert shown.status_code == 200 and "Merhaba Noor Haddad" in html and "[[link]]" in html
    assert not MessageTemplate.objects.exists()  # a preview saves nothing
    saved = client.post(url, {"action": "save", "subject": "Merhaba {naam}", "body": "{stap}"})
    assert saved.status_code == 302
    assert MessageTemplate.objects.get().language == "tr"
    client.post(url, {"action": "reset"})
    assert not MessageTemplate.objects.exists()


def test_editor_refuses_an_unknown_stage_or_language(organisation, hr):
    client = verified_client(hr)
    assert (
        client.get("/medewerkers/selectie/berichten/tekst/?stap=interview&taal=de").status_code
        == 404
    )
    assert client.get("/medewerkers/selectie/berichten/tekst/?stap=new&taal=nl").status_code == 404


def test_preview_never_uses_another_organisations_application(organisation, hr, make_staff):
    other = OrganisationFactory(name="Belastingdienst", short_name="BD", slug="bd")
    foreign = _progress(other, "nl")
    client = verified_client(hr)
    response = client.post(
        "/medewerkers/selectie/berichten/tekst/?stap=interview&taal=nl",
        {"action": "preview", "subject": "Hoi {naam}", "body": "{stap}", "sample": foreign.pk},
    )
    assert response.status_code == 400
    assert "Noor Haddad" not in response.content.decode()


# --------------------------------------------------------------------------- message history


def test_history_shows_sent_held_and_failed_messages_with_body_and_language(
    organisation, hr, settings
):
    progress = _progress(organisation, "en")
    vacancy = progress.vacancy
    move_with_message(
        progress, stage_of(vacancy, StageKind.ASSESSMENT), hr, HR_ROLES, progress.version, mail=SEND
    )
    sent = OutboxMail.objects.get(kind="selection.stage_changed")
    deliver(sent.pk)
    sent.refresh_from_db()
    assert sent.status == "sent" and sent.body == ""  # the outbox forgets the text
    progress.refresh_from_db()
    move_with_message(
        progress, stage_of(vacancy, StageKind.INTERVIEW), hr, HR_ROLES, progress.version, mail=HOLD
    )
    progress.refresh_from_db()
    from ..models import RejectionReason
    from ..services import reasons

    reasons.ensure_reasons(organisation)
    move_with_message(
        progress,
        stage_of(vacancy, StageKind.REJECTED),
        hr,
        HR_ROLES,
        progress.version,
        mail=SEND,
        reason=RejectionReason.objects.filter(organisation=organisation).first(),
    )
    OutboxMail.objects.exclude(pk=sent.pk).update(
        status="failed", last_error="SMTPRecipientsRefused"
    )
    rows = list(CandidateMessage.objects.filter(application=progress.application))
    assert len(rows) == 3 and [r.held for r in rows] == [False, True, False]
    assert all("/mijn/inloggen/" not in r.body for r in rows)
    url = f"/medewerkers/selectie/sollicitaties/{progress.application_id}/"
    client = verified_client(hr)
    # After a blind stage the page reviews blind until someone reveals: no messages then.
    html = client.get(url).content.decode()
    assert "Verborgen zolang u anoniem beoordeelt" in html and rows[0].subject not in html
    progress.refresh_from_db()
    blind.reveal_identity(progress, hr, HR_ROLES)
    html = client.get(url).content.decode()
    assert "Berichten aan de kandidaat" in html
    assert "tegengehouden" in html and "verzonden" in html and "English" in html
    assert "niet gelukt" in html and "weigerde het adres" in html
    assert rows[-1].body.splitlines()[0] in html  # the text, to open with a click
    assert "/mijn/inloggen/" not in html
    assert len(django_mail.outbox) == 1


def test_history_shows_only_this_organisations_messages(organisation, hr, make_staff):
    candidate = CandidateFactory(preferred_language="nl")
    ours = application_in_pipeline(organisation, candidate=candidate)
    other = OrganisationFactory(name="Belastingdienst", short_name="BD", slug="bd")
    other_hr = make_staff(other, Role.HR_ADVISER)
    theirs = application_in_pipeline(other, candidate=candidate)
    moves.move_application(
        theirs,
        stage_of(theirs.vacancy, StageKind.INTERVIEW),
        other_hr,
        HR_ROLES,
        theirs.version,
    )
    from .. import history

    assert history.history_for(ours.application, organisation) == []
    assert history.history_for(theirs.application, organisation) == []  # not ours to read
    assert len(history.history_for(theirs.application, other)) == 1
    moves.move_application(
        ours, stage_of(ours.vacancy, StageKind.INTERVIEW), hr, HR_ROLES, ours.version, notify=False
    )
    blind.reveal_identity(ours, hr, HR_ROLES)
    html = (
        verified_client(hr)
        .get(f"/medewerkers/selectie/sollicitaties/{ours.application_id}/")
        .content.decode()
    )
    assert "Er zijn nog geen berichten naar deze kandidaat gegaan." in html


def test_history_is_not_shown_to_an_assessor(organisation, hr, rf):
    """Messages name the candidate: assessors (blind review) do not get the list."""
    from ..templatetags.offer_letters import message_history

    progress = _progress(organisation, "nl")
    moves.move_application(
        progress, stage_of(progress.vacancy, StageKind.INTERVIEW), hr, HR_ROLES, progress.version
    )
    request = rf.get("/")
    request.organisation = organisation
    request.roles = frozenset({Role.ASSESSOR})
    assert message_history({"request": request}, progress.application) is None
    request.roles = frozenset({Role.HR_ADVISER})
    entries = message_history({"request": request}, progress.application)
    assert len(entries) == 1 and entries[0].status == "queued"
