"""HR sets up the work-sample and recruitment-day routes; a route shows only when usable (#18).

Items 3 and 4 of issue 18: a vacancy listed "Met een opdracht" and "Op een wervingsdag" on its
page and flyer while the apply page offered neither (only /beheer/ could create them), and
times read "tijdslot 1" in every language.
"""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone, translation

from talentbrug.accounts.constants import Role
from talentbrug.audit.models import AuditEvent
from talentbrug.publishing.facts import public_url
from talentbrug.publishing.tests.factories import ChannelFactory

from ..constants import BookingStatus
from ..forms.portal import SlotForm
from ..models import Booking, RecruitmentDay, Slot, WorkSampleAssignment
from .factories import (
    ApplicationFactory,
    AssignmentFactory,
    PublishedVacancyFactory,
    RecruitmentDayFactory,
    SlotFactory,
)

pytestmark = pytest.mark.django_db

WORK = "Met een opdracht"
DAY = "Op een wervingsdag"


def _careers_page(client, vacancy) -> str:
    return client.get(public_url(vacancy)).content.decode()


def _apply_page(client, vacancy) -> str:
    return client.get(reverse("applications:apply", kwargs={"pk": vacancy.pk})).content.decode()


def _future(days: int = 20):
    return (timezone.localdate() + timedelta(days=days)).isoformat()


def test_a_route_without_assignment_or_time_is_not_advertised(client, organisation):
    vacancy = PublishedVacancyFactory(organisation=organisation)
    page = _careers_page(client, vacancy)
    assert "Met een video" in page
    assert WORK not in page
    assert DAY not in page
    feed = json.loads(client.get(reverse("publishing:feed_json")).content)
    summary = next(i for i in feed["items"] if i["title"] == vacancy.title)["summary"]
    assert "Met een video" in summary and WORK not in summary and DAY not in summary


def test_hr_makes_an_assignment_and_the_route_is_offered_everywhere(
    client, staff_client, organisation
):
    vacancy = PublishedVacancyFactory(organisation=organisation)
    hr = staff_client(organisation, Role.HR_ADVISER)
    url = reverse("applications:routes_assignment", kwargs={"pk": vacancy.pk})
    assert hr.get(url).status_code == 200
    response = hr.post(
        url,
        {
            "title": "Los een storingsmelding op",
            "instructions": "Lees de melding. Schrijf in 10 zinnen wat je doet.",
            "rubric": "Je stelt de goede vragen\nJe schrijft duidelijk",
            "deadline_date": _future(),
            "deadline_time": "17:00",
            "attachment": SimpleUploadedFile(
                "melding.txt", b"De printer op de tweede verdieping doet het niet.", "text/plain"
            ),
        },
    )
    assert response.status_code == 302
    assignment = WorkSampleAssignment.objects.get(vacancy=vacancy)
    assert assignment.organisation == organisation
    assert assignment.rubric.startswith("Je stelt")
    assert assignment.attachment_name == "melding.txt"
    assert AuditEvent.objects.filter(
        event_type="application.assignment_created", organisation=organisation
    ).exists()

    assert WORK in _careers_page(client, vacancy)
    assert WORK in _apply_page(client, vacancy)
    form = client.get(
        reverse("applications:apply_route", kwargs={"pk": vacancy.pk, "route": "work_sample"})
    ).content.decode()
    assert "Los een storingsmelding op" in form and "Je schrijft duidelijk" in form
    download = client.get(reverse("applications:assignment_attachment", kwargs={"pk": vacancy.pk}))
    assert download.status_code == 200
    assert b"printer" in b"".join(download.streaming_content)


def test_an_assignment_with_a_past_deadline_is_refused_and_nothing_is_stored(
    staff_client, organisation
):
    vacancy = PublishedVacancyFactory(organisation=organisation)
    hr = staff_client(organisation, Role.HR_ADVISER)
    response = hr.post(
        reverse("applications:routes_assignment", kwargs={"pk": vacancy.pk}),
        {
            "title": "Opdracht",
            "instructions": "Doe iets.",
            "deadline_date": (timezone.localdate() - timedelta(days=1)).isoformat(),
            "deadline_time": "17:00",
        },
    )
    assert response.status_code == 400
    assert "Kies een inleverdatum in de toekomst." in response.content.decode()
    assert not WorkSampleAssignment.objects.exists()


