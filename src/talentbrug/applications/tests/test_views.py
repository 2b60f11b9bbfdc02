"""The apply flow, bad input, anti-bot measures, the portal and the staff pages."""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation

from talentbrug.accounts.constants import Role
from talentbrug.audit.models import AuditEvent
from talentbrug.outbox.services import send_due

from ..models import Application, Booking, Candidate, Document, PendingApplication, Slot
from .factories import ApplicationFactory, AssignmentFactory, PublishedVacancyFactory, SlotFactory
from .helpers import (
    apply_post,
    corrupt_pdf,
    docm,
    docx_cv,
    encrypted_pdf,
    mp4,
    pdf_cv,
    portal_client,
    upload,
    webm,
    zip_bomb_docx,
)

pytestmark = pytest.mark.django_db


def _url(vacancy, route):
    return reverse("applications:apply_route", kwargs={"pk": vacancy.pk, "route": route})


def _nothing_stored():
    return not (
        Application.objects.exists() or Candidate.objects.exists() or Document.objects.exists()
    )


def test_choose_page_lists_only_offered_routes(client):
    vacancy = PublishedVacancyFactory(apply_routes=["cv", "video", "work_sample"])
    page = client.get(reverse("applications:apply", kwargs={"pk": vacancy.pk})).content.decode()
    assert "Met je cv" in page and "Met een video" in page
    assert "Zonder cv" not in page
    assert "Met een opdracht" not in page  # no assignment yet
    assert 'aria-current="step"' in page


def test_unpublished_vacancy_gives_404(client):
    from talentbrug.vacancies.constants import VacancyStatus

    vacancy = PublishedVacancyFactory(status=VacancyStatus.CONCEPT)
    assert client.get(reverse("applications:apply", kwargs={"pk": vacancy.pk})).status_code == 404


def test_form_asks_no_forbidden_questions(client):
    vacancy = PublishedVacancyFactory()
    page = client.get(_url(vacancy, "cv")).content.decode().lower()
    for word in ('geboortedatum"', 'nationaliteit"', 'bsn"', "geslacht", "verblijfsvergunning"):
        assert f'name="{word}' not in page
    assert "mag je in nederland werken?" in page


