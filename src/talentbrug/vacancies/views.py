"""Staff pages for vacancies. Thin: parse, authorise, call a service, respond."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from talentbrug.accounts.access import (
    StaffRequest,
    can,
    get_for_organisation,
    scoped,
    staff_required,
)
from talentbrug.audit.services import events_for_object
from talentbrug.core.forms import error_messages, show_errors
from talentbrug.taxonomy.models import Occupation, Skill
from talentbrug.taxonomy.services import search_occupations, search_skills

from . import carving, hooks, services
from .checking import check_vacancy
from .constants import VacancyStatus
from .forms import (
    JustifyForm,
    LanguageRequirementForm,
    RequirementForm,
    TransitionForm,
    VacancyForm,
)
from .models import Vacancy
from .workflow import is_author


def _vacancy(request: StaffRequest, pk: int) -> Vacancy:
    return get_for_organisation(Vacancy, request.organisation, pk=pk)


def _child(queryset: Any, pk: int) -> Any:
    """A requirement of an already-authorised vacancy, or 404."""
    item = queryset.filter(pk=pk).first()
    if item is None:
        raise Http404(_("Deze eis bestaat niet."))
    return item


@staff_required("vacancies.view")
def vacancy_list(request: StaffRequest) -> HttpResponse:
    vacancies = scoped(Vacancy.objects.all(), request.organisation).order_by("-updated_at")
    status = request.GET.get("status", "")
    query = request.GET.get("q", "").strip()
    if status in VacancyStatus.values:
        vacancies = vacancies.filter(status=status)
    if query:
        vacancies = vacancies.filter(title__icontains=query)
    page = Paginator(vacancies, 25).get_page(request.GET.get("pagina"))
    templates = scoped(Vacancy.objects.filter(is_template=True), request.organisation)
    return render(
        request,
        "vacancies/vacancy_list.html",
        {
            "page": page,
            "statuses": VacancyStatus.choices,
            "status": status,
            "query": query,
            "templates": templates,
            "can_edit": can(request, "vacancies.edit"),
        },
    )


@staff_required("vacancies.edit")
def vacancy_create(request: StaffRequest) -> HttpResponse:
    form = VacancyForm(request.POST or None, organisation=request.organisation)
    if request.method == "POST" and form.is_valid():
        try:
            vacancy = services.create_vacancy(
                organisation=request.organisation,
                user=request.user,
                roles=request.roles,
                data=form.cleaned_data,
            )
        except ValidationError as exc:
            for message in error_messages(exc):
                form.add_error(None, message)
        else:
            messages.success(
                request, _("De vacature is opgeslagen als concept. Voeg nu de eisen toe.")
            )
            return redirect("vacancies:detail", pk=vacancy.pk)
    return render(request, "vacancies/vacancy_form.html", {"form": form, "vacancy": None})


@staff_required("vacancies.edit")
def vacancy_edit(request: StaffRequest, pk: int) -> HttpResponse:
    vacancy = _vacancy(request, pk)
    if vacancy.status not in services.EDITABLE:
        messages.warning(
            request, _("Deze vacature kan niet meer worden gewijzigd. Heropen hem eerst.")
        )
        return redirect("vacancies:detail", pk=vacancy.pk)
    form = VacancyForm(request.POST or None, instance=vacancy, organisation=vacancy.organisation)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_vacancy(
                vacancy, user=request.user, roles=request.roles, data=form.cleaned_data
            )
        except ValidationError as exc:
            for message in error_messages(exc):
                form.add_error(None, message)
        else:
            messages.success(request, _("De vacature is opgeslagen."))
            return redirect("vacancies:detail", pk=vacancy.pk)
    return render(
        request,
        "vacancies/vacancy_form.html",
        {"form": form, "vacancy": vacancy, "check": check_vacancy(vacancy)},
    )


@require_POST
@staff_required("vacancies.edit")
def vacancy_check(request: StaffRequest) -> HttpResponse:
    """htmx: check the text in the form as the adviser types; saves nothing."""
    pk = request.POST.get("vacancy")
    instance = (
        _vacancy(request, int(pk))
        if pk and pk.isdigit()
        else Vacancy(organisation=request.organisation)
    )
    form = VacancyForm(request.POST, instance=instance, organisation=instance.organisation)
    form.is_valid()  # fills instance with what could be read; errors are shown on save
    try:
        services.clean_sections({name: form.data.get(name, "") for name in Vacancy.SECTION_FIELDS})
    except ValidationError as exc:
        return render(request, "vacancies/_findings.html", {"errors": error_messages(exc)})
    for name in Vacancy.SECTION_FIELDS:
        setattr(instance, name, form.data.get(name, ""))
    instance.title = form.data.get("title", "")
    return render(
        request, "vacancies/_findings.html", {"check": check_vacancy(instance), "live": True}
    )


@staff_required("vacancies.view")
def vacancy_detail(request: StaffRequest, pk: int) -> HttpResponse:
    vacancy = _vacancy(request, pk)
    return _render_detail(request, vacancy)


def _render_detail(request: StaffRequest, vacancy: Vacancy, **extra: Any) -> HttpResponse:
    roles = request.roles
    context = {
        "vacancy": vacancy,
        "check": check_vacancy(vacancy),
        "moves": services.available_moves(vacancy, roles, request.user),
        "awaits_other_reviewer": vacancy.status == VacancyStatus.IN_REVIEW
        and is_author(vacancy, request.user),
        "editable": vacancy.status in services.EDITABLE and can(request, "vacancies.edit"),
        "can_justify": can(request, "vacancies.justify"),
        "requirements": vacancy.requirements.select_related("skill"),
        "language_requirements": vacancy.language_requirements.all(),
        "requirement_form": extra.pop("requirement_form", None) or RequirementForm(),
        "language_form": extra.pop("language_form", None) or LanguageRequirementForm(),
        "justify_form": extra.pop("justify_form", None) or JustifyForm(),
        "events": events_for_object(vacancy)[:10],
        "carved_roles": vacancy.carved_roles.all(),
        "salary": vacancy.salary_range(),
        **hooks.detail_context(vacancy),
        "skill_query": request.GET.get("skill_q", "")[:100],
        "skill_results": list(search_skills(request.GET.get("skill_q", "")[:100])),
        **extra,
    }
    status = 400 if any(k.endswith("_errors") for k in extra) else 200
    return render(request, "vacancies/vacancy_detail.html", context, status=status)


@require_POST
@staff_required("vacancies.view")
def vacancy_transition(request: StaffRequest, pk: int) -> HttpResponse:
    vacancy = _vacancy(request, pk)
    form = TransitionForm(request.POST)
    if not form.is_valid():
        return _render_detail(request, vacancy, transition_errors=[_("Kies een stap.")])
    try:
        services.transition(
            vacancy,
            form.cleaned_data["move"],
            user=request.user,
            roles=request.roles,
            comment=form.cleaned_data["comment"],
        )
    except ValidationError as exc:
        return _render_detail(request, vacancy, transition_errors=error_messages(exc))
    vacancy.refresh_from_db()
    messages.success(
        request, _("Status is nu: %(status)s.") % {"status": vacancy.get_status_display()}
    )
    return redirect("vacancies:detail", pk=vacancy.pk)


@require_POST
@staff_required("vacancies.justify")
def vacancy_justify(request: StaffRequest, pk: int) -> HttpResponse:
    vacancy = _vacancy(request, pk)
    form = JustifyForm(request.POST)
    if form.is_valid():
        try:
            services.justify_findings(
                vacancy, user=request.user, roles=request.roles, text=form.cleaned_data["text"]
            )
        except ValidationError as exc:
            return _render_detail(
                request, vacancy, justify_form=form, justify_errors=error_messages(exc)
            )
        messages.success(request, _("De onderbouwing is vastgelegd in het logboek."))
        return redirect("vacancies:detail", pk=vacancy.pk)
    return _render_detail(
        request,
        vacancy,
        justify_form=form,
        justify_errors=[_("Schrijf een onderbouwing van minstens 20 tekens.")],
    )


@require_POST
@staff_required("vacancies.edit")
def vacancy_duplicate(request: StaffRequest, pk: int) -> HttpResponse:
    source = _vacancy(request, pk)
    copy = services.duplicate_vacancy(source, user=request.user, roles=request.roles)
    messages.success(request, _("Er is een nieuw concept gemaakt. Pas de titel en datums aan."))
    return redirect("vacancies:edit", pk=copy.pk)


@require_POST
@staff_required("vacancies.edit")
def requirement_add(request: StaffRequest, pk: int) -> HttpResponse:
    vacancy = _vacancy(request, pk)
    form = RequirementForm(request.POST)
    if form.is_valid():
        skill = None
        if form.cleaned_data["skill"]:
            skill = Skill.objects.filter(esco_id=form.cleaned_data["skill"]).first()
            if skill is None:
                form.add_error(None, _("Deze vaardigheid bestaat niet in ESCO."))
        if not form.errors:
            try:
                services.add_requirement(
                    vacancy,
                    user=request.user,
                    roles=request.roles,
                    skill=skill,
                    free_text=form.cleaned_data["free_text"],
                    kind=form.cleaned_data["kind"],
                    evidence=form.cleaned_data["evidence"],
                )
            except ValidationError as exc:
                for message in error_messages(exc):
                    form.add_error(None, message)
            else:
                messages.success(request, _("De eis is toegevoegd."))
                return redirect(f"{vacancy.get_absolute_url()}#eisen")
    return _render_detail(request, vacancy, requirement_form=form, requirement_errors=True)


@require_POST
@staff_required("vacancies.edit")
def requirement_remove(request: StaffRequest, pk: int, requirement_pk: int) -> HttpResponse:
    vacancy = _vacancy(request, pk)
    requirement = _child(vacancy.requirements.all(), requirement_pk)
    try:
        services.remove_requirement(requirement, user=request.user, roles=request.roles)
    except ValidationError as exc:
        show_errors(request, exc)
    return redirect(f"{vacancy.get_absolute_url()}#eisen")


@require_POST
@staff_required("vacancies.edit")
def language_add(request: StaffRequest, pk: int) -> HttpResponse:
    vacancy = _vacancy(request, pk)
    form = LanguageRequirementForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        if vacancy.language_requirements.filter(
            language=data["language"], skill=data["skill"]
        ).exists():
            form.add_error(
                "skill", _("Voor deze taal en vaardigheid is al een eis. Verwijder die eerst.")
            )
        else:
            try:
                services.add_language_requirement(
                    vacancy, user=request.user, roles=request.roles, **data
                )
            except ValidationError as exc:
                if hasattr(exc, "error_dict"):
                    for field, errors in exc.message_dict.items():
                        for message in errors:
                            form.add_error(field if field in form.fields else None, message)
                else:
                    for message in error_messages(exc):
                        form.add_error(None, message)
            else:
                messages.success(request, _("De taaleis is toegevoegd."))
                return redirect(f"{vacancy.get_absolute_url()}#taaleisen")
    return _render_detail(request, vacancy, language_form=form, language_errors=True)


@require_POST
@staff_required("vacancies.edit")
def language_remove(request: StaffRequest, pk: int, language_pk: int) -> HttpResponse:
    vacancy = _vacancy(request, pk)
    requirement = _child(vacancy.language_requirements.all(), language_pk)
    try:
        services.remove_language_requirement(requirement, user=request.user, roles=request.roles)
    except ValidationError as exc:
        show_errors(request, exc)
    return redirect(f"{vacancy.get_absolute_url()}#taaleisen")


@staff_required("taxonomy.search")
def skill_search(request: StaffRequest) -> HttpResponse:
    query = (request.GET.get("skill_q") or request.GET.get("q") or "")[:100]
    results = list(search_skills(query)) if len(query.strip()) >= 2 else []
    template = "vacancies/_skill_results.html"
    return render(
        request,
        template,
        {"results": results, "query": query, "vacancy_pk": request.GET.get("vacancy", "")},
    )


@staff_required("vacancies.edit")
def carve_start(request: StaffRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:100]
    occupations = list(search_occupations(query, ict_only=False)) if len(query) >= 2 else []
    vacancies = scoped(
        Vacancy.objects.exclude(status=VacancyStatus.WITHDRAWN), request.organisation
    )[:50]
    return render(
        request,
        "vacancies/carve_start.html",
        {"query": query, "occupations": occupations, "vacancies": vacancies},
    )


@staff_required("vacancies.edit")
def carve(request: StaffRequest, source: str, source_pk: int) -> HttpResponse:
    source_vacancy: Vacancy | None = None
    occupation: Occupation | None = None
    if source not in ("vacature", "beroep"):
        raise Http404(_("Onbekende bron."))
    if source == "vacature":
        source_vacancy = _vacancy(request, source_pk)
        items = carving.items_from_vacancy(source_vacancy)
        source_label = source_vacancy.title
    else:
        occupation = Occupation.objects.filter(pk=source_pk).first()
        if occupation is None:
            raise Http404(_("Dit beroep bestaat niet."))
        items = carving.items_from_occupation(occupation)
        source_label = occupation.label()
    chosen_keys = set(request.POST.getlist("item")) if request.method == "POST" else set()
    levels = {
        item.key: request.POST.get(f"level-{item.key}", item.suggested_level) for item in items
    }
    title = request.POST.get("title", "").strip()
    errors: list[str] = []
    chosen = [item for item in items if item.key in chosen_keys]
    warnings = (
        carving.carving_warnings(chosen, levels, len(items)) if request.method == "POST" else []
    )
    if request.method == "POST" and request.POST.get("action") == "create":
        try:
            vacancy = carving.carve_vacancy(
                organisation=request.organisation,
                user=request.user,
                roles=request.roles,
                title=title,
                items=items,
                chosen_keys=chosen_keys,
                levels=levels,
                source_vacancy=source_vacancy,
                source_occupation=occupation,
            )
        except ValidationError as exc:
            errors = error_messages(exc)
        else:
            for warning in warnings:
                messages.warning(request, warning)
            messages.success(request, _("De nieuwe rol is gemaakt als concept."))
            return redirect("vacancies:detail", pk=vacancy.pk)
    remaining = [item for item in items if item.key not in chosen_keys]
    return render(
        request,
        "vacancies/carve.html",
        {
            "items": items,
            "chosen_keys": chosen_keys,
            "levels": levels,
            "level_choices": carving.LEVELS,
            "title": title,
            "warnings": warnings,
            "errors": errors,
            "remaining": remaining,
            "source_label": source_label,
            "source": source,
            "source_pk": source_pk,
            "previewed": request.method == "POST",
        },
        status=400 if errors else 200,
    )
