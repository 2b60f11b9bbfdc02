"""Applying in a real browser by each of the five routes (one in Arabic, right-to-left), and the
candidate portal: upload, download the data ZIP, withdraw. axe at 320 and 1280 px."""

from __future__ import annotations

import io
import zipfile

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from talentbrug.applications.models import Application, Booking, Document
from talentbrug.applications.services import extraction
from talentbrug.applications.tests.conftest import fake_extract_skills
from talentbrug.applications.tests.factories import (
    AssignmentFactory,
    PublishedVacancyFactory,
    SlotFactory,
)
from talentbrug.applications.tests.helpers import docx_cv, pdf_cv, webm

from .conftest import assert_accessible, assert_no_horizontal_scroll, open_link

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _quick(settings, monkeypatch, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "media")},
        },
    }
    monkeypatch.setattr(extraction, "extract_skills", fake_extract_skills)
    from django.core.cache import cache

    cache.clear()


def check(page) -> None:
    for width in (320, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        assert_accessible(page)
        if width == 320:
            assert_no_horizontal_scroll(page)


_STEP_OF = """el => {
  const steps = [...el.closest("form").querySelectorAll("[data-step]")];
  return [steps.findIndex(s => s.contains(el)), steps.findIndex(s => !s.hidden)];
}"""


_OPEN_FOLDS = """el => {
    const folds = [];
    for (let d = el.closest('details'); d; d = d.parentElement.closest('details')) folds.unshift(d);
    for (const d of folds) if (!d.open) d.querySelector('summary').click();
}"""


def reveal(page, target):
    """Open the form step that holds ``target`` the way a person does: with the "Volgende" and
    "Vorige" buttons of the stepped apply form (applications.js). Returns the locator."""
    locator = page.locator(target) if isinstance(target, str) else target
    wanted, shown = locator.first.evaluate(_STEP_OF)
    while wanted >= 0 and shown != wanted:
        button = "[data-step-next]" if wanted > shown else "[data-step-previous]"
        page.locator(f"{button}:visible").click()
        shown += 1 if wanted > shown else -1
    # An optional part folded away (the diploma): open it by its summary, as a person does.
    locator.first.evaluate(_OPEN_FOLDS)
    locator.first.wait_for(state="visible")
    return locator


def fill_common(page, name: str, email: str) -> None:
    reveal(page, "[name=name]").fill(name)
    reveal(page, "[name=email]").fill(email)
    reveal(page, "#id_right_to_work_0").check()
    reveal(page, "#id_privacy").check()


def portal_link_from_mail(address: str) -> str:
    """The path of the personal link in the newest e-mail to ``address`` (sent by the outbox)."""
    import re
    from urllib.parse import urlsplit

    from django.core import mail

    body = [m for m in mail.outbox if m.to == [address]][-1].body
    return urlsplit(re.search(r"https?://\S+/mijn/inloggen/\S+/", body).group(0)).path


def submit(page) -> None:
    reveal(page, "button[type=submit][data-submit-once]").click()
    page.wait_for_url("**/solliciteren/klaar/**")


def test_apply_with_cv_in_arabic_then_use_the_portal(page, live_server):
    vacancy = PublishedVacancyFactory()
    page.context.add_cookies([{"name": "django_language", "value": "ar", "url": live_server.url}])
    page.goto(reverse("applications:apply", kwargs={"pk": vacancy.pk}))
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("html").get_attribute("lang") == "ar"
    check(page)
    page.get_by_role("link", name="بسيرتك الذاتية").click()
    page.wait_for_url("**/solliciteren/cv/")
    check(page)
    # The form comes in steps: "Stap 1 van 4" in Arabic.
    assert page.locator(".tb-step-progress").inner_text() == "الخطوة 1 من 4"
    # First an error, in Arabic, with focus on the summary; the first step opens again.
    with page.expect_navigation():
        reveal(page, "button[type=submit][data-submit-once]").click()
    expect(page.locator("#error-summary")).to_be_visible()
    page.wait_for_function("() => document.activeElement.id === 'error-summary'")
    assert (
        "اكتب اسمك" in page.locator("#error-summary").inner_text()
        or page.locator("#error-summary").inner_text()
    )
    assert page.evaluate("() => document.activeElement.id") == "error-summary"
    check(page)
    expect(page.locator("[name=name]")).to_be_visible()
    fill_common(page, "رامي حداد", "rami@voorbeeld.nl")
    reveal(page, "[name=cv]").set_input_files(
        {"name": "cv.pdf", "mimeType": "application/pdf", "buffer": pdf_cv()}
    )
    submit(page)
    assert "تم إرسال طلبك" in page.get_by_role("heading", level=1).inner_text()
    check(page)
    # Applying does not sign in (issue 14, item 5): the link in the e-mail opens the portal.
    done = page.url
    open_link(page, portal_link_from_mail("rami@voorbeeld.nl"))
    page.wait_for_url("**/mijn/")
    page.goto(done)
    # Step: check what we understood.
    with page.expect_navigation():
        page.get_by_role("link", name="تحقق من ملفك الشخصي").click()
    expect(page.locator("main")).to_contain_text("netwerkbeheer")
    check(page)
    with page.expect_navigation():
        page.get_by_role("button", name="هذا صحيح، احفظ").click()
    assert Application.objects.get().candidate.skills.filter(confirmed=True).exists()

    # Portal: upload, download the ZIP, withdraw.
    page.goto(reverse("applications:portal"))
    check(page)
    application = Application.objects.get()
    page.goto(reverse("applications:portal_application", args=[application.pk]))
    check(page)
    page.locator("[name=kind]").select_option("other")
    page.locator("[name=file]").set_input_files(
        {"name": "diploma.docx", "mimeType": "application/octet-stream", "buffer": docx_cv()}
    )
    page.locator("form[action$='/bestand/'] button[type=submit]").click()
    page.wait_for_load_state()
    assert Document.objects.filter(original_name="diploma.docx").exists()
    page.goto(reverse("applications:portal"))
    with page.expect_download() as download_info:
        page.get_by_role("link", name="نزّل بياناتي").click()
    archive = zipfile.ZipFile(io.BytesIO(download_info.value.path().read_bytes()))
    assert "data.json" in archive.namelist()
    page.goto(reverse("applications:portal_withdraw", args=[application.pk]))
    check(page)
    page.get_by_role("button", name="نعم، اسحب طلبي").click()
    page.wait_for_url(f"**/mijn/sollicitaties/{application.pk}/")
    application.refresh_from_db()
    assert application.status == "withdrawn"
    check(page)


def test_apply_without_cv(page):
    vacancy = PublishedVacancyFactory()
    page.goto(reverse("applications:apply", kwargs={"pk": vacancy.pk}))
    page.get_by_role("link", name="Zonder cv").click()
    page.wait_for_url("**/solliciteren/no_cv/")
    check(page)
    fill_common(page, "Selam Tesfay", "selam@voorbeeld.nl")
    reveal(page, page.get_by_label("Welk werk heb je gedaan?")).fill("Telefoons repareren")
    reveal(page, page.get_by_label("In welk land was dat?")).fill("Eritrea")
    reveal(page, page.get_by_label("Wat kun je goed?")).fill("Ik kan klanten helpen.")
    submit(page)
    check(page)
    assert Application.objects.get().candidate.experiences.get().abroad


def test_apply_with_a_video(page):
    vacancy = PublishedVacancyFactory()
    page.goto(reverse("applications:apply_route", kwargs={"pk": vacancy.pk, "route": "video"}))
    check(page)
    fill_common(page, "Elif Yılmaz", "elif@voorbeeld.nl")
    reveal(page, "[name=video]").set_input_files(
        {"name": "ik.webm", "mimeType": "video/webm", "buffer": webm()}
    )
    submit(page)
    assert Document.objects.get().kind == "video"


def test_apply_with_a_work_sample(page):
    assignment = AssignmentFactory()
    url = reverse(
        "applications:apply_route", kwargs={"pk": assignment.vacancy.pk, "route": "work_sample"}
    )
    page.goto(url)
    expect(page.get_by_text("wachtwoord verandert")).to_be_visible()
    check(page)
    fill_common(page, "Noor Ahmadi", "noor@voorbeeld.nl")
    reveal(page, page.get_by_label("Je antwoord")).fill(
        "Open Instellingen. Kies Wachtwoord. Typ je nieuwe wachtwoord."
    )
    submit(page)
    assert Application.objects.get().work_sample.text.startswith("Open")


def test_apply_on_a_recruitment_day(page):
    slot = SlotFactory(capacity=1)
    page.goto(
        reverse(
            "applications:apply_route",
            kwargs={"pk": slot.day.vacancy.pk, "route": "recruitment_day"},
        )
    )
    check(page)
    fill_common(page, "Daan Visser", "daan@voorbeeld.nl")
    reveal(page, "[name=slot]").first.check()
    submit(page)
    assert Booking.objects.get().slot == slot


def test_keyboard_only_apply(page):
    vacancy = PublishedVacancyFactory()
    page.goto(reverse("applications:apply_route", kwargs={"pk": vacancy.pk, "route": "video"}))
    page.locator("[name=name]").focus()
    page.keyboard.type("Sara de Boer")
    page.keyboard.press("Tab")
    page.keyboard.type("sara@voorbeeld.nl")
    # The form is in steps: "Volgende" is a button, pressed with Enter.
    page.locator("[data-step-next]:visible").focus()
    page.keyboard.press("Enter")
    # The new step has the focus, so the keyboard user goes on from its start.
    page.wait_for_function("() => document.activeElement.matches('[data-step]')")
    page.locator("[name=motivation]").focus()
    page.keyboard.type("Ik schrijf liever dan dat ik film.")
    for _ in range(2):
        page.locator("[data-step-next]:visible").focus()
        page.keyboard.press("Enter")
    page.locator("#id_privacy").focus()
    page.keyboard.press("Space")
    page.locator("button[type=submit][data-submit-once]").focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/solliciteren/klaar/**")
    assert Application.objects.count() == 1


def test_staff_pages_of_applications_pass_axe(page, live_server, make_staff, organisation):
    from talentbrug.accounts.constants import Role
    from talentbrug.applications.tests.url_cases import URL_CASES

    from .conftest import log_in

    log_in(page, live_server, make_staff(organisation, Role.HR_ADVISER))
    for case in [c for c in URL_CASES if c.kind == "staff" and c.method == "get"]:
        kwargs = case.make_kwargs(organisation) if case.make_kwargs else None
        url = reverse(case.name, kwargs=kwargs)
        response = page.goto(url) if "document" not in case.name else None
        if response is None:
            continue
        assert response.status == 200, case.name
        check(page)


def test_answer_a_question_from_hr_in_persian_by_keyboard(page, live_server):
    """The portal in Farsi (right-to-left): read the question from HR, answer by keyboard."""
    from talentbrug.applications.models import Question
    from talentbrug.applications.tests.factories import ApplicationFactory
    from talentbrug.applications.tokens import make_token

    application = ApplicationFactory(candidate__preferred_language="fa")
    question = Question.objects.create(application=application, text="Wanneer kun je beginnen?")
    open_link(page, reverse("applications:portal_login", args=[make_token(application.candidate)]))
    assert page.locator("html").get_attribute("dir") == "rtl"
    check(page)
    page.goto(reverse("applications:portal_application", args=[application.pk]))
    check(page)
    page.goto(reverse("applications:portal_question", args=[question.pk]))
    check(page)
    page.locator("[name=answer]").focus()
    page.keyboard.type("Vanaf 1 maart.")
    page.locator("button[type=submit][data-submit-once]").focus()
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/mijn/sollicitaties/{application.pk}/")
    question.refresh_from_db()
    assert question.answer_text == "Vanaf 1 maart."
    check(page)
