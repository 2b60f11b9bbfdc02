"""Reading a CV or text: the skills, languages, education and experience it names are
added to the candidate's profile (to be confirmed by the candidate).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db import models, transaction

from talentbrug.core import jobs
from talentbrug.core.jobs import hold_point
from talentbrug.core.safeparse import analyse
from talentbrug.taxonomy.models import Skill

from .. import tasks
from ..constants import (
    DocumentKind,
    EducationSource,
    ExtractionStatus,
    SkillSource,
)
from ..cvparse import CvStructure, parse_cv
from ..models import (
    Application,
    Candidate,
    CandidateSkill,
    Document,
    Education,
    Experience,
    LanguageProficiency,
)
from ..uploads import clean_text
from .profile import scoped_rows

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class FoundSkill:
    esco_id: str
    label: str
    confidence: float
    text: str


def read_text(text: str) -> Any:
    """Everything the one extraction path (``matches.reader``, registered with
    ``applications.signals.register_text_reader``) finds in ``text``: skills with
    their evidence, languages, education, work periods. Never raises: a failing reader is
    logged and reads nothing."""
    from talentbrug.matching.reading import ProfileReading

    from ..signals import text_reader

    reader = text_reader()
    if not text.strip() or reader is None:
        return ProfileReading()
    try:
        return reader(text)
    except Exception as exc:
        # The message may quote the text read (a CV): the kind of error only.
        logger.warning("text reading failed (%s)", type(exc).__name__)
        return ProfileReading()


def extract_skills(text: str) -> list[FoundSkill]:
    """Skills in ``text`` (ESCO ids), each with the sentence it came from as ``text``."""
    return [
        FoundSkill(f.skill_id, f.label, float(f.confidence), f.evidence[:300])
        for f in read_text(text).skills
    ]


def add_found_languages(candidate: Candidate, text: str) -> int:
    """Language levels read from ``text`` (``matching.reading.read_languages``: CEFR codes, NT2
    exams, "moedertaal", "goed", in the six candidate languages), stored unconfirmed with the
    line they came from. A level without a language skill ("Nederlands B1") is stored for all
    four skills. Rows the candidate already has are left alone. Returns the rows added."""
    from talentbrug.matching.reading import read_languages

    from ..constants import LanguageEvidence, LanguageSkillChoice

    have = set(candidate.languages.values_list("language", "skill"))
    added = 0
    for found in read_languages(text):
        if not found.level:
            continue
        exam = re.search(r"staatsexamen|nt2", found.evidence, re.IGNORECASE)
        for skill in [found.skill] if found.skill else list(LanguageSkillChoice.values):
            if (found.language, skill) in have:
                continue
            have.add((found.language, skill))
            LanguageProficiency.objects.create(
                candidate=candidate,
                language=found.language,
                skill=skill,
                level=found.level,
                evidence=LanguageEvidence.NT2_DIPLOMA
                if exam and found.language == "nl"
                else LanguageEvidence.SELF_DECLARED,
                source=SkillSource.EXTRACTED,
                confirmed=False,
                evidence_text=found.evidence[:300],
            )
            added += 1
    return added


def _same_scope(queryset: models.QuerySet[Any], application: Application | None) -> Any:
    if application is None:
        return queryset.filter(application__isnull=True)
    return scoped_rows(queryset, application.organisation_id)


def add_found_skills(
    candidate: Candidate, found: Iterable[FoundSkill], application: Application | None = None
) -> int:

    added = 0
    for item in found:
        if _same_scope(candidate.skills.filter(esco_id=item.esco_id), application).exists():
            continue
        CandidateSkill.objects.create(
            candidate=candidate,
            application=application,
            skill=Skill.objects.filter(esco_id=item.esco_id).first(),
            esco_id=item.esco_id,
            label=item.label[:300],
            source=SkillSource.EXTRACTED,
            confirmed=False,
            confidence=item.confidence,
            evidence_text=item.text,
        )
        added += 1
    return added


def extract_document_text(document_id: int) -> None:
    """Read the text of a stored document and add the skills found (runs in a task).

    Idempotent: only a pending document is read, and the result (text, skills, CV entries) is
    written in one transaction that first claims the row (pending → done), so a task that runs
    twice (re-queued by :func:`resume_stale_extractions`) adds nothing twice, and a worker
    killed mid-way leaves the document pending for the periodic job.
    """

    document = (
        Document.objects.filter(pk=document_id, extraction_status=ExtractionStatus.PENDING)
        .select_related("candidate", "application")
        .first()
    )
    if document is None:
        return
    try:
        with document.file.open("rb") as fh:
            result = analyse(fh, name=document.original_name)
        text = result.text
        status = ExtractionStatus.DONE if text.strip() else ExtractionStatus.FAILED
    except Exception as exc:
        # The parser's message (and so a traceback) may quote the file's name or its text:
        # the document's id and the kind of error only.
        logger.warning("document %s could not be read (%s)", document_id, type(exc).__name__)
        text, status = "", ExtractionStatus.FAILED
    hold_point("applications.extraction")  # test-only (kill tests)
    with transaction.atomic():
        claimed = Document.objects.filter(
            pk=document_id, extraction_status=ExtractionStatus.PENDING
        ).update(extracted_text=text[:200_000], extraction_status=status)
        if not claimed:  # another run of this task finished first
            return
        add_found_skills(document.candidate, extract_skills(text), document.application)
        add_found_languages(document.candidate, text)
        if document.kind == DocumentKind.CV and text.strip():
            add_found_entries(document.candidate, parse_cv(text), document.application)


def resume_stale_extractions(now: Any = None) -> dict[str, int]:
    """Periodic job: documents still pending long after they were queued are read again.

    A worker killed mid-way loses its task, and the document would stay "Wordt gelezen" for
    ever. Each new start counts as an attempt; after ``TALENTBRUG_JOB_MAX_ATTEMPTS`` starts the
    status becomes "Niet gelukt", which HR sees with the document.
    """

    pending = Document.objects.filter(extraction_status=ExtractionStatus.PENDING)
    give_up, retry = jobs.claim_stale(
        pending, attempts="extraction_attempts", queued_at="extraction_queued_at", now=now
    )
    failed = pending.filter(pk__in=give_up).update(extraction_status=ExtractionStatus.FAILED)
    for document_id in retry:
        tasks.extract_document.delay(document_id)
    return {"requeued": len(retry), "failed": failed}


def add_found_entries(
    candidate: Candidate, found: CvStructure, application: Application | None = None
) -> tuple[int, int]:
    """Education and experience read from a CV, unconfirmed until the candidate checks them.

    Rows the candidate already has (same programme, or same title and employer) are skipped.
    Returns (educations added, experiences added).
    """

    have_education = {
        e.lower()
        for e in _same_scope(candidate.educations.all(), application).values_list(
            "programme", flat=True
        )
    }
    have_experience = {
        (t.lower(), o.lower())
        for t, o in _same_scope(candidate.experiences.all(), application).values_list(
            "title", "organisation_name"
        )
    }
    educations = experiences = 0
    for item in found.education:
        if item.programme.lower() in have_education:
            continue
        have_education.add(item.programme.lower())
        Education.objects.create(
            candidate=candidate,
            application=application,
            programme=clean_text(item.programme, 200),
            institution=clean_text(item.institution, 200),
            country=clean_text(item.country, 100),
            level=item.level,
            level_source=EducationSource.SELF_DECLARED,
            completed=item.completed,
            crebo=item.crebo,
            mbo_level=item.mbo_level,
            mbo_path=item.mbo_path,
            source=SkillSource.EXTRACTED,
            confirmed=False,
        )
        educations += 1
    for work in found.experience:
        key = (work.title.lower(), work.employer.lower())
        if key in have_experience:
            continue
        have_experience.add(key)
        Experience.objects.create(
            candidate=candidate,
            application=application,
            title=clean_text(work.title, 200),
            organisation_name=clean_text(work.employer, 200),
            country=clean_text(work.country, 100),
            abroad=bool(work.country) and work.country != "Nederland",
            unpaid=work.unpaid,
            start_year=work.start_year,
            end_year=work.end_year,
            source=SkillSource.EXTRACTED,
            confirmed=False,
        )
        experiences += 1
    return educations, experiences


def extract_text_skills(candidate_id: int, text: str, application_id: int | None = None) -> None:
    candidate = Candidate.objects.filter(pk=candidate_id).first()
    application = (
        Application.objects.filter(pk=application_id, candidate_id=candidate_id).first()
        if application_id
        else None
    )
    if candidate is not None:
        add_found_skills(candidate, extract_skills(text), application)
        add_found_languages(candidate, text)


def add_chosen_skill(candidate: Candidate, label: str) -> CandidateSkill | None:
    """A skill the candidate typed: linked to ESCO when we recognise it."""
    label = clean_text(label, 200)
    if not label:
        return None
    found = extract_skills(label)
    esco_id, name = (found[0].esco_id, found[0].label) if found else ("", label)

    skill, _created = CandidateSkill.objects.update_or_create(
        candidate=candidate,
        application=None,
        esco_id=esco_id,
        label=name[:300],
        defaults={
            "skill": Skill.objects.filter(esco_id=esco_id).first() if esco_id else None,
            "source": SkillSource.CHOSEN,
            "confirmed": True,
        },
    )
    return skill
