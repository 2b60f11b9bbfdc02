"""The only place that changes vacancies: create, edit, review workflow, justify, duplicate, carve."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from talentbrug.accounts.access import PERMISSIONS
from talentbrug.accounts.models import Membership
from talentbrug.audit.services import record_event
from talentbrug.workflows import Move

from .checking import check_vacancy, language_needs_justification, sanitise_html, word_count
from .constants import MAX_WORDS, RequirementKind, VacancyStatus
from .models import LanguageRequirement, Requirement, Vacancy
from .signals import vacancy_moved
from .workflow import VACANCY_FLOW, TransitionError, is_author  # noqa: F401 - used by views

S = VacancyStatus


# The review workflow lives in workflow.py; the name MOVES stays for the move table by name.
MOVES: dict[str, Move] = VACANCY_FLOW.by_name
EDITABLE = frozenset({S.CONCEPT, S.IN_REVIEW})


def _require(roles: Iterable[str], action: str) -> None:
    if not set(roles) & PERMISSIONS[action]:
        raise PermissionDenied(_("Uw rol mag dit niet."))


def available_moves(vacancy: Vacancy, roles: Iterable[str], user: Any = None) -> list[Move]:
    """The moves these roles (and this person: four eyes) may make now, for the buttons."""
    return VACANCY_FLOW.available_moves(user, vacancy, roles=roles)


def clean_sections(data: dict[str, Any]) -> dict[str, Any]:
    """Sanitise the section HTML and refuse texts over the word limit (changes nothing)."""
    cleaned = dict(data)
    total = 0
    for name in Vacancy.SECTION_FIELDS:
        if name in cleaned:
            cleaned[name] = sanitise_html(cleaned[name] or "")
            total += word_count(cleaned[name])
        if f"{name}_en" in cleaned:
            cleaned[f"{name}_en"] = sanitise_html(cleaned[f"{name}_en"] or "")
            total += word_count(cleaned[f"{name}_en"])
    if total > MAX_WORDS:
        raise ValidationError(
            _("De tekst is te lang: %(count)s woorden. Het maximum is %(max)s woorden.")
            % {"count": total, "max": MAX_WORDS}
        )
    return cleaned


def _check_support(vacancy: Vacancy) -> None:
    """The onboarding template and the hiring manager come from the vacancy's own organisation."""

    template = vacancy.onboarding_template
    if template is not None and template.organisation_id != vacancy.organisation_id:
        raise ValidationError(
            {"onboarding_template": _("Kies een inwerksjabloon van uw eigen organisatie.")}
        )
    manager = vacancy.hiring_manager
    if manager is not None and not (
        manager.is_active
        and Membership.objects.filter(
            user=manager, organisation_id=vacancy.organisation_id
        ).exists()
    ):
        raise ValidationError(
            {"hiring_manager": _("Deze leidinggevende werkt niet (meer) bij uw organisatie.")}
        )


@transaction.atomic
def create_vacancy(
    *, organisation: Any, user: Any, roles: Iterable[str], data: dict[str, Any]
) -> Vacancy:
    _require(roles, "vacancies.edit")
    vacancy = Vacancy(organisation=organisation, created_by=user, **clean_sections(data))
    _check_support(vacancy)
    vacancy.full_clean()
    vacancy.save()
    record_event("vacancy.created", actor=user, organisation=organisation, obj=vacancy)
    return vacancy


@transaction.atomic
def update_vacancy(
    vacancy: Vacancy, *, user: Any, roles: Iterable[str], data: dict[str, Any]
) -> Vacancy:
    _require(roles, "vacancies.edit")
    if vacancy.status not in EDITABLE:
        raise TransitionError(
            _(
                "Een vacature met status '%(status)s' kan niet meer worden gewijzigd. Heropen hem eerst."
            )
            % {"status": vacancy.get_status_display()}
        )
    for key, value in clean_sections(data).items():
        setattr(vacancy, key, value)
    _check_support(vacancy)
    vacancy.full_clean()
    # A changed text needs a fresh justification for blocking findings.
    vacancy.check_justification = ""
    vacancy.check_justified_by = None
    vacancy.check_justified_at = None
    vacancy.save()
    record_event("vacancy.updated", actor=user, organisation=vacancy.organisation, obj=vacancy)
    return vacancy


