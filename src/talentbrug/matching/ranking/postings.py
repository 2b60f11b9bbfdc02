"""Skill postings and the lazily rebuilt candidate profiles of a loaded index."""

from __future__ import annotations

from collections.abc import Iterator, MutableMapping
from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import NDArray

from .model import Candidate

if TYPE_CHECKING:
    from .index import CandidateIndex


class Posting:
    __slots__ = ("rows", "size", "weights")

    def __init__(self) -> None:
        self.rows = np.empty(8, np.int32)
        self.weights = np.empty(8, np.float32)
        self.size = 0

    def add(self, row: int, weight: float) -> None:
        if self.size == len(self.rows):
            self.rows = np.resize(self.rows, 2 * self.size)
            self.weights = np.resize(self.weights, 2 * self.size)
        self.rows[self.size] = row
        self.weights[self.size] = weight
        self.size += 1

    def remove(self, row: int) -> None:
        hit = np.flatnonzero(self.rows[: self.size] == row)
        if len(hit):
            i, last = int(hit[0]), self.size - 1
            self.rows[i] = self.rows[last]
            self.weights[i] = self.weights[last]
            self.size = last


class StoredProfiles(MutableMapping[str, Candidate]):
    """The candidate profiles of a loaded index, rebuilt from compact arrays when asked for.

    A loaded index needs a profile only to explain a top result or to update/remove a row, so
    the 100,000 objects are not created at load time. Profiles written after loading are
    ordinary objects (``_over``); a removed one is gone from both.
    """

    def __init__(
        self,
        index: CandidateIndex,
        skill_vocab: list[str],
        sk_ptr: NDArray[np.int64],
        sk_idx: NDArray[np.int32],
        sk_val: NDArray[np.float64],
        lang_vocab: list[str],
        lg_ptr: NDArray[np.int64],
        lg_idx: NDArray[np.int32],
    ) -> None:
        self._index = index
        self._stored: dict[str, int] = dict(index.row_of)
        self._over: dict[str, Candidate] = {}
        self._skill_vocab = skill_vocab
        self._sk = (sk_ptr, sk_idx, sk_val)
        self._lang_vocab = [tuple(x.split("\t")) for x in lang_vocab]
        self._lg = (lg_ptr, lg_idx)
        self._region_names = {bit: r for r, bit in index.region_bits.items()}

    def _materialise(self, cid: str, row: int) -> Candidate:
        ix = self._index
        sk_ptr, sk_idx, sk_val = self._sk
        lo, hi = int(sk_ptr[row]), int(sk_ptr[row + 1])
        skills = {
            self._skill_vocab[int(j)]: float(v)
            for j, v in zip(sk_idx[lo:hi], sk_val[lo:hi], strict=True)
        }
        lg_ptr, lg_idx = self._lg
        languages: dict[tuple[str, str], str] = {}
        for j in lg_idx[int(lg_ptr[row]) : int(lg_ptr[row + 1])]:
            lang, skill, level = self._lang_vocab[int(j)]
            languages[(lang, skill)] = level
        mask = int(ix.regions[row])
        h_min, h_max = float(ix.hours_min[row]), float(ix.hours_max[row])
        return Candidate(
            id=cid,
            skills=skills,
            languages=languages,
            hours_min=None if np.isnan(h_min) else h_min,
            hours_max=None if np.isnan(h_max) else h_max,
            available_day=int(ix.available[row]) or None,
            regions=frozenset(name for bit, name in self._region_names.items() if mask >> bit & 1),
            nlqf_level=int(ix.nlqf[row]) or None,
            text_vector=ix.text[row].copy() if ix.text is not None and ix.has_text[row] else None,
            other_work=bool(ix.other_work[row]),
        )

    def __getitem__(self, cid: str) -> Candidate:
        if cid in self._over:
            return self._over[cid]
        return self._materialise(cid, self._stored[cid])

    def __setitem__(self, cid: str, cand: Candidate) -> None:
        self._stored.pop(cid, None)
        self._over[cid] = cand

    def __delitem__(self, cid: str) -> None:
        if cid in self._over:
            del self._over[cid]
        else:
            del self._stored[cid]

    def __contains__(self, cid: object) -> bool:
        return cid in self._over or cid in self._stored

    def __iter__(self) -> Iterator[str]:
        yield from list(self._stored)
        yield from list(self._over)

    def __len__(self) -> int:
        return len(self._stored) + len(self._over)
