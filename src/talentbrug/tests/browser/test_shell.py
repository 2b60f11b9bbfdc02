"""The shell in a real browser: log-in with a second factor, keyboard, axe, 320 px, RTL."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from talentbrug.accounts.constants import Role

from .conftest import assert_accessible, assert_no_horizontal_scroll, log_in

pytestmark = pytest.mark.django_db(transaction=True)

PUBLIC_PAGES = ["pages:landing", "pages:privacy", "pages:accessibility", "accounts:login"]


def test_staff_logs_in_and_enrols_a_second_factor(page, make_staff, organisation):
    user = make_staff(organisation, Role.ORG_ADMIN, username="lotte")
    page.goto(reverse("accounts:login"))
    assert_accessible(page)
    page.get_by_label("Gebruikersnaam").fill("lotte")
    page.get_by_label("Wachtwoord").fill("Een-goed-wachtwoord-2026")
    page.keyboard.press("Enter")
    page.wait_for_url("**/account/tweestaps/instellen/")
    assert_accessible(page)
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    code = f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"
    page.get_by_label("Code").fill(code)
    page.get_by_role("button", name="Bevestig code").click()
    page.wait_for_selector("#recovery-codes")
    assert page.locator("#recovery-codes li").count() == 10
    assert_accessible(page)
    page.get_by_role("link", name="Ik heb de codes bewaard, ga verder").click()
    page.wait_for_url("**/medewerkers/")
    assert page.get_by_role("heading", level=1).inner_text().startswith("Overzicht voor")
    assert_accessible(page)


def test_wrong_password_shows_error_summary(page, make_staff, organisation):
    make_staff(organisation, Role.HR_ADVISER, username="sanne")
    page.goto(reverse("accounts:login"))
    page.get_by_label("Gebruikersnaam").fill("sanne")
    page.get_by_label("Wachtwoord").fill("verkeerd")
    with page.expect_navigation():
        page.get_by_role("button", name="Inloggen").click()
    expect(page.get_by_role("alert")).to_be_visible()
    assert "klopt niet" in page.get_by_role("alert").inner_text()
    assert_accessible(page)


@pytest.mark.parametrize("name", PUBLIC_PAGES)
def test_public_pages_are_accessible_and_fit_320px(page, name):
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(reverse(name))
    assert_accessible(page)
    assert_no_horizontal_scroll(page)


def _staff_get_cases():
    from talentbrug.tests.test_authorisation import URL_TABLE

    return [c for c in URL_TABLE.values() if c.kind == "staff" and c.method == "get"]


def test_every_staff_page_fits_320px_and_passes_axe(page, live_server, make_staff, organisation):
    """Every staff GET page in the authorisation table, as a user with every role."""
    user = make_staff(organisation, *Role.values)
    log_in(page, live_server, user)
    cases = _staff_get_cases()
    assert len(cases) >= 5
    for case in cases:
        kwargs = case.make_kwargs(organisation) if case.make_kwargs else None
        url = reverse(case.name, kwargs=kwargs)
        if case.data:
            url += "?" + "&".join(f"{k}={v}" for k, v in case.data.items())
        probe = page.request.get(url)
        assert probe.status == 200, (case.name, probe.status)
        if "text/html" not in probe.headers.get(
            "content-type", ""
        ) or "attachment" in probe.headers.get("content-disposition", ""):
            continue  # downloads (CSV, PDF, files) are checked by their own tests
        for width in (320, 1280):
            page.set_viewport_size({"width": width, "height": 900})
            response = page.goto(url)
            assert response.status == 200, (case.name, response.status)
            if page.locator("h1").count():
                assert page.get_by_role("heading", level=1).count() == 1, case.name
                assert_accessible(page)
            if width == 320:
                assert_no_horizontal_scroll(page)


def test_skip_link_is_first_and_moves_focus_to_main(page):
    page.goto(reverse("pages:landing"))
    page.keyboard.press("Tab")
    page.wait_for_function(
        "() => document.activeElement.textContent.trim() === 'Direct naar de inhoud'"
    )
    page.keyboard.press("Enter")
    page.wait_for_function("() => location.hash === '#main'")


def test_arabic_is_right_to_left_and_accessible(page):
    page.goto(reverse("pages:privacy"))
    page.get_by_role("button", name="العربية").click()
    page.wait_for_function("() => document.documentElement.lang === 'ar'")
    assert page.evaluate("() => document.documentElement.dir") == "rtl"
    assert page.evaluate("() => document.documentElement.lang") == "ar"
    assert_accessible(page)


def test_staff_menu_is_one_button_on_a_phone(page, live_server, make_staff, organisation):
    """Sixteen menu items do not fit a phone: one "Menu" button (with the current page) opens
    the list; Escape closes it and gives the focus back. On a wide screen the list shows."""
    log_in(page, live_server, make_staff(organisation, *Role.values))
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(reverse("pages:home"))
    menu = page.get_by_role("button", name="Menu: Overzicht")
    expect(menu).to_have_attribute("aria-expanded", "false")
    nav = page.get_by_role("navigation", name="Hoofdmenu")
    expect(nav.get_by_role("link", name="Vacatures")).to_be_hidden()
    assert_accessible(page)
    menu.click()
    expect(menu).to_have_attribute("aria-expanded", "true")
    expect(nav.get_by_role("link", name="Vacatures")).to_be_visible()
    assert_no_horizontal_scroll(page)
    assert_accessible(page)
    page.keyboard.press("Escape")
    expect(menu).to_have_attribute("aria-expanded", "false")
    expect(menu).to_be_focused()
    menu.press("Enter")
    nav.get_by_role("link", name="Vacatures").click()
    page.wait_for_url("**/vacatures/")
    expect(page.get_by_role("button", name="Menu: Vacatures")).to_be_visible()
    page.set_viewport_size({"width": 1280, "height": 800})
    expect(page.get_by_role("button", name="Menu: Vacatures")).to_be_hidden()
    expect(nav.get_by_role("link", name="Overzicht")).to_be_visible()