def test_apply_with_cv_through_the_form(client, django_capture_on_commit_callbacks):
    vacancy = PublishedVacancyFactory()
    data = apply_post(cv=upload("cv.pdf", pdf_cv()), talent_pool="on")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(_url(vacancy, "cv"), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    application = Application.objects.get()
    assert response.url == reverse(
        "applications:done", kwargs={"pk": vacancy.pk, "key": application.idempotency_key}
    )
    assert application.candidate.consents.count() == 1
    # Applying does not sign in (that would tell a new address from a known one): the link in
    # the confirmation e-mail opens the personal page, where the found skills wait for a check.
    done = client.get(response.url).content.decode()
    assert "Je sollicitatie is verstuurd" in done and "Controleer je profiel" not in done
    [received] = mail.outbox
    link = re.search(r"https?://\S+(/mijn/inloggen/\S+/)", received.body).group(1)
    assert client.get(link).status_code == 200  # the page with one button (mail scanners)
    assert client.post(link, {"open_link": "1"}).status_code == 302
    assert "Controleer je profiel" in client.get(response.url).content.decode()
    profile = client.get(reverse("applications:portal_profile")).content.decode()
    assert "netwerkbeheer" in profile


def test_apply_without_cv_through_the_form(client):
    vacancy = PublishedVacancyFactory()
    data = apply_post(
        experience_title="Monteur",
        experience_country="Eritrea",
        experience_unpaid="on",
        can_do="Ik kan klanten helpen.",
    )
    assert client.post(_url(vacancy, "no_cv"), data).status_code == 302
    experience = Candidate.objects.get().experiences.get()
    assert experience.abroad and experience.unpaid


def test_no_cv_needs_an_answer(client):
    vacancy = PublishedVacancyFactory()
    response = client.post(_url(vacancy, "no_cv"), apply_post())
    assert response.status_code == 200 and "Vertel wat je goed kunt." in response.content.decode()
    assert _nothing_stored()


@pytest.mark.parametrize("make", [webm, mp4], ids=["webm", "mp4"])
def test_apply_with_a_video(client, make):
    vacancy = PublishedVacancyFactory()
    data = apply_post(video=upload("video.bin", make()))
    assert client.post(_url(vacancy, "video"), data).status_code == 302
    assert Document.objects.get().kind == "video"


def test_video_route_accepts_text_only_and_refuses_neither(client):
    vacancy = PublishedVacancyFactory()
    response = client.post(_url(vacancy, "video"), apply_post())
    assert "Stuur een video of schrijf een tekst" in response.content.decode()
    assert (
        client.post(_url(vacancy, "video"), apply_post(motivation="Ik schrijf liever.")).status_code
        == 302
    )


def test_apply_with_a_work_sample(client):
    assignment = AssignmentFactory()
    page = client.get(_url(assignment.vacancy, "work_sample")).content.decode()
    assert "wachtwoord verandert" in page
    data = apply_post(work_link="https://voorbeeld.nl/mijn-werk")
    assert client.post(_url(assignment.vacancy, "work_sample"), data).status_code == 302
    assert Application.objects.get().work_sample.link == "https://voorbeeld.nl/mijn-werk"


def test_apply_on_a_recruitment_day(client):
    slot = SlotFactory(capacity=1)
    data = apply_post(slot=slot.pk)
    assert client.post(_url(slot.day.vacancy, "recruitment_day"), data).status_code == 302
    assert Booking.objects.get().slot == slot


def test_slot_taken_a_second_earlier(client):
    slot = SlotFactory(capacity=1)
    other = SlotFactory(day=slot.day, capacity=2)
    page = client.get(_url(slot.day.vacancy, "recruitment_day"))
    assert page.status_code == 200
    Slot.objects.filter(pk=slot.pk).update(booked_count=1)  # someone else was faster
    response = client.post(_url(slot.day.vacancy, "recruitment_day"), apply_post(slot=slot.pk))
    body = response.content.decode()
    assert response.status_code == 200
    assert "Dit tijdslot is net vol geraakt" in body
    assert f'value="{other.pk}"' in body
    assert _nothing_stored()


# --------------------------------------------------------------------------- bad input

BAD_FILES = [
    (
        "wrong type behind a right extension",
        "cv.pdf",
        b"MZ\x90\x00\x03" + b"\x00" * 500,
        "We nemen ‘cv.pdf’ niet aan",
    ),
    (
        "text named pdf",
        "cv.pdf",
        b"Gewoon tekst, geen PDF." * 10,
        "De inhoud van ‘cv.pdf’ past niet bij de naam",
    ),
    ("encrypted pdf", "cv.pdf", None, "versleuteld met een wachtwoord"),
    ("corrupt pdf", "cv.pdf", None, "kapot"),
    ("docm content", "cv.docx", None, "macro"),
    ("zip bomb", "cv.docx", None, "niet veilig openen"),
    ("empty", "cv.pdf", b"", "Het bestand ‘cv.pdf’ is leeg"),
]


@pytest.mark.parametrize("label,name,data,message", BAD_FILES, ids=[b[0] for b in BAD_FILES])
def test_bad_cv_files_are_refused_and_nothing_is_stored(client, label, name, data, message):
    makers = {
        "encrypted pdf": encrypted_pdf,
        "corrupt pdf": corrupt_pdf,
        "docm content": docm,
        "zip bomb": zip_bomb_docx,
    }
    if data is None:
        data = makers[label]()
    vacancy = PublishedVacancyFactory()
    response = client.post(_url(vacancy, "cv"), apply_post(cv=upload(name, data)))
    assert response.status_code == 200
    body = response.content.decode()
    assert message in body, body[body.find("error-summary") : body.find("error-summary") + 800]
    assert 'id="error-summary"' in body
    assert _nothing_stored()


def test_over_size_file_is_refused(client, monkeypatch):
    from .. import uploads

    monkeypatch.setattr(uploads, "MAX_CV_BYTES", 1000)
    monkeypatch.setattr(uploads.check_document, "__defaults__", (1000,))
    vacancy = PublishedVacancyFactory()
    response = client.post(
        _url(vacancy, "cv"), apply_post(cv=upload("cv.pdf", pdf_cv() + b" " * 2000))
    )
    assert "te groot" in response.content.decode()
    assert _nothing_stored()


def test_a_video_that_is_not_video_is_refused(client):
    vacancy = PublishedVacancyFactory()
    response = client.post(_url(vacancy, "video"), apply_post(video=upload("film.mp4", pdf_cv())))
    assert "Dit bestand is geen video" in response.content.decode()
    assert _nothing_stored()


def test_ten_thousand_characters_in_a_name(client):
    vacancy = PublishedVacancyFactory()
    response = client.post(_url(vacancy, "video"), apply_post(name="A" * 10_000, motivation="x"))
    assert response.status_code == 200
    assert "Je naam is te lang" in response.content.decode()
    assert _nothing_stored()


def test_right_to_left_override_is_stripped_from_file_names(client):
    vacancy = PublishedVacancyFactory()
    name = "cv\u202etxt.exe\u202c.docx"
    assert (
        client.post(_url(vacancy, "cv"), apply_post(cv=upload(name, docx_cv()))).status_code == 302
    )
    stored = Document.objects.get().original_name
    assert "\u202e" not in stored and "\u202c" not in stored
    assert stored == "cvtxt.exe.docx"


def test_double_submit_stores_one_application(client):
    vacancy = PublishedVacancyFactory()
    data = apply_post(motivation="Dubbel")
    first = client.post(_url(vacancy, "video"), data)
    second = client.post(_url(vacancy, "video"), data)
    assert first.status_code == second.status_code == 302
    assert first.url == second.url
    assert Application.objects.count() == 1


def test_honeypot_is_refused_and_what_was_typed_stays(client):
    vacancy = PublishedVacancyFactory()
    response = client.post(
        _url(vacancy, "video"), apply_post(website="http://spam", motivation="Mijn motivatie")
    )
    body = response.content.decode()
    assert "konden je formulier niet versturen" in body
    assert "Mijn motivatie" in body  # nothing typed is lost
    assert 'value="http://spam"' not in body  # the hidden field is emptied for the next try
    assert _nothing_stored()


def test_a_form_sent_at_once_is_accepted(client):
    """Autofill sends the form within a second of opening it: that is a person, not a bot."""
    vacancy = PublishedVacancyFactory()
    client.get(_url(vacancy, "video"))
    response = client.post(_url(vacancy, "video"), apply_post(motivation="Meteen verstuurd"))
    assert response.status_code == 302
    assert "te snel" not in client.get(response.url).content.decode()


def test_rate_limit_per_email(client, settings):
    settings.TALENTBRUG_RATE_PER_EMAIL = 2
    vacancy = PublishedVacancyFactory()
    for _ in range(2):
        assert client.post(_url(vacancy, "video"), apply_post(motivation="x")).status_code == 302
    response = client.post(_url(vacancy, "video"), apply_post(motivation="x"))
    assert "te vaak" in response.content.decode()
    # The second one used a known address: it waits for the link in the e-mail.
    assert Application.objects.count() + PendingApplication.objects.count() == 2


def test_rate_limit_per_ip(client, settings):
    settings.TALENTBRUG_RATE_PER_IP = 1
    vacancy = PublishedVacancyFactory()
    assert client.post(_url(vacancy, "video"), apply_post(motivation="x")).status_code == 302
    response = client.post(
        _url(vacancy, "video"), apply_post(motivation="x", email="ander@voorbeeld.nl")
    )
    assert "te vaak" in response.content.decode()


def test_errors_are_shown_in_the_candidates_language(client):
    vacancy = PublishedVacancyFactory()
    client.cookies["django_language"] = "ar"
    response = client.post(_url(vacancy, "cv"), apply_post(cv=upload("cv.pdf", b"")))
    body = response.content.decode()
    assert 'dir="rtl"' in body and 'lang="ar"' in body
    with translation.override("ar"):
        from django.utils.translation import gettext

        empty = gettext(
            "Het bestand ‘%(name)s’ is leeg (0 bytes). Kies het goede bestand en probeer het "
            "opnieuw."
        )
        assert empty % {"name": "cv.pdf"} in body


# --------------------------------------------------------------------------- link request


def test_link_request_answers_the_same_for_known_and_unknown(client):
    candidate = ApplicationFactory().candidate

    known = client.post(reverse("applications:link_request"), {"email": candidate.email})
    unknown = client.post(
        reverse("applications:link_request"),
        {"email": "niemand@voorbeeld.nl"},
    )
    assert known.status_code == unknown.status_code == 302
    assert known.url == unknown.url == reverse("applications:link_sent")
    send_due()
    assert len(mail.outbox) == 1


# --------------------------------------------------------------------------- portal


def test_portal_upload_replace_download_and_withdraw(django_capture_on_commit_callbacks):
    application = ApplicationFactory()
    client = portal_client(application.candidate)
    url = reverse("applications:portal_upload", args=[application.pk])
    assert client.post(url, {"kind": "cv", "file": upload("cv.pdf", pdf_cv())}).status_code == 302
    first = Document.objects.get()
    new_cv = docx_cv()
    response = client.post(
        url, {"kind": "cv", "file": upload("nieuw.docx", new_cv), "replace": first.pk}
    )
    assert response.status_code == 302
    document = Document.objects.get()
    assert document.original_name == "nieuw.docx"
    download = client.get(reverse("applications:portal_document", args=[document.pk]))
    assert download.status_code == 200 and b"".join(download.streaming_content) == new_cv
    bad = client.post(url, {"kind": "video", "file": upload("film.webm", pdf_cv())})
    assert bad.status_code == 400 and "geen video" in bad.content.decode()
    withdraw = reverse("applications:portal_withdraw", args=[application.pk])
    assert client.get(withdraw).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(withdraw).status_code == 302
    application.refresh_from_db()
    assert application.status == "withdrawn"
    assert any("ingetrokken" in m.subject for m in mail.outbox)
    page = client.get(
        reverse("applications:portal_application", args=[application.pk])
    ).content.decode()
    assert "Je hebt je sollicitatie ingetrokken" in page


def test_portal_export_zip():
    application = ApplicationFactory()
    client = portal_client(application.candidate)
    response = client.get(reverse("applications:portal_export"))
    assert response["Content-Type"] == "application/zip"
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    assert "data.json" in archive.namelist()
    assert AuditEvent.objects.filter(event_type="candidate.export_downloaded").exists()


def test_portal_change_slot():
    slot = SlotFactory(capacity=1)
    other = SlotFactory(day=slot.day, capacity=1)
    application = ApplicationFactory(vacancy=slot.day.vacancy, route="recruitment_day")
    from ..services import booking

    booking.book_slot(application, slot.pk)
    client = portal_client(application.candidate)
    response = client.post(
        reverse("applications:portal_slot", args=[application.pk]), {"slot": other.pk}
    )
    assert response.status_code == 302
    other.refresh_from_db()
    assert other.booked_count == 1


def test_portal_profile_confirm_and_add():
    application = ApplicationFactory()
    candidate = application.candidate
    from ..services import extraction
    from .conftest import fake_extract_skills

    extraction.add_found_skills(candidate, fake_extract_skills("python en netwerkbeheer"))
    keep = candidate.skills.get(label="netwerkbeheer")
    client = portal_client(candidate)
    url = reverse("applications:portal_profile")
    assert (
        client.post(
            url, {"action": "skills", "keep": [keep.pk], "new_skill": "klanten helpen"}
        ).status_code
        == 302
    )
    assert set(candidate.skills.values_list("label", "confirmed")) == {
        ("netwerkbeheer", True),
        ("klanten helpen", True),
    }
    education = {
        "action": "education",
        "edu-programme": "ICT Beheer",
        "edu-level": "4",
        "edu-level_source": "idw_received",
        "edu-evaluation_reference": "IDW-2026-0412",
        "edu-country": "Syrië",
        "edu-crebo": "25604",
        "edu-mbo_path": "bbl",
    }
    assert client.post(url, education).status_code == 302
    assert candidate.educations.get().level_source == "idw_received"
    language = {
        "action": "language",
        "lang-language": "nl",
        "lang-skill": "speaking",
        "lang-level": "B1",
        "lang-evidence": "nt2_diploma",
    }
    assert client.post(url, language).status_code == 302
    assert client.post(url, {"action": "education"}).status_code == 400


def test_portal_delete_and_consent():
    candidate = ApplicationFactory().candidate
    client = portal_client(candidate)
    assert client.post(reverse("applications:portal_delete")).status_code == 302
    assert candidate.deletion_requests.count() == 1
    client.post(reverse("applications:portal_consent"), {"give": "1"})
    assert candidate.consents.filter(withdrawn_at__isnull=True).count() == 1
    client.post(reverse("applications:portal_consent"))
    assert candidate.consents.filter(withdrawn_at__isnull=True).count() == 0


# --------------------------------------------------------------------------- staff


def test_staff_sees_profile_and_streams_documents(staff_client, organisation):
    vacancy = PublishedVacancyFactory(organisation=organisation)
    client = portal_client(ApplicationFactory(vacancy=vacancy).candidate)
    application = Application.objects.get()
    client.post(
        reverse("applications:portal_upload", args=[application.pk]),
        {"kind": "cv", "file": upload("cv.pdf", pdf_cv())},
    )
    document = Document.objects.get()
    hr = staff_client(organisation, Role.HR_ADVISER)
    assert (
        application.candidate.name
        in hr.get(reverse("applications:staff_vacancy", args=[vacancy.pk])).content.decode()
    )
    detail = hr.get(reverse("applications:staff_detail", args=[application.pk])).content.decode()
    assert "cv.pdf" in detail and "/_private/" not in detail
    file = hr.get(reverse("applications:staff_document", args=[application.pk, document.pk]))
    assert file.status_code == 200 and file["Cache-Control"] == "private, no-store"
    assert AuditEvent.objects.filter(event_type="application.document_downloaded").exists()


def test_staff_merge_through_the_page(staff_client, organisation):
    vacancy = PublishedVacancyFactory(organisation=organisation)
    one = ApplicationFactory(vacancy=vacancy)
    two = ApplicationFactory(vacancy=vacancy)
    outside = ApplicationFactory()
    hr = staff_client(organisation, Role.HR_ADVISER)
    url = reverse("applications:staff_merge", args=[one.pk])
    assert hr.post(url, {"other_application": outside.pk}).status_code == 400
    assert hr.post(url, {"other_application": two.pk, "confirm": "on"}).status_code == 302
    two.refresh_from_db()
    assert two.candidate_id == one.candidate_id


def test_a_hiring_manager_does_not_see_a_name_the_blind_review_hides(organisation, staff_client):

    application = ApplicationFactory(vacancy=PublishedVacancyFactory(organisation=organisation))
    name = application.candidate.name
    manager = staff_client(organisation, Role.HIRING_MANAGER)
    listing = manager.get(reverse("applications:staff_vacancy", args=[application.vacancy_id]))
    assert listing.status_code == 200
    assert name not in listing.content.decode() and "anoniem" in listing.content.decode()
    detail = manager.get(reverse("applications:staff_detail", args=[application.pk]))
    assert detail.status_code == 302
    assert detail.url == reverse("selection:application", args=[application.pk])
    hr = staff_client(organisation, Role.HR_ADVISER)
    assert (
        name in hr.get(reverse("applications:staff_detail", args=[application.pk])).content.decode()
    )


def test_hr_looking_at_a_name_selection_hides_is_audited_and_said(organisation, staff_client):
    from talentbrug.selection.services import pipeline as selection_pipeline

    application = ApplicationFactory(vacancy=PublishedVacancyFactory(organisation=organisation))
    hr = staff_client(organisation, Role.HR_ADVISER)
    url = reverse("applications:staff_detail", args=[application.pk])
    page = hr.get(url).content.decode()
    assert application.candidate.name in page and "Dat staat in het auditlog" in page
    seen = AuditEvent.objects.filter(event_type="application.identity_viewed")
    assert seen.count() == 1
    event = seen.get()
    assert event.data == {"application": application.pk}
    assert event.actor_role == Role.HR_ADVISER.value
    # Revealed in selection (after the blind stages): an ordinary look, not recorded again.
    progress = selection_pipeline.progress_for(application)
    progress.identity_revealed_at = timezone.now()
    progress.stage = next(
        s for s in selection_pipeline.ensure_pipeline(application.vacancy) if not s.is_blind
    )
    progress.save()
    page = hr.get(url).content.decode()
    assert "Dat staat in het auditlog" not in page
    assert seen.count() == 1


def test_a_foreign_diploma_with_its_idw_evaluation_shows_nlqf_eqf_and_the_source_both_ways(
    staff_client, organisation
):
    from datetime import date

    application = ApplicationFactory(vacancy__organisation=organisation)
    candidate = application.candidate
    client = portal_client(candidate)
    url = reverse("applications:portal_profile")
    page = client.get(url).content.decode()
    assert "Vraag een diplomawaardering aan bij IDW (Nuffic)" in page  # how to request one
    diploma = {
        "action": "education",
        "edu-programme": "Computer Engineering",
        "edu-country": "Syrië",
        "edu-level": "6",
        "edu-level_source": "idw_received",
    }
    missing = client.post(url, diploma)
    assert missing.status_code == 400 and not candidate.educations.exists()
    assert "Vul het kenmerk van je diplomawaardering in" in missing.content.decode()
    future = {**diploma, "edu-evaluation_reference": "IDW-1", "edu-evaluation_date": "2099-01-01"}
    assert client.post(url, future).status_code == 400
    complete = {
        **diploma,
        "edu-evaluation_reference": "IDW-2026-0412",
        "edu-evaluation_date": "2026-03-12",
    }
    assert client.post(url, complete).status_code == 302
    education = candidate.educations.get()
    assert (education.evaluation_reference, education.evaluation_date) == (
        "IDW-2026-0412",
        date(2026, 3, 12),
    )
    assert education.is_evaluated and not education.needs_evaluation
    education.application = application
    education.save()
    shown = "NLQF 6 · EQF 6 (Niveau 6: bachelor). Bron: Diplomawaardering (IDW) ontvangen"
    mine = client.get(url).content.decode()
    assert shown in mine and "kenmerk IDW-2026-0412, 12 maart 2026" in mine
    hr = staff_client(organisation, Role.HR_ADVISER)
    detail = hr.get(reverse("applications:staff_detail", args=[application.pk])).content.decode()
    assert shown in detail and "IDW-2026-0412" in detail
    assert "zonder diplomawaardering" not in detail
    # A foreign diploma with only the candidate's own estimate: HR sees that it is one.
    education.level_source = "self_declared"
    education.save()
    detail = hr.get(reverse("applications:staff_detail", args=[application.pk])).content.decode()
    assert "Buitenlands diploma zonder diplomawaardering" in detail
    assert "NLQF 6 · EQF 6" in detail and "Bron: Zelf ingeschat" in detail


def test_vwo_is_eqf_four():
    from ..models import Education

    assert Education(level="4+").eqf_level == "4" and Education(level="7").eqf_level == "7"
    assert not Education(country="Nederland", level="6").is_foreign
