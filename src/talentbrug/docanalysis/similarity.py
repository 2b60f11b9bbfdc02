"""Near-duplicate detection: MinHash signatures over word shingles, LSH banding index.

A signature is a tuple of ``num_perm`` 32-bit integers. The share of equal positions in two
signatures estimates the Jaccard similarity of the two documents' shingle sets. The index
splits each signature into ``bands`` bands of ``rows`` values; documents that agree on a whole
band become candidates and are then verified with the estimate. With the defaults (128 = 32 × 4)
a pair with Jaccard 0.8 becomes a candidate with probability ≈ 1 − (1 − 0.8⁴)³² > 0.9999999.
"""

from __future__ import annotations

import hashlib
import re
import sys
import unicodedata
from array import array
from collections import defaultdict
from collections.abc import Hashable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

DEFAULT_NUM_PERM = 128
DEFAULT_SHINGLE = 3
_MAX32 = (1 << 32) - 1
_BIG_ENDIAN = sys.byteorder == "big"
assert array("I").itemsize == 4, "array('I') must hold 32-bit values"
_WORD_RE = re.compile(r"\w+", re.UNICODE)

Signature = tuple[int, ...]

# numpy (pinned in requirements.txt) only speeds up large documents; results are identical.
# It is imported on first need: the sandboxed parser process (core.safeparse) starts for
# every CV, and importing numpy there would cost more than a CV's signature takes without it.
NUMPY_FROM_SHINGLES = 2_000
_np: Any = False  # False: not tried yet; None: not installed


def _numpy() -> Any:
    global _np
    if _np is False:
        try:
            import numpy

            _np = numpy
        except ImportError:  # pragma: no cover - depends on the environment
            _np = None
    return _np


def normalise_words(text: str) -> list[str]:
    """Lower-case words without diacritics."""
    folded = text.casefold()
    if not folded.isascii():  # ASCII has no diacritics: skip the per-character pass
        folded = unicodedata.normalize("NFKD", folded)
        folded = "".join(c for c in folded if not unicodedata.combining(c))
    return _WORD_RE.findall(folded)


def shingles(text: str, k: int = DEFAULT_SHINGLE) -> set[str]:
    words = normalise_words(text)
    if not words:
        return set()
    if len(words) < k:
        return {" ".join(words)}
    return {" ".join(words[i : i + k]) for i in range(len(words) - k + 1)}


def signature_from_shingles(items: Iterable[str], num_perm: int = DEFAULT_NUM_PERM) -> Signature:
    """MinHash with ``num_perm`` independent hash functions taken from one SHAKE-128 output.

    Each shingle is hashed once into ``num_perm`` 32-bit little-endian words; position ``i``
    of the signature is the minimum of word ``i`` over all shingles. The work per shingle is
    a single C-level hash call, which keeps pure Python fast enough for thousands of files.
    """
    width = 4 * num_perm
    digests = [hashlib.shake_128(item.encode("utf-8")).digest(width) for item in set(items)]
    if not digests:
        return (_MAX32,) * num_perm
    np = _numpy() if len(digests) >= NUMPY_FROM_SHINGLES else None
    if np is not None:
        # The same minimum per position, computed over one matrix (about 10x faster).
        matrix = np.frombuffer(b"".join(digests), dtype="<u4").reshape(len(digests), num_perm)
        return tuple(int(v) for v in matrix.min(axis=0))
    rows = []
    for digest in digests:
        row = array("I", digest)
        if _BIG_ENDIAN:
            row.byteswap()
        rows.append(row)
    return tuple(map(min, zip(*rows, strict=True)))


def minhash_signature(
    text: str, *, k: int = DEFAULT_SHINGLE, num_perm: int = DEFAULT_NUM_PERM
) -> Signature:
    """MinHash signature of the set of ``k``-word shingles of ``text``."""
    return signature_from_shingles(shingles(text, k), num_perm)


def is_empty_signature(sig: Signature) -> bool:
    return all(v == _MAX32 for v in sig)


def similarity(a: Signature, b: Signature) -> float:
    """Estimated Jaccard similarity (0..1). Empty documents are similar to nothing."""
    if len(a) != len(b):
        raise ValueError("signatures have different lengths")
    if not a or is_empty_signature(a) or is_empty_signature(b):
        return 0.0
    return sum(1 for x, y in zip(a, b, strict=True) if x == y) / len(a)


def jaccard(text_a: str, text_b: str, k: int = DEFAULT_SHINGLE) -> float:
    """Exact Jaccard similarity of the shingle sets (for tests and small comparisons)."""
    sa, sb = shingles(text_a, k), shingles(text_b, k)
    if not sa or not sb:
        return 0.0
    return len(sa & sb) / len(sa | sb)


