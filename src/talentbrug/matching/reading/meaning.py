"""The whole-text meaning: an e5 vector and whether the text describes work outside ICT."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..embeddings import FloatMatrix
from ..taxonomy import load_json

OTHER_WORK = ""  # the prototype key of work outside ICT: closest to it means no skill
# A whole text whose best skill phrase is less than this much closer than its best "other work"
# phrase describes work outside ICT (chosen on the dev half of the graded ranking set).
OTHER_WORK_MARGIN = 0.01
# The whole-text vector reads the first this many characters (profile, latest work): a full
# two-page CV (cut at the embedder's 1,000 characters) costs ~450 ms CPU, 600 about half.
MEANING_CHARS = 600


@dataclass(frozen=True)
class TextMeaning:
    vector: FloatMatrix  # e5 passage vector, normalised
    ict_margin: float  # best skill-phrase cosine minus best other-work-phrase cosine

    @property
    def other_work(self) -> bool:
        return self.ict_margin < OTHER_WORK_MARGIN


def load_prototypes(data_dir: Any = None) -> dict[str, list[str]]:
    """Skill id -> everyday phrasings (``taxonomy/data/skill_prototypes.json``), and
    ``OTHER_WORK`` -> phrasings of work outside ICT (the background class)."""
    doc = load_json("skill_prototypes.json", data_dir)
    out = {k: list(v) for k, v in doc["skills"].items()}
    if doc.get("other_work"):
        out[OTHER_WORK] = list(doc["other_work"])
    return out