@transaction.atomic
def transition(
    vacancy: Vacancy, move_name: str, *, user: Any, roles: Iterable[str], comment: str = ""
) -> Vacancy:
    """Apply one workflow move; refuses moves that are not allowed from the current status."""
    vacancy = Vacancy.objects.select_for_update().get(pk=vacancy.pk)
    move = VACANCY_FLOW.check(vacancy, move_name, user=user, roles=roles)
    if move.name == "publish":
        _ensure_publishable(vacancy)
        vacancy.published_at = timezone.now()
        if not vacancy.placement_date:
            vacancy.placement_date = timezone.localdate()
    if move.name == "submit":
        vacancy.submitted_by = user
        vacancy.review_comment = ""
    if move.name == "send_back":
        if not comment.strip():
            raise TransitionError(_("Schrijf op waarom u de vacature terugstuurt."))
        vacancy.review_comment = comment.strip()
    previous = vacancy.status
    assert move.target is not None  # every vacancy move leads to a state
    vacancy.status = move.target
    vacancy.save()
    record_event(
        "vacancy.transition",
        actor=user,
        organisation=vacancy.organisation,
        obj=vacancy,
        from_status=previous,
        to_status=move.target,
        move=move.name,
    )
    vacancy_moved.send(
        sender=Vacancy,
        vacancy=vacancy,
        move=move.name,
        user=user,
        from_status=previous,
        to_status=move.target,
    )
    return vacancy


def _ensure_publishable(vacancy: Vacancy) -> None:
    problems = []
    if not vacancy.closing_date:
        problems.append(_("Vul een sluitingsdatum in."))
    elif vacancy.closing_date < timezone.localdate():
        problems.append(_("De sluitingsdatum ligt in het verleden."))
    result = check_vacancy(vacancy)
    if result.blocking and not vacancy.check_justification:
        problems.append(
            _(
                "Er zijn %(count)s blokkerende punten. Los ze op, of leg als HR-adviseur vast waarom ze kloppen."
            )
            % {"count": len(result.blocking)}
        )
    if problems:
        raise TransitionError(problems)


@transaction.atomic
def justify_findings(vacancy: Vacancy, *, user: Any, roles: Iterable[str], text: str) -> Vacancy:
    """An HR adviser records why blocking findings are acceptable; audited."""
    _require(roles, "vacancies.justify")
    text = text.strip()
    if len(text) < 20:
        raise ValidationError(_("Schrijf een onderbouwing van minstens 20 tekens."))
    result = check_vacancy(vacancy)
    if not result.blocking:
        raise ValidationError(_("Er zijn geen blokkerende punten om te onderbouwen."))
    vacancy.check_justification = text
    vacancy.check_justified_by = user
    vacancy.check_justified_at = timezone.now()
    vacancy.save(
        update_fields=[
            "check_justification",
            "check_justified_by",
            "check_justified_at",
            "updated_at",
        ]
    )
    record_event(
        "vacancy.findings_justified",
        actor=user,
        organisation=vacancy.organisation,
        obj=vacancy,
        count=len(result.blocking),
    )
    return vacancy


def _ensure_editable(vacancy: Vacancy) -> None:
    if vacancy.status not in EDITABLE:
        raise TransitionError(_("Deze vacature kan niet meer worden gewijzigd."))


@transaction.atomic
def add_requirement(
    vacancy: Vacancy,
    *,
    user: Any,
    roles: Iterable[str],
    skill: Any = None,
    free_text: str = "",
    kind: str = RequirementKind.MUST_HAVE,
    evidence: list[str] | None = None,
) -> Requirement:
    _require(roles, "vacancies.edit")
    _ensure_editable(vacancy)
    if skill is None and not free_text.strip():
        raise ValidationError(_("Kies een vaardigheid uit ESCO of vul een eigen competentie in."))
    if skill is not None and vacancy.requirements.filter(skill=skill).exists():
        raise ValidationError(_("Deze vaardigheid staat al bij de eisen."))
    requirement = Requirement.objects.create(
        vacancy=vacancy,
        skill=skill,
        free_text=free_text.strip(),
        kind=kind,
        evidence=list(evidence or []),
        position=vacancy.requirements.count(),
    )
    record_event(
        "vacancy.requirement_added",
        actor=user,
        organisation=vacancy.organisation,
        obj=vacancy,
        kind=kind,
    )
    return requirement


