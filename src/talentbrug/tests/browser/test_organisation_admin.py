"""Issue 19, done when: the organisation admin runs people and roles in the product.

beheer.dictu invites a colleague, who chooses a password and enrols 2FA; the admin gives them
the information-manager role; they review a destruction list as second pair of eyes; the admin
deactivates them and their other open review goes to a colleague; every step is in the log
with actor and role. No request touches the technical admin (/beheer/).

Every new page is checked with axe at 320 and 1280 px (and for sideways scrolling at 320);
screenshots go to var/shots/organisation-admin/ for people to open.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.core import mail
from django.urls import reverse

from talentbrug.accounts.constants import Role

from .conftest import assert_accessible, assert_no_horizontal_scroll, keep_screenshot, log_in

pytestmark = pytest.mark.django_db(transaction=True)

SHOTS = Path("var/shots/organisation-admin")
PASSWORD = "Een-sterk-wachtwoord-2026"


def look(page, name):
    """Axe at 320 and 1280 px, no sideways scroll at 320, a screenshot of each."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    for width, height in ((320, 800), (1280, 900)):
        page.set_viewport_size({"width": width, "height": height})
        if width == 320:
            assert_no_horizontal_scroll(page)
        assert_accessible(page)
        keep_screenshot(page, str(SHOTS / f"{name}-{width}.png"), full_page=True)


def _list_for(organisation, maker, name):
    from talentbrug.records.constants import ListStatus
    from talentbrug.records.tests.factories import DestructionListFactory, ItemFactory

    dl = DestructionListFactory(
        collection__organisation=organisation, created_by=maker, name=name, status=ListStatus.NEW
    )
    ItemFactory(destruction_list=dl, document__collection=dl.collection)
    return dl


def test_admin_invites_gives_role_and_deactivates_with_hand_over(
    page, browser, live_server, make_staff, organisation
):
    from django_otp.oath import totp
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from talentbrug.accounts.models import User
    from talentbrug.records.services import lists as records_lists

    admin = make_staff(
        organisation,
        Role.ORG_ADMIN,
        username="beheer.dictu",
        first_name="Lotte",
        last_name="Visser",
    )
    maker = make_staff(organisation, Role.RECORDS_MANAGER, first_name="Joost", last_name="Bakker")
    successor = make_staff(organisation, Role.RECORDS_MANAGER, first_name="Fleur", last_name="Bos")
    visited: list[str] = []
    page.on("request", lambda request: visited.append(request.url))

    # 1. The admin invites a colleague (first role: assessor).
    log_in(page, live_server, admin)
    page.goto(reverse("accounts:members"))
    look(page, "members")
    page.get_by_role("link", name="Nodig een collega uit").click()
    page.wait_for_url(f"**{reverse('accounts:invite')}")
    look(page, "invite")
    page.get_by_label("Voornaam").fill("Anouk")
    page.get_by_label("Achternaam").fill("de Wit")
    page.get_by_label("E-mailadres op het werk").fill("anouk.dewit@dictu.example.org")
    page.get_by_label("Eerste rol").select_option(Role.ASSESSOR.value)
    page.get_by_role("button", name="Verstuur uitnodiging").click()
    page.wait_for_url(re.compile(r"/medewerkers/organisatie/medewerkers/\d+/$"))
    colleague = User.objects.get(email="anouk.dewit@dictu.example.org")
    assert "Uitgenodigd, nog niet aangenomen" in page.locator("main").inner_text()
    look(page, "person-invited")

    # 2. The colleague opens the link, chooses a password and sets up the second factor.
    link = re.search(r"/account/uitnodiging/\S+/", mail.outbox[-1].body).group(0)
    own = browser.new_context(base_url=live_server.url, locale="nl-NL")
    theirs = own.new_page()
    theirs.set_default_timeout(10_000)
    theirs.on("request", lambda request: visited.append(request.url))
    theirs.goto(link)
    look(theirs, "invitation")
    theirs.fill("#id_new_password1", PASSWORD)
    theirs.fill("#id_new_password2", PASSWORD)
    theirs.get_by_role("button", name="Sla wachtwoord op").click()
    theirs.wait_for_url(f"**{reverse('accounts:setup')}")
    device = TOTPDevice.objects.get(user=colleague, confirmed=False)
    theirs.fill("#id_token", f"{totp(device.bin_key):06d}")
    theirs.get_by_role("button", name="Bevestig code").click()
    theirs.get_by_role("link", name="Ik heb de codes bewaard, ga verder").wait_for()
    # The link works once.
    again = own.new_page()
    again.goto(link)
    assert "al gebruikt" in again.locator("main").inner_text()
    look(again, "invitation-used")
    again.close()

    # 3. The admin gives the information-manager role.
    page.goto(reverse("accounts:person", args=[colleague.pk]))
    assert "Actief" in page.locator("main").inner_text()
    page.get_by_label("Rol", exact=True).select_option(Role.RECORDS_MANAGER.value)
    page.get_by_role("button", name="Geef rol").click()
    page.get_by_text("heeft nu de rol Informatiebeheerder").wait_for()
    look(page, "person")
    page.goto(reverse("accounts:roles"))
    look(page, "roles")

    # 4. Two lists are offered to the colleague; they review the first as second reviewer.
    first = _list_for(organisation, maker, "Vernietigingslijst werving 2019")
    second = _list_for(organisation, maker, "Vernietigingslijst werving 2020")
    records_lists.submit_destruction_list(first, maker, [colleague])
    records_lists.submit_destruction_list(second, maker, [colleague])
    theirs.goto(reverse("records:list_detail", args=[first.pk]))
    theirs.fill("#review-comment", "Gecontroleerd: mag weg.")
    theirs.get_by_role("button", name="Keur lijst goed").click()
    theirs.locator("#list-status").filter(has_not_text="Ter beoordeling").wait_for()

    # 5. The admin deactivates them; the open review of the second list goes to Fleur.
    page.goto(reverse("accounts:person", args=[colleague.pk]))
    page.get_by_role("link", name=f"Schakel {colleague} uit").click()
    page.wait_for_url(f"**{reverse('accounts:deactivate', args=[colleague.pk])}")
    assert "vernietigingslijsten om te beoordelen" in page.locator("main").inner_text()
    look(page, "deactivate")
    page.get_by_label(re.compile("Wie neemt de vernietigingslijsten")).select_option(
        str(successor.pk)
    )
    page.get_by_label(re.compile("niet meer kan inloggen")).check()
    page.get_by_role("button", name="Schakel uit en draag werk over").click()
    page.wait_for_url(f"**{reverse('accounts:members')}")
    assert "1 openstaande taken zijn overgedragen" in page.locator("main").inner_text()
    assert list(second.reviewers.all()) == [successor]
    assert str(colleague) not in page.locator("table").inner_text()
    # Their session has ended.
    theirs.goto(reverse("pages:home"))
    theirs.wait_for_url(re.compile(r"/account/inloggen/"))
    own.close()

    # 6. Every step is in the log, with who did it and in which role.
    page.goto(reverse("audit:list"))
    look(page, "log")
    rows = [
        " | ".join(row.locator("td").all_inner_texts()) for row in page.locator("tbody tr").all()
    ]
    expected = [
        ("Collega uitgenodigd met de rol Beoordelaar", "Lotte Visser – Beheerder organisatie"),
        ("Uitnodiging aangenomen; wachtwoord gekozen", f"{colleague} – Beoordelaar"),
        ("Tweestapsverificatie ingesteld", f"{colleague} – Beoordelaar"),
        ("Rol Informatiebeheerder gegeven", "Lotte Visser – Beheerder organisatie"),
        ("Vernietigingslijst goedgekeurd", f"{colleague} – Beoordelaar, Informatiebeheerder"),
        (
            "1 x vernietigingslijsten om te beoordelen overgedragen aan een collega",
            "Lotte Visser – Beheerder organisatie",
        ),
        ("Medewerker uitgeschakeld", "Lotte Visser – Beheerder organisatie"),
    ]
    for what, who in expected:
        assert any(what in row and who in row for row in rows), (what, who, rows)
    assert not [url for url in visited if "/beheer/" in url]