def signature_to_hex(sig: Signature) -> str:
    return b"".join(v.to_bytes(4, "big") for v in sig).hex()


def signature_from_hex(value: str) -> Signature:
    raw = bytes.fromhex(value)
    if len(raw) % 4:
        raise ValueError("not a signature")
    return tuple(int.from_bytes(raw[i : i + 4], "big") for i in range(0, len(raw), 4))


@dataclass(frozen=True, slots=True)
class Match:
    key: Hashable
    similarity: float


class NearDuplicateIndex:
    """Find near-duplicates among many signatures with LSH banding.

    >>> index = NearDuplicateIndex(threshold=0.8)
    >>> index.add("a", minhash_signature("een twee drie vier vijf zes"))
    >>> [m.key for m in index.query(minhash_signature("een twee drie vier vijf zes"))]
    ['a']
    """

    def __init__(
        self, *, threshold: float = 0.8, num_perm: int = DEFAULT_NUM_PERM, bands: int = 32
    ) -> None:
        if num_perm % bands:
            raise ValueError("num_perm must be a multiple of bands")
        if not 0.0 < threshold <= 1.0:
            raise ValueError("threshold must be in (0, 1]")
        self.threshold = threshold
        self.num_perm = num_perm
        self.bands = bands
        self.rows = num_perm // bands
        self._buckets: list[defaultdict[tuple[int, ...], list[Hashable]]] = [
            defaultdict(list) for _ in range(bands)
        ]
        self._signatures: dict[Hashable, Signature] = {}

    def __len__(self) -> int:
        return len(self._signatures)

    def __contains__(self, key: object) -> bool:
        return key in self._signatures

    def _band_keys(self, sig: Signature) -> Iterator[tuple[int, tuple[int, ...]]]:
        r = self.rows
        for band in range(self.bands):
            yield band, sig[band * r : (band + 1) * r]

    def add(self, key: Hashable, sig: Signature) -> None:
        if len(sig) != self.num_perm:
            raise ValueError(f"signature has {len(sig)} values, index expects {self.num_perm}")
        if key in self._signatures:
            raise KeyError(f"duplicate key {key!r}")
        self._signatures[key] = sig
        if is_empty_signature(sig):
            return  # empty documents are not near-duplicates of each other
        for band, values in self._band_keys(sig):
            self._buckets[band][values].append(key)

    def candidates(self, sig: Signature) -> set[Hashable]:
        found: set[Hashable] = set()
        if is_empty_signature(sig):
            return found
        for band, values in self._band_keys(sig):
            bucket = self._buckets[band].get(values)
            if bucket:
                found.update(bucket)
        return found

    def query(self, sig: Signature, *, threshold: float | None = None) -> list[Match]:
        """Indexed documents whose estimated similarity to ``sig`` is at least the threshold."""
        limit = self.threshold if threshold is None else threshold
        matches = [
            Match(key, s)
            for key in self.candidates(sig)
            if (s := similarity(sig, self._signatures[key])) >= limit
        ]
        matches.sort(key=lambda m: -m.similarity)
        return matches

    def pairs(self) -> list[tuple[Hashable, Hashable, float]]:
        """All near-duplicate pairs in the index (each pair once)."""
        seen: set[tuple[Hashable, Hashable]] = set()
        out: list[tuple[Hashable, Hashable, float]] = []
        order = {key: i for i, key in enumerate(self._signatures)}
        for bucket_map in self._buckets:
            for keys in bucket_map.values():
                if len(keys) < 2:
                    continue
                for i, a in enumerate(keys):
                    for b in keys[i + 1 :]:
                        pair = (a, b) if order[a] < order[b] else (b, a)
                        if pair in seen:
                            continue
                        seen.add(pair)
                        s = similarity(self._signatures[a], self._signatures[b])
                        if s >= self.threshold:
                            out.append((pair[0], pair[1], s))
        return out

    def groups(self) -> list[list[Hashable]]:
        """Clusters of near-duplicates (connected components of ``pairs()``), size ≥ 2."""
        parent: dict[Hashable, Hashable] = {}

        def find(x: Hashable) -> Hashable:
            while parent.get(x, x) != x:
                parent[x] = parent.get(parent[x], parent[x])
                x = parent[x]
            return x

        members: set[Hashable] = set()
        for a, b, _ in self.pairs():
            members.update((a, b))
            ra, rb = find(a), find(b)
            if ra != rb:
                parent[rb] = ra
        clusters: dict[Hashable, list[Hashable]] = defaultdict(list)
        for key in self._signatures:
            if key in members:
                clusters[find(key)].append(key)
        return [members for members in clusters.values() if len(members) > 1]
