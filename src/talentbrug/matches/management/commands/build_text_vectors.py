"""Compute the text vectors ranking needs that are not stored yet (issue #20).

    manage.py build_text_vectors [--limit N] [--vacancies-only | --candidates-only]

* **Candidates.** The texts the extraction tasks read and that are still in the database: the
  text of every read document (``Document.extracted_text``: CVs, other files, documents sent
  with an answer), and the typed text of an application as far as it is kept: the experience
  described when applying without a CV (``Experience.description``) and the work-sample answer
  (``WorkSampleSubmission.text``). The "wat kun je al" answer is not stored, so an application
  that had one gets the vector of the rest -- and only when it has no typed-text vector yet.
  Each text without a :class:`~talentbrug.matches.models.TextVector` gets one, scoped to the
  application it came with, as the task would have stored it.
* **Vacancies.** Every vacancy (not a template) whose text has no current
  :class:`~talentbrug.matches.models.VacancyVector`.

Loads the model once and waits for it. Resumable: what is stored is skipped, so a run that
stopped (or ``--limit``) continues where it left off. Prints progress and totals. Plain ORM
queries, one short write per text: SQLite and PostgreSQL.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from talentbrug.applications.constants import Route
from talentbrug.applications.models import (
    Application,
    Document,
    Experience,
    WorkSampleSubmission,
)
from talentbrug.matches import reader
from talentbrug.matches.models import TextVector, VacancyVector
from talentbrug.matches.textvectors import (
    store_text_vector,
    store_vacancy_vector,
    text_hash,
    vacancy_text_hash,
)
from talentbrug.vacancies.models import Vacancy

CHUNK = 500


class Command(BaseCommand):
    help = (
        "Bereken de tekstvectoren die nog ontbreken: van gelezen teksten van kandidaten en van "
        "vacatureteksten (hervatbaar, met voortgang)."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--limit", type=int, default=0, help="At most N vectors computed in this run."
        )
        only = parser.add_mutually_exclusive_group()
        only.add_argument("--vacancies-only", action="store_true")
        only.add_argument("--candidates-only", action="store_true")

    def handle(self, *args: Any, **opts: Any) -> None:
        self.limit = max(0, int(opts["limit"]))
        self.computed = 0
        reader.wait_for_model()  # like a Celery worker: load the model once, then use it
        started = time.perf_counter()
        if not reader.model_ready():
            raise CommandError(
                "The embedding model is not available (TALENTBRUG_EXTRACTION_MODEL off, or it "
                "could not be loaded): no vector can be computed."
            )
        self.stdout.write(
            f"model {reader.model_name()} loaded in {time.perf_counter() - started:.1f}s"
        )
        totals: dict[str, tuple[int, int, int]] = {}
        if not opts["vacancies_only"]:
            totals["candidate texts"] = self._run("candidate texts", self._candidate_texts())
        if not opts["candidates_only"]:
            totals["vacancies"] = self._run("vacancies", self._vacancies())
        for what, (seen, stored, had) in totals.items():
            self.stdout.write(
                f"{what}: {stored} computed, {had} already stored, "
                f"{seen - stored - had} without a vector (no text or not computed)"
            )
        if self.limit and self.computed >= self.limit:
            self.stdout.write(f"stopped at --limit {self.limit}; run again to continue")
        self.stdout.write(f"done in {time.perf_counter() - started:.1f}s")

    def _run(self, what: str, work: Iterator[tuple[bool, Any]]) -> tuple[int, int, int]:
        """Run ``work`` (pairs: stored already?, compute) until the limit; (seen, computed,
        already stored)."""
        seen = computed = had = 0
        last = time.perf_counter()
        for already, compute in work:
            seen += 1
            if already:
                had += 1
                continue
            if self.limit and self.computed >= self.limit:
                seen -= 1
                break
            if compute() is not None:
                computed += 1
                self.computed += 1
            if time.perf_counter() - last > 5:
                last = time.perf_counter()
                self.stdout.write(f"  {what}: {seen} seen, {computed} computed")
                self.stdout.flush()
        return seen, computed, had

    def _candidate_texts(self) -> Iterator[tuple[bool, Any]]:
        stored: set[tuple[int, str]] = set(
            TextVector.objects.values_list("candidate_id", "text_hash")
        )
        documents = (
            Document.objects.exclude(extracted_text="")
            .filter(candidate__merged_into__isnull=True)
            .order_by("pk")
        )
        for pk in list(documents.values_list("pk", flat=True)):
            doc = (
                Document.objects.filter(pk=pk)
                .values("candidate_id", "application_id", "extracted_text")
                .first()
            )
            if doc is None or not doc["extracted_text"].strip():
                continue
            key = (doc["candidate_id"], text_hash(doc["extracted_text"]))
            yield (
                key in stored,
                lambda doc=doc: store_text_vector(
                    doc["candidate_id"], doc["extracted_text"], doc["application_id"]
                ),
            )
        yield from self._typed_texts(stored)

    def _typed_texts(self, stored: set[tuple[int, str]]) -> Iterator[tuple[bool, Any]]:
        """The typed text of each application, as far as it is kept (see the module doc)."""
        applications = (
            Application.objects.filter(candidate__merged_into__isnull=True)
            .filter(route__in=(Route.NO_CV, Route.WORK_SAMPLE))
            .order_by("pk")
            .values_list("pk", "candidate_id")
        )
        sample_ids = set(WorkSampleSubmission.objects.values_list("application_id", flat=True))
        for application_id, candidate_id in applications.iterator(chunk_size=CHUNK):
            parts = [
                Experience.objects.filter(application_id=application_id)
                .order_by("pk")
                .values_list("description", flat=True)
                .first()
                or ""
            ]
            if application_id in sample_ids:
                parts.append(
                    WorkSampleSubmission.objects.filter(application_id=application_id)
                    .values_list("text", flat=True)
                    .first()
                    or ""
                )
            text = "\n".join(p for p in parts if p)
            if not text.strip():
                continue
            document_hashes = {
                text_hash(t)
                for t in Document.objects.filter(application_id=application_id)
                .exclude(extracted_text="")
                .values_list("extracted_text", flat=True)
            }
            typed_vector = (
                TextVector.objects.filter(application_id=application_id)
                .exclude(text_hash__in=document_hashes)
                .exists()
            )
            yield (
                typed_vector or (candidate_id, text_hash(text)) in stored,
                lambda c=candidate_id, t=text, a=application_id: store_text_vector(c, t, a),
            )

    def _vacancies(self) -> Iterator[tuple[bool, Any]]:
        current = dict(VacancyVector.objects.values_list("vacancy_id", "text_hash"))
        ids = list(Vacancy.objects.filter(is_template=False).order_by("pk").values_list("pk"))
        for (pk,) in ids:
            vacancy = (
                Vacancy.objects.filter(pk=pk).only("title", "tasks_text", "requirements_text")
            ).first()
            if vacancy is None:
                continue
            digest = vacancy_text_hash(vacancy)
            if digest is None:
                continue
            yield current.get(pk) == digest, lambda pk=pk: store_vacancy_vector(pk)