def test_an_unsafe_attachment_is_refused(staff_client, organisation):
    vacancy = PublishedVacancyFactory(organisation=organisation)
    hr = staff_client(organisation, Role.HR_ADVISER)
    response = hr.post(
        reverse("applications:routes_assignment", kwargs={"pk": vacancy.pk}),
        {
            "title": "Opdracht",
            "instructions": "Doe iets.",
            "deadline_date": _future(),
            "deadline_time": "17:00",
            "attachment": SimpleUploadedFile("opdracht.exe", b"MZ\x90\x00" + b"\x00" * 200),
        },
    )
    assert response.status_code == 400
    assert not WorkSampleAssignment.objects.exists()


def test_hr_makes_a_recruitment_day_with_a_time_and_candidates_see_date_time_and_place(
    client, staff_client, organisation
):
    vacancy = PublishedVacancyFactory(organisation=organisation)
    hr = staff_client(organisation, Role.HR_ADVISER)
    response = hr.post(
        reverse("applications:routes_day_new", kwargs={"pk": vacancy.pk}),
        {
            "title": "Wervingsdag servicedesk",
            "address_text": "Apeldoorn, Laan van Westenenk 500\nMeld je bij de receptie.",
            "description": "Kennismaken en een korte opdracht.",
        },
    )
    day = RecruitmentDay.objects.get(vacancy=vacancy)
    assert response.status_code == 302
    assert DAY not in _careers_page(client, vacancy)  # a day without a time is not usable

    when = timezone.localdate() + timedelta(days=30)
    response = hr.post(
        reverse("applications:routes_slot_add", kwargs={"pk": vacancy.pk, "day_pk": day.pk}),
        {
            "slot-date": when.isoformat(),
            "slot-start": "10:00",
            "slot-end": "12:30",
            "slot-capacity": "8",
        },
    )
    assert response.status_code == 302
    slot = Slot.objects.get(day=day)
    assert (slot.capacity, timezone.localtime(slot.starts_at).hour) == (8, 10)
    assert AuditEvent.objects.filter(event_type="application.day_slot_created").exists()

    assert DAY in _careers_page(client, vacancy)
    assert DAY in _apply_page(client, vacancy)
    form = client.get(
        reverse("applications:apply_route", kwargs={"pk": vacancy.pk, "route": "recruitment_day"})
    ).content.decode()
    assert "tijdslot " not in form.lower().replace("kies een tijdslot", "")
    assert '<span dir="ltr">10:00–12:30</span>' in form
    assert "Laan van Westenenk 500" in form
    assert '<span lang="nl" dir="ltr">Apeldoorn, Laan van Westenenk 500</span>' in form
    assert "nog 8 plaatsen vrij" in form


def test_a_time_reads_in_the_candidates_language():
    slot = SlotFactory.build(
        day=RecruitmentDayFactory.build(address_text="Den Haag, Turfmarkt 147"),
        starts_at=timezone.make_aware(timezone.datetime(2027, 1, 12, 10, 0)),
        ends_at=timezone.make_aware(timezone.datetime(2027, 1, 12, 12, 0)),
    )
    with translation.override("nl"):
        assert str(slot) == "dinsdag 12 januari 2027, 10:00–12:00 · Den Haag, Turfmarkt 147"
    with translation.override("ar"):
        label = str(slot)
    assert "الثلاثاء" in label and "10:00" in label and "Turfmarkt" in label
    assert "tijdslot" not in label


def test_the_slot_choice_is_labelled_by_date_time_and_place(organisation):
    slot = SlotFactory(day__vacancy=PublishedVacancyFactory(organisation=organisation))
    field = SlotForm(slots=Slot.objects.all())["slot"]
    rendered = str(field)
    assert "tijdslot" not in rendered.lower()
    assert timezone.localtime(slot.starts_at).strftime("%H:%M") in rendered


