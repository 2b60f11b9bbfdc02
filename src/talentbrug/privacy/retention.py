"""When does each piece of candidate data have to go? Read-only: computes the plan.

"Procedure ended" is derived from what ``applications`` and ``vacancies`` store today:

* the application's status is in ``STATUS_OUTCOMES`` (``withdrawn`` now; ``rejected`` and
  ``hired`` when the selection issue adds them). The moment: ``withdrawn_at`` or a
  ``decided_at``/``rejected_at``/``hired_at``/``status_changed_at`` field when the model has
  one, else the newest audit event on the application (every move is audited);
* or the vacancy is ``filled`` or ``withdrawn`` (moment: the ``vacancy.transition`` audit
  event to that status; ``Vacancy`` has no closed/filled date field, so ``updated_at`` is the
  fallback), or has been ``closed`` for ``closed_vacancy_days``.

The terms come from the organisation's :class:`RetentionPolicy` (defaults from DOMAIN.md),
shortened (or, with a recorded reason, lengthened) per vacancy by :class:`VacancyRetention`.
With talent-pool consent, data stays until the consent ends, at most ``consent_max_days``
after it was given. A legal hold of the organisation keeps everything of that candidate.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import Max, Q
from django.utils import timezone

from talentbrug.applications.models import Application, Candidate, Consent
from talentbrug.audit.models import AuditEvent
from talentbrug.vacancies.constants import VacancyStatus
from talentbrug.vacancies.models import Vacancy

from .constants import (
    ANONYMISED_DOMAIN,
    DEFAULT_REJECTED_DAYS,
    ENDED,
    HARD_MAX_CONSENT_DAYS,
    HIRED,
    STATUS_OUTCOMES,
    Reason,
)
from .models import LegalHold, RetentionPolicy, VacancyRetention

ENDED_VACANCY = {VacancyStatus.FILLED.value, VacancyStatus.WITHDRAWN.value}
TIMESTAMP_FIELDS = ("decided_at", "rejected_at", "hired_at", "status_changed_at", "closed_at")
# Document kinds that are recruitment-only material of a hire (the CV goes to onboarding).
HIRE_MATERIAL_KINDS = ("video", "work_sample")


def register_status(value: str, outcome: str) -> None:
    """Let another app (selection) declare that a status ends the procedure (ENDED or HIRED)."""
    if outcome not in (ENDED, HIRED):
        raise ValueError(outcome)
    STATUS_OUTCOMES[value] = outcome


@dataclass(frozen=True)
class Due:
    """One thing the retention job removes: what, whose (ids only), when and why."""

    kind: str  # "application", "hire_material" or "candidate"
    pk: int
    organisation_id: int | None
    due_at: datetime
    reason: str
    held: bool = False


def is_anonymised(candidate: Candidate) -> bool:
    return candidate.email.endswith("@" + ANONYMISED_DOMAIN)


def policy_for(organisation_id: int) -> RetentionPolicy:
    policy = RetentionPolicy.objects.filter(organisation_id=organisation_id).first()
    return policy or RetentionPolicy(organisation_id=organisation_id)


def consent_until(consents: Iterable[Consent], max_days: int) -> datetime | None:
    """Until when talent-pool consent covers keeping the data (None: no consent)."""
    best = None
    for consent in consents:
        end = min(consent.expires_at, consent.given_at + timedelta(days=max_days))
        if consent.withdrawn_at is not None:
            end = min(end, consent.withdrawn_at)
        best = end if best is None or end > best else best
    return best


def _vacancy_end_times(vacancy_ids: set[int]) -> dict[tuple[int, str], datetime]:
    """(vacancy id, status) -> moment of the newest transition to that status."""
    if not vacancy_ids:
        return {}

    ct = ContentType.objects.get_for_model(Vacancy)
    rows = (
        AuditEvent.objects.filter(
            event_type="vacancy.transition",
            object_type=ct,
            object_id__in=[str(pk) for pk in vacancy_ids],
        )
        .values_list("object_id", "data", "created_at")
        .order_by("created_at")
    )
    times: dict[tuple[int, str], datetime] = {}
    for object_id, data, created_at in rows:
        times[(int(object_id), str((data or {}).get("to_status", "")))] = created_at
    return times


def _application_event_times(application_ids: list[int]) -> dict[int, datetime]:
    if not application_ids:
        return {}
    ct = ContentType.objects.get_for_model(Application)
    rows = (
        AuditEvent.objects.filter(object_type=ct, object_id__in=[str(pk) for pk in application_ids])
        .values("object_id")
        .annotate(last=Max("created_at"))
        .order_by()
    )
    return {int(row["object_id"]): row["last"] for row in rows}


def _status_moment(application: Application, events: dict[int, datetime]) -> datetime:
    if application.status == "withdrawn" and application.withdrawn_at:
        return application.withdrawn_at
    for name in TIMESTAMP_FIELDS:
        value = getattr(application, name, None)
        if isinstance(value, datetime):
            return value
    return max(application.submitted_at, events.get(application.pk, application.submitted_at))


def procedure_end(
    application: Application,
    policy: RetentionPolicy,
    vacancy_times: dict[tuple[int, str], datetime],
    events: dict[int, datetime],
) -> tuple[datetime | None, str]:
    """(moment the procedure ended for this application, outcome) or (None, "")."""
    outcome = STATUS_OUTCOMES.get(application.status, "")
    if outcome:
        return _status_moment(application, events), outcome
    vacancy = application.vacancy
    if vacancy.status in ENDED_VACANCY:
        moment = vacancy_times.get((vacancy.pk, vacancy.status), vacancy.updated_at)
        return moment, ENDED
    if vacancy.status == VacancyStatus.CLOSED:
        closed = vacancy_times.get((vacancy.pk, VacancyStatus.CLOSED.value), vacancy.updated_at)
        return closed + timedelta(days=policy.closed_vacancy_days), ENDED
    return None, ""


def rejected_days(policy: RetentionPolicy, override: VacancyRetention | None) -> int:
    if override is None:
        return policy.rejected_days
    if override.rejected_days > policy.rejected_days and not override.reason.strip():
        return policy.rejected_days  # never longer without a recorded reason
    return override.rejected_days


def active_holds() -> set[tuple[int, int]]:
    """(organisation id, candidate id) pairs under a legal hold."""
    return set(
        LegalHold.objects.filter(lifted_at__isnull=True).values_list(
            "organisation_id", "candidate_id"
        )
    )


def _candidate_ended_query() -> Q:
    statuses = list(STATUS_OUTCOMES)
    vacancy_statuses = [*ENDED_VACANCY, VacancyStatus.CLOSED.value]
    return Q(status__in=statuses) | Q(vacancy__status__in=vacancy_statuses)


def application_plan(*, horizon: datetime, organisation_id: int | None = None) -> list[Due]:
    """Applications (and hire material) due by ``horizon``; held ones are listed as held."""
    queryset = (
        Application.objects.filter(_candidate_ended_query())
        .exclude(candidate__email__endswith="@" + ANONYMISED_DOMAIN)
        .select_related("vacancy", "candidate")
        .order_by("pk")
    )
    if organisation_id is not None:
        queryset = queryset.filter(organisation_id=organisation_id)
    applications = list(queryset)
    if not applications:
        return []
    vacancy_times = _vacancy_end_times({a.vacancy_id for a in applications})
    events = _application_event_times([a.pk for a in applications])
    policies: dict[int, RetentionPolicy] = {}
    overrides = {
        row.vacancy_id: row
        for row in VacancyRetention.objects.filter(
            vacancy_id__in={a.vacancy_id for a in applications}
        )
    }
    consents: dict[int, list[Consent]] = defaultdict(list)
    for consent in Consent.objects.filter(
        candidate_id__in={a.candidate_id for a in applications}, kind="talent_pool"
    ):
        consents[consent.candidate_id].append(consent)
    holds = active_holds()
    hire_material = set(
        Application.objects.filter(
            pk__in=[a.pk for a in applications], documents__kind__in=HIRE_MATERIAL_KINDS
        ).values_list("pk", flat=True)
    ) | set(
        Application.objects.filter(
            pk__in=[a.pk for a in applications], work_sample__isnull=False
        ).values_list("pk", flat=True)
    )
    due: list[Due] = []
    for application in applications:
        org = application.organisation_id
        policy = policies.get(org) or policies.setdefault(org, policy_for(org))
        end, outcome = procedure_end(application, policy, vacancy_times, events)
        if end is None:
            continue
        held = (org, application.candidate_id) in holds
        if outcome == HIRED:
            if application.pk not in hire_material:
                continue
            at = end + timedelta(days=policy.hire_material_days)
            if at <= horizon:
                due.append(
                    Due("hire_material", application.pk, org, at, Reason.HIRE_MATERIAL, held)
                )
            continue
        days = rejected_days(policy, overrides.get(application.vacancy_id))
        at = end + timedelta(days=days)
        reason = (
            Reason.WITHDRAWN_OR_REJECTED
            if STATUS_OUTCOMES.get(application.status)
            else Reason.VACANCY_ENDED
        )
        covered = consent_until(consents.get(application.candidate_id, []), policy.consent_max_days)
        if covered is not None and covered > at:
            at, reason = covered, Reason.CONSENT_ENDED
        if at <= horizon:
            due.append(Due("application", application.pk, org, at, reason, held))
    return due


def candidate_plan(*, horizon: datetime, leaving: set[int] | None = None) -> list[Due]:
    """Candidates with no application left (after ``leaving`` go), no hold and no consent."""
    leaving = leaving or set()
    holds = {candidate for _org, candidate in active_holds()}
    kept = set(Application.objects.exclude(pk__in=leaving).values_list("candidate_id", flat=True))
    candidates = (
        Candidate.objects.exclude(email__endswith="@" + ANONYMISED_DOMAIN)
        .exclude(pk__in=kept)
        .prefetch_related("consents")
        .order_by("pk")
    )
    due: list[Due] = []
    for candidate in candidates:
        covered = consent_until(
            [c for c in candidate.consents.all() if c.kind == "talent_pool"],
            HARD_MAX_CONSENT_DAYS,
        )
        at = candidate.created_at + timedelta(days=DEFAULT_REJECTED_DAYS)
        reason = Reason.NO_APPLICATIONS
        if covered is not None and covered > at:
            at, reason = covered, Reason.CONSENT_ENDED
        if at <= horizon:
            due.append(Due("candidate", candidate.pk, None, at, reason, candidate.pk in holds))
    return due


def full_plan(*, horizon: datetime | None = None) -> list[Due]:
    horizon = horizon or timezone.now()
    applications = application_plan(horizon=horizon)
    leaving = {d.pk for d in applications if d.kind == "application" and not d.held}
    return applications + candidate_plan(horizon=horizon, leaving=leaving)


def summarise(plan: Iterable[Due]) -> dict[str, Any]:
    counts: dict[str, int] = defaultdict(int)
    for item in plan:
        key = f"{item.kind}.held" if item.held else f"{item.kind}.{item.reason}"
        counts[key] += 1
    return dict(sorted(counts.items()))
