"""Channels: tracked links, first-touch attribution, visit counts, flyers, staff pages."""

from __future__ import annotations

import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import RequestFactory
from django.urls import reverse

from talentbrug.accounts.constants import Role
from talentbrug.audit.models import AuditEvent
from talentbrug.publishing import services
from talentbrug.publishing.attribution import channel_for
from talentbrug.publishing.facts import public_url
from talentbrug.publishing.flyer import QR_BORDER, QR_SCALE, qr_code
from talentbrug.publishing.models import CODE_ALPHABET, Channel
from talentbrug.publishing.views import applications_per_channel

from .factories import ChannelFactory, OpenVacancyFactory

pytestmark = pytest.mark.django_db
HR = [Role.HR_ADVISER]


@pytest.fixture
def vacancy(organisation):
    return OpenVacancyFactory(organisation=organisation, title="Servicedeskmedewerker ICT")


def test_create_channel_gives_a_short_code_and_is_audited(vacancy, make_staff, organisation):
    user = make_staff(organisation, Role.HR_ADVISER)
    channel = services.create_channel(
        vacancy, user=user, roles=HR, name="  ROC  Rijnland ICT ", kind="mbo_school"
    )
    assert channel.name == "ROC Rijnland ICT"
    assert channel.organisation == organisation
    assert len(channel.code) == 7 and set(channel.code) <= set(CODE_ALPHABET)
    assert channel.get_absolute_url() == f"/v/{channel.code}"
    event = AuditEvent.objects.get(event_type="publishing.channel_created")
    assert event.data == {"channel": channel.pk, "kind": "mbo_school"}
    assert "ROC" not in str(event.data)  # ids and kinds only


def test_create_channel_refuses_bad_input_and_changes_nothing(vacancy):
    services.create_channel(vacancy, user=None, roles=HR, name="UAF", kind="refugee_org")
    with pytest.raises(ValidationError):
        services.create_channel(vacancy, user=None, roles=HR, name="uaf", kind="refugee_org")
    with pytest.raises(ValidationError):
        services.create_channel(vacancy, user=None, roles=HR, name="   ", kind="other")
    with pytest.raises(ValidationError):
        services.create_channel(vacancy, user=None, roles=HR, name="LinkedIn", kind="spam")
    with pytest.raises(PermissionDenied):
        services.create_channel(
            vacancy, user=None, roles=[Role.HIRING_MANAGER], name="X", kind="other"
        )
    assert Channel.objects.count() == 1


def test_tracked_link_redirects_counts_once_per_session_and_remembers_first_touch(client, vacancy):
    school = ChannelFactory(vacancy=vacancy, name="ROC Rijnland ICT")
    refugees = ChannelFactory(vacancy=vacancy, name="VluchtelingenWerk regio Noord")
    response = client.get(f"/v/{school.code}")
    assert response.status_code == 302 and response.url == public_url(vacancy)
    client.get(f"/v/{school.code}")
    client.get(f"/v/{refugees.code}")
    school.refresh_from_db()
    refugees.refresh_from_db()
    assert school.visit_count == 1 and refugees.visit_count == 1
    assert school.last_visit_on is not None
    # First touch wins for the vacancy; the last link is also known.
    request = RequestFactory().get("/")
    request.session = client.session
    assert channel_for(request, vacancy) == school
    assert channel_for(request, vacancy.pk) == school
    assert channel_for(request) == refugees
    other = OpenVacancyFactory(organisation=vacancy.organisation)
    assert channel_for(request, other) is None


def test_attribution_without_session_or_link_is_none(vacancy):
    request = RequestFactory().get("/")
    assert channel_for(request, vacancy) is None
    from django.contrib.sessions.backends.db import SessionStore

    request.session = SessionStore()
    assert channel_for(request, vacancy) is None


def test_tracking_stores_no_personal_data(client, vacancy):
    channel = ChannelFactory(vacancy=vacancy)
    client.get(f"/v/{channel.code}", REMOTE_ADDR="203.0.113.7", HTTP_USER_AGENT="Testbrowser")
    channel.refresh_from_db()
    stored = {f.name: getattr(channel, f.name) for f in Channel._meta.concrete_fields}
    assert "203.0.113.7" not in str(stored) and "Testbrowser" not in str(stored)
    session_values = str(dict(client.session.items()))
    assert "203.0.113.7" not in session_values


def test_stopped_channel_still_leads_to_the_vacancy_but_counts_nothing(client, vacancy):
    channel = ChannelFactory(vacancy=vacancy)
    services.stop_channel(channel, user=None, roles=HR)
    assert client.get(f"/v/{channel.code}").status_code == 302
    channel.refresh_from_db()
    assert channel.visit_count == 0
    assert AuditEvent.objects.filter(event_type="publishing.channel_stopped").count() == 1


def test_unknown_code_or_unpublished_vacancy_gives_404(client, organisation):
    assert client.get("/v/onbekend").status_code == 404
    concept = OpenVacancyFactory(organisation=organisation, status="concept")
    assert client.get(f"/v/{ChannelFactory(vacancy=concept).code}").status_code == 404


