"""The Rijkshuisstijl logo area: the lint with the woordmerk, or the organisation's own logo."""

from __future__ import annotations

import io
import re
from typing import Any

import pytest
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from talentbrug.accounts.constants import Role
from talentbrug.publishing.facts import public_url
from talentbrug.publishing.tests.factories import OpenVacancyFactory

pytestmark = pytest.mark.django_db


def _png() -> bytes:
    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (120, 60), (21, 66, 115)).save(out, format="PNG")
    return out.getvalue()


def _logo_area(html: str) -> str:
    match = re.search(r'<div class="tb-identity">(.*?)</div>\s*</div>', html, re.S)
    assert match, "no logo area on the page"
    return match.group(1)


def _settings_data(organisation: Any, **extra: Any) -> dict[str, Any]:
    return {
        "name": organisation.name,
        "short_name": organisation.short_name,
        "wordmark": organisation.wordmark,
        "house_colour": organisation.house_colour,
        "cooling_off_days": 14,
        "rejected_days": 28,
        **extra,
    }


@pytest.fixture(autouse=True)
def _fresh_cache() -> Any:
    cache.clear()
    yield
    cache.clear()


def test_staff_pages_show_the_lint_with_the_active_organisations_woordmerk(
    staff_client: Any, organisation: Any
) -> None:
    organisation.wordmark = "Dienst ICT\nUitvoering"
    organisation.save()
    client = staff_client(organisation, Role.HR_ADVISER)
    area = _logo_area(client.get(reverse("pages:home")).content.decode())
    assert 'class="tb-identity__lint" aria-hidden="true"' in area
    assert '<span class="tb-identity__line">Dienst ICT</span>' in area
    assert '<span class="tb-identity__line">Uitvoering</span>' in area
    assert 'lang="nl"' in area and 'translate="no"' in area
    assert "<img" not in area  # no coat of arms, no image of text


def test_without_a_woordmerk_the_full_name_stands_beside_the_lint(
    staff_client: Any, organisation: Any
) -> None:
    client = staff_client(organisation, Role.HR_ADVISER)
    area = _logo_area(client.get(reverse("pages:home")).content.decode())
    assert '<span class="tb-identity__line">Dienst ICT Uitvoering</span>' in area


def test_careers_pages_show_the_rijk_or_the_vacancys_organisation(
    organisation: Any, other_organisation: Any
) -> None:
    organisation.wordmark = "Dienst ICT\nUitvoering"
    organisation.save()
    vacancy = OpenVacancyFactory(organisation=organisation)
    client = Client()
    everyone = _logo_area(client.get(reverse("publishing:list")).content.decode())
    assert ">Rijksoverheid<" in everyone and "Dienst ICT" not in everyone
    one = client.get(reverse("publishing:list"), {"organisatie": "dictu"}).content.decode()
    assert ">Uitvoering<" in _logo_area(one)
    detail = _logo_area(client.get(public_url(vacancy)).content.decode())
    assert ">Dienst ICT<" in detail and "Rijksoverheid" not in detail
    # A new woordmerk shows at once (saving an organisation renews the careers page cache).
    organisation.wordmark = "DICTU"
    organisation.save()
    again = _logo_area(client.get(public_url(vacancy)).content.decode())
    assert ">DICTU<" in again and "Uitvoering" not in again


def test_an_admin_uploads_a_png_logo_that_replaces_lint_and_woordmerk_everywhere(
    staff_client: Any, organisation: Any
) -> None:
    admin = staff_client(organisation, Role.ORG_ADMIN)
    url = reverse("accounts:organisation_settings")
    logo = SimpleUploadedFile("logo.png", _png(), content_type="image/png")
    response = admin.post(url, _settings_data(organisation, logo_upload=logo))
    assert response.status_code == 302, response.content.decode()[:2000]
    organisation.refresh_from_db()
    assert organisation.logo.name.startswith("organisation-logos/dictu-")
    vacancy = OpenVacancyFactory(organisation=organisation)
    area = _logo_area(Client().get(public_url(vacancy)).content.decode())
    src = re.search(
        r'<img class="tb-identity__image" src="([^"]+)" alt="Dienst ICT Uitvoering">', area
    )
    assert src, area
    assert "tb-identity__lint" not in area
    served = Client().get(src.group(1))
    assert served.status_code == 200
    assert served["Content-Type"] == "image/png"
    assert "sandbox" in served["Content-Security-Policy"]
    assert b"".join(served.streaming_content) == _png()
    # Taken away again: the lint and the woordmerk come back, the file is gone.
    admin.post(url, _settings_data(organisation, remove_logo="on"))
    organisation.refresh_from_db()
    assert not organisation.logo
    area = _logo_area(admin.get(reverse("pages:home")).content.decode())
    assert "tb-identity__lint" in area and "<img" not in area
    assert Client().get(src.group(1)).status_code == 404


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
        ("logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><rect width="4" height="4"/></svg>'),
        ("logo.png", b'<svg xmlns="http://www.w3.org/2000/svg"><rect width="4" height="4"/></svg>'),
        ("logo.png", b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF"),
        ("logo.html", b"<html><body onload=alert(1)>x</body></html>"),
    ],
)
def test_a_logo_that_is_not_a_png_jpeg_or_webp_is_refused_next_to_the_field(
    staff_client: Any, organisation: Any, name: str, content: bytes
) -> None:
    admin = staff_client(organisation, Role.ORG_ADMIN)
    upload = SimpleUploadedFile(name, content)
    response = admin.post(
        reverse("accounts:organisation_settings"), _settings_data(organisation, logo_upload=upload)
    )
    assert response.status_code == 200
    assert 'id="id_logo_upload-error"' in response.content.decode()
    organisation.refresh_from_db()
    assert not organisation.logo


def test_a_logo_over_one_megabyte_is_refused(staff_client: Any, organisation: Any) -> None:
    admin = staff_client(organisation, Role.ORG_ADMIN)
    big = SimpleUploadedFile("logo.png", _png() + b"\0" * (1024 * 1024))
    response = admin.post(
        reverse("accounts:organisation_settings"), _settings_data(organisation, logo_upload=big)
    )
    assert "te groot" in response.content.decode()


def test_an_organisation_without_a_logo_answers_404(organisation: Any) -> None:
    response = Client().get(reverse("accounts:organisation_logo", args=[organisation.slug]))
    assert response.status_code == 404


def test_the_apply_form_carries_the_vacancys_organisation(organisation: Any) -> None:
    organisation.wordmark = "Dienst ICT\nUitvoering"
    organisation.save()
    vacancy = OpenVacancyFactory(organisation=organisation, apply_routes=["cv", "no_cv"])
    html = Client().get(reverse("applications:apply", args=[vacancy.pk])).content.decode()
    assert ">Uitvoering<" in _logo_area(html)
