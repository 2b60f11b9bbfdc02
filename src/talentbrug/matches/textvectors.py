"""What a text means, for ranking (issue #20): the e5 vector of each text a candidate wrote,
computed after the product's extraction task read it, and of each vacancy text, computed when
the vacancy is ranked (title, tasks and requirements, without their HTML).

* **Candidates.** The extraction tasks (``applications.tasks.extract_text`` for a typed text,
  ``applications.tasks.extract_document`` for a CV) are followed, through Celery's own
  ``task_postrun`` signal (connected in ``MatchesConfig.ready``), by :func:`store_text_vector`:
  the reader's :meth:`~talentbrug.matching.reading.ProfileReader.text_meaning` of the text is
  stored as a :class:`~.models.TextVector` (float16, with how much the text is about ICT work
  rather than other work), scoped like the skills found in it (the application it came with, or
  none). Nothing runs in a request: the apply request only queues the tasks. A text read while
  the model is not loaded (a process that does not wait for it) gets no vector.
* **Vacancies.** :func:`vacancy_vector` embeds the vacancy's text (title, tasks, requirements)
  as an e5 query when the model is ready in this process, and keeps it in a small per-process
  cache (no write on a page view). Without a ready model it returns None and the ranking has no
  text part (the explanation then shows none).
"""

from __future__ import annotations

import hashlib
import logging
from collections import OrderedDict
from typing import Any

import numpy as np
from django.utils.html import strip_tags
from numpy.typing import NDArray

from talentbrug.applications.models import Document
from talentbrug.core.failures import describe

from . import reader
from .models import TextVector

logger = logging.getLogger(__name__)

EXTRACT_TEXT_TASK = "talentbrug.applications.tasks.extract_text"
EXTRACT_DOCUMENT_TASK = "talentbrug.applications.tasks.extract_document"
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
    vec = reader.query_vector(text)
    if vec is None:
        return None
    _vacancy_cache[key] = vec
    while len(_vacancy_cache) > VACANCY_CACHE_SIZE:
        _vacancy_cache.popitem(last=False)
    return vec
