"""Every URL of the privacy app for the authorisation table (talentbrug/tests)."""

from __future__ import annotations

from typing import Any

from talentbrug.tests.authz import STAFF, UrlCase


def _vacancy(org: Any) -> dict[str, Any]:
    from talentbrug.applications.tests.factories import PublishedVacancyFactory

    return {"pk": PublishedVacancyFactory(organisation=org).pk}


def _request(org: Any) -> dict[str, Any]:
    from talentbrug.applications.services.portal import request_deletion
    from talentbrug.applications.tests.factories import ApplicationFactory, PublishedVacancyFactory

    app = ApplicationFactory(vacancy=PublishedVacancyFactory(organisation=org))
    return {"pk": request_deletion(app.candidate, org).pk}


def _hold(org: Any) -> dict[str, Any]:
    from talentbrug.applications.tests.factories import CandidateFactory
    from talentbrug.privacy.models import LegalHold

    return {
        "pk": LegalHold.objects.create(
            organisation=org, candidate=CandidateFactory(), reference="W-1", reason="Woo"
        ).pk
    }


def _objection(org: Any) -> dict[str, Any]:
    from talentbrug.applications.tests.factories import CandidateFactory
    from talentbrug.privacy.models import Objection

    return {
        "pk": Objection.objects.create(
            organisation=org, candidate=CandidateFactory(), processing="talent_pool"
        ).pk
    }


def _candidate(org: Any) -> dict[str, Any]:
    from talentbrug.applications.tests.factories import ApplicationFactory, PublishedVacancyFactory

    return {
        "pk": ApplicationFactory(vacancy=PublishedVacancyFactory(organisation=org)).candidate_id
    }


URL_CASES = [
    UrlCase("privacy:index", STAFF, "privacy.view"),
    UrlCase("privacy:policy", STAFF, "privacy.manage"),
    UrlCase("privacy:vacancy_term", STAFF, "privacy.manage", make_kwargs=_vacancy),
    UrlCase("privacy:requests", STAFF, "privacy.view"),
    UrlCase(
        "privacy:carry_out",
        STAFF,
        "privacy.manage",
        method="post",
        make_kwargs=_request,
        ok_status=(302,),
    ),
    UrlCase("privacy:holds", STAFF, "privacy.view"),
    UrlCase("privacy:hold_add", STAFF, "privacy.manage", method="post", ok_status=(400,)),
    UrlCase(
        "privacy:hold_lift",
        STAFF,
        "privacy.manage",
        method="post",
        make_kwargs=_hold,
        ok_status=(302,),
    ),
    UrlCase("privacy:objections", STAFF, "privacy.view"),
    UrlCase("privacy:objection_add", STAFF, "privacy.manage", method="post", ok_status=(400,)),
    UrlCase(
        "privacy:objection_decide",
        STAFF,
        "privacy.manage",
        method="post",
        make_kwargs=_objection,
        ok_status=(302,),
    ),
    UrlCase("privacy:access", STAFF, "privacy.manage"),
    UrlCase("privacy:access_download", STAFF, "privacy.manage", make_kwargs=_candidate),
]
