"""What a text means, for ranking (issue #20): the e5 vector of each text a candidate wrote,
computed after the product's extraction task read it, and of each vacancy text (title, tasks
and requirements, without their HTML), computed in a task after the vacancy is saved.

* **Candidates.** The extraction tasks (``applications.tasks.extract_text`` for a typed text,
  ``applications.tasks.extract_document`` for a CV) are followed, through Celery's own
  ``task_postrun`` signal (connected in ``MatchesConfig.ready``), by :func:`store_text_vector`:
  the reader's :meth:`~talentbrug.matching.reading.ProfileReader.text_meaning` of the text is
  stored as a :class:`~.models.TextVector` (float16, with how much the text is about ICT work
  rather than other work), scoped like the skills found in it (the application it came with, or
  none). Nothing runs in a request: the apply request only queues the tasks. A text read while
  the model is not loaded (a process that does not wait for it) gets no vector until
  ``manage.py build_text_vectors`` reads it again.
* **Vacancies.** Saving a vacancy whose text has no current stored vector queues
  ``matches.tasks.compute_vacancy_vector`` after commit (a ``post_save`` receiver in
  ``matches.signals``: vacancies knows nothing of matches); the task stores the e5 *query*
  vector of the text as a :class:`~.models.VacancyVector` (float16) with the hash of the text,
  and does nothing when the stored hash is the current text's. Ranking uses a stored vector
  only while its hash is the current text's (:func:`stored_vacancy_vectors`).
  :func:`ranking_vector` (``rank_candidates``) falls back, for a vacancy without a current
  stored vector (the task has not run yet, or ran before the model was loaded), to
  :func:`vacancy_vector`: the text embedded in this process when the model is ready here, kept
  in a small per-process cache and never written (no write on a page view). The portal's
  ``rank_vacancies`` uses stored vectors only.
"""

from __future__ import annotations

import hashlib
import logging
from collections import OrderedDict
from typing import Any

import numpy as np
from django.utils import timezone
from django.utils.html import strip_tags
from numpy.typing import NDArray

from talentbrug.applications.models import Document
from talentbrug.core.failures import describe

from . import reader
from .models import TextVector, VacancyVector

logger = logging.getLogger(__name__)

EXTRACT_TEXT_TASK = "talentbrug.applications.tasks.extract_text"
EXTRACT_DOCUMENT_TASK = "talentbrug.applications.tasks.extract_document"
# the vacancy fields its text is made of (a save that changes none of them queues nothing)
VACANCY_TEXT_FIELDS = frozenset({"title", "tasks_text", "requirements_text"})
VACANCY_CACHE_SIZE = 512
_vacancy_cache: OrderedDict[str, NDArray[np.float32]] = OrderedDict()


def text_hash(text: str) -> str:
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()


def store_text_vector(
    candidate_id: int, text: str, application_id: int | None = None
) -> TextVector | None:
    """Compute and store the meaning of one text of a candidate (once per distinct text)."""
    if not isinstance(text, str) or not text.strip() or not reader.model_ready():
        return None
    digest = text_hash(text)
    existing = TextVector.objects.filter(candidate_id=candidate_id, text_hash=digest).first()
    if existing is not None:
        return existing
    meaning = reader.text_meaning(text)
    if meaning is None:
        return None
    row, _created = TextVector.objects.update_or_create(
        candidate_id=candidate_id,
        text_hash=digest,
        defaults={
            "application_id": application_id,
            "model_name": reader.model_name(),
            "vector": np.asarray(meaning.vector, np.float16).tobytes(),
            "ict_margin": float(meaning.ict_margin),
        },
    )
    return row


def vector_of(row_bytes: bytes | memoryview) -> NDArray[np.float32]:
    return np.frombuffer(bytes(row_bytes), dtype=np.float16).astype(np.float32)


