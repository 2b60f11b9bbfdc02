"""State changes of programmes: cohorts, rotations, places, schools, assignments, tracks."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from talentbrug.accounts.models import Organisation
from talentbrug.audit.services import record_event
from talentbrug.onboarding.models import OnboardingPlan
from talentbrug.onboarding.services.guards import TransitionError
from talentbrug.onboarding.services.people import has_left
from talentbrug.vacancies.constants import ContractType
from talentbrug.vacancies.services import create_vacancy

from .constants import AssignmentStatus
from .models import (
    Cohort,
    LearnWorkTrack,
    Placement,
    Rotation,
    SchoolAssignment,
    SchoolEvaluation,
    SchoolPartner,
)


def cohorts_for(organisation: Organisation | None) -> QuerySet[Cohort]:
    """Cohorts the organisation runs or takes part in (rijksbreed)."""
    if organisation is None:
        return Cohort.objects.none()
    return Cohort.objects.filter(
        Q(organisation=organisation) | Q(participating_organisations=organisation)
    ).distinct()


def _save(instance: Any, data: Mapping[str, Any], fields: Iterable[str]) -> Any:
    for name in fields:
        if name in data:
            setattr(instance, name, data[name])
    instance.full_clean()
    instance.save()
    return instance


# --- Cohorts ---------------------------------------------------------------------------------

COHORT_FIELDS = ("name", "kind", "starts_on", "ends_on", "capacity", "description")


@transaction.atomic
def save_cohort(
    cohort: Cohort | None, *, organisation: Organisation, user: Any, data: Mapping[str, Any]
) -> Cohort:
    if data["ends_on"] <= data["starts_on"]:
        raise ValidationError(_("Het einde moet na de start liggen."))
    is_new = cohort is None
    cohort = cohort or Cohort(organisation=organisation)
    _save(cohort, data, COHORT_FIELDS)
    if "participating_organisations" in data:
        cohort.participating_organisations.set(
            [o for o in data["participating_organisations"] if o.pk != organisation.pk]
        )
    record_event(
        "programmes.cohort_created" if is_new else "programmes.cohort_updated",
        actor=user,
        organisation=organisation,
        obj=cohort,
    )
    return cohort


@transaction.atomic
def add_member(
    cohort: Cohort, plan: OnboardingPlan, *, organisation: Organisation, user: Any
) -> None:
    """Add an onboarding plan of the user's own organisation to the cohort."""
    if plan.organisation_id != organisation.pk:
        raise ValidationError(_("U kunt alleen deelnemers van uw eigen organisatie toevoegen."))
    if not cohorts_for(organisation).filter(pk=cohort.pk).exists():
        raise ValidationError(_("Uw organisatie doet niet mee aan deze groep."))
    if cohort.members.filter(pk=plan.pk).exists():
        raise ValidationError(_("Deze persoon zit al in de groep."))
    if cohort.members.count() >= cohort.capacity:
        raise ValidationError(
            _("De groep is vol (%(capacity)s plaatsen). Maak de groep groter of kies een andere.")
            % {"capacity": cohort.capacity}
        )
    cohort.members.add(plan)
    record_event(
        "programmes.member_added", actor=user, organisation=organisation, obj=cohort, plan=plan.pk
    )


@transaction.atomic
def remove_member(
    cohort: Cohort, plan: OnboardingPlan, *, organisation: Organisation, user: Any
) -> None:
    if plan.organisation_id != organisation.pk:
        raise ValidationError(_("U kunt alleen deelnemers van uw eigen organisatie weghalen."))
    cohort.members.remove(plan)
    Rotation.objects.filter(cohort=cohort, plan=plan).delete()
    record_event(
        "programmes.member_removed", actor=user, organisation=organisation, obj=cohort, plan=plan.pk
    )


@transaction.atomic
def add_rotation(
    cohort: Cohort, *, organisation: Organisation, user: Any, data: Mapping[str, Any]
) -> Rotation:
    plan = data["plan"]
    if not cohort.members.filter(pk=plan.pk).exists() or plan.organisation_id != organisation.pk:
        raise ValidationError(_("Kies een deelnemer van uw organisatie in deze groep."))
    if data["ends_on"] < data["starts_on"]:
        raise ValidationError(_("De rotatie moet eindigen na de start."))
    if data["starts_on"] < cohort.starts_on or data["ends_on"] > cohort.ends_on:
        raise ValidationError(
            _("Een rotatie valt binnen de looptijd van de groep: %(start)s tot en met %(end)s.")
            % {
                "start": cohort.starts_on.strftime("%d-%m-%Y"),
                "end": cohort.ends_on.strftime("%d-%m-%Y"),
            }
        )
    overlap = Rotation.objects.filter(
        cohort=cohort, plan=plan, starts_on__lte=data["ends_on"], ends_on__gte=data["starts_on"]
    )
    if overlap.exists():
        raise ValidationError(_("Deze deelnemer heeft in die periode al een rotatie."))
    rotation = Rotation(cohort=cohort)
    _save(rotation, data, ("plan", "team", "starts_on", "ends_on", "supervisor_name"))
    record_event(
        "programmes.rotation_added",
        actor=user,
        organisation=organisation,
        obj=cohort,
        rotation=rotation.pk,
    )
    return rotation


