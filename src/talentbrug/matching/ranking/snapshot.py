"""Saving a CandidateIndex to one ``.npz`` file and loading it back (no pickle)."""

from __future__ import annotations

import json
import os
import tempfile
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from numpy.typing import NDArray

from ..taxonomy import Taxonomy
from .model import (
    SkillSimilarity,
)
from .postings import Posting, StoredProfiles

if TYPE_CHECKING:
    from .index import CandidateIndex

SNAPSHOT_FORMAT = "talentbrug.CandidateIndex/2"


def save_index(index: CandidateIndex, path: str | os.PathLike[str], version: str = "") -> None:
    """Write the index to ``path`` (one ``.npz``, no pickle; written atomically).

    ``version`` is stored with it (for example a hash of the data the index was built
    from); :meth:`load` returns None when it does not match. Taxonomy and similarity are
    not stored: they come from the code and the embedding cache.
    """
    n = index._n
    ids = [i or "" for i in index.id_of[:n]]
    skill_vocab = sorted(index.postings)
    sidx = {s: i for i, s in enumerate(skill_vocab)}
    post_ptr = np.zeros(len(skill_vocab) + 1, np.int64)
    for i, s in enumerate(skill_vocab):
        post_ptr[i + 1] = post_ptr[i] + index.postings[s].size
    post_rows = np.concatenate(
        [index.postings[s].rows[: index.postings[s].size] for s in skill_vocab]
        or [np.zeros(0, np.int32)]
    ).astype(np.int32)
    post_w = np.concatenate(
        [index.postings[s].weights[: index.postings[s].size] for s in skill_vocab]
        or [np.zeros(0, np.float32)]
    ).astype(np.float32)
    # profiles (for explanations and updates): skills and raw language levels per row
    lang_vocab: dict[str, int] = {}
    sk_ptr = np.zeros(n + 1, np.int64)
    lg_ptr = np.zeros(n + 1, np.int64)
    sk_idx: list[int] = []
    sk_val: list[float] = []
    lg_idx: list[int] = []
    for row, cid in enumerate(ids):
        prof = index.profiles.get(cid) if cid else None
        if prof is not None:
            for sid, strength in prof.skills.items():
                if sid not in sidx:  # cannot happen: every profile skill has a posting
                    sidx[sid] = len(skill_vocab)
                    skill_vocab.append(sid)
                sk_idx.append(sidx[sid])
                sk_val.append(float(strength))
            for (lang, skill), level in prof.languages.items():
                key = f"{lang}\t{skill}\t{level}"
                lg_idx.append(lang_vocab.setdefault(key, len(lang_vocab)))
        sk_ptr[row + 1] = len(sk_idx)
        lg_ptr[row + 1] = len(lg_idx)
    meta = {
        "format": SNAPSHOT_FORMAT,
        "version": version,
        "n": n,
        "free": index._free,
        "regions": sorted(index.region_bits, key=index.region_bits.__getitem__),
        "languages": sorted(index.languages),
    }
    arrays: dict[str, NDArray[Any]] = {
        "meta": np.asarray(json.dumps(meta)),
        "ids": np.asarray(ids, dtype=str) if ids else np.zeros(0, "<U1"),
        "active": index.active[:n],
        "hours_min": index.hours_min[:n],
        "hours_max": index.hours_max[:n],
        "available": index.available[:n],
        "regions": index.regions[:n],
        "nlqf": index.nlqf[:n],
        "other_work": index.other_work[:n],
        "has_text": index.has_text[:n],
        "text": index.text[:n].astype(np.float16)
        if index.text is not None
        else np.zeros((0, 0), np.float16),
        "skill_vocab": np.asarray(skill_vocab, dtype=str) if skill_vocab else np.zeros(0, "<U1"),
        "post_ptr": post_ptr,
        "post_rows": post_rows,
        "post_w": post_w,
        "sk_ptr": sk_ptr,
        "sk_idx": np.asarray(sk_idx, np.int32),
        "sk_val": np.asarray(sk_val, np.float64),
        "lang_vocab": np.asarray(list(lang_vocab), dtype=str) if lang_vocab else np.zeros(0, "<U1"),
        "lg_ptr": lg_ptr,
        "lg_idx": np.asarray(lg_idx, np.int32),
    }
    for lang, arr in index.languages.items():
        arrays[f"lang_{lang}"] = arr[:n]
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            savez: Any = np.savez  # its stub cannot take **arrays
            savez(fh, **arrays)
        os.replace(tmp, target)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def load_index(
    cls: type[CandidateIndex],
    path: str | os.PathLike[str],
    version: str | None = None,
    *,
    taxonomy: Taxonomy | None = None,
    similarity: SkillSimilarity | None = None,
) -> CandidateIndex | None:
    """The index saved at ``path``, or None when the file is missing, unreadable, of
    another format or (when ``version`` is given) of another version."""
    try:
        with np.load(path, allow_pickle=False) as z:
            meta = json.loads(str(z["meta"]))
            if meta.get("format") != SNAPSHOT_FORMAT:
                return None
            if version is not None and meta.get("version") != version:
                return None
            data = {k: z[k] for k in z.files}
    except (OSError, ValueError, KeyError, zipfile.BadZipFile):
        return None
    n = int(meta["n"])
    index = cls(taxonomy=taxonomy, similarity=similarity, capacity=max(n, 16))
    index._n = n
    index._free = [int(r) for r in meta["free"]]
    index.active[:n] = data["active"]
    index.hours_min[:n] = data["hours_min"]
    index.hours_max[:n] = data["hours_max"]
    index.available[:n] = data["available"]
    index.regions[:n] = data["regions"]
    index.nlqf[:n] = data["nlqf"]
    index.other_work[:n] = data["other_work"]
    index.has_text[:n] = data["has_text"]
    if data["text"].size:
        index.text = np.zeros((index._cap, data["text"].shape[1]), np.float32)
        index.text[:n] = data["text"]
    index.region_bits = {r: i for i, r in enumerate(meta["regions"])}
    for lang in meta["languages"]:
        arr = np.zeros((index._cap, 4), np.int8)
        arr[:n] = data[f"lang_{lang}"]
        index.languages[lang] = arr
    ids: list[str] = data["ids"].tolist()
    index.id_of[:n] = [i or None for i in ids]
    index.row_of = {cid: row for row, cid in enumerate(ids) if cid}
    vocab: list[str] = data["skill_vocab"].tolist()
    ptr, rows, weights = data["post_ptr"], data["post_rows"], data["post_w"]
    for i, sid in enumerate(vocab):
        lo, hi = int(ptr[i]), int(ptr[i + 1])
        if hi > lo:
            p = Posting()
            p.rows = rows[lo:hi].copy()
            p.weights = weights[lo:hi].copy()
            p.size = hi - lo
            index.postings[sid] = p
    index.profiles = StoredProfiles(
        index,
        vocab,
        data["sk_ptr"],
        data["sk_idx"],
        data["sk_val"],
        data["lang_vocab"].tolist(),
        data["lg_ptr"],
        data["lg_idx"],
    )
    return index