def on_task_postrun(
    sender: Any = None,
    task: Any = None,
    args: Any = None,
    kwargs: Any = None,
    state: str | None = None,
    **extra: Any,
) -> None:
    """Celery ``task_postrun``: after the product read a text, store what it means."""
    name = getattr(task, "name", "") or getattr(sender, "name", "")
    if name not in (EXTRACT_TEXT_TASK, EXTRACT_DOCUMENT_TASK) or state not in (None, "SUCCESS"):
        return
    args = list(args or [])
    kwargs = dict(kwargs or {})
    try:
        if name == EXTRACT_TEXT_TASK:
            candidate_id = kwargs.get("candidate_id", args[0] if args else None)
            text = kwargs.get("text", args[1] if len(args) > 1 else "")
            application_id = kwargs.get("application_id", args[2] if len(args) > 2 else None)
            if candidate_id is not None:
                store_text_vector(int(candidate_id), str(text or ""), application_id)
            return
        document_id = kwargs.get("document_id", args[0] if args else None)
        doc = (
            Document.objects.filter(pk=document_id)
            .values("candidate_id", "application_id", "extracted_text")
            .first()
        )
        if doc is not None and doc["extracted_text"]:
            store_text_vector(doc["candidate_id"], doc["extracted_text"], doc["application_id"])
    except Exception as exc:  # the skills are stored already; a missing vector only lowers recall
        # No traceback: the message may quote the CV text (see core.failures).
        logger.error("matches: the text vector could not be stored: %s", describe(exc))


def vacancy_text(vacancy: Any) -> str:
    parts = [
        getattr(vacancy, "title", ""),
        getattr(vacancy, "tasks_text", ""),
        getattr(vacancy, "requirements_text", ""),
    ]
    return "\n".join(" ".join(strip_tags(p).split()) for p in parts if p and strip_tags(p).strip())


def vacancy_vector(vacancy: Any) -> NDArray[np.float32] | None:
    """The e5 query vector of the vacancy text, or None (no text, or no model ready here)."""
    text = vacancy_text(vacancy)
    if not text:
        return None
    key = text_hash(text)
    hit = _vacancy_cache.get(key)
    if hit is not None:
        _vacancy_cache.move_to_end(key)
        return hit
    vec: NDArray[np.float32] | None = reader.query_vector(text)
    if vec is None:
        return None
    _vacancy_cache[key] = vec
    while len(_vacancy_cache) > VACANCY_CACHE_SIZE:
        _vacancy_cache.popitem(last=False)
    return vec


def vacancy_text_hash(vacancy: Any) -> str | None:
    """The hash of the vacancy's text, or None when it has no text."""
    text = vacancy_text(vacancy)
    return text_hash(text) if text else None


def store_vacancy_vector(vacancy_id: int) -> VacancyVector | None:
    """Compute and store the e5 query vector of the vacancy's current text (in a task or the
    backfill command, never in a request). Idempotent: nothing is computed when the stored
    vector is of the current text. None without text, vacancy or model."""
    from talentbrug.vacancies.models import Vacancy

    vacancy = Vacancy.objects.filter(pk=vacancy_id).only("pk", *sorted(VACANCY_TEXT_FIELDS)).first()
    if vacancy is None or not reader.model_enabled():
        return None  # model off: nothing to compute, and no reader built for nothing
    text = vacancy_text(vacancy)
    if not text:
        VacancyVector.objects.filter(vacancy_id=vacancy_id).delete()  # no text, no meaning
        return None
    digest = text_hash(text)
    existing = VacancyVector.objects.filter(vacancy_id=vacancy_id, text_hash=digest).first()
    if existing is not None:
        return existing
    if not reader.model_ready():
        return None
    vec = reader.query_vector(text)
    if vec is None:
        return None
    row, _created = VacancyVector.objects.update_or_create(
        vacancy_id=vacancy_id,
        defaults={
            "text_hash": digest,
            "model_name": reader.model_name(),
            "vector": np.asarray(vec, np.float16).tobytes(),
            "computed_at": timezone.now(),
        },
    )
    return row


def stored_vacancy_vectors(vacancies: Any) -> dict[int, NDArray[np.float32]]:
    """Per vacancy: its stored vector, when that is of the vacancy's current text (no model,
    no write: a page view may call this)."""
    current = {v.pk: vacancy_text_hash(v) for v in vacancies}
    out: dict[int, NDArray[np.float32]] = {}
    for vacancy_id, digest, raw in VacancyVector.objects.filter(
        vacancy_id__in=[pk for pk, h in current.items() if h]
    ).values_list("vacancy_id", "text_hash", "vector"):
        if digest == current[vacancy_id]:
            out[vacancy_id] = vector_of(raw)
    return out


def ranking_vector(vacancy: Any) -> NDArray[np.float32] | None:
    """The vacancy text's vector for ``rank_candidates``: the stored one when it is of the
    current text; otherwise (not computed yet) :func:`vacancy_vector`, the per-process
    fallback that embeds only when the model is ready in this process and writes nothing."""
    stored = stored_vacancy_vectors([vacancy]).get(vacancy.pk)
    return stored if stored is not None else vacancy_vector(vacancy)