# --- Places ------------------------------------------------------------------------------------

PLACEMENT_FIELDS = (
    "kind",
    "team",
    "school",
    "programme_name",
    "crebo_code",
    "level",
    "school_days",
    "supervisor",
    "available_from",
    "pok_start",
    "pok_end",
    "school_contact_name",
    "school_contact_email",
    "notes",
)


@transaction.atomic
def save_placement(
    placement: Placement | None, *, organisation: Organisation, user: Any, data: Mapping[str, Any]
) -> Placement:
    if data.get("school") is not None and data["school"].organisation_id != organisation.pk:
        raise ValidationError(_("Deze school hoort niet bij uw organisatie."))
    if data.get("supervisor") is not None and has_left(data["supervisor"], organisation):
        raise ValidationError(_("De praktijkopleider werkt niet (meer) bij deze organisatie."))
    if data.get("pok_start") and data.get("pok_end") and data["pok_end"] <= data["pok_start"]:
        raise ValidationError(_("De praktijkovereenkomst moet eindigen na de start."))
    is_new = placement is None
    placement = placement or Placement(organisation=organisation)
    _save(placement, data, PLACEMENT_FIELDS)
    record_event(
        "programmes.placement_saved",
        actor=user,
        organisation=organisation,
        obj=placement,
        new=is_new,
    )
    return placement


@transaction.atomic
def open_placement_for(vacancy: Any) -> Placement | None:
    """The free BBL place or internship this vacancy was opened for, if any (for the hand-over
    at hire: ``onboarding.handover``)."""
    return (
        Placement.objects.filter(vacancy=vacancy, filled_by__isnull=True)
        .select_related("school", "supervisor")
        .order_by("pk")
        .first()
    )


def fill_placement(placement: Placement, plan: OnboardingPlan | None, *, user: Any) -> Placement:
    """Put a student (their onboarding plan) on the place, or free it with ``None``."""
    if plan is not None:
        if plan.organisation_id != placement.organisation_id:
            raise ValidationError(_("Kies een inwerkplan van uw eigen organisatie."))
        if placement.filled_by_id and placement.filled_by_id != plan.pk:
            raise ValidationError(_("Deze plek is al bezet. Maak de plek eerst vrij."))
        if Placement.objects.filter(filled_by=plan).exclude(pk=placement.pk).exists():
            raise ValidationError(_("Deze persoon heeft al een andere plek."))
    placement.filled_by = plan
    placement.save(update_fields=["filled_by"])
    record_event(
        "programmes.placement_filled" if plan else "programmes.placement_freed",
        actor=user,
        organisation=placement.organisation,
        obj=placement,
    )
    return placement


@transaction.atomic
def open_vacancy_for_placement(placement: Placement, *, user: Any, roles: Iterable[str]) -> Any:
    """Create a concept vacancy for a free place (the vacancies app checks the roles)."""

    if placement.filled_by_id:
        raise ValidationError(_("Deze plek is bezet. Een vacature is niet nodig."))
    if placement.vacancy_id:
        raise ValidationError(_("Er is al een vacature voor deze plek."))
    title = (_("BBL-student %(team)s") if placement.kind == "bbl" else _("Stagiair %(team)s")) % {
        "team": placement.team
    }
    vacancy = create_vacancy(
        organisation=placement.organisation,
        user=user,
        roles=roles,
        data={
            "title": title[:200],
            "team": placement.team,
            "contract_type": ContractType.BBL
            if placement.kind == "bbl"
            else ContractType.INTERNSHIP,
            # the place comes with a praktijkopleider; the hire carries them into the plan
            "offers_bbl_supervisor": True,
        },
    )
    placement.vacancy = vacancy
    placement.save(update_fields=["vacancy"])
    record_event(
        "programmes.placement_vacancy",
        actor=user,
        organisation=placement.organisation,
        obj=placement,
        vacancy=vacancy.pk,
    )
    return vacancy


@transaction.atomic
def add_school_evaluation(
    placement: Placement, *, user: Any, planned_on: date, notes: str = ""
) -> SchoolEvaluation:
    evaluation = SchoolEvaluation.objects.create(
        placement=placement, planned_on=planned_on, notes=notes
    )
    record_event(
        "programmes.school_evaluation_planned",
        actor=user,
        organisation=placement.organisation,
        obj=placement,
    )
    return evaluation


