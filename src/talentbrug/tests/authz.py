"""Building blocks of the authorisation table. Each app lists its URLs in tests/url_cases.py."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

PUBLIC = "public"  # anyone, no login
LOGIN = "login"  # any logged-in person (account pages)
STAFF = "staff"  # roles decided by the permission table (talentbrug.accounts.access.PERMISSIONS)
CANDIDATE = "candidate"  # personal candidate links (token in the URL); tested in the app itself


@dataclass(frozen=True)
class UrlCase:
    """One named URL and who may use it.

    ``make_kwargs(organisation)`` creates an object of that organisation and returns the URL
    kwargs; the table test then also asserts 404 for a user of another organisation.
    """

    name: str
    kind: str
    action: str | None = None
    method: str = "get"
    make_kwargs: Callable[[Any], dict[str, Any]] | None = None
    ok_status: tuple[int, ...] = (200,)
    data: dict[str, Any] = field(default_factory=dict)
    # Roles that see an object only when it is assigned to them (a hiring manager sees the
    # onboarding plans they manage): for them an unassigned object answers 404.
    assigned_only: frozenset[str] = frozenset()


# --------------------------------------------------------------------------- isolation table
#
# Every model that holds organisation data (a chain of foreign keys leads to
# accounts.Organisation) must say how a user of organisation A is kept from organisation B's
# rows; ``test_every_organisation_model_has_an_isolation_case`` enumerates the models and
# fails for a new model without an entry. Kinds:
#
# * ``url(name)``: a staff URL in the authorisation table serves one object of this model; its
#   ``make_kwargs(B)`` must give the pk of a B object of this model, and a user of A with every
#   role gets 404 for it (``test_user_of_another_organisation_gets_404``).
# * ``via(label)``: rows are only shown on the pages of a parent object (``label``), which is
#   itself isolated by a URL; the model must have a foreign key to that parent.
# * ``scoped(name)``: only shown on a list or settings page of the active organisation
#   (``name``, without object ids), which filters on ``request.organisation``.
# * ``internal(reason)``: no page shows it.
#
# An app may add its own entries in ``<app>/tests/url_cases.py`` as ``ISOLATION = {...}``.

URL, VIA, SCOPED, INTERNAL = "url", "via", "scoped", "internal"


def url(name: str) -> tuple[str, str]:
    return (URL, name)


def via(label: str) -> tuple[str, str]:
    return (VIA, label)


def scoped(name: str) -> tuple[str, str]:
    return (SCOPED, name)


def internal(reason: str) -> tuple[str, str]:
    return (INTERNAL, reason)


ISOLATION: dict[str, tuple[str, str]] = {
    "accounts.Membership": scoped("accounts:members"),
    "audit.AuditEvent": scoped("audit:list"),
    "accounts.SecondFactorReset": url("accounts:reset_confirm"),
    "vacancies.Vacancy": url("vacancies:detail"),
    "vacancies.Requirement": url("vacancies:requirement_remove"),
    "vacancies.LanguageRequirement": url("vacancies:language_remove"),
    "publishing.Channel": url("publishing:channel_stop"),
    "records.RecordsSettings": scoped("records:settings"),
    "records.SelectielijstCategory": scoped("records:categories"),
    "records.Collection": url("records:collection_detail"),
    "records.Document": url("records:document_download"),
    "records.DecisionLog": via("records.Collection"),
    "records.DestructionList": url("records:list_detail"),
    "records.DestructionListItem": url("records:item_approve"),
    "applications.Application": url("applications:staff_detail"),
    "applications.Education": via("applications.Application"),
    "applications.Experience": via("applications.Application"),
    "applications.CandidateSkill": via("applications.Application"),
    "applications.Document": url("applications:staff_document"),
    "applications.WorkSampleAssignment": via("vacancies.Vacancy"),
    "applications.WorkSampleSubmission": via("applications.Application"),
    "applications.RecruitmentDay": via("vacancies.Vacancy"),
    "applications.Slot": via("applications.RecruitmentDay"),
    "applications.Booking": via("applications.Application"),
    "applications.Question": via("applications.Application"),
    "matches.Match": via("vacancies.Vacancy"),
    "matches.TextVector": internal(
        "no page shows it: ranking reads the vector; the score part it gives is shown on the "
        "vacancy's match page (matches.Match)"
    ),
    "matches.VacancyVector": internal(
        "no page shows it: ranking reads the vacancy text's vector; the score part it gives is "
        "shown on the vacancy's match page and in the candidate's portal (matches.Match)"
    ),
    "talentpool.ContactRequest": scoped("talentpool:requests"),
    "privacy.RetentionPolicy": scoped("privacy:policy"),
    "privacy.VacancyRetention": via("vacancies.Vacancy"),
    "privacy.LegalHold": url("privacy:hold_lift"),
    "privacy.Objection": url("privacy:objection_decide"),
    "privacy.ErasureOutcome": scoped("privacy:requests"),
    # One part of a deletion request per organisation (each handles its own part).
    "applications.DeletionRequest": url("privacy:carry_out"),
    "onboarding.OnboardingTemplate": url("onboarding:template_detail"),
    "onboarding.TemplateTask": url("onboarding:template_task_remove"),
    "onboarding.OnboardingPlan": url("onboarding:plan_detail"),
    "onboarding.Supporter": via("onboarding.OnboardingPlan"),
    "onboarding.PlanTask": url("onboarding:task_edit"),
    "onboarding.Intake": via("onboarding.OnboardingPlan"),
    "onboarding.CheckIn": via("onboarding.OnboardingPlan"),
    "onboarding.Surprise": via("onboarding.OnboardingPlan"),
    "onboarding.Evaluation": via("onboarding.OnboardingPlan"),
    "onboarding.EvaluationSelfReview": via("onboarding.OnboardingPlan"),
    "onboarding.ObstacleSurvey": internal("optional answers, only counted in figures of 5+"),
    "onboarding.DevelopmentGoal": url("onboarding:goal_update"),
    "onboarding.Reminder": internal("reminders are sent by a periodic job, never shown"),
    "programmes.SchoolPartner": url("programmes:school_detail"),
    "programmes.Cohort": url("programmes:cohort_detail"),
    "programmes.Rotation": via("programmes.Cohort"),
    "programmes.Placement": url("programmes:placement_detail"),
    "programmes.SchoolEvaluation": via("programmes.Placement"),
    "programmes.SchoolAssignment": url("programmes:assignment_transition"),
    "programmes.LearnWorkTrack": url("programmes:track_edit"),
    "selection.TemplateStage": scoped("selection:index"),
    "selection.Stage": url("selection:stage_delete"),
    "selection.RejectionReason": scoped("selection:reasons"),
    "selection.ApplicationProgress": via("applications.Application"),
    "selection.ScaleAnchor": via("vacancies.Vacancy"),
    "selection.Scorecard": via("selection.ApplicationProgress"),
    "selection.Score": via("selection.Scorecard"),
    "selection.WorkSampleGrade": via("applications.WorkSampleSubmission"),
    "selection.Offer": via("selection.ApplicationProgress"),
    "interviews.Interview": url("interviews:reschedule"),
    "interviews.InterviewSlot": via("interviews.Interview"),
    "assessments.AssessmentDay": url("assessments:detail"),
    "assessments.Session": via("assessments.AssessmentDay"),
    "assessments.DayBooking": via("assessments.AssessmentDay"),
    "assessments.GridScore": via("assessments.AssessmentDay"),
    "assessments.GridSubmission": via("assessments.AssessmentDay"),
    "assessments.LanguageTestResult": via("applications.Application"),
    "assessments.DiversitySetting": scoped("assessments:diversity_settings"),
    "assessments.DiversityResponse": internal("anonymous answers, only counted in figures"),
    "assessments.ObserverReminder": internal("reminder claims of the periodic job, never shown"),
}

# Views that send a file. Every response of the authorisation table that looks like a file
# (Content-Disposition, or not HTML/JSON) must be listed here and be safe: an inert
# Content-Type, ``Content-Disposition: attachment`` and ``X-Content-Type-Options: nosniff``.
# ``INLINE_OK`` lists the generated documents that may open in the browser.
FILE_DOWNLOADS = {
    "applications:staff_document",
    "records:document_download",
    "records:declaration_csv",
    "records:declaration_xlsx",
    "records:declaration_pdf",
    "records:export_mdto",
    "privacy:access_download",
    "publishing:flyer_pdf",
    "selection:offer_pdf",
    "interviews:agenda_ics",
    "insights:export",
    # insights:report_download is not an organisation's file (the Rijk's counted figures, for
    # the programme team only): its headers are tested in insights/tests/test_report.py.
    "audit:export",
}
INLINE_OK = {
    # A print flyer made by the server from the vacancy text (escaped), no upload in it.
    "publishing:flyer_pdf",
}
# Content types a browser may run or render as a page: never for a download.
ACTIVE_CONTENT_TYPES = (
    "text/html",
    "application/xhtml",
    "image/svg",
    "text/xml",
    "application/xml",
    "javascript",
    "ecmascript",
    "text/x-",
    "multipart/",
)
