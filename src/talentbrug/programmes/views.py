"""Staff pages of programmes: cohorts, places, schools, learn-work tracks, figures."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_GET, require_POST

from talentbrug.accounts.access import (
    can,
    get_for_organisation,
    programme_team_required,
    scoped,
    staff_required,
)
from talentbrug.core.forms import error_messages, show_errors
from talentbrug.core.http import moved_page, organisation_of
from talentbrug.onboarding.constants import PlanStatus, TaskStatus
from talentbrug.onboarding.models import OnboardingPlan
from talentbrug.onboarding.services import people as onboarding_people
from talentbrug.onboarding.services import wellbeing as onboarding_wellbeing

from . import figures, services
from .constants import PlacementKind, PlacementState
from .forms import (
    AssignmentForm,
    CohortForm,
    FillForm,
    MemberForm,
    PlacementForm,
    RotationForm,
    SchoolEvaluationForm,
    SchoolForm,
    TrackForm,
)
from .models import Cohort, LearnWorkTrack, Placement, SchoolAssignment, SchoolPartner


def _plans(request: HttpRequest) -> Any:
    return scoped(OnboardingPlan.objects.all(), organisation_of(request)).exclude(
        status=PlanStatus.STOPPED
    )


def _cohort(request: HttpRequest, pk: int) -> Cohort:
    """A cohort the organisation runs or takes part in; other ids give 404."""
    cohort = services.cohorts_for(organisation_of(request)).filter(pk=pk).first()
    if cohort is None:
        raise Http404(_("Dit bestaat niet, of u heeft er geen toegang toe."))
    return cohort


def _form_page(
    request: HttpRequest, form: Any, title: str, back: str, status: int = 200
) -> HttpResponse:
    return render(
        request,
        "programmes/form.html",
        {"form": form, "title": title, "back": back},
        status=400 if form.errors else status,
    )


def _save_page(
    request: HttpRequest,
    form: Any,
    save: Callable[..., Any],
    instance: Any,
    *,
    success: str,
    destination: str,
    with_pk: bool,
    title: str,
    back: str,
) -> HttpResponse:
    """Create or edit through a service: a valid form is saved, a refusal becomes a form error."""
    if request.method == "POST" and form.is_valid():
        try:
            saved = save(
                instance,
                organisation=organisation_of(request),
                user=request.user,
                data=form.cleaned_data,
            )
        except ValidationError as exc:
            for message in error_messages(exc):
                form.add_error(None, message)
        else:
            messages.success(request, success)
            return redirect(destination, pk=saved.pk) if with_pk else redirect(destination)
    return _form_page(request, form, title, back)


@staff_required("programmes.view")
def index(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    places = list(scoped(Placement.objects.all(), organisation_of(request)))
    states = [p.state(today) for p in places]
    return render(
        request,
        "programmes/index.html",
        {
            "cohorts": services.cohorts_for(organisation_of(request)).prefetch_related("members")[
                :10
            ],
            "places_total": len(places),
            "places_open": sum(1 for s in states if s == PlacementState.OPEN),
            "places_ending": sum(1 for s in states if s == PlacementState.ENDING),
            "schools": scoped(SchoolPartner.objects.all(), organisation_of(request)).count(),
            "tracks": scoped(LearnWorkTrack.objects.all(), organisation_of(request)).count(),
            "can_manage": can(request, "programmes.manage"),
        },
    )


# --- Cohorts -----------------------------------------------------------------------------------


@staff_required("programmes.view")
def cohort_list(request: HttpRequest) -> HttpResponse:
    cohorts = (
        services.cohorts_for(organisation_of(request))
        .select_related("organisation")
        .prefetch_related("members")
    )
    return render(
        request,
        "programmes/cohort_list.html",
        {"cohorts": cohorts, "can_manage": can(request, "programmes.manage")},
    )


@staff_required("programmes.manage")
def cohort_create(request: HttpRequest) -> HttpResponse:
    form = CohortForm(
        request.POST if request.method == "POST" else None, organisation=organisation_of(request)
    )
    return _save_page(
        request,
        form,
        services.save_cohort,
        None,
        success=_("De groep is aangemaakt. Voeg nu de deelnemers toe."),
        destination="programmes:cohort_detail",
        with_pk=True,
        title=_("Nieuwe lichting of traineegroep"),
        back="programmes:cohorts",
    )


@staff_required("programmes.manage")
def cohort_edit(request: HttpRequest, pk: int) -> HttpResponse:
    cohort = get_for_organisation(
        Cohort, organisation_of(request), pk=pk
    )  # only the organiser edits
    form = CohortForm(
        request.POST if request.method == "POST" else None,
        instance=cohort,
        organisation=organisation_of(request),
    )
    return _save_page(
        request,
        form,
        services.save_cohort,
        cohort,
        success=_("De groep is opgeslagen."),
        destination="programmes:cohort_detail",
        with_pk=True,
        title=_("Lichting wijzigen"),
        back="programmes:cohorts",
    )


@staff_required("programmes.view")
def cohort_detail(request: HttpRequest, pk: int, **extra: Any) -> HttpResponse:
    cohort = _cohort(request, pk)
    today = timezone.localdate()
    own = []
    others: dict[str, int] = {}
    members = cohort.members.select_related("organisation", "manager").prefetch_related(
        "tasks", "checkins"
    )
    for plan in members:
        if plan.organisation_id != organisation_of(request).pk:
            others[str(plan.organisation)] = others.get(str(plan.organisation), 0) + 1
            continue
        checkins = sorted(plan.checkins.all(), key=lambda c: c.week_start)
        tasks = list(plan.tasks.all())
        own.append(
            {
                "plan": plan,
                "progress": plan.progress(),
                "health": onboarding_wellbeing.health(plan, today),
                "moods": [c.mood for c in checkins[-6:]],
                "overdue": sum(
                    1 for t in tasks if t.status == TaskStatus.OPEN and t.due_date < today
                ),
            }
        )
    own_plans = cohort.members.filter(organisation=organisation_of(request))
    rotations = cohort.rotations.filter(plan__organisation=organisation_of(request)).select_related(
        "plan"
    )
    available = _plans(request).exclude(pk__in=cohort.members.values("pk"))
    return render(
        request,
        "programmes/cohort_detail.html",
        {
            "cohort": cohort,
            "own": own,
            "others": [{"name": n, "count": figures.shown(c)} for n, c in sorted(others.items())],
            "member_count": cohort.members.count(),
            "upcoming": [r for r in rotations if r.ends_on >= today][:20],
            "past": [r for r in rotations if r.ends_on < today],
            "today": today,
            "is_owner": cohort.organisation_id == organisation_of(request).pk,
            "can_manage": can(request, "programmes.manage"),
            "member_form": extra.get("member_form") or MemberForm(plans=available),
            "rotation_form": extra.get("rotation_form") or RotationForm(plans=own_plans),
            "errors": extra.get("errors", []),
            "minimum": figures.MIN_GROUP_SIZE,
        },
        status=400 if extra.get("errors") else 200,
    )


@require_POST
@staff_required("programmes.manage")
def cohort_member_add(request: HttpRequest, pk: int) -> HttpResponse:
    cohort = _cohort(request, pk)
    form = MemberForm(request.POST, plans=_plans(request))
    if not form.is_valid():
        return cohort_detail.__wrapped__(
            request, pk, member_form=form, errors=[_("Kies een deelnemer.")]
        )  # type: ignore[attr-defined]
    try:
        services.add_member(
            cohort,
            form.cleaned_data["plan"],
            organisation=organisation_of(request),
            user=request.user,
        )
    except ValidationError as exc:
        return cohort_detail.__wrapped__(request, pk, member_form=form, errors=error_messages(exc))  # type: ignore[attr-defined]
    messages.success(request, _("De deelnemer is toegevoegd."))
    return redirect("programmes:cohort_detail", pk=cohort.pk)


@require_POST
@staff_required("programmes.manage")
def cohort_member_remove(request: HttpRequest, pk: int, plan_pk: int) -> HttpResponse:
    cohort = _cohort(request, pk)
    plan = get_for_organisation(OnboardingPlan, organisation_of(request), pk=plan_pk)
    try:
        services.remove_member(
            cohort, plan, organisation=organisation_of(request), user=request.user
        )
    except ValidationError as exc:
        show_errors(request, exc)
    else:
        messages.success(request, _("De deelnemer is uit de groep gehaald."))
    return redirect("programmes:cohort_detail", pk=cohort.pk)


@require_POST
@staff_required("programmes.manage")
def rotation_add(request: HttpRequest, pk: int) -> HttpResponse:
    cohort = _cohort(request, pk)
    form = RotationForm(
        request.POST, plans=cohort.members.filter(organisation=organisation_of(request))
    )
    if not form.is_valid():
        return cohort_detail.__wrapped__(
            request, pk, rotation_form=form, errors=[_("Controleer de rotatie.")]
        )  # type: ignore[attr-defined]
    try:
        services.add_rotation(
            cohort, organisation=organisation_of(request), user=request.user, data=form.cleaned_data
        )
    except ValidationError as exc:
        return cohort_detail.__wrapped__(
            request, pk, rotation_form=form, errors=error_messages(exc)
        )  # type: ignore[attr-defined]
    messages.success(request, _("De rotatie is toegevoegd."))
    return redirect("programmes:cohort_detail", pk=cohort.pk)


# --- BBL places and internships --------------------------------------------------------------


@staff_required("programmes.view")
def placements(request: HttpRequest) -> HttpResponse:
    """The capacity view: which places are filled, which are open, which end soon."""
    today = timezone.localdate()
    kind = request.GET.get("soort", "")
    places = scoped(Placement.objects.all(), organisation_of(request)).select_related(
        "school", "filled_by", "supervisor", "vacancy"
    )
    if kind in PlacementKind.values:
        places = places.filter(kind=kind)
    rows = [{"place": p, "state": p.state(today)} for p in places]
    counts = {value: sum(1 for r in rows if r["state"] == value) for value in PlacementState.values}
    for row in rows:
        row["state_label"] = PlacementState(row["state"]).label
    return render(
        request,
        "programmes/placements.html",
        {
            "rows": rows,
            "counts": [(PlacementState(v).label, counts[v]) for v in PlacementState.values],
            "kinds": PlacementKind.choices,
            "kind": kind,
            "total": len(rows),
            "can_manage": can(request, "programmes.manage"),
        },
    )


@staff_required("programmes.manage")
def placement_create(request: HttpRequest) -> HttpResponse:
    form = PlacementForm(
        request.POST if request.method == "POST" else None,
        organisation=organisation_of(request),
        members=onboarding_people.members_of(organisation_of(request)),
        initial={"kind": PlacementKind.BBL, "available_from": timezone.localdate()},
    )
    return _save_page(
        request,
        form,
        services.save_placement,
        None,
        success=_("De leerplek is opgeslagen."),
        destination="programmes:placement_detail",
        with_pk=True,
        title=_("Nieuwe leerplek"),
        back="programmes:placements",
    )


def _place_progress(place: Placement, today: Any) -> dict[str, Any] | None:
    """How far the person on the place is: the share of the plan's tasks done, and the week
    of the praktijkovereenkomst (or internship period) they are in."""
    plan = place.filled_by
    if plan is None:
        return None
    result: dict[str, Any] = {"plan": plan, "percent": plan.progress(), "week": None}
    if place.pok_start and place.pok_end and place.pok_start <= today <= place.pok_end:
        result["week"] = (today - place.pok_start).days // 7 + 1
        result["weeks"] = (place.pok_end - place.pok_start).days // 7 + 1
    return result


@staff_required("programmes.view")
def placement_detail(request: HttpRequest, pk: int, **extra: Any) -> HttpResponse:
    place = get_for_organisation(
        Placement.objects.select_related("school", "filled_by", "supervisor", "vacancy"),
        organisation_of(request),
        pk=pk,
    )
    today = timezone.localdate()
    return render(
        request,
        "programmes/placement_detail.html",
        {
            "place": place,
            "state": PlacementState(place.state(today)).label,
            "evaluations": place.evaluations.all(),
            "progress": _place_progress(place, today),
            "fill_form": FillForm(plans=_plans(request), initial={"plan": place.filled_by_id}),
            "evaluation_form": extra.get("evaluation_form") or SchoolEvaluationForm(),
            "can_manage": can(request, "programmes.manage"),
            "can_open_vacancy": can(request, "vacancies.edit"),
            "errors": extra.get("errors", []),
        },
        status=400 if extra.get("errors") else 200,
    )


@staff_required("programmes.manage")
def placement_edit(request: HttpRequest, pk: int) -> HttpResponse:
    place = get_for_organisation(Placement, organisation_of(request), pk=pk)
    form = PlacementForm(
        request.POST if request.method == "POST" else None,
        instance=place,
        organisation=organisation_of(request),
        members=onboarding_people.members_of(organisation_of(request)),
    )
    return _save_page(
        request,
        form,
        services.save_placement,
        place,
        success=_("De leerplek is opgeslagen."),
        destination="programmes:placement_detail",
        with_pk=True,
        title=_("Leerplek wijzigen"),
        back="programmes:placements",
    )


@require_POST
@staff_required("programmes.manage")
def placement_fill(request: HttpRequest, pk: int) -> HttpResponse:
    place = get_for_organisation(Placement, organisation_of(request), pk=pk)
    form = FillForm(request.POST, plans=_plans(request))
    if not form.is_valid():
        return placement_detail.__wrapped__(request, pk, errors=[_("Kies een inwerkplan.")])  # type: ignore[attr-defined]
    try:
        services.fill_placement(place, form.cleaned_data["plan"], user=request.user)
    except ValidationError as exc:
        return placement_detail.__wrapped__(request, pk, errors=error_messages(exc))  # type: ignore[attr-defined]
    messages.success(request, _("De leerplek is bijgewerkt."))
    return redirect("programmes:placement_detail", pk=place.pk)


@require_POST
@staff_required("programmes.manage")
def placement_vacancy(request: HttpRequest, pk: int) -> HttpResponse:
    place = get_for_organisation(Placement, organisation_of(request), pk=pk)
    if not can(request, "vacancies.edit"):
        messages.error(request, _("Uw rol mag geen vacature maken. Vraag de HR-adviseur."))
        return redirect("programmes:placement_detail", pk=place.pk)
    try:
        vacancy = services.open_vacancy_for_placement(place, user=request.user, roles=request.roles)  # type: ignore[attr-defined]
    except ValidationError as exc:
        show_errors(request, exc)
        return redirect("programmes:placement_detail", pk=place.pk)
    messages.success(
        request, _("Er is een concept-vacature gemaakt. Vul hem aan en laat hem beoordelen.")
    )
    return redirect("vacancies:edit", pk=vacancy.pk)


@require_POST
@staff_required("programmes.manage")
def placement_evaluation_add(request: HttpRequest, pk: int) -> HttpResponse:
    place = get_for_organisation(Placement, organisation_of(request), pk=pk)
    form = SchoolEvaluationForm(request.POST)
    if not form.is_valid():
        return placement_detail.__wrapped__(
            request, pk, evaluation_form=form, errors=[_("Kies een datum.")]
        )  # type: ignore[attr-defined]
    services.add_school_evaluation(
        place,
        user=request.user,
        planned_on=form.cleaned_data["planned_on"],
        notes=form.cleaned_data["notes"],
    )
    messages.success(request, _("De evaluatie met school is gepland."))
    return redirect("programmes:placement_detail", pk=place.pk)


# --- Schools -----------------------------------------------------------------------------------


@staff_required("programmes.view")
def school_list(request: HttpRequest) -> HttpResponse:
    schools = scoped(SchoolPartner.objects.all(), organisation_of(request)).prefetch_related(
        "placements", "assignments"
    )
    return render(
        request,
        "programmes/school_list.html",
        {"schools": schools, "can_manage": can(request, "programmes.manage")},
    )


@staff_required("programmes.manage")
def school_create(request: HttpRequest) -> HttpResponse:
    form = SchoolForm(request.POST if request.method == "POST" else None)
    return _save_page(
        request,
        form,
        services.save_school,
        None,
        success=_("De school is toegevoegd."),
        destination="programmes:school_detail",
        with_pk=True,
        title=_("Nieuwe schoolpartner"),
        back="programmes:schools",
    )


@staff_required("programmes.manage")
def school_edit(request: HttpRequest, pk: int) -> HttpResponse:
    school = get_for_organisation(SchoolPartner, organisation_of(request), pk=pk)
    form = SchoolForm(request.POST if request.method == "POST" else None, instance=school)
    return _save_page(
        request,
        form,
        services.save_school,
        school,
        success=_("De school is opgeslagen."),
        destination="programmes:school_detail",
        with_pk=True,
        title=_("Schoolpartner wijzigen"),
        back="programmes:schools",
    )


@staff_required("programmes.view")
def school_detail(request: HttpRequest, pk: int, **extra: Any) -> HttpResponse:
    school = get_for_organisation(SchoolPartner, organisation_of(request), pk=pk)
    today = timezone.localdate()
    return render(
        request,
        "programmes/school_detail.html",
        {
            "school": school,
            "places": [
                {"place": p, "state": PlacementState(p.state(today)).label}
                for p in school.placements.select_related("vacancy")
            ],
            "assignments": [
                {"assignment": a, "moves": services.assignment_moves(a)}
                for a in school.assignments.all()
            ],
            "assignment_form": extra.get("assignment_form") or AssignmentForm(),
            "can_manage": can(request, "programmes.manage"),
            "errors": extra.get("errors", []),
            "move_labels": {
                "offer": _("Bied aan"),
                "accept": _("School accepteert"),
                "start": _("Klas begint"),
                "complete": _("Rond af"),
                "cancel": _("Stop"),
            },
            "programmes_offered": [
                line for line in school.programmes_offered.splitlines() if line.strip()
            ],
        },
        status=400 if extra.get("errors") else 200,
    )


@require_POST
@staff_required("programmes.manage")
def assignment_add(request: HttpRequest, pk: int) -> HttpResponse:
    school = get_for_organisation(SchoolPartner, organisation_of(request), pk=pk)
    form = AssignmentForm(request.POST)
    if not form.is_valid():
        return school_detail.__wrapped__(
            request, pk, assignment_form=form, errors=[_("Vul de opdracht in.")]
        )  # type: ignore[attr-defined]
    services.add_assignment(school, user=request.user, data=form.cleaned_data)
    messages.success(request, _("De opdracht is toegevoegd."))
    return redirect("programmes:school_detail", pk=school.pk)


@require_POST
@staff_required("programmes.manage")
def assignment_transition(request: HttpRequest, pk: int) -> HttpResponse:
    assignment = get_for_organisation(SchoolAssignment, organisation_of(request), pk=pk)
    try:
        services.transition_assignment(assignment, request.POST.get("move", ""), user=request.user)
    except ValidationError as exc:
        show_errors(request, exc)
    else:
        messages.success(request, _("De status van de opdracht is bijgewerkt."))
    return redirect("programmes:school_detail", pk=assignment.school_id)


# --- Learn-work tracks -------------------------------------------------------------------------


@staff_required("programmes.view")
def track_list(request: HttpRequest) -> HttpResponse:
    tracks = (
        scoped(LearnWorkTrack.objects.all(), organisation_of(request))
        .select_related("plan")
        .prefetch_related("plan__supporters__user")
    )
    rows = [{"track": t, "coach": t.plan.supporter("language_coach")} for t in tracks]
    return render(
        request,
        "programmes/track_list.html",
        {"rows": rows, "can_manage": can(request, "programmes.manage")},
    )


@staff_required("programmes.manage")
def track_create(request: HttpRequest) -> HttpResponse:
    plans = _plans(request).filter(learn_work_track__isnull=True)
    form = TrackForm(
        request.POST if request.method == "POST" else None,
        plans=plans,
        initial={"starts_on": timezone.localdate()},
    )
    return _save_page(
        request,
        form,
        services.save_track,
        None,
        success=_("Het leerwerktraject is opgeslagen."),
        destination="programmes:tracks",
        with_pk=False,
        title=_("Nieuw leerwerktraject"),
        back="programmes:tracks",
    )


@staff_required("programmes.manage")
def track_edit(request: HttpRequest, pk: int) -> HttpResponse:
    track = get_for_organisation(LearnWorkTrack, organisation_of(request), pk=pk)
    form = TrackForm(
        request.POST if request.method == "POST" else None, instance=track, plans=_plans(request)
    )
    return _save_page(
        request,
        form,
        services.save_track,
        track,
        success=_("Het leerwerktraject is opgeslagen."),
        destination="programmes:tracks",
        with_pk=False,
        title=_("Leerwerktraject wijzigen"),
        back="programmes:tracks",
    )


# --- Figures -----------------------------------------------------------------------------------
# The figures moved to Insights; the old address sends the reader there.

figures_view = moved_page("insights:programmes")


# ------------------------------------------------------------------ the programme team (Rijk)

team_only = programme_team_required(
    "programmes.rijk", _lazy("Alleen het programmateam ziet de programma's van het hele Rijk.")
)


@require_GET
@team_only
def rijk_cohorts(request: HttpRequest) -> HttpResponse:
    """Every organisation's cohorts and trainee groups, with counts (no names)."""
    today = timezone.localdate()
    cohorts = (
        Cohort.objects.select_related("organisation")
        .prefetch_related("participating_organisations")
        .annotate(participants=Count("members", distinct=True))
        .order_by("-starts_on", "name")
    )
    rows = [
        {
            "cohort": cohort,
            "participants": cohort.participants,
            "running": cohort.starts_on <= today <= cohort.ends_on,
            "others": [o.name for o in cohort.participating_organisations.all()],
        }
        for cohort in cohorts
    ]
    return render(request, "programmes/rijk_cohorts.html", {"rows": rows})


@require_GET
@team_only
def rijk_places(request: HttpRequest) -> HttpResponse:
    """BBL places and internships per organisation: how many, filled, free (no names)."""
    today = timezone.localdate()
    per_organisation: dict[Any, Counter[str]] = defaultdict(Counter)
    for place in Placement.objects.select_related("organisation").order_by("organisation__name"):
        state = place.state(today)
        counts = per_organisation[place.organisation]
        counts[f"{place.kind}:total"] += 1
        counts[f"{place.kind}:{state}"] += 1
    kinds = list(PlacementKind.choices)
    rows = [
        {
            "organisation": organisation,
            "kinds": [
                {
                    "label": label,
                    "total": counts[f"{kind}:total"],
                    "filled": counts[f"{kind}:{PlacementState.FILLED}"]
                    + counts[f"{kind}:{PlacementState.ENDING}"],
                    "open": counts[f"{kind}:{PlacementState.OPEN}"],
                }
                for kind, label in kinds
            ],
        }
        for organisation, counts in per_organisation.items()
    ]
    return render(request, "programmes/rijk_places.html", {"rows": rows, "kinds": kinds})
