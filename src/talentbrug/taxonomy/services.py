"""Fill and search the ESCO tables. Data comes from files in the repo or an ESCO CSV download."""

from __future__ import annotations

import csv
import logging
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from django.db import transaction
from django.db.models import Case, IntegerField, Q, QuerySet, Value, When

from talentbrug.matching.taxonomy import Taxonomy

from .constants import SkillKind
from .models import ESCO_OCCUPATION_URI, ESCO_SKILL_URI, Occupation, OccupationSkill, Skill

BATCH = 2000

logger = logging.getLogger(__name__)


def _search_text(*parts: Iterable[str] | str | None) -> str:
    words: list[str] = []
    for part in parts:
        if not part:
            continue
        if isinstance(part, str):
            words.append(part)
        else:
            words.extend(p for p in part if p)
    return "\n".join(w.lower() for w in words)


@transaction.atomic
def load_from_taxonomy(taxonomy: Any) -> dict[str, int]:
    """Replace the tables with a :class:`talentbrug.matching.taxonomy.Taxonomy`."""
    OccupationSkill.objects.all().delete()
    Occupation.objects.all().delete()
    Skill.objects.all().delete()
    kinds = {"k": SkillKind.KNOWLEDGE, "s": SkillKind.SKILL}
    Skill.objects.bulk_create(
        (
            Skill(
                esco_id=s.id,
                label_nl=(s.label_nl or "")[:300],
                label_en=s.label_en[:300],
                alt_labels="\n".join((*s.alt_nl, *s.alt_en)),
                kind=kinds.get(s.kind, SkillKind.UNKNOWN),
                collections=",".join(s.collections)[:100],
                broader_ids=list(s.broader),
                search_text=_search_text(s.label_nl, s.label_en, s.alt_nl, s.alt_en),
            )
            for s in taxonomy.skills.values()
        ),
        batch_size=BATCH,
    )
    Occupation.objects.bulk_create(
        (
            Occupation(
                esco_id=o.id,
                isco_code=o.isco,
                label_nl=(o.label_nl or "")[:300],
                label_en=o.label_en[:300],
                alt_labels="\n".join((*o.alt_nl, *o.alt_en)),
                is_ict=o.ict,
                search_text=_search_text(o.label_nl, o.label_en, o.alt_nl, o.alt_en),
            )
            for o in taxonomy.occupations.values()
        ),
        batch_size=BATCH,
    )
    skill_pk = dict(Skill.objects.values_list("esco_id", "pk"))
    occupation_pk = dict(Occupation.objects.values_list("esco_id", "pk"))
    links = []
    for o in taxonomy.occupations.values():
        for relation, ids in (("essential", o.essential), ("optional", o.optional)):
            for sid in ids:
                if sid in skill_pk:
                    links.append(
                        OccupationSkill(
                            occupation_id=occupation_pk[o.id],
                            skill_id=skill_pk[sid],
                            relation=relation,
                        )
                    )
    OccupationSkill.objects.bulk_create(links, batch_size=BATCH, ignore_conflicts=True)
    return {"skills": len(skill_pk), "occupations": len(occupation_pk), "links": len(links)}


def load_shipped_taxonomy() -> dict[str, int]:

    return load_from_taxonomy(Taxonomy.load())


def ensure_taxonomy_loaded() -> bool:
    """Load the shipped data when the tables are empty. Returns True when it loaded."""
    if Skill.objects.exists():
        return False
    load_shipped_taxonomy()
    return True


class EscoImportError(ValueError):
    """The folder is not an ESCO CSV download we can read."""


_LANG_RE = re.compile(r"_([a-z]{2})\.csv$")


def _uuid(uri: str, prefix: str) -> str:
    return uri.strip().removeprefix(prefix)


