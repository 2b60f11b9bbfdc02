"""Events that make notifications: model signals of the earlier stages, after the commit.

Connected in ``NotificationsConfig.ready()``. Each receiver waits for the transaction to
commit (``on_commit``): a rolled-back application makes no notification, and the work of the
request that caused it does not wait on the extra queries.
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.db.models.signals import post_save
from django.urls import reverse

from talentbrug.accounts.access import user_can, users_who_can
from talentbrug.applications.constants import BookingStatus
from talentbrug.applications.models import Application, Booking, Question
from talentbrug.assessments.models import DayBooking
from talentbrug.interviews.constants import InterviewStatus
from talentbrug.interviews.models import Interview
from talentbrug.selection.constants import END_KINDS, OfferStatus, StageKind
from talentbrug.selection.models import ApplicationProgress, Offer, Scorecard
from talentbrug.selection.signals import progress_moved
from talentbrug.vacancies.constants import VacancyStatus
from talentbrug.vacancies.signals import vacancy_moved
from talentbrug.vacancies.workflow import is_author

from . import services
from .constants import Kind


def _later(work: Any) -> None:
    transaction.on_commit(work)


def _application_url(application: Application) -> str:
    # The staff page sends a person who may not see the name to the pseudonymised page.
    return reverse("applications:staff_detail", kwargs={"pk": application.pk})


def on_application_saved(sender: Any, instance: Application, created: bool, **kwargs: Any) -> None:
    if not created or kwargs.get("raw"):
        return

    def work() -> None:
        vacancy = instance.vacancy
        services.notify(
            Kind.NEW_APPLICATION,
            organisation=instance.organisation,
            recipients=services.vacancy_team(vacancy),
            url=_application_url(instance),
            key=f"application:{instance.pk}",
            vacancy=vacancy,
            reference=str(instance.pk),
        )

    _later(work)


def on_question_saved(sender: Any, instance: Question, **kwargs: Any) -> None:
    if instance.answered_at is None or kwargs.get("raw"):
        return

    def work() -> None:
        application = instance.application
        asker = instance.asked_by
        recipients = (
            [asker]
            if asker is not None and user_can(asker, instance.organisation, "applications.view")
            else services.vacancy_team(application.vacancy)
        )
        services.notify(
            Kind.ANSWER,
            organisation=instance.organisation,
            recipients=recipients,
            url=_application_url(application),
            key=f"answer:{instance.pk}",
            vacancy=application.vacancy,
            reference=str(application.pk),
        )

    _later(work)


def on_booking_saved(sender: Any, instance: Booking, created: bool, **kwargs: Any) -> None:
    if not created or instance.status != BookingStatus.BOOKED or kwargs.get("raw"):
        return

    def work() -> None:
        application = instance.application
        services.notify(
            Kind.SLOT_PICKED,
            organisation=application.organisation,
            recipients=services.vacancy_team(application.vacancy),
            url=_application_url(application),
            key=f"booking:{instance.pk}",
            vacancy=application.vacancy,
            reference=str(application.pk),
        )

    _later(work)


def on_interview_saved(sender: Any, instance: Interview, **kwargs: Any) -> None:
    """The candidate picked one of the proposed times for an interview (``choose_slot``)."""
    if kwargs.get("raw") or instance.status != InterviewStatus.PLANNED:
        return
    fields = kwargs.get("update_fields")
    if fields is not None and "chosen_slot" not in fields:
        return
    if instance.chosen_slot_id is None:
        return
    pk, sequence = instance.pk, instance.sequence

    def work() -> None:
        interview = Interview.objects.select_related(
            "application__vacancy", "organisation", "created_by"
        ).get(pk=pk)
        application = interview.application
        organisation = interview.organisation
        people = [
            person
            for person in [*interview.interviewers.all(), interview.created_by]
            if person is not None and user_can(person, organisation, "interviews.view")
        ]
        services.notify(
            Kind.INTERVIEW_SLOT_PICKED,
            organisation=organisation,
            recipients=[*services.vacancy_team(application.vacancy), *people],
            url=_application_url(application),
            # Rescheduled and picked again is a new notification.
            key=f"interview:{pk}:{sequence}",
            vacancy=application.vacancy,
            reference=str(application.pk),
        )

    _later(work)


def on_day_booking_saved(sender: Any, instance: DayBooking, created: bool, **kwargs: Any) -> None:
    """The candidate picked a session of a group (assessment) day in the portal."""
    if not created or instance.status != BookingStatus.BOOKED or kwargs.get("raw"):
        return
    pk = instance.pk

    def work() -> None:
        booking = DayBooking.objects.select_related("application__vacancy", "day").get(pk=pk)
        application = booking.application
        organisation = booking.organisation
        observers = [
            person
            for person in booking.day.observers.all()
            if user_can(person, organisation, "assessments.view")
        ]
        services.notify(
            Kind.GROUP_DAY_BOOKED,
            organisation=organisation,
            recipients=[*services.vacancy_team(application.vacancy), *observers],
            url=_application_url(application),
            key=f"group_day:{pk}",
            vacancy=application.vacancy,
            reference=str(application.pk),
        )

    _later(work)


def on_vacancy_moved(sender: Any, vacancy: Any, move: str, user: Any, **kwargs: Any) -> None:
    if kwargs.get("to_status") != VacancyStatus.IN_REVIEW:
        return

    def work() -> None:
        reviewers = [
            person
            for person in users_who_can(vacancy.organisation, "vacancies.review")
            if not is_author(vacancy, person)
        ]
        services.notify(
            Kind.REVIEW_REQUESTED,
            organisation=vacancy.organisation,
            recipients=reviewers,
            url=reverse("vacancies:detail", kwargs={"pk": vacancy.pk}),
            # A vacancy sent back and offered again is a new request.
            key=f"review:{vacancy.pk}:{vacancy.updated_at.timestamp():.0f}",
            vacancy=vacancy,
            exclude=[user],
        )

    _later(work)


SCORED_KINDS = frozenset(
    {StageKind.SCREENING, StageKind.ASSESSMENT, StageKind.INTERVIEW, StageKind.OFFER}
)


def on_progress_moved(sender: Any, progress: ApplicationProgress, **kwargs: Any) -> None:
    """Someone who scored this application in an earlier stage scores it again in this one."""
    pk = progress.pk

    def work() -> None:
        progress = ApplicationProgress.objects.select_related("stage", "vacancy").get(pk=pk)
        stage = progress.stage
        if stage.kind in END_KINDS or stage.kind not in SCORED_KINDS:
            return
        cards = Scorecard.objects.filter(progress=progress).values_list("reviewer_id", "stage_id")
        earlier = {reviewer for reviewer, stage_id in cards if stage_id != stage.pk}
        done = {reviewer for reviewer, stage_id in cards if stage_id == stage.pk}
        people = [
            person
            for person in services.User.objects.filter(pk__in=earlier - done, is_active=True)
            if user_can(person, progress.organisation, "selection.score")
        ]
        if not people:
            return
        services.notify(
            Kind.SCORECARD_MISSING,
            organisation=progress.organisation,
            recipients=people,
            url=reverse("selection:scorecard", kwargs={"pk": progress.application_id}),
            key=f"scorecard:{progress.pk}:{stage.pk}",
            vacancy=progress.vacancy,
            reference=str(progress.application_id),
        )

    _later(work)


def on_offer_saved(sender: Any, instance: Offer, **kwargs: Any) -> None:
    if instance.status not in (OfferStatus.ACCEPTED, OfferStatus.DECLINED) or kwargs.get("raw"):
        return

    def work() -> None:
        progress = instance.progress
        vacancy = progress.vacancy
        team = services.vacancy_team(vacancy)
        if instance.created_by is not None:
            team.append(instance.created_by)
        services.notify(
            Kind.OFFER_ANSWERED,
            organisation=progress.organisation,
            recipients=team,
            url=reverse("selection:application", kwargs={"pk": progress.application_id}),
            key=f"offer:{instance.pk}:{instance.status}",
            vacancy=vacancy,
            reference=str(progress.application_id),
        )

    _later(work)


def connect() -> None:
    post_save.connect(on_application_saved, sender=Application, dispatch_uid="notifications.app")
    post_save.connect(on_question_saved, sender=Question, dispatch_uid="notifications.answer")
    post_save.connect(on_booking_saved, sender=Booking, dispatch_uid="notifications.booking")
    post_save.connect(on_interview_saved, sender=Interview, dispatch_uid="notifications.interview")
    post_save.connect(
        on_day_booking_saved, sender=DayBooking, dispatch_uid="notifications.group_day"
    )
    progress_moved.connect(on_progress_moved, dispatch_uid="notifications.progress")
    post_save.connect(on_offer_saved, sender=Offer, dispatch_uid="notifications.offer")
    vacancy_moved.connect(on_vacancy_moved, dispatch_uid="notifications.review")
