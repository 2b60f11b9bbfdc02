"""Every selection URL and who may use it (collected by tests/test_authorisation.py)."""

from talentbrug.accounts.access import ASSESSOR
from talentbrug.tests.authz import CANDIDATE, STAFF, UrlCase, scoped, via

from .factories import application_in_pipeline, stage_of, vacancy_with_requirements


def _vacancy(organisation):
    return {"pk": application_in_pipeline(organisation).vacancy_id}


def _application(organisation):
    return {"pk": application_in_pipeline(organisation).application_id}


def _named_application(organisation):
    """In stage Gesprek with the name shown: an assessor must be assigned (interviews.access)."""
    from talentbrug.interviews.tests.factories import application_for_interview

    return {"pk": application_for_interview(organisation).pk}


ASSIGNED_ONLY = frozenset({ASSESSOR})


def _offer(organisation):
    """An application with an offer whose letter is in the portal (selection.offer_letter)."""
    from datetime import timedelta
    from decimal import Decimal

    from django.utils import timezone

    from talentbrug.accounts.constants import Role
    from talentbrug.accounts.tests.factories import MembershipFactory, UserFactory
    from talentbrug.vacancies.models import SalaryScale

    from .. import offer_letter

    hr = UserFactory()
    MembershipFactory(user=hr, organisation=organisation, role=Role.HR_ADVISER)
    scale, _new = SalaryScale.objects.get_or_create(
        year=2026, scale=7, defaults={"minimum": Decimal("3000"), "maximum": Decimal("4200")}
    )
    today = timezone.localdate()
    progress = application_in_pipeline(organisation)
    return offer_letter.make_and_send(
        progress,
        hr,
        {Role.HR_ADVISER},
        answer_by=today + timedelta(days=5),
        right_to_work=True,
        salary_scale=scale,
        step=1,
        start_date=today + timedelta(days=30),
        hours=36,
        contract_type="permanent",
    )


def _offered_application(organisation):
    return {"pk": _offer(organisation).progress.application_id}


def _portal_offer(organisation):
    return {"pk": _offer(organisation).pk}


def _stage(organisation):
    return {"pk": stage_of(vacancy_with_requirements(organisation), "interview").pk}


URL_CASES = [
    UrlCase("selection:index", STAFF, "selection.view"),
    UrlCase("selection:reasons", STAFF, "selection.configure"),
    UrlCase("selection:board", STAFF, "selection.view", make_kwargs=_vacancy),
    UrlCase("selection:list", STAFF, "selection.view", make_kwargs=_vacancy),
    UrlCase(
        "selection:bulk_move",
        STAFF,
        "selection.move",
        method="post",
        make_kwargs=_vacancy,
        ok_status=(302,),
    ),
    UrlCase("selection:stages", STAFF, "selection.configure", make_kwargs=_vacancy),
    UrlCase("selection:anchors", STAFF, "selection.configure", make_kwargs=_vacancy),
    # Moved to Insights: after the access check the old address redirects there.
    UrlCase(
        "selection:fairness", STAFF, "selection.fairness", make_kwargs=_vacancy, ok_status=(302,)
    ),
    UrlCase(
        "selection:stage_delete",
        STAFF,
        "selection.configure",
        method="post",
        make_kwargs=_stage,
        ok_status=(302,),
    ),
    UrlCase(
        "selection:application",
        STAFF,
        "selection.view",
        make_kwargs=_named_application,
        assigned_only=ASSIGNED_ONLY,
    ),
    UrlCase(
        "selection:move",
        STAFF,
        "selection.move",
        method="post",
        make_kwargs=_application,
        ok_status=(302,),
    ),
    UrlCase(
        "selection:reveal",
        STAFF,
        "selection.reveal",
        method="post",
        make_kwargs=_application,
        ok_status=(302,),
    ),
    UrlCase(
        "selection:scorecard",
        STAFF,
        "selection.score",
        make_kwargs=_named_application,
        assigned_only=ASSIGNED_ONLY,
    ),
    UrlCase("selection:work_sample", STAFF, "selection.score", make_kwargs=_application),
    UrlCase("selection:offer", STAFF, "selection.offer", make_kwargs=_application),
    UrlCase(
        "selection:offer_decision",
        STAFF,
        "selection.offer",
        method="post",
        make_kwargs=_application,
        ok_status=(302,),
    ),
    UrlCase("selection:offer_pdf", STAFF, "selection.offer", make_kwargs=_offered_application),
    UrlCase("selection:letter_template", STAFF, "selection.configure"),
    UrlCase("selection:message_templates", STAFF, "selection.configure"),
    UrlCase("selection:message_template", STAFF, "selection.configure"),
    UrlCase("selection:portal_offer", CANDIDATE, make_kwargs=_portal_offer),
    UrlCase(
        "selection:portal_offer_answer",
        CANDIDATE,
        method="post",
        make_kwargs=_portal_offer,
        ok_status=(302,),
    ),
    UrlCase("selection:portal_offer_pdf", CANDIDATE, make_kwargs=_portal_offer),
]

ISOLATION = {
    "selection.OfferLetterTemplate": scoped("selection:letter_template"),
    "selection.MessageTemplate": scoped("selection:message_templates"),
    "selection.CandidateMessage": via("applications.Application"),
}