@transaction.atomic
def import_esco_csv(folder: Path) -> dict[str, int]:
    """Import an official ESCO CSV download (any language set) into the tables.

    Reads ``skills_<lang>.csv`` and/or the skill collections, ``occupations_<lang>.csv`` and
    ``occupationSkillRelations_<lang>.csv``. Dutch files fill ``label_nl``, other languages
    ``label_en`` (English) — other languages are added as alternative labels.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise EscoImportError(f"{folder} is not a folder")
    files = sorted(folder.glob("*.csv"))
    if not files:
        raise EscoImportError(f"{folder} has no CSV files")
    counts = {"skills": 0, "occupations": 0, "links": 0}
    skill_files = [f for f in files if f.name.startswith("skills_") or "SkillsCollection" in f.name]
    occupation_files = [f for f in files if f.name.startswith("occupations_")]
    relation_files = [f for f in files if f.name.startswith("occupationSkillRelations_")]
    if not (skill_files or occupation_files):
        raise EscoImportError(f"{folder} has no skills_*.csv or occupations_*.csv")
    for path in skill_files:
        counts["skills"] += _import_concepts(path, Skill, ESCO_SKILL_URI)
    for path in occupation_files:
        counts["occupations"] += _import_concepts(path, Occupation, ESCO_OCCUPATION_URI)
    for path in relation_files:
        counts["links"] += _import_relations(path)
    return counts


def _language(path: Path) -> str:
    match = _LANG_RE.search(path.name)
    return match.group(1) if match else "en"


def _import_concepts(path: Path, model: type[Skill] | type[Occupation], prefix: str) -> int:
    language = _language(path)
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        if not reader.fieldnames or "conceptUri" not in reader.fieldnames:
            raise EscoImportError(f"{path.name} has no conceptUri column")
        existing = {obj.esco_id: obj for obj in model.objects.all()}
        new, changed = [], []
        for row in reader:
            esco_id = _uuid(row["conceptUri"], prefix)
            label = (row.get("preferredLabel") or "").strip()[:300]
            if not esco_id or not label:
                continue
            alts = [a.strip() for a in (row.get("altLabels") or "").splitlines() if a.strip()]
            obj = existing.get(esco_id)
            if obj is None:
                obj = model(esco_id=esco_id, label_en=label)
                existing[esco_id] = obj
                new.append(obj)
            elif obj not in changed:
                changed.append(obj)
            if language == "nl":
                obj.label_nl = label
            elif language == "en":
                obj.label_en = label
            else:
                alts.append(label)
            known = set(obj.alt_labels.splitlines())
            obj.alt_labels = "\n".join([*known, *[a for a in alts if a not in known]])
            if isinstance(obj, Skill) and row.get("skillType"):
                obj.kind = (
                    SkillKind.KNOWLEDGE if row["skillType"] == "knowledge" else SkillKind.SKILL
                )
            if isinstance(obj, Occupation) and row.get("iscoGroup"):
                obj.isco_code = row["iscoGroup"][:8]
                obj.is_ict = obj.isco_code.startswith(("25", "35", "1330"))
            obj.search_text = _search_text(obj.label_nl, obj.label_en, obj.alt_labels.splitlines())
        model.objects.bulk_create(new, batch_size=BATCH)
        if changed:
            fields = ["label_nl", "label_en", "alt_labels", "search_text"]
            fields += ["kind"] if model is Skill else ["isco_code", "is_ict"]
            model.objects.bulk_update(changed, fields, batch_size=BATCH)
    return len(new) + len(changed)


def _import_relations(path: Path) -> int:
    skill_pk = dict(Skill.objects.values_list("esco_id", "pk"))
    occupation_pk = dict(Occupation.objects.values_list("esco_id", "pk"))
    links = []
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        if not reader.fieldnames or "occupationUri" not in reader.fieldnames:
            raise EscoImportError(f"{path.name} has no occupationUri column")
        for row in reader:
            occupation = occupation_pk.get(_uuid(row["occupationUri"], ESCO_OCCUPATION_URI))
            skill = skill_pk.get(_uuid(row["skillUri"], ESCO_SKILL_URI))
            relation = row.get("relationType", "").strip()
            if occupation and skill and relation in ("essential", "optional"):
                links.append(
                    OccupationSkill(occupation_id=occupation, skill_id=skill, relation=relation)
                )
    OccupationSkill.objects.bulk_create(links, batch_size=BATCH, ignore_conflicts=True)
    return len(links)


def _word_filter(query: str) -> tuple[list[str], Q]:
    words = [w for w in query.lower().split() if len(w) >= 2][:5]
    condition = Q()
    for word in words:
        condition &= Q(search_text__contains=word)
    return words, condition


# What a query in everyday words means, as ESCO skill ids, best first: registered by a later app
# (matches registers the one reader, ``matches.reader``), so taxonomy imports no feature app.
MEANING_SEARCHES: list[Callable[[str, int], list[str]]] = []


def register_meaning_search(search: Callable[[str, int], list[str]]) -> None:
    if search not in MEANING_SEARCHES:
        MEANING_SEARCHES.append(search)


def search_skills(query: str, limit: int = 12) -> list[Skill]:
    """Skills for a query in everyday words (issue #20), for the vacancy editor's skill picker
    and the talent-pool search. First what the one reader (``matches.reader``: labels,
    alternative labels, and the e5 model against everyday skill phrases) says the query means
    ("storing" -> ICT-problemen oplossen, "klantgericht" -> customer service), then skills whose
    Dutch or English names contain every word, ICT and transversal skills before the rest, prefix
    hits first."""
    words, condition = _word_filter(query)
    if not words:
        return []
    meant: list[str] = []
    for meaning in MEANING_SEARCHES:
        try:
            meant = [sid for sid in meaning(query, limit) if sid not in meant]
        except Exception as exc:  # the reader is an aid here; the word search still answers
            # The message may quote what was typed: the kind of error only.
            logger.warning("skill search: the reader failed (%s)", type(exc).__name__)
    by_id = Skill.objects.in_bulk(meant, field_name="esco_id") if meant else {}
    out = [by_id[sid] for sid in meant if sid in by_id]
    if len(out) >= limit:
        return out[:limit]
    first = words[0]
    prefix_first = Case(
        When(Q(label_nl__istartswith=first) | Q(label_en__istartswith=first), then=Value(0)),
        default=Value(1),
        output_field=IntegerField(),
    )
    common_first = Case(
        When(
            Q(collections__contains="digital") | Q(collections__contains="transversal"),
            then=Value(0),
        ),
        default=Value(1),
        output_field=IntegerField(),
    )
    rest = (
        Skill.objects.filter(condition)
        .exclude(esco_id__in=[s.esco_id for s in out])
        .annotate(tb_rank=prefix_first, tb_common=common_first)
        .order_by("tb_common", "tb_rank", "label_nl", "label_en")[: limit - len(out)]
    )
    return out + list(rest)


def search_occupations(query: str, limit: int = 12, ict_only: bool = False) -> QuerySet[Occupation]:
    words, condition = _word_filter(query)
    if not words:
        return Occupation.objects.none()
    queryset = Occupation.objects.filter(condition)
    if ict_only:
        queryset = queryset.filter(is_ict=True)
    return queryset.order_by("-is_ict", "label_nl")[:limit]
