"""Every applications URL and who may use it (collected by tests/test_authorisation.py).

PUBLIC URLs without arguments are walked by the central table. URLs with a vacancy id or a
personal token, and the portal pages (which need the session a magic link gives), are
CANDIDATE: ``test_urls.py`` in this app walks them with ``make_kwargs``.
"""

import uuid

from talentbrug.accounts.constants import Role
from talentbrug.tests.authz import CANDIDATE, PUBLIC, STAFF, UrlCase, internal

from .factories import ApplicationFactory, PublishedVacancyFactory


def _public_vacancy(organisation):
    return {"pk": PublishedVacancyFactory(organisation=organisation).pk}


def _route(organisation):
    return {"pk": PublishedVacancyFactory(organisation=organisation).pk, "route": "cv"}


def _done(organisation):
    application = ApplicationFactory(vacancy=PublishedVacancyFactory(organisation=organisation))
    return {"pk": application.vacancy_id, "key": application.idempotency_key}


CONFIRM_TOKEN = "bevestig-" + "x" * 34


def _confirm(organisation):
    from datetime import timedelta

    from django.utils import timezone

    from ..models import PendingApplication
    from ..services import pending

    vacancy = PublishedVacancyFactory(organisation=organisation)
    PendingApplication.objects.filter(token_hash=pending.hash_token(CONFIRM_TOKEN)).delete()
    PendingApplication.objects.create(
        vacancy=vacancy,
        email="bekend@voorbeeld.nl",
        token_hash=pending.hash_token(CONFIRM_TOKEN),
        idempotency_key=uuid.uuid4(),
        data={},
        expires_at=timezone.now() + timedelta(days=1),
    )
    return {"token": CONFIRM_TOKEN}


def _application(organisation):
    return {"pk": ApplicationFactory(vacancy=PublishedVacancyFactory(organisation=organisation)).pk}


def _staff_vacancy(organisation):
    return {
        "pk": ApplicationFactory(
            vacancy=PublishedVacancyFactory(organisation=organisation)
        ).vacancy_id
    }


def _document(organisation):
    from django.core.files.base import ContentFile

    from ..models import Document

    application = ApplicationFactory(vacancy=PublishedVacancyFactory(organisation=organisation))
    document = Document(
        candidate=application.candidate,
        application=application,
        kind="cv",
        original_name="cv.txt",
        detected_type="txt",
        content_type="text/plain",
        size=5,
        sha256="0" * 64,
    )
    document.file.save("cv.txt", ContentFile(b"Hallo"), save=True)
    return {"pk": application.pk, "document_pk": document.pk}


def _portal_document(organisation):
    return {"pk": _document(organisation)["document_pk"]}


def _token(organisation):
    from ..tokens import make_token

    return {"token": make_token(ApplicationFactory().candidate)}


def _profile_item(organisation):
    from ..models import Education

    application = ApplicationFactory()
    education = Education.objects.create(candidate=application.candidate, programme="ICT")
    return {"kind": "opleiding", "pk": education.pk}


def _found_language(organisation):
    from ..models import LanguageProficiency

    application = ApplicationFactory()
    found = LanguageProficiency.objects.create(
        candidate=application.candidate, language="nl", skill="speaking", level="B1"
    )
    return {"pk": found.pk}


def _question(organisation):
    from ..models import Question

    application = ApplicationFactory(vacancy=PublishedVacancyFactory(organisation=organisation))
    return {"pk": Question.objects.create(application=application, text="Wanneer kun je?").pk}


def _assignment_file(organisation):
    from django.core.files.base import ContentFile

    from .factories import AssignmentFactory

    assignment = AssignmentFactory(vacancy=PublishedVacancyFactory(organisation=organisation))
    assignment.attachment.save("opdracht.txt", ContentFile(b"Lees de melding."), save=False)
    assignment.attachment_name = "opdracht.txt"
    assignment.save()
    return {"pk": assignment.vacancy_id}


def _routes_vacancy(organisation):
    return {"pk": PublishedVacancyFactory(organisation=organisation).pk}


def _routes_day(organisation):
    from .factories import RecruitmentDayFactory

    day = RecruitmentDayFactory(vacancy=PublishedVacancyFactory(organisation=organisation))
    return {"pk": day.vacancy_id, "day_pk": day.pk}


def _routes_slot(organisation):
    from .factories import SlotFactory

    slot = SlotFactory(day__vacancy=PublishedVacancyFactory(organisation=organisation))
    return {"pk": slot.day.vacancy_id, "slot_pk": slot.pk}


