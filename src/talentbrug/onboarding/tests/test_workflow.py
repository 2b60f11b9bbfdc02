"""Every allowed and every forbidden move of plans and tasks, each audited; bad input."""

from datetime import date, timedelta

import pytest
from django.core.exceptions import ValidationError

from talentbrug.audit.models import AuditEvent
from talentbrug.onboarding.constants import OwnerRole, PlanStatus, TaskStatus
from talentbrug.onboarding.models import CheckIn, PlanTask
from talentbrug.onboarding.services import checkins as checkins_services
from talentbrug.onboarding.services import evaluations as evaluations_services
from talentbrug.onboarding.services import guards, people, plan_tasks, plans, templates, wellbeing

from .factories import TemplateTaskFactory, make_plan, member, small_template

pytestmark = pytest.mark.django_db

PLAN_CASES = [(status, move) for status in PlanStatus.values for move in plans.PLAN_MOVES]
TASK_CASES = [(status, move) for status in TaskStatus.values for move in plan_tasks.TASK_MOVES]


@pytest.mark.parametrize(("status", "move"), PLAN_CASES)
def test_plan_moves(organisation, status, move):
    plan = make_plan(organisation)
    plan.status = status
    plan.save()
    sources, target = plans.PLAN_MOVES[move]
    before = AuditEvent.objects.filter(event_type="onboarding.plan_transition").count()
    if status in sources:
        plans.transition_plan(plan, move, note="Andere baan gevonden")
        plan.refresh_from_db()
        assert plan.status == target
        assert (
            AuditEvent.objects.filter(event_type="onboarding.plan_transition").count() == before + 1
        )
    else:
        with pytest.raises(guards.TransitionError):
            plans.transition_plan(plan, move, note="Andere baan gevonden")
        plan.refresh_from_db()
        assert plan.status == status
        assert AuditEvent.objects.filter(event_type="onboarding.plan_transition").count() == before


@pytest.mark.parametrize(("status", "move"), TASK_CASES)
def test_task_moves(organisation, status, move):
    plan = make_plan(organisation)
    task = plan.tasks.first()
    task.status = status
    task.save()
    sources, target = plan_tasks.TASK_MOVES[move]
    if status in sources:
        plan_tasks.transition_task(task, move, note="Niet nodig: regelt de school")
        task.refresh_from_db()
        assert task.status == target
        assert (task.finished_at is None) == (target == TaskStatus.OPEN)
        assert AuditEvent.objects.filter(event_type="onboarding.task_transition").exists()
    else:
        with pytest.raises(guards.TransitionError):
            plan_tasks.transition_task(task, move, note="x")
        task.refresh_from_db()
        assert task.status == status


def test_unknown_moves_are_refused(organisation):
    plan = make_plan(organisation)
    with pytest.raises(guards.TransitionError):
        plans.transition_plan(plan, "archive")
    with pytest.raises(guards.TransitionError):
        plan_tasks.transition_task(plan.tasks.first(), "delete")


@pytest.mark.parametrize("status", [PlanStatus.COMPLETED, PlanStatus.STOPPED])
def test_tasks_of_a_closed_plan_do_not_move(organisation, status):
    plan = make_plan(organisation)
    plan.status = status
    plan.save()
    task = plan.tasks.first()
    assert plan_tasks.task_moves(task) == []
    with pytest.raises(guards.TransitionError):
        plan_tasks.complete_task(task)
    assert PlanTask.objects.get(pk=task.pk).status == TaskStatus.OPEN


def test_stop_and_skip_need_a_reason(organisation):
    plan = make_plan(organisation)
    with pytest.raises(ValidationError):
        plans.stop_plan(plan, user=None, reason=" ")
    with pytest.raises(ValidationError):
        plan_tasks.skip_task(plan.tasks.first(), user=None, reason="")
    plan.refresh_from_db()
    assert plan.status == PlanStatus.PLANNED


def test_activate_started_plans(organisation):
    plan = make_plan(organisation, start_date=date(2026, 3, 2))
    assert plans.activate_started_plans(date(2026, 3, 1)) == 0
    assert plans.activate_started_plans(date(2026, 3, 2)) == 1
    plan.refresh_from_db()
    assert plan.status == PlanStatus.ACTIVE


