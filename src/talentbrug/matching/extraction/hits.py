"""What the extractor finds: skill matches and lexical hits."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any, Literal

Method = Literal["label", "alt_label", "embedding"]


@dataclass(frozen=True, slots=True)
class SkillMatch:
    skill_id: str
    label: str
    start: int
    end: int
    text: str
    confidence: float
    method: Method
    detail: str = ""  # "exact", "inflection", "compound", "reordered", "cosine=0.91"

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class LexicalHit:
    key: tuple[str, ...]
    skill_id: str
    label: str
    method: Method