@transaction.atomic
def remove_requirement(requirement: Requirement, *, user: Any, roles: Iterable[str]) -> None:
    _require(roles, "vacancies.edit")
    _ensure_editable(requirement.vacancy)
    vacancy = requirement.vacancy
    requirement.delete()
    record_event(
        "vacancy.requirement_removed", actor=user, organisation=vacancy.organisation, obj=vacancy
    )


@transaction.atomic
def add_language_requirement(
    vacancy: Vacancy,
    *,
    user: Any,
    roles: Iterable[str],
    language: str,
    skill: str,
    level: str,
    timing: str,
    justification: str = "",
) -> LanguageRequirement:
    _require(roles, "vacancies.edit")
    _ensure_editable(vacancy)
    if language_needs_justification(level) and len(justification.strip()) < 20:
        raise ValidationError(
            {
                "justification": _(
                    "Boven B1 is een onderbouwing verplicht: waarom vraagt het werk dit niveau?"
                )
            }
        )
    requirement = LanguageRequirement(
        vacancy=vacancy,
        language=language,
        skill=skill,
        level=level,
        timing=timing,
        justification=justification.strip(),
    )
    requirement.full_clean()
    requirement.save()
    record_event(
        "vacancy.language_requirement_added",
        actor=user,
        organisation=vacancy.organisation,
        obj=vacancy,
        level=level,
    )
    return requirement


@transaction.atomic
def remove_language_requirement(
    requirement: LanguageRequirement, *, user: Any, roles: Iterable[str]
) -> None:
    _require(roles, "vacancies.edit")
    _ensure_editable(requirement.vacancy)
    vacancy = requirement.vacancy
    requirement.delete()
    record_event(
        "vacancy.language_requirement_removed",
        actor=user,
        organisation=vacancy.organisation,
        obj=vacancy,
    )


COPY_EXCLUDE = {
    "id",
    "status",
    "created_at",
    "updated_at",
    "published_at",
    "created_by",
    "submitted_by",
    "check_justification",
    "check_justified_by",
    "check_justified_at",
    "review_comment",
    "is_template",
    "placement_date",
    "closing_date",
    "carved_from",
    "carved_from_occupation",
}


@transaction.atomic
def duplicate_vacancy(source: Vacancy, *, user: Any, roles: Iterable[str]) -> Vacancy:
    """A new concept with the same texts and requirements (also: 'new from template')."""
    _require(roles, "vacancies.edit")
    values = {
        f.attname: getattr(source, f.attname)
        for f in Vacancy._meta.concrete_fields
        if f.name not in COPY_EXCLUDE
    }
    copy = Vacancy.objects.create(**{**values, "created_by": user})
    if not source.is_template:
        copy.title = _("Kopie van %(title)s") % {"title": source.title}
        copy.save(update_fields=["title"])
    for req in source.requirements.all():
        Requirement.objects.create(
            vacancy=copy,
            skill=req.skill,
            free_text=req.free_text,
            kind=req.kind,
            evidence=req.evidence,
            position=req.position,
        )
    for lang in source.language_requirements.all():
        LanguageRequirement.objects.create(
            vacancy=copy,
            language=lang.language,
            skill=lang.skill,
            level=lang.level,
            timing=lang.timing,
            justification=lang.justification,
        )
    record_event(
        "vacancy.duplicated",
        actor=user,
        organisation=source.organisation,
        obj=copy,
        source=source.pk,
    )
    return copy


def close_expired(*, today: Any = None) -> list[int]:
    """System job: close published vacancies whose closing date has passed; returns their ids.

    Each vacancy goes through ``transition(..., "close")`` on its own (one transaction each), so
    it is audited like any close, with the system as actor (no user). The system acts with the
    roles that the permission table allows for the move. Safe to run again.
    """
    today = today or timezone.localdate()
    action = MOVES["close"].action
    assert action is not None  # the close move names its permission
    roles = PERMISSIONS[action]
    closed = []
    expired = Vacancy.objects.filter(status=S.PUBLISHED, closing_date__lt=today).order_by("pk")
    for vacancy in expired:
        try:
            transition(vacancy, "close", user=None, roles=roles)
        except TransitionError:
            continue  # someone else moved it in the meantime
        closed.append(vacancy.pk)
    return closed
