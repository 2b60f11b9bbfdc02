"""Data exports of one person (AVG art. 15). Two audiences, two different ZIPs:

* **the candidate** (``export_zip(candidate)``, the portal's "download al mijn gegevens"):
  every row about them at every organisation, plus the decisions about them with the reasons,
  but never the assessors' internal working notes, raw scores of individual assessors or who
  the assessors were (art. 15(4): the rights of others). See docs/privacy-export.md.
* **one organisation's staff** (``export_zip(candidate, organisation=org)``, "inzage zonder
  link"): only what that organisation holds — its own applications with what hangs off them,
  plus the person's profile rows that belong to no organisation. The assessors' notes, scores
  and the organisation's audit trail go in a separate ``intern.json`` so HR can judge them
  before anything is sent to the person.

The rows are found by walking the foreign keys down from Candidate — to the candidate, to their
applications, to what hangs off those (interviews, scorecards, bookings, onboarding plans, ...)
— so a new model in another app is included automatically. ``CANDIDATE_VIEW`` must say for each
model found what the candidate gets; a test fails when a new model is not classified.
"""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Iterable
from typing import Any

from django.core import serializers
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext as _

from talentbrug.audit.models import AuditEvent
from talentbrug.docanalysis.policy import safe_name

from .models import Application, Candidate
from .ownership import candidate_paths, organisation_filter
from .status import status_source
from .uploads import clean_filename

__all__ = ["CANDIDATE_VIEW", "INTERNAL", "candidate_paths", "export_data", "export_zip"]

# An assessor's own working record about the person: the internal-notes exception of AVG
# art. 15 and the rights of the assessor (art. 15(4)). Never in the candidate's export; the
# decision that came out of it (stage, outcome, reason, offer) is.
INTERNAL = "internal"
ALL: frozenset[str] = frozenset()
# What the candidate's export holds of each model: INTERNAL (nothing) or the fields left out.
# Every foreign key to a staff user is left out everywhere as well (who assessed is not theirs).
CANDIDATE_VIEW: dict[str, str | frozenset[str]] = {
    "applications.Application": frozenset({"idempotency_key"}),
    "applications.Booking": ALL,
    "applications.CandidateSkill": ALL,
    "applications.Consent": ALL,
    "applications.DeletionRequest": ALL,
    "applications.Document": ALL,
    "applications.Education": ALL,
    "applications.Experience": ALL,
    "applications.LanguageProficiency": ALL,
    "applications.Question": ALL,
    "applications.WorkSampleSubmission": ALL,
    "assessments.DayBooking": ALL,
    "assessments.DiversityResponse": ALL,
    "assessments.GridScore": INTERNAL,
    "assessments.GridSubmission": INTERNAL,
    "assessments.LanguageTestResult": ALL,
    "interviews.Interview": ALL,
    "interviews.InterviewSlot": ALL,
    "matches.Match": ALL,
    # The e5 vector of a text is bytes no person can read: the row says which text (its hash),
    # when and by which model it was computed, and its ICT margin; the vector itself stays out.
    "matches.TextVector": frozenset({"vector"}),
    "matches.WorkPreference": ALL,
    "onboarding.CheckIn": ALL,
    "onboarding.DevelopmentGoal": ALL,
    "onboarding.Evaluation": ALL,
    "onboarding.EvaluationSelfReview": ALL,
    "onboarding.Intake": ALL,
    "onboarding.ObstacleSurvey": ALL,
    "onboarding.OnboardingPlan": frozenset({"token_version"}),
    "onboarding.PlanTask": ALL,
    "onboarding.Reminder": ALL,
    # A buddy's or coach's own e-mail address is someone else's data (art. 15(4)).
    "onboarding.Supporter": frozenset({"external_email", "token_version"}),
    "onboarding.Surprise": ALL,
    "privacy.ErasureOutcome": ALL,
    # The legal reference and reason of a hold belong to the organisation's case file.
    "privacy.LegalHold": frozenset({"reference", "reason"}),
    "privacy.Objection": ALL,
    # "notities" of the job coach and HR about the track are working notes.
    "programmes.LearnWorkTrack": frozenset({"notes"}),
    "programmes.Rotation": ALL,
    "selection.ApplicationProgress": frozenset({"version"}),
    "selection.Offer": ALL,
    # The mails about their application as they were written (held ones too: HR wrote them
    # about the person); the outbox row behind it is the product's bookkeeping.
    "selection.CandidateMessage": frozenset({"mail"}),
    "selection.Score": INTERNAL,
    "selection.Scorecard": INTERNAL,
    "selection.WorkSampleGrade": INTERNAL,
    "talentpool.ContactRequest": ALL,
    # Mails to the person: what, when and whether it arrived. Not the text (it held personal
    # links and is wiped once sent), nor other people's addresses or the technical headers.
    "outbox.OutboxMail": frozenset(
        {
            "key",
            "supersede_key",
            "cc",
            "bcc",
            "headers",
            "body",
            "alternatives",
            "attachments",
            "claimed_at",
        }
    ),
}