def test_settings_erasure_confirmation_and_lock_out_pages(
    page, browser, live_server, make_staff, organisation, settings
):
    from django.core.cache import cache

    from talentbrug.applications.services.portal import request_deletion
    from talentbrug.applications.tests.factories import ApplicationFactory, PublishedVacancyFactory

    admin = make_staff(organisation, Role.ORG_ADMIN, first_name="Lotte", last_name="Visser")
    log_in(page, live_server, admin)

    # Organisation settings: a light colour is refused with the reason, a dark one is saved.
    page.goto(reverse("accounts:organisation_settings"))
    look(page, "settings")
    page.get_by_label("Huiskleur").select_option("geel")
    page.get_by_label("Antwoordadres e-mail").fill("antwoord@dictu.example.org")
    page.get_by_role("button", name="Sla instellingen op").click()
    page.locator("#error-summary").wait_for()
    assert "slecht leesbaar" in page.locator("#error-summary").inner_text()
    look(page, "settings-error")
    page.get_by_label("Huiskleur").select_option("donkerblauw")
    page.get_by_role("button", name="Sla instellingen op").click()
    page.get_by_text("Instellingen opgeslagen.").wait_for()
    organisation.refresh_from_db()
    assert organisation.house_colour == "donkerblauw"
    assert organisation.reply_to_email == "antwoord@dictu.example.org"

    # Erasure: a confirmation page that says what will happen.
    application = ApplicationFactory(vacancy=PublishedVacancyFactory(organisation=organisation))
    deletion = request_deletion(application.candidate)
    page.goto(reverse("privacy:requests"))
    page.get_by_role("link", name=f"Voer verzoek {deletion.pk} uit").click()
    page.wait_for_url(f"**{reverse('privacy:carry_out', args=[deletion.pk])}")
    assert "wordt geanonimiseerd" in page.locator("main").inner_text()
    look(page, "erasure-confirm")
    page.get_by_label(re.compile("wil het nu uitvoeren")).check()
    page.get_by_role("button", name="Voer verzoek uit").click()
    page.get_by_text("De kandidaat krijgt daarover een e-mail.").wait_for()

    # A locked-out person reads how long and how to get help.
    settings.TALENTBRUG_IP_FAILURE_LIMIT = 1000
    cache.clear()
    person = make_staff(organisation, Role.HR_ADVISER)
    other = browser.new_context(base_url=live_server.url, locale="nl-NL")
    locked = other.new_page()
    for _ in range(settings.AXES_FAILURE_LIMIT + 1):
        locked.goto(reverse("accounts:login"))
        locked.get_by_label("Gebruikersnaam").fill(person.username)
        locked.get_by_label("Wachtwoord").fill("verkeerd")
        locked.locator("main button[type=submit]").click()
        locked.wait_for_load_state()
    assert "Probeer het over 15 minuten opnieuw" in locked.locator("main").inner_text()
    look(locked, "locked-out")
    other.close()