def test_plans_keep_their_copy_when_the_template_changes(organisation):
    template = small_template(organisation)
    plan = make_plan(organisation, template=template)
    titles = sorted(plan.tasks.values_list("title", flat=True))
    TemplateTaskFactory(template=template, title="Nieuwe taak")
    templates.remove_template_task(template.tasks.get(title="Lunch samen"), user=None)
    assert sorted(plan.tasks.values_list("title", flat=True)) == titles
    template.delete()
    plan.refresh_from_db()
    assert plan.template is None and plan.template_name and plan.tasks.count() == len(titles)


def test_default_templates_are_made_once(organisation):
    """Made with the organisation (not by a page); making them again makes nothing."""
    from talentbrug.onboarding.models import OnboardingTemplate

    created = OnboardingTemplate.objects.filter(organisation=organisation).order_by("pk")
    assert [t.name for t in created] == [
        "Standaard",
        "BBL-student",
        "Trainee",
        "Statushouder met taalcoach",
        "Stagiair (BOL)",
    ]
    assert templates.ensure_default_templates(organisation) == []
    bbl = templates.template_for(organisation, "bbl")
    assert bbl.tasks.filter(owner_role=OwnerRole.BBL_SUPERVISOR).exists()
    coach = templates.template_for(organisation, "language_coach")
    assert coach.tasks.filter(owner_role=OwnerRole.LANGUAGE_COACH).exists()


def test_start_refuses_bad_input_and_creates_nothing(organisation, other_organisation):
    outsider = member(other_organisation)
    with pytest.raises(ValidationError):
        make_plan(organisation, manager=outsider)
    with pytest.raises(ValidationError):
        make_plan(organisation, language_coach={"name": "Ingrid", "email": ""})
    with pytest.raises(ValidationError):
        make_plan(organisation, template=small_template(other_organisation))
    assert not organisation.onboarding_plans.exists()


def test_start_with_supporters_and_application_hook(organisation):
    buddy = member(organisation)
    plan = make_plan(
        organisation,
        buddy=buddy,
        language_coach={"name": "Ingrid Taalhuis", "email": "coach@example.org", "language": "en"},
    )
    assert plan.supporter(OwnerRole.BUDDY).user == buddy
    coach = plan.supporter(OwnerRole.LANGUAGE_COACH)
    assert coach.external_email == "coach@example.org" and coach.message_language == "en"
    assert plan.application_id is None


def test_dates_outside_the_plan_are_refused(organisation):
    plan = make_plan(organisation, start_date=date(2026, 3, 2))
    task = plan.tasks.first()
    original = task.due_date
    for day in (date(2025, 1, 1), date(2028, 1, 1)):
        with pytest.raises(ValidationError):
            plan_tasks.update_task(task, user=None, data={"due_date": day})
    task.refresh_from_db()
    assert task.due_date == original
    plan_tasks.update_task(task, user=None, data={"due_date": date(2026, 3, 10)})
    task.refresh_from_db()
    assert task.due_date == date(2026, 3, 10)


def test_owner_who_left_is_reassigned(organisation):
    manager = member(organisation)
    plan = make_plan(organisation, manager=manager)
    successor = member(organisation)
    assert people.tasks_with_departed_owner(plan) == []
    manager.memberships.all().delete()
    departed = people.tasks_with_departed_owner(plan)
    assert departed and all(t.owner_role == OwnerRole.MANAGER for t in departed)
    assert wellbeing.health(plan, date(2026, 2, 1)) == "attention"
    with pytest.raises(ValidationError):
        people.reassign_tasks(plan, from_user=manager, to_user=manager, user=None)
    moved = people.reassign_tasks(plan, from_user=manager, to_user=successor, user=None)
    plan.refresh_from_db()
    assert moved == len(departed)
    assert plan.manager == successor
    assert people.tasks_with_departed_owner(plan) == []


