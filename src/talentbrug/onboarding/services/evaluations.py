"""Evaluations: the coordinator's record, the new hire's own self-review, and development goals."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from talentbrug.audit.services import record_event

from ..constants import EvaluationMoment, FormKind, GoalStatus, TaskStatus
from ..models import DevelopmentGoal, Evaluation, EvaluationSelfReview, OnboardingPlan
from ..workdays import add_working_days
from .guards import TransitionError, check_date, require_open
from .plan_tasks import complete_form_task


@transaction.atomic
def save_evaluation(
    plan: OnboardingPlan, moment: str, *, user: Any, data: Mapping[str, Any]
) -> Evaluation:
    require_open(plan)
    if moment not in EvaluationMoment.values:
        raise ValidationError(_("Dit evaluatiemoment bestaat niet."))
    evaluation, _created = Evaluation.objects.update_or_create(
        plan=plan,
        moment=moment,
        defaults={
            "went_well": data["went_well"],
            "to_improve": data.get("to_improve", ""),
            "new_hire_view": data.get("new_hire_view", ""),
            "outcome": data["outcome"],
            "author": user,
        },
    )
    record_event(
        "onboarding.evaluation_saved",
        actor=user,
        organisation=plan.organisation,
        obj=plan,
        moment=moment,
        outcome=evaluation.outcome,
    )
    form_kind = (
        FormKind.EVALUATION_3 if moment == EvaluationMoment.MONTH_3 else FormKind.EVALUATION_6
    )
    complete_form_task(plan, form_kind, user=user, via="staff")
    return evaluation


# --- The new hire's own part of the evaluation ------------------------------------------------

EVALUATION_FORMS = {
    EvaluationMoment.MONTH_3: FormKind.EVALUATION_3,
    EvaluationMoment.MONTH_6: FormKind.EVALUATION_6,
}
# Without an evaluation task in the plan, the moment lies this many working days after the start.
EVALUATION_OFFSETS = {EvaluationMoment.MONTH_3: 62, EvaluationMoment.MONTH_6: 125}
# The portal shows the self-evaluation from this many days before the evaluation on.
SELF_REVIEW_DAYS_AHEAD = 21


def evaluation_done(plan: OnboardingPlan, moment: str) -> bool:
    """The evaluation meeting is marked done: its task is done or skipped (saving the manager's
    evaluation does that). A plan without such a task: the manager's evaluation is saved."""
    tasks = list(plan.tasks.filter(form_kind=EVALUATION_FORMS[EvaluationMoment(moment)]))
    if tasks:
        return all(task.status != TaskStatus.OPEN for task in tasks)
    return Evaluation.objects.filter(plan=plan, moment=moment).exists()


def self_review_editable(plan: OnboardingPlan, moment: str) -> bool:
    return plan.is_open and not evaluation_done(plan, moment)


def evaluation_date(plan: OnboardingPlan, moment: str) -> date:
    """The date of the evaluation: its task's date, or about 3 or 6 months after the start."""
    task = (
        plan.tasks.filter(form_kind=EVALUATION_FORMS[EvaluationMoment(moment)])
        .order_by("due_date")
        .first()
    )
    if task is not None:
        return task.due_date
    return add_working_days(plan.start_date, EVALUATION_OFFSETS[EvaluationMoment(moment)])


def self_review_moments(plan: OnboardingPlan, today: date | None = None) -> list[dict[str, Any]]:
    """For the portal: the evaluations the new hire can fill in now, or filled in before."""
    today = today or timezone.localdate()
    reviews = {review.moment: review for review in plan.self_reviews.all()}
    rows = []
    for moment in EvaluationMoment:
        day = evaluation_date(plan, moment)
        review = reviews.get(moment.value)
        if review is None and (
            not plan.is_open or today < day - timedelta(days=SELF_REVIEW_DAYS_AHEAD)
        ):
            continue
        rows.append(
            {
                "moment": moment.value,
                "title": FormKind(EVALUATION_FORMS[moment]).label,
                "date": day,
                "review": review,
                "editable": self_review_editable(plan, moment),
            }
        )
    return rows


@transaction.atomic
def save_self_review(
    plan: OnboardingPlan, moment: str, data: Mapping[str, Any]
) -> tuple[EvaluationSelfReview, bool]:
    """The new hire saves their own part of the evaluation (again), until the meeting is done.

    Returns the review and whether it was new.
    """
    plan = OnboardingPlan.objects.select_for_update().get(pk=plan.pk)
    require_open(plan)
    if moment not in EvaluationMoment.values:
        raise ValidationError(_("Dit evaluatiemoment bestaat niet."))
    if evaluation_done(plan, moment):
        raise TransitionError(
            _("Het gesprek is geweest. Je kunt je antwoorden niet meer veranderen.")
        )
    went_well = (data.get("went_well") or "").strip()
    if not went_well:
        raise ValidationError(_("Schrijf op wat goed gaat."))
    review, created = EvaluationSelfReview.objects.update_or_create(
        plan=plan,
        moment=moment,
        defaults={
            "went_well": went_well,
            "to_improve": (data.get("to_improve") or "").strip(),
            "wants_to_learn": (data.get("wants_to_learn") or "").strip(),
        },
    )
    record_event(
        "onboarding.self_review_saved",
        organisation=plan.organisation,
        obj=plan,
        moment=moment,
        change="created" if created else "updated",
        via="portal",
    )
    return review, created


@transaction.atomic
def add_goal(
    plan: OnboardingPlan, *, title: str, target_date: date | None = None, user: Any = None
) -> DevelopmentGoal:
    require_open(plan)
    if not title.strip():
        raise ValidationError(_("Schrijf op wat je wilt leren."))
    if target_date is not None:
        check_date(plan, target_date)
    goal = DevelopmentGoal.objects.create(
        plan=plan, title=title.strip()[:200], target_date=target_date
    )
    record_event(
        "onboarding.goal_added",
        actor=user,
        organisation=plan.organisation,
        obj=plan,
        goal=goal.pk,
        via="staff" if user else "portal",
    )
    if user is None:
        complete_form_task(plan, FormKind.GOALS, via="portal")
    return goal


@transaction.atomic
def update_goal(
    goal: DevelopmentGoal, *, progress: int, status: str, user: Any = None
) -> DevelopmentGoal:
    require_open(goal.plan)
    if not 0 <= progress <= 100:
        raise ValidationError(_("De voortgang is een getal van 0 tot en met 100."))
    if status not in GoalStatus.values:
        raise ValidationError(_("Kies een status."))
    goal.progress = 100 if status == GoalStatus.ACHIEVED else progress
    goal.status = status
    goal.save(update_fields=["progress", "status"])
    record_event(
        "onboarding.goal_updated",
        actor=user,
        organisation=goal.plan.organisation,
        obj=goal.plan,
        goal=goal.pk,
        progress=goal.progress,
        status=status,
    )
    return goal
