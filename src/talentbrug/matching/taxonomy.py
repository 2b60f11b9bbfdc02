"""Read-only access to the compact ESCO data shipped in ``talentbrug/taxonomy/data``.

Plain Python (no Django): the Django app ``talentbrug.taxonomy`` may import this module to fill
its tables, and the matching code uses it directly. The files are produced by
``scripts/build_taxonomy_data.py``; nothing here reads ``../shared``.

This service uses the ESCO classification of the European Commission.
"""

from __future__ import annotations

import gzip
import json
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Literal

__all__ = [
    "DATA_DIR",
    "Occupation",
    "RelatedSkill",
    "Skill",
    "Taxonomy",
    "load_json",
]

DATA_DIR = Path(__file__).resolve().parent.parent / "taxonomy" / "data"
SKILL_URI = "http://data.europa.eu/esco/skill/"
OCCUPATION_URI = "http://data.europa.eu/esco/occupation/"

Relation = Literal["broader", "narrower", "sibling", "related"]

# how much a "related" skill counts towards a required skill (partial match)
RELATION_CREDIT: dict[str, float] = {
    "narrower": 0.7,  # candidate has a specialisation of the required skill (Java for programming)
    "broader": 0.5,  # candidate has the general skill of which the required one is a part
    "sibling": 0.5,  # both specialise the same broader skill (Java vs C#)
    "related": 0.4,  # ESCO skill-skill relation (knowledge <-> skill)
}


def load_json(name: str, data_dir: Path | None = None) -> Any:
    """Load ``name`` (``.json`` or ``.json.gz``) from the data directory."""
    path = (data_dir or DATA_DIR) / name
    if name.endswith(".gz"):
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            return json.load(fh)
    with path.open(encoding="utf-8") as fh:
        return json.load(fh)


@dataclass(frozen=True, slots=True)
class Skill:
    id: str
    label_en: str
    label_nl: str | None = None
    alt_en: tuple[str, ...] = ()
    alt_nl: tuple[str, ...] = ()
    kind: str = ""  # "k" knowledge, "s" skill/competence, "" unknown
    collections: tuple[str, ...] = ()
    broader: tuple[str, ...] = ()
    related: tuple[str, ...] = ()

    @property
    def uri(self) -> str:
        return SKILL_URI + self.id

    def label(self, lang: str = "nl") -> str:
        """Preferred label in ``lang``; falls back to English when ESCO has no Dutch label."""
        if lang == "nl" and self.label_nl:
            return self.label_nl
        return self.label_en


@dataclass(frozen=True, slots=True)
class Occupation:
    id: str
    isco: str
    label_en: str
    label_nl: str | None
    alt_en: tuple[str, ...] = ()
    alt_nl: tuple[str, ...] = ()
    ict: bool = False
    essential: tuple[str, ...] = ()
    optional: tuple[str, ...] = ()
    broader: str | None = None  # broader occupation id; None: directly under the ISCO group
    description: str = ""  # start of the Dutch ESCO description (first 600 characters)

    @property
    def uri(self) -> str:
        return OCCUPATION_URI + self.id

    def label(self, lang: str = "nl") -> str:
        if lang == "nl" and self.label_nl:
            return self.label_nl
        return self.label_en


@dataclass(frozen=True, slots=True)
class RelatedSkill:
    skill_id: str
    relation: Relation
    credit: float


@dataclass
class Taxonomy:
    skills: dict[str, Skill]
    groups: dict[str, dict[str, Any]]
    occupations: dict[str, Occupation]
    _narrower: dict[str, list[str]] = field(default_factory=dict, repr=False)

    @classmethod
    def from_dicts(cls, skills_doc: dict[str, Any], occ_doc: dict[str, Any]) -> Taxonomy:
        skills = {
            sid: Skill(
                id=sid,
                label_en=s["en"],
                label_nl=s.get("nl"),
                alt_en=tuple(s.get("ae", ())),
                alt_nl=tuple(s.get("an", ())),
                kind=s.get("t", ""),
                collections=tuple(s.get("c", ())),
                broader=tuple(s.get("b", ())),
                related=tuple(s.get("r", ())),
            )
            for sid, s in skills_doc["skills"].items()
        }
        occupations = {
            oid: Occupation(
                id=oid,
                isco=o.get("isco", ""),
                label_en=o.get("en") or o.get("nl") or oid,
                label_nl=o.get("nl"),
                alt_en=tuple(o.get("ae", ())),
                alt_nl=tuple(o.get("an", ())),
                ict=bool(o.get("ict")),
                essential=tuple(o.get("ess", ())),
                optional=tuple(o.get("opt", ())),
                broader=o.get("b"),
                description=o.get("d", ""),
            )
            for oid, o in occ_doc["occupations"].items()
        }
        narrower: dict[str, list[str]] = {}
        for sid, sk in skills.items():
            for b in sk.broader:
                if b in skills:
                    narrower.setdefault(b, []).append(sid)
        return cls(skills, dict(skills_doc.get("groups", {})), occupations, narrower)

    @classmethod
    def load(cls, data_dir: Path | None = None) -> Taxonomy:
        if data_dir is None:
            return _default_taxonomy()
        return cls.from_dicts(
            load_json("skills.json.gz", data_dir), load_json("occupations.json.gz", data_dir)
        )

    def ict_occupations(self) -> list[Occupation]:
        return [o for o in self.occupations.values() if o.ict]

    def related_skills(self, skill_id: str, max_siblings: int = 60) -> dict[str, RelatedSkill]:
        """Skills that partly satisfy ``skill_id``: broader/narrower skills, siblings under a
        broader *skill* (not under a wide skill group) and ESCO skill-skill relations.
        The strongest relation wins when a skill is reachable in several ways."""
        sk = self.skills.get(skill_id)
        if sk is None:
            return {}
        out: dict[str, RelatedSkill] = {}

        def put(other: str, rel: Relation) -> None:
            if other == skill_id or other not in self.skills:
                return
            credit = RELATION_CREDIT[rel]
            prev = out.get(other)
            if prev is None or prev.credit < credit:
                out[other] = RelatedSkill(other, rel, credit)

        for b in sk.broader:
            if b in self.skills:
                put(b, "broader")
                siblings = self._narrower.get(b, [])
                if len(siblings) <= max_siblings:
                    for s in siblings:
                        put(s, "sibling")
        for n in self._narrower.get(skill_id, []):
            put(n, "narrower")
        for r in sk.related:
            put(r, "related")
        return out


@cache
def _default_taxonomy() -> Taxonomy:
    return Taxonomy.from_dicts(load_json("skills.json.gz"), load_json("occupations.json.gz"))
