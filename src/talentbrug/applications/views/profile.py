"""The candidate's profile in the portal: confirming and editing what was read from the CV."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.db import transaction
from django.forms import BaseForm
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from talentbrug.core.portal import candidate_required

from ..constants import (
    LanguageEvidence,
    SkillSource,
)
from ..forms.profile import (
    EducationForm,
    EntriesForm,
    ExperienceForm,
    LanguageForm,
    SkillsForm,
    describe_education,
    describe_experience,
)
from ..models import (
    Candidate,
    Education,
    Experience,
    LanguageProficiency,
)
from ..services import errors as application_errors
from ..services import extraction, profile
from ..uploads import clean_text


@candidate_required
def portal_profile(request: HttpRequest) -> HttpResponse:
    candidate: Candidate = request.candidate  # type: ignore[attr-defined]
    action = request.POST.get("action") if request.method == "POST" else None
    skills = candidate.skills.all()
    found_education = candidate.educations.filter(confirmed=False)
    found_experience = candidate.experiences.filter(confirmed=False)
    open_applications = profile.open_applications_by_organisation(candidate)
    forms_ = {
        "skills": SkillsForm(skills=skills),
        "found_education": EntriesForm(
            entries=found_education, describe=describe_education, prefix="fedu"
        ),
        "found_experience": EntriesForm(
            entries=found_experience, describe=describe_experience, prefix="fexp"
        ),
        "education": EducationForm(prefix="edu", applications=open_applications),
        "experience": ExperienceForm(prefix="exp"),
        "language": LanguageForm(prefix="lang"),
    }
    if action in forms_:
        form: BaseForm
        if action == "skills":
            form = SkillsForm(request.POST, skills=skills)
        elif action == "found_education":
            form = EntriesForm(
                request.POST, entries=found_education, describe=describe_education, prefix="fedu"
            )
        elif action == "found_experience":
            form = EntriesForm(
                request.POST,
                entries=found_experience,
                describe=describe_experience,
                prefix="fexp",
            )
        elif action == "education":
            form = EducationForm(
                request.POST, request.FILES, prefix="edu", applications=open_applications
            )
        else:
            form = {
                "experience": ExperienceForm,
                "language": LanguageForm,
            }[action](request.POST, prefix=forms_[action].prefix)
        forms_[action] = form
        if form.is_valid():
            try:
                _save_profile_part(candidate, action, form.cleaned_data, form)
            except application_errors.ApplyError as exc:
                form.add_error(exc.field if exc.field in form.fields else None, exc.message)
            else:
                messages.success(request, _("Opgeslagen. Dank je wel."))
                return redirect(reverse("applications:portal_profile") + f"#{action}")
    status = 400 if action else 200
    return render(
        request,
        "applications/portal/profile.html",
        {
            "candidate": candidate,
            "forms": forms_,
            "skills": skills,
            "educations": candidate.educations.filter(confirmed=True).select_related(
                "application__organisation", "evaluation_document"
            ),
            "experiences": candidate.experiences.filter(confirmed=True),
            "found_education": found_education,
            "found_experience": found_experience,
            "languages": candidate.languages.all(),
            "pending": candidate.documents.filter(extraction_status="pending").exists(),
        },
        status=status,
    )


def _save_profile_part(
    candidate: Candidate, action: str, data: dict[str, Any], form: BaseForm
) -> None:

    with transaction.atomic():
        if action == "skills":
            profile.confirm_skills(candidate, data.get("keep", []))
            if data.get("new_skill"):
                extraction.add_chosen_skill(candidate, data["new_skill"])
        elif action in ("found_education", "found_experience"):
            profile.confirm_entries(candidate, action.removeprefix("found_"), data.get("keep", []))
        elif action == "education":
            profile.add_profile_education(
                candidate,
                {
                    "programme": clean_text(data["programme"], 200),
                    "institution": clean_text(data.get("institution", ""), 200),
                    "country": clean_text(data.get("country", ""), 100),
                    "level": data.get("level", ""),
                    "level_source": data["level_source"],
                    "evaluation_reference": clean_text(data.get("evaluation_reference", ""), 40),
                    "evaluation_date": data.get("evaluation_date"),
                    "completed": data.get("completed", False),
                    "crebo": clean_text(data.get("crebo", ""), 10),
                    "mbo_path": data.get("mbo_path", ""),
                    "expected_graduation": data.get("expected_graduation"),
                },
                application=data.get("application"),
                upload=data.get("evaluation_file"),
                checked=getattr(form, "checked", None),
            )
        elif action == "experience":
            country = clean_text(data.get("country", ""), 100)
            Experience.objects.create(
                candidate=candidate,
                title=clean_text(data["title"], 200),
                organisation_name=clean_text(data.get("organisation_name", ""), 200),
                country=country,
                abroad=bool(country) and country.lower() not in ("nederland", "netherlands"),
                unpaid=data.get("unpaid", False),
                description=clean_text(data.get("description", ""), 5000),
            )
        elif action == "language":
            LanguageProficiency.objects.update_or_create(
                candidate=candidate,
                language=data["language"],
                skill=data["skill"],
                defaults={
                    "level": data["level"],
                    "evidence": data.get("evidence") or LanguageEvidence.SELF_DECLARED,
                    "source": SkillSource.CHOSEN,
                    "confirmed": True,
                    "evidence_text": "",
                },
            )


@require_POST
@candidate_required
def portal_profile_remove(request: HttpRequest, kind: str, pk: int) -> HttpResponse:
    candidate: Candidate = request.candidate  # type: ignore[attr-defined]
    model = {"opleiding": Education, "ervaring": Experience, "taal": LanguageProficiency}.get(kind)
    if model is None:
        raise Http404
    row = get_object_or_404(model, pk=pk, candidate=candidate)
    if isinstance(row, Education):
        profile.remove_profile_education(row)
    else:
        row.delete()
    messages.success(request, _("Verwijderd."))
    return redirect("applications:portal_profile")


@require_POST
@candidate_required
def portal_profile_confirm_language(request: HttpRequest, pk: int) -> HttpResponse:
    """The candidate says a language level found in their text is right."""
    candidate: Candidate = request.candidate  # type: ignore[attr-defined]
    row = get_object_or_404(LanguageProficiency, pk=pk, candidate=candidate)
    row.confirmed = True
    row.save(update_fields=["confirmed"])
    messages.success(request, _("Opgeslagen. Dank je wel."))
    return redirect(reverse("applications:portal_profile") + "#language")
