"""Property-based: with frozen time, for any mix of procedures, terms, consents and holds,

* no application survives past its term unless held or consented (consent has its own end);
* no application is removed before its term.

The oracle below restates the rules from DOMAIN.md independently of retention.py.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from django.db import transaction
from freezegun import freeze_time
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from talentbrug.applications.models import Application
from talentbrug.privacy.constants import ANONYMISED_DOMAIN
from talentbrug.privacy.models import LegalHold, RetentionPolicy, VacancyRetention
from talentbrug.privacy.services import purge as purge_services

from . import factories as f

T0 = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)

application_case = st.fixed_dictionaries(
    {
        # how the procedure ends: still open, withdrawn, or the vacancy filled/closed/withdrawn
        "end": st.sampled_from(["open", "withdrawn", "filled", "closed", "vacancy_withdrawn"]),
        "end_day": st.integers(min_value=0, max_value=400),
        "consent_day": st.one_of(st.none(), st.integers(min_value=0, max_value=400)),
        "consent_withdrawn_after": st.one_of(st.none(), st.integers(min_value=0, max_value=400)),
        "held": st.booleans(),
        "vacancy_days": st.one_of(st.none(), st.integers(min_value=0, max_value=90)),
        "vacancy_reason": st.booleans(),
    }
)
scenario = st.fixed_dictionaries(
    {
        "policy_days": st.integers(min_value=0, max_value=28),
        "consent_max": st.integers(min_value=30, max_value=365),
        "closed_days": st.integers(min_value=0, max_value=120),
        "apps": st.lists(application_case, min_size=1, max_size=4),
        "check_day": st.integers(min_value=0, max_value=900),
        # most runs check just before or just after one application's term
        "near": st.one_of(st.none(), st.tuples(st.integers(0, 3), st.sampled_from([-1, 1]))),
    }
)


def expected_due(case: dict, policy: dict) -> datetime | None:
    """When this application must be gone, by the rules (None: never, procedure still open)."""
    if case["end"] == "open":
        return None
    end = T0 + timedelta(days=case["end_day"])
    if case["end"] == "closed":
        end += timedelta(days=policy["closed_days"])
    days = policy["policy_days"]
    if case["vacancy_days"] is not None and (
        case["vacancy_days"] <= days or case["vacancy_reason"]
    ):
        days = case["vacancy_days"]
    due = end + timedelta(days=days)
    if case["consent_day"] is not None:
        given = T0 + timedelta(days=case["consent_day"])
        until = given + timedelta(days=min(365, policy["consent_max"]))
        if case["consent_withdrawn_after"] is not None:
            until = min(until, given + timedelta(days=case["consent_withdrawn_after"]))
        due = max(due, until)
    return due


@pytest.mark.django_db
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=scenario)
def test_nothing_survives_its_term_and_nothing_goes_early(organisation, data):
    with transaction.atomic():
        _check(organisation, data)
        transaction.set_rollback(True)


def _check(organisation, data):
    RetentionPolicy.objects.update_or_create(
        organisation=organisation,
        defaults={
            "rejected_days": data["policy_days"],
            "consent_max_days": data["consent_max"],
            "closed_vacancy_days": data["closed_days"],
        },
    )
    made = []
    with freeze_time(T0):
        for case in data["apps"]:
            app = f.application(organisation)
            made.append((app, case))
            if case["vacancy_days"] is not None:
                VacancyRetention.objects.create(
                    vacancy=app.vacancy,
                    organisation=organisation,
                    rejected_days=case["vacancy_days"],
                    reason="Bezwaar loopt" if case["vacancy_reason"] else "",
                )
            if case["held"]:
                LegalHold.objects.create(
                    organisation=organisation, candidate=app.candidate, reference="W", reason="R"
                )
            if case["consent_day"] is not None:
                given = T0 + timedelta(days=case["consent_day"])
                withdrawn_after = case["consent_withdrawn_after"]
                f.consent(
                    app.candidate,
                    given,
                    None if withdrawn_after is None else given + timedelta(days=withdrawn_after),
                )
    for app, case in made:
        end_at = T0 + timedelta(days=case["end_day"])
        if case["end"] == "withdrawn":
            f.withdrawn(app, end_at)
        elif case["end"] in ("filled", "closed"):
            f.move_vacancy(app.vacancy, case["end"], end_at)
        elif case["end"] == "vacancy_withdrawn":
            f.move_vacancy(app.vacancy, "withdrawn", end_at)
    check_at = T0 + timedelta(days=data["check_day"], hours=1)
    if data["near"] is not None:
        index, sign = data["near"]
        due = expected_due(data["apps"][index % len(data["apps"])], data)
        if due is not None:
            check_at = due + timedelta(seconds=sign)
    with freeze_time(check_at):
        purge_services.purge_expired()
    for app, case in made:
        due = expected_due(case, data)
        gone = (
            Application.objects.select_related("candidate")
            .get(pk=app.pk)
            .candidate.email.endswith("@" + ANONYMISED_DOMAIN)
        )
        if due is None or due > check_at:
            assert not gone, ("removed before its term", case, due, check_at)
        elif case["held"]:
            assert not gone, ("removed although held", case)
        else:
            assert gone, ("survived past its term", case, due, check_at)
