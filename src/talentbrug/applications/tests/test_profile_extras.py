"""Hours and start date in the apply form, the language switcher, the video length limit."""

from __future__ import annotations

import datetime

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from talentbrug.accounts.constants import Role
from talentbrug.audit.models import AuditEvent

from ..constants import MAX_VIDEO_SECONDS
from ..emails import build_email
from ..models import Application, Candidate, Document
from ..uploads import UploadRejected, check_video
from .factories import ApplicationFactory, PublishedVacancyFactory
from .helpers import apply_post, mp4_of, portal_client, upload, webm, webm_of

pytestmark = pytest.mark.django_db


def _url(vacancy, route):
    return reverse("applications:apply_route", kwargs={"pk": vacancy.pk, "route": route})


# --------------------------------------------------------------------------- hours, start date


def test_hours_and_start_date_are_optional_and_shown_to_hr(client, staff_client, organisation):
    vacancy = PublishedVacancyFactory(organisation=organisation)
    without = client.post(_url(vacancy, "video"), apply_post(motivation="Hallo"))
    assert without.status_code == 302
    assert Application.objects.get().hours_per_week is None
    Application.objects.all().delete()
    Candidate.objects.all().delete()
    data = apply_post(motivation="Hallo", hours_per_week="32", available_from="2027-02-01")
    assert client.post(_url(vacancy, "video"), data).status_code == 302
    application = Application.objects.get()
    assert application.hours_per_week == 32
    assert application.available_from == datetime.date(2027, 2, 1)
    assert application.candidate.hours_per_week == 32  # for matching
    detail = (
        staff_client(organisation, Role.HR_ADVISER)
        .get(reverse("applications:staff_detail", args=[application.pk]))
        .content.decode()
    )
    assert "Uren per week" in detail and "32" in detail and "1 februari 2027" in detail


@pytest.mark.parametrize("hours", ["0", "41", "veel"])
def test_impossible_hours_get_a_clear_message(client, hours):
    vacancy = PublishedVacancyFactory()
    response = client.post(_url(vacancy, "video"), apply_post(motivation="x", hours_per_week=hours))
    assert response.status_code == 200
    assert "Vul een getal in van 1 tot en met 40" in response.content.decode()
    assert not Application.objects.exists()


def test_public_form_does_not_overwrite_hours_of_an_existing_candidate(client):
    vacancy = PublishedVacancyFactory()
    client.post(_url(vacancy, "video"), apply_post(motivation="a", hours_per_week="24"))
    # The same person again, signed in (a known address from a stranger waits for the link).
    portal_client(Candidate.objects.get()).post(
        _url(vacancy, "video"), apply_post(motivation="b", hours_per_week="40")
    )
    assert Candidate.objects.get().hours_per_week == 24
    assert sorted(Application.objects.values_list("hours_per_week", flat=True)) == [24, 40]


# --------------------------------------------------------------------------- language switcher


def test_language_switch_in_the_portal_is_remembered_and_emails_follow(organisation):
    candidate = ApplicationFactory(candidate__preferred_language="nl").candidate
    client = portal_client(candidate)
    response = client.post(reverse("set_language"), {"language": "tr", "next": "/mijn/"})
    assert response.status_code == 302
    candidate.refresh_from_db()
    assert candidate.preferred_language == "tr"
    assert AuditEvent.objects.filter(event_type="candidate.language_changed").count() == 1
    with translation.override("tr"):
        expected = translation.gettext(
            "Deze link is alleen voor jou. Stuur hem niet door. De link werkt 7 dagen."
        )
    assert expected in build_email(candidate, "portal_link").body


def test_language_switch_without_portal_session_changes_no_candidate(client):
    candidate = ApplicationFactory(candidate__preferred_language="nl").candidate
    assert client.post(reverse("set_language"), {"language": "ar"}).status_code in (204, 302)
    candidate.refresh_from_db()
    assert candidate.preferred_language == "nl"


def test_unknown_language_is_ignored():
    candidate = ApplicationFactory(candidate__preferred_language="fa").candidate
    portal_client(candidate).post(reverse("set_language"), {"language": "xx", "next": "/mijn/"})
    candidate.refresh_from_db()
    assert candidate.preferred_language == "fa"


# --------------------------------------------------------------------------- video length


def test_long_video_is_refused_on_the_server_with_a_clear_message(client):
    vacancy = PublishedVacancyFactory()
    long_webm = upload("video.webm", webm_of(MAX_VIDEO_SECONDS + 25, with_duration=False))
    response = client.post(_url(vacancy, "video"), apply_post(video=long_webm))
    page = response.content.decode()
    assert response.status_code == 200
    assert "Hij mag maximaal 3 minuten duren" in page and "3 minuten en 25 seconden" in page
    assert not Application.objects.exists() and not Document.objects.exists()


@pytest.mark.parametrize(
    ("data", "seconds"),
    [
        (webm_of(179.5), 179.5),
        (webm_of(180.4, with_duration=False), 180.4),  # a browser recording stopped at 3:00
        (mp4_of(120, version=1), 120),
    ],
    ids=["webm", "recording", "mp4"],
)
def test_videos_up_to_three_minutes_are_accepted_with_their_length(client, data, seconds):
    vacancy = PublishedVacancyFactory()
    response = client.post(_url(vacancy, "video"), apply_post(video=upload("v.bin", data)))
    assert response.status_code == 302
    assert Document.objects.get().duration_seconds == pytest.approx(seconds, abs=0.01)


def test_video_of_unknown_length_is_accepted_and_flagged_for_hr(client, staff_client, organisation):
    vacancy = PublishedVacancyFactory(organisation=organisation)
    assert (
        client.post(_url(vacancy, "video"), apply_post(video=upload("v.webm", webm()))).status_code
        == 302
    )
    document = Document.objects.get()
    assert document.duration_seconds is None
    detail = (
        staff_client(organisation, Role.HR_ADVISER)
        .get(reverse("applications:staff_detail", args=[document.application_id]))
        .content.decode()
    )
    assert "lengte onbekend" in detail


def test_long_mp4_is_refused_in_the_portal_too():
    application = ApplicationFactory()
    client = portal_client(application.candidate)
    response = client.post(
        reverse("applications:portal_upload", args=[application.pk]),
        {"kind": "video", "file": upload("film.mp4", mp4_of(400, moov_last=True))},
    )
    assert response.status_code == 400 and "maximaal 3 minuten" in response.content.decode()
    assert not Document.objects.exists()


def test_video_size_limit_is_checked_on_the_server():
    big = upload("big.webm", webm_of(10))
    with pytest.raises(UploadRejected, match="te groot"):
        check_video(big, max_bytes=100)
    assert mail.outbox == []
