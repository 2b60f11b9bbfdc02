"""The talent pool as a source of candidates for matching, registered (not imported).

The consented cross-organisation pool belongs to the talentpool app, which builds on matches
(work preferences, regions). So that matches never imports talentpool, talentpool registers
its :class:`Pool` here in its ``AppConfig.ready()``; without one, matching ranks applicants
only.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Pool:
    candidate_ids: Callable[[], set[int]]  # candidates with an active pool consent
    reference_code: Callable[[int], str]  # a stable pseudonym such as K-3F9A12C0
    profile_token: Callable[[int, Any], str]  # a profile link for one organisation


_POOL: list[Pool] = []


def register_pool(pool: Pool) -> None:
    if _POOL and _POOL[0] != pool:
        raise ValueError("A talent pool is registered already")
    _POOL[:] = [pool]


def registered() -> Pool | None:
    return _POOL[0] if _POOL else None


def candidate_ids() -> set[int]:
    pool = registered()
    return pool.candidate_ids() if pool else set()