# --- Schools and assignments -----------------------------------------------------------------

SCHOOL_FIELDS = (
    "name",
    "region",
    "contact_name",
    "contact_email",
    "contact_phone",
    "programmes_offered",
    "website",
)


@transaction.atomic
def save_school(
    school: SchoolPartner | None, *, organisation: Organisation, user: Any, data: Mapping[str, Any]
) -> SchoolPartner:
    duplicate = SchoolPartner.objects.filter(organisation=organisation, name__iexact=data["name"])
    if school is not None:
        duplicate = duplicate.exclude(pk=school.pk)
    if duplicate.exists():
        raise ValidationError(_("Deze school staat al in de lijst."))
    is_new = school is None
    school = school or SchoolPartner(organisation=organisation)
    _save(school, data, SCHOOL_FIELDS)
    record_event(
        "programmes.school_saved", actor=user, organisation=organisation, obj=school, new=is_new
    )
    return school


@transaction.atomic
def add_assignment(
    school: SchoolPartner, *, user: Any, data: Mapping[str, Any]
) -> SchoolAssignment:
    assignment = SchoolAssignment(organisation=school.organisation, school=school)
    _save(assignment, data, ("title", "description", "class_group", "starts_on"))
    record_event(
        "programmes.assignment_transition",
        actor=user,
        organisation=school.organisation,
        obj=school,
        assignment=assignment.pk,
        from_status="",
        to_status=assignment.status,
        move="create",
    )
    return assignment


ASSIGNMENT_MOVES: dict[str, tuple[frozenset[str], str]] = {
    "offer": (frozenset({AssignmentStatus.PROPOSED}), AssignmentStatus.OFFERED),
    "accept": (frozenset({AssignmentStatus.OFFERED}), AssignmentStatus.ACCEPTED),
    "start": (frozenset({AssignmentStatus.ACCEPTED}), AssignmentStatus.IN_PROGRESS),
    "complete": (frozenset({AssignmentStatus.IN_PROGRESS}), AssignmentStatus.COMPLETED),
    "cancel": (
        frozenset(
            {
                AssignmentStatus.PROPOSED,
                AssignmentStatus.OFFERED,
                AssignmentStatus.ACCEPTED,
                AssignmentStatus.IN_PROGRESS,
            }
        ),
        AssignmentStatus.CANCELLED,
    ),
}


def assignment_moves(assignment: SchoolAssignment) -> list[str]:
    return [m for m, (sources, _t) in ASSIGNMENT_MOVES.items() if assignment.status in sources]


@transaction.atomic
def transition_assignment(
    assignment: SchoolAssignment, move: str, *, user: Any
) -> SchoolAssignment:
    if move not in ASSIGNMENT_MOVES:
        raise TransitionError(_("Deze stap bestaat niet."))
    assignment = SchoolAssignment.objects.select_for_update().get(pk=assignment.pk)
    sources, target = ASSIGNMENT_MOVES[move]
    if assignment.status not in sources:
        raise TransitionError(
            _("Een opdracht met status '%(status)s' kan deze stap niet zetten.")
            % {"status": assignment.get_status_display()}
        )
    previous = assignment.status
    assignment.status = target
    assignment.save(update_fields=["status"])
    record_event(
        "programmes.assignment_transition",
        actor=user,
        organisation=assignment.organisation,
        obj=assignment.school,
        assignment=assignment.pk,
        from_status=previous,
        to_status=target,
        move=move,
    )
    return assignment


# --- Learn-work tracks -------------------------------------------------------------------------

TRACK_FIELDS = (
    "job_coach_name",
    "job_coach_email",
    "municipality",
    "municipality_contact_name",
    "municipality_contact_email",
    "language_hours_per_week",
    "starts_on",
    "ends_on",
    "notes",
)


@transaction.atomic
def save_track(
    track: LearnWorkTrack | None, *, organisation: Organisation, user: Any, data: Mapping[str, Any]
) -> LearnWorkTrack:
    if track is None:
        plan = data["plan"]
        if plan.organisation_id != organisation.pk:
            raise ValidationError(_("Kies een inwerkplan van uw eigen organisatie."))
        if LearnWorkTrack.objects.filter(plan=plan).exists():
            raise ValidationError(_("Deze persoon heeft al een leerwerktraject."))
        track = LearnWorkTrack(organisation=organisation, plan=plan)
        is_new = True
    else:
        is_new = False
    if data.get("ends_on") and data["ends_on"] <= data["starts_on"]:
        raise ValidationError(_("Het einde moet na de start liggen."))
    _save(track, data, TRACK_FIELDS)
    record_event(
        "programmes.track_saved", actor=user, organisation=organisation, obj=track, new=is_new
    )
    return track