def test_codes_are_case_insensitive_from_paper(client, vacancy):
    channel = ChannelFactory(vacancy=vacancy)
    assert client.get(f"/v/{channel.code.upper()}").status_code == 302


def test_staff_page_shows_links_and_visit_counts(staff_client, organisation, vacancy):
    channel = ChannelFactory(vacancy=vacancy, name="ROC Rijnland ICT", visit_count=7)
    client = staff_client(organisation, Role.HR_ADVISER)
    response = client.get(reverse("publishing:channels", kwargs={"pk": vacancy.pk}))
    content = response.content.decode()
    assert f"http://testserver/v/{channel.code}" in content
    assert "ROC Rijnland ICT" in content and ">7<" in content
    assert "Maak kanaal" in content
    assert "alle verplichte en aanbevolen gegevens" in content
    overview = client.get(reverse("publishing:overview")).content.decode()
    assert "Servicedeskmedewerker ICT" in overview


def test_hiring_manager_reads_but_cannot_create(staff_client, organisation, vacancy):
    client = staff_client(organisation, Role.HIRING_MANAGER)
    content = client.get(reverse("publishing:channels", kwargs={"pk": vacancy.pk})).content.decode()
    assert "Maak kanaal" not in content
    response = client.post(
        reverse("publishing:channel_create", kwargs={"pk": vacancy.pk}),
        {"name": "X", "kind": "other"},
    )
    assert response.status_code == 403


def test_create_form_shows_errors_next_to_the_field_and_on_top(staff_client, organisation, vacancy):
    ChannelFactory(vacancy=vacancy, name="UAF")
    client = staff_client(organisation, Role.HR_ADVISER)
    url = reverse("publishing:channel_create", kwargs={"pk": vacancy.pk})
    response = client.post(url, {"name": "uaf", "kind": "refugee_org"})
    assert response.status_code == 400
    content = response.content.decode()
    assert 'id="error-summary"' in content and "al een kanaal met deze naam" in content
    response = client.post(url, {"name": "Refugee Talent Hub", "kind": "refugee_org"}, follow=True)
    assert "Refugee Talent Hub" in response.content.decode()
    assert vacancy.channels.count() == 2


def test_applications_per_channel_is_none_until_an_app_records_channels(vacancy):
    channel = ChannelFactory(vacancy=vacancy)
    relations = [
        rel
        for rel in Channel._meta.related_objects
        if rel.related_model._meta.app_label == "applications"
    ]
    result = applications_per_channel([channel])
    if relations:
        assert result == {channel.pk: 0}
    else:
        assert result is None


def test_flyer_pdf_is_a4_with_the_facts_and_the_qr_code_of_the_tracked_link(
    staff_client, organisation, vacancy
):
    from PIL import Image
    from pypdf import PdfReader

    channel = ChannelFactory(vacancy=vacancy, name="ROC Rijnland ICT")
    client = staff_client(organisation, Role.HIRING_MANAGER)
    response = client.get(
        reverse("publishing:flyer_pdf", kwargs={"pk": vacancy.pk, "channel_pk": channel.pk})
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    reader = PdfReader(io.BytesIO(response.content))
    page = reader.pages[0]
    width_mm = float(page.mediabox.width) / 72 * 25.4
    height_mm = float(page.mediabox.height) / 72 * 25.4
    assert round(width_mm) == 210 and round(height_mm) == 297
    text = page.extract_text()
    link = f"http://testserver/v/{channel.code}"
    assert "Servicedeskmedewerker ICT" in text
    assert link in text.replace("\n", "")
    assert "32 tot 36 uur per week" in text
    # The QR image in the PDF has exactly the modules of the QR code of the tracked link.
    images = page.images
    assert len(images) == 1
    image = Image.open(io.BytesIO(images[0].data)).convert("1")
    matrix = [list(row) for row in qr_code(link).matrix]
    size = len(matrix)
    assert image.size == ((size + 2 * QR_BORDER) * QR_SCALE,) * 2
    for y in range(size):
        for x in range(size):
            pixel = image.getpixel(
                (
                    (x + QR_BORDER) * QR_SCALE + QR_SCALE // 2,
                    (y + QR_BORDER) * QR_SCALE + QR_SCALE // 2,
                )
            )
            assert (pixel == 0) == bool(matrix[y][x]), (x, y)


def test_flyer_print_view_has_the_qr_and_other_ways_to_apply(staff_client, organisation):
    from talentbrug.applications.tests.factories import SlotFactory

    vacancy = OpenVacancyFactory(organisation=organisation, apply_routes=["cv", "recruitment_day"])
    SlotFactory(day__vacancy=vacancy)  # a recruitment day shows only with a time to pick (#18)
    channel = ChannelFactory(vacancy=vacancy)
    client = staff_client(organisation, Role.HR_ADVISER)
    content = client.get(
        reverse("publishing:flyer", kwargs={"pk": vacancy.pk, "channel_pk": channel.pk})
    ).content.decode()
    assert 'src="data:image/svg+xml' in content
    assert f"QR-code naar http://testserver/v/{channel.code}" in content
    assert "wervingsdag" in content
    assert "werving@voorbeeld.example" in content