def test_checkin_twice_in_one_week_keeps_the_first(organisation):
    plan = make_plan(organisation, start_date=date(2026, 3, 2))
    plans.start_plan(plan)
    first, created = checkins_services.submit_checkin(plan, {"mood": 4}, today=date(2026, 3, 5))
    second, created_again = checkins_services.submit_checkin(
        plan, {"mood": 1}, today=date(2026, 3, 6)
    )
    assert created and not created_again and second.pk == first.pk
    assert CheckIn.objects.get(plan=plan).mood == 4
    checkins_services.submit_checkin(plan, {"mood": 2}, today=date(2026, 3, 10))
    assert plan.checkins.count() == 2
    assert plan.tasks.get(form_kind="checkin").status == TaskStatus.DONE


def test_checkin_before_the_first_week_and_bad_mood(organisation):
    plan = make_plan(organisation, start_date=date(2026, 3, 2))
    with pytest.raises(ValidationError):
        checkins_services.submit_checkin(plan, {"mood": 3}, today=date(2026, 2, 25))
    with pytest.raises(ValidationError):
        checkins_services.submit_checkin(plan, {"mood": 7}, today=date(2026, 3, 3))
    assert not plan.checkins.exists()


def test_surprises(organisation):
    plan = make_plan(organisation)
    with pytest.raises(ValidationError):
        checkins_services.submit_surprises(plan, ["", "  "])
    with pytest.raises(ValidationError):
        checkins_services.submit_surprises(plan, [f"verbazing {n}" for n in range(11)])
    checkins_services.submit_surprises(
        plan, ["Iedereen gebruikt afkortingen", "Vergaderingen op tijd"]
    )
    checkins_services.submit_surprises(plan, ["Je noemt de leidinggevende bij de voornaam"])
    assert list(plan.surprises.values_list("theme", flat=True)) == ["hierarchie"]
    assert plan.tasks.get(form_kind="surprises").status == TaskStatus.DONE


def test_intake_evaluation_and_goals(organisation):
    plan = make_plan(organisation)
    checkins_services.submit_intake(
        plan, {"wants_to_learn": "Linux", "needs": ["dyslexia", "bogus"]}
    )
    assert plan.intake.needs == ["dyslexia"]
    assert plan.tasks.get(form_kind="intake").status == TaskStatus.DONE
    evaluations_services.save_evaluation(
        plan, "3", user=None, data={"went_well": "Veel", "outcome": "continue"}
    )
    evaluations_services.save_evaluation(
        plan, "3", user=None, data={"went_well": "Meer", "outcome": "adjust"}
    )
    assert plan.evaluations.get().outcome == "adjust"
    with pytest.raises(ValidationError):
        evaluations_services.save_evaluation(
            plan, "9", user=None, data={"went_well": "x", "outcome": "adjust"}
        )
    goal = evaluations_services.add_goal(plan, title="Zelf storingen oplossen")
    with pytest.raises(ValidationError):
        evaluations_services.update_goal(goal, progress=120, status="open")
    evaluations_services.update_goal(goal, progress=30, status="achieved")
    goal.refresh_from_db()
    assert goal.progress == 100


def test_new_hire_may_only_complete_own_tasks(organisation):
    plan = make_plan(organisation)
    other = make_plan(organisation)
    manager_task = plan.tasks.get(owner_role=OwnerRole.MANAGER)
    own = plan.tasks.filter(owner_role=OwnerRole.NEW_HIRE).first()
    with pytest.raises(guards.TransitionError):
        plan_tasks.complete_own_task(plan, manager_task)
    with pytest.raises(guards.TransitionError):
        plan_tasks.complete_own_task(other, own)
    plan_tasks.complete_own_task(plan, own)
    own.refresh_from_db()
    assert own.status == TaskStatus.DONE


def test_health(organisation):
    plan = make_plan(organisation, start_date=date(2026, 3, 2))
    assert wellbeing.health(plan, date(2026, 2, 1)) == "on_track"
    assert wellbeing.health(plan, date(2026, 3, 20)) == "overdue"
    for task in plan.tasks.all():
        plan_tasks.complete_task(task)
    plan = plans.start_plan(plan)
    checkins_services.submit_checkin(plan, {"mood": 2}, today=date(2026, 3, 3))
    assert wellbeing.health(plan, date(2026, 3, 4)) == "attention"
    assert wellbeing.missing_checkin(plan, date(2026, 3, 4)) is False
    assert wellbeing.missing_checkin(plan, date(2026, 3, 4) + timedelta(days=14)) is True