URL_CASES = [
    # Public pages
    UrlCase("applications:link_request", PUBLIC),
    UrlCase("applications:link_sent", PUBLIC),
    # Public pages with a vacancy id (walked in this app's test_urls.py)
    UrlCase("applications:apply", CANDIDATE, make_kwargs=_public_vacancy),
    UrlCase("applications:apply_route", CANDIDATE, make_kwargs=_route),
    UrlCase("applications:done", CANDIDATE, make_kwargs=_done),
    UrlCase("applications:confirm", CANDIDATE, make_kwargs=_confirm),
    # Personal link and the portal (session from the link)
    # The mailed link shows a page with one button (a GET never uses the link).
    UrlCase("applications:portal_login", CANDIDATE, make_kwargs=_token, ok_status=(200,)),
    UrlCase("applications:portal", CANDIDATE),
    UrlCase("applications:portal_logout", CANDIDATE, method="post", ok_status=(302,)),
    UrlCase("applications:portal_profile", CANDIDATE),
    UrlCase(
        "applications:portal_profile_remove",
        CANDIDATE,
        method="post",
        make_kwargs=_profile_item,
        ok_status=(302,),
    ),
    UrlCase(
        "applications:portal_profile_confirm_language",
        CANDIDATE,
        method="post",
        make_kwargs=_found_language,
        ok_status=(302,),
    ),
    UrlCase("applications:portal_application", CANDIDATE, make_kwargs=_application),
    UrlCase(
        "applications:portal_upload",
        CANDIDATE,
        method="post",
        make_kwargs=_application,
        ok_status=(400,),
    ),
    UrlCase(
        "applications:portal_slot",
        CANDIDATE,
        method="post",
        make_kwargs=_application,
        ok_status=(302,),
    ),
    UrlCase("applications:portal_withdraw", CANDIDATE, make_kwargs=_application),
    UrlCase("applications:portal_document", CANDIDATE, make_kwargs=_portal_document),
    UrlCase("applications:portal_question", CANDIDATE, make_kwargs=_question),
    UrlCase("applications:portal_export", CANDIDATE),
    UrlCase("applications:portal_delete", CANDIDATE),
    UrlCase("applications:portal_consent", CANDIDATE, method="post", ok_status=(302,)),
    # Staff
    UrlCase("applications:staff_list", STAFF, "applications.view"),
    UrlCase("applications:staff_search", STAFF, "applications.search"),
    UrlCase("applications:staff_vacancy", STAFF, "applications.view", make_kwargs=_staff_vacancy),
    # A hiring manager is sent to selection's pseudonymised page while identity is hidden.
    UrlCase(
        "applications:staff_detail",
        STAFF,
        "applications.view",
        make_kwargs=_application,
        ok_status=(200, 302),
    ),
    # The original file carries the name: a hiring manager gets it only once identity is shown.
    UrlCase(
        "applications:staff_document",
        STAFF,
        "applications.view_documents",
        make_kwargs=_document,
        assigned_only=frozenset({Role.HIRING_MANAGER}),
    ),
    UrlCase("applications:staff_merge", STAFF, "applications.merge", make_kwargs=_application),
    # HR sets up the work-sample and recruitment-day routes (issue 18)
    UrlCase(
        "applications:routes", STAFF, "applications.manage_routes", make_kwargs=_routes_vacancy
    ),
    UrlCase(
        "applications:routes_assignment",
        STAFF,
        "applications.manage_routes",
        make_kwargs=_routes_vacancy,
    ),
    UrlCase(
        "applications:routes_day_new",
        STAFF,
        "applications.manage_routes",
        make_kwargs=_routes_vacancy,
    ),
    UrlCase(
        "applications:routes_day", STAFF, "applications.manage_routes", make_kwargs=_routes_day
    ),
    UrlCase(
        "applications:routes_slot_add",
        STAFF,
        "applications.manage_routes",
        method="post",
        make_kwargs=_routes_day,
        ok_status=(400,),
    ),
    UrlCase(
        "applications:routes_slot", STAFF, "applications.manage_routes", make_kwargs=_routes_slot
    ),
    UrlCase(
        "applications:routes_slot_remove",
        STAFF,
        "applications.manage_routes",
        method="post",
        make_kwargs=_routes_slot,
        ok_status=(302,),
    ),
    # Public: the attachment of the assignment a candidate can do now.
    UrlCase("applications:assignment_attachment", CANDIDATE, make_kwargs=_assignment_file),
    UrlCase(
        "applications:staff_ask",
        STAFF,
        "applications.ask",
        method="post",
        make_kwargs=_application,
        ok_status=(302,),
        data={"text": "Wanneer kun je beginnen?"},
    ),
]

ISOLATION = {
    # Parked until the link in the e-mail is followed; no staff page shows it (issue 14, item 5).
    "applications.PendingApplication": internal("only the holder of the e-mailed link sees it"),
}