# Of the person's own row, the staff export holds what every organisation they applied to sees
# on its pages. The rest (needs, hours, availability) was given with one application, possibly
# at another organisation; each application holds its own copy (docs/privacy-export.md).
STAFF_CANDIDATE_FIELDS = frozenset(
    {"email", "name", "phone", "preferred_language", "right_to_work"}
)


def _rows(queryset: models.QuerySet[Any]) -> list[dict[str, Any]]:
    return [
        {"id": item["pk"], **item["fields"]} for item in serializers.serialize("python", queryset)
    ]


def _staff_user_fields(model: type[models.Model]) -> set[str]:
    """Fields that name staff users: foreign keys and many-to-many (interviewers)."""
    return {
        fld.name
        for fld in [*model._meta.fields, *model._meta.many_to_many]
        if fld.is_relation and fld.related_model._meta.label == "accounts.User"  # type: ignore[union-attr]
    }


def _queryset(
    model: type[models.Model], path: str, candidate: Candidate, organisation: Any
) -> models.QuerySet[Any]:
    rows = model._default_manager.filter(**{path: candidate})
    if organisation is not None:
        rows = rows.filter(organisation_filter(model, organisation))
    return rows.distinct().order_by("pk")


def _for_candidate(model: type[models.Model], rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    hidden = set(CANDIDATE_VIEW[model._meta.label]) | _staff_user_fields(model)
    return [{k: v for k, v in row.items() if k not in hidden} for row in rows]


def _decisions(candidate: Candidate, organisation: Any) -> list[dict[str, Any]]:
    """Per application: where it stands and why, in the words the candidate reads."""
    status = status_source()
    applications = Application.objects.filter(candidate=candidate).select_related(
        "organisation", "vacancy"
    )
    if organisation is not None:
        applications = applications.filter(organisation=organisation)
    result = []
    for application in applications.order_by("pk"):
        progress = getattr(application, "progress", None)
        offer = getattr(progress, "offer", None) if progress is not None else None
        reason = getattr(progress, "rejection_reason", None)
        result.append(
            {
                "application": application.pk,
                "organisation": application.organisation.name,
                "vacancy": application.vacancy.title,
                # one truth: the selection stage (a withdrawal in the portal always wins)
                "status": str(status.label(status.current_kind(application, progress))),
                "stage": progress.stage.name if progress is not None else "",
                "rejection_reason": reason.candidate_text if reason is not None else "",
                "rejection_feedback": progress.rejection_feedback if progress is not None else "",
                "offer": (
                    {
                        "status": offer.get_status_display(),
                        "start_date": offer.start_date,
                        "hours": offer.hours,
                        "contract_type": offer.get_contract_type_display(),
                        "salary_scale": str(offer.salary_scale),
                        "step": offer.step,
                    }
                    if offer is not None
                    else None
                ),
            }
        )
    return result


def _audit_trail(collected: dict[type[models.Model], list[Any]], organisation: Any) -> list[Any]:
    from django.contrib.contenttypes.models import ContentType

    query = models.Q()
    for model, ids in collected.items():
        if ids:
            query |= models.Q(
                object_type=ContentType.objects.get_for_model(model),
                object_id__in=[str(pk) for pk in ids],
            )
    if not query:
        return []
    events = AuditEvent.objects.filter(query, organisation=organisation).order_by("pk")
    return [
        {
            "at": event.created_at,
            "event": event.event_type,
            "actor": event.actor_label,
            "role": event.actor_role,
            "object": f"{event.object_type.app_label}.{event.object_type.model}:{event.object_id}"  # type: ignore[union-attr]
            if event.object_type_id
            else "",
            "data": event.data,
        }
        for event in events
    ]


def export_data(candidate: Candidate, *, organisation: Any = None) -> dict[str, Any]:
    """The JSON part of the export; with ``organisation`` the staff export of that organisation.

    Returns ``{"exported_at", "candidate", "decisions", "records"}`` and, for staff,
    ``"internal"`` (assessors' work and the organisation's audit trail).
    """
    person = _rows(Candidate.objects.filter(pk=candidate.pk))[0]
    if organisation is not None:
        person = {k: v for k, v in person.items() if k == "id" or k in STAFF_CANDIDATE_FIELDS}
    data: dict[str, Any] = {
        "exported_at": timezone.now().isoformat(),
        "candidate": person,
        "decisions": _decisions(candidate, organisation),
        "records": {},
    }
    internal: dict[str, Any] = {}
    collected: dict[type[models.Model], list[Any]] = {Candidate: [candidate.pk]}
    for model, path in candidate_paths():
        label = model._meta.label  # e.g. "applications.Document"
        queryset = _queryset(model, path, candidate, organisation)
        rows = _rows(queryset)
        collected[model] = [row["id"] for row in rows]
        if organisation is None:
            if CANDIDATE_VIEW.get(label, INTERNAL) != INTERNAL:
                data["records"][label] = _for_candidate(model, rows)
        elif CANDIDATE_VIEW.get(label, INTERNAL) == INTERNAL:
            internal[label] = rows
        else:
            data["records"][label] = rows
    if organisation is not None:
        internal["audit.AuditEvent"] = _audit_trail(collected, organisation)
        data["internal"] = internal
    return data


def _staff_readme() -> str:
    return _(
        """Gegevens van kandidaat {pk}, zoals {organisation} ze bewaart ({at}).

data.json  - de gegevens van de kandidaat bij uw organisatie en de besluiten met redenen.
intern.json - werkaantekeningen van beoordelaars, scores en het logboek. Dit is intern:
              beoordeel per stuk of het bij een inzageverzoek (AVG artikel 15) hoort.
              Gegevens over anderen (bijvoorbeeld wie beoordeelde) gaan niet mee.
files/     - de bestanden die de kandidaat bij uw organisatie heeft ingestuurd.

Gegevens bij andere organisaties staan hier niet in. De kandidaat kan die zelf downloaden
via de persoonlijke link, of opvragen bij die organisatie.
"""
    )


def _files(candidate: Candidate, organisation: Any) -> Iterable[tuple[str, Any, models.FileField]]:
    for model, lookup in candidate_paths():
        if organisation is None and CANDIDATE_VIEW.get(model._meta.label, INTERNAL) == INTERNAL:
            continue
        file_fields = [f for f in model._meta.fields if isinstance(f, models.FileField)]
        if not file_fields:
            continue
        for obj in _queryset(model, lookup, candidate, organisation):
            for file_field in file_fields:
                yield str(model._meta.model_name), obj, file_field


def export_zip(candidate: Candidate, *, organisation: Any = None) -> bytes:
    """The whole-person ZIP for the candidate, or with ``organisation`` that one's staff ZIP."""
    data = export_data(candidate, organisation=organisation)
    internal = data.pop("internal", None)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("data.json", json.dumps(data, indent=2, ensure_ascii=False, default=str))
        if internal is not None:
            archive.writestr(
                "intern.json", json.dumps(internal, indent=2, ensure_ascii=False, default=str)
            )
            archive.writestr(
                "LEESMIJ.txt",
                _staff_readme().format(
                    pk=candidate.pk, organisation=organisation.name, at=data["exported_at"]
                ),
            )
        for model_name, obj, file_field in _files(candidate, organisation):
            stored = getattr(obj, file_field.name)
            if not stored:
                continue
            name = clean_filename(getattr(obj, "original_name", "") or stored.name)
            if getattr(obj, "detected_type", ""):
                name = safe_name(name, obj.detected_type)  # the extension of the content
            path = f"files/{model_name}-{obj.pk}-{name}"
            try:
                with stored.open("rb") as fh:
                    archive.writestr(path, fh.read())
            except FileNotFoundError:
                continue
    return buffer.getvalue()