def test_a_full_or_past_time_stops_the_route_on_page_flyer_and_feed(
    client, staff_client, organisation
):
    vacancy = PublishedVacancyFactory(organisation=organisation)
    slot = SlotFactory(day__vacancy=vacancy, capacity=1)
    assert DAY in _careers_page(client, vacancy)
    Slot.objects.filter(pk=slot.pk).update(booked_count=1)
    Booking.objects.create(  # a booking saved: the careers pages are forgotten
        slot=slot,
        application=ApplicationFactory(vacancy=vacancy, route="recruitment_day"),
        candidate=ApplicationFactory(vacancy=vacancy).candidate,
        status=BookingStatus.BOOKED,
    )
    assert DAY not in _careers_page(client, vacancy)
    assert DAY not in _apply_page(client, vacancy)
    channel = ChannelFactory(vacancy=vacancy)
    flyer = staff_client(organisation, Role.HR_ADVISER).get(
        reverse("publishing:flyer", kwargs={"pk": vacancy.pk, "channel_pk": channel.pk})
    )
    assert "wervingsdag" not in flyer.content.decode().lower()


def test_capacity_cannot_go_below_the_seats_booked(staff_client, organisation):
    vacancy = PublishedVacancyFactory(organisation=organisation)
    slot = SlotFactory(day__vacancy=vacancy, capacity=5, booked_count=3)
    hr = staff_client(organisation, Role.HR_ADVISER)
    starts = timezone.localtime(slot.starts_at)
    response = hr.post(
        reverse("applications:routes_slot", kwargs={"pk": vacancy.pk, "slot_pk": slot.pk}),
        {"date": starts.date().isoformat(), "start": "09:00", "end": "11:00", "capacity": "2"},
    )
    assert response.status_code == 400
    assert "Kies minstens 3 plaatsen" in response.content.decode()
    slot.refresh_from_db()
    assert slot.capacity == 5


def test_end_before_start_and_past_times_are_refused(staff_client, organisation):
    day = RecruitmentDayFactory(vacancy=PublishedVacancyFactory(organisation=organisation))
    hr = staff_client(organisation, Role.HR_ADVISER)
    url = reverse("applications:routes_slot_add", kwargs={"pk": day.vacancy_id, "day_pk": day.pk})
    wrong_order = hr.post(
        url,
        {"slot-date": _future(), "slot-start": "12:00", "slot-end": "10:00", "slot-capacity": "5"},
    )
    assert "De eindtijd moet na de begintijd liggen." in wrong_order.content.decode()
    past = hr.post(
        url,
        {
            "slot-date": (timezone.localdate() - timedelta(days=2)).isoformat(),
            "slot-start": "10:00",
            "slot-end": "12:00",
            "slot-capacity": "5",
        },
    )
    assert "Kies een datum en begintijd in de toekomst." in past.content.decode()
    assert not Slot.objects.exists()


def test_a_booked_time_cannot_be_removed_an_empty_one_can(staff_client, organisation):
    vacancy = PublishedVacancyFactory(organisation=organisation)
    booked = SlotFactory(day__vacancy=vacancy, booked_count=1)
    application = ApplicationFactory(vacancy=vacancy, route="recruitment_day")
    Booking.objects.create(slot=booked, application=application, candidate=application.candidate)
    empty = SlotFactory(day=booked.day)
    hr = staff_client(organisation, Role.HR_ADVISER)
    for slot in (booked, empty):
        hr.post(
            reverse(
                "applications:routes_slot_remove", kwargs={"pk": vacancy.pk, "slot_pk": slot.pk}
            )
        )
    assert list(Slot.objects.values_list("pk", flat=True)) == [booked.pk]
    assert AuditEvent.objects.filter(event_type="application.day_slot_removed").count() == 1


def test_the_vacancy_page_tells_hr_which_routes_are_not_offered_and_why(staff_client, organisation):
    vacancy = PublishedVacancyFactory(organisation=organisation)
    AssignmentFactory(vacancy=vacancy)
    page = (
        staff_client(organisation, Role.HR_ADVISER)
        .get(reverse("vacancies:detail", kwargs={"pk": vacancy.pk}))
        .content.decode()
    )
    assert "Stel opdracht en wervingsdagen in" in page
    assert "Er is geen tijd in de toekomst met een vrije plaats." in page
    assert "Er is geen opdracht" not in page


def test_an_assessor_may_not_set_up_routes(staff_client, organisation):
    vacancy = PublishedVacancyFactory(organisation=organisation)
    response = staff_client(organisation, Role.ASSESSOR).post(
        reverse("applications:routes_day_new", kwargs={"pk": vacancy.pk}),
        {"title": "Dag", "address_text": "Utrecht"},
    )
    assert response.status_code == 403
    assert not RecruitmentDay.objects.exists()
