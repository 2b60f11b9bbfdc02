#!/usr/bin/env python3
"""Build the compact taxonomy data files shipped in ``src/talentbrug/taxonomy/data/``.

Usage (from the repository root)::

    python scripts/build_taxonomy_data.py [SHARED_DATA_DIR]

``SHARED_DATA_DIR`` defaults to ``../shared/data`` relative to the repository root. Only this
script reads that directory; the product and its tests read the files written here.

The output is deterministic: rows are sorted by id, JSON is written with sorted keys and no
whitespace, and gzip headers carry no timestamp or file name (``mtime=0``), so running the
script twice gives byte-identical files.

Files written (see ``src/talentbrug/taxonomy/data/README.md`` for the format):

* ``skills.json.gz``      all 13,939 ESCO skills: English preferred label (the full label from a
                          collection file when ``skills_id_label.csv`` lost a "(qualifier)"),
                          Dutch preferred/alternative labels and English alternative labels for
                          the collections (digital, transversal, language, digComp, green,
                          research), skill type, collections, broader concepts, related skills
                          (skillSkillRelations) -- plus the skill groups of the hierarchy.
* ``occupations.json.gz`` all ESCO occupations with Dutch + English preferred and alternative
                          labels, ISCO code, broader occupation and the first 600 characters of
                          the Dutch description (both for job-title normalisation);
                          the ICT selection (see ``ICT_ISCO``) also carries essential/optional
                          skills.
* ``isco_groups.json.gz`` ISCO groups (code, Dutch + English label).
* ``cefr.json``, ``nlqf.json``, ``ecf.json`` small reference tables (hand written here).
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "talentbrug" / "taxonomy" / "data"
ESCO = "http://data.europa.eu/esco/"

# ICT occupations: every ESCO occupation whose ISCO-08 unit group starts with one of these.
#   25   ICT professionals (2511-2529: analysts, developers, web/multimedia, database/network)
#   35   ICT and telecom technicians (3511-3514 operations, user support, network, web;
#        3521-3522 broadcasting/telecom technicians) -- the typical mbo-level ICT jobs
#   1330 ICT service managers
#   2166 graphic and multimedia designers (web/UX designers)
#   2356 IT trainers
#   2434 ICT sales professionals
#   7422 ICT installers and servicers (mbo 2/3 hardware and cabling jobs)
ICT_ISCO = ("25", "35", "1330", "2166", "2356", "2434", "7422")

# characters of the Dutch occupation description kept in occupations.json.gz ("d")
DESCRIPTION_CHARS = 600

COLLECTIONS = {
    "digital": "digitalSkillsCollection",
    "transversal": "transversalSkillsCollection",
    "language": "languageSkillsCollection",
    "digcomp": "digCompSkillsCollection",
    "green": "greenSkillsCollection",
    "research": "researchSkillsCollection",
}


def short(uri: str) -> str:
    """``http://data.europa.eu/esco/skill/<uuid>`` -> ``<uuid>``; other URIs keep their tail."""
    uri = uri.strip()
    if uri.startswith(ESCO + "skill/"):
        return uri[len(ESCO + "skill/") :]
    if uri.startswith(ESCO + "occupation/"):
        return uri[len(ESCO + "occupation/") :]
    if uri.startswith(ESCO):
        return uri[len(ESCO) :]
    return uri


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def split_labels(value: str, sep: str) -> list[str]:
    seen: dict[str, None] = {}
    for part in value.split(sep):
        p = " ".join(part.split())
        if p:
            seen.setdefault(p, None)
    return list(seen)


def write_gz_json(path: Path, obj: Any) -> None:
    raw = json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, mtime=0, compresslevel=9) as gz:
        gz.write(raw)
    path.write_bytes(buf.getvalue())


def write_json(path: Path, obj: Any) -> None:
    path.write_text(json.dumps(obj, ensure_ascii=False, indent=1, sort_keys=True) + "\n")


def build_skills(esco: Path) -> dict[str, Any]:
    en = esco / "en"
    skills: dict[str, dict[str, Any]] = {}
    for row in read_csv(en / "skills_id_label.csv"):
        skills[row["id"]] = {"en": row["label"].strip()}
    for coll, stem in COLLECTIONS.items():
        for lang in ("en", "nl"):
            path = esco / lang / f"{stem}_{lang}.csv"
            if not path.exists():
                continue
            for row in read_csv(path):
                sid = short(row["conceptUri"])
                entry = skills.setdefault(sid, {"en": row["preferredLabel"].strip()})
                entry.setdefault("c", [])
                if coll not in entry["c"]:
                    entry["c"].append(coll)
                alts = split_labels(row.get("altLabels", ""), "|")
                if lang == "en":
                    # the collection carries the full label incl. "(qualifier)"
                    entry["en"] = " ".join(row["preferredLabel"].split())
                    if alts:
                        entry["ae"] = alts
                else:
                    entry["nl"] = " ".join(row["preferredLabel"].split())
                    if alts:
                        entry["an"] = alts
                st = row.get("skillType", "")
                if st:
                    entry["t"] = "k" if st == "knowledge" else "s"
    groups: dict[str, dict[str, Any]] = {}
    for lang in ("en", "nl"):
        for row in read_csv(esco / lang / f"skillGroups_{lang}.csv"):
            gid = short(row["conceptUri"])
            g = groups.setdefault(gid, {})
            g[lang] = " ".join(row["preferredLabel"].split())
            if row.get("code"):
                g["code"] = row["code"].strip()
    for row in read_csv(en / "broaderRelationsSkillPillar_en.csv"):
        cid, bid = short(row["conceptUri"]), short(row["broaderUri"])
        target = skills.get(cid) if row["conceptType"] != "SkillGroup" else groups.get(cid)
        if target is None:
            continue
        target.setdefault("b", [])
        if bid not in target["b"]:
            target["b"].append(bid)
    related: dict[str, set[str]] = defaultdict(set)
    for row in read_csv(en / "skillSkillRelations_en.csv"):
        a, b = short(row["originalSkillUri"]), short(row["relatedSkillUri"])
        if a in skills and b in skills:
            related[a].add(b)
            related[b].add(a)
    for sid, rel in related.items():
        skills[sid]["r"] = sorted(rel)
    for entry in list(skills.values()) + list(groups.values()):
        for k in ("b", "c"):
            if k in entry:
                entry[k] = sorted(entry[k])
    # skills without a Dutch label fall back to the English one in the library (not stored twice)
    return {
        "skills": {k: skills[k] for k in sorted(skills)},
        "groups": {k: groups[k] for k in sorted(groups)},
    }


def build_occupations(esco: Path, skill_ids: set[str]) -> dict[str, Any]:
    occ: dict[str, dict[str, Any]] = {}
    for lang in ("en", "nl"):
        for row in read_csv(esco / lang / f"occupations_{lang}.csv"):
            oid = short(row["conceptUri"])
            o = occ.setdefault(oid, {"isco": row["iscoGroup"].strip()})
            o[lang] = " ".join(row["preferredLabel"].split())
            alts = split_labels(row.get("altLabels", ""), "\n")
            alts += [h for h in split_labels(row.get("hiddenLabels", ""), "\n") if h not in alts]
            if alts:
                o["a" + lang[0]] = alts
            if row.get("code"):
                o["code"] = row["code"].strip()
            if lang == "nl":
                # the start of the Dutch description: words the labels lack ("uitbenen" for a
                # "vleessnijder"), a signal for job-title normalisation; 600 characters scored
                # better than 300 on MELO validation (issue #8)
                desc = " ".join(row.get("description", "").split())[:DESCRIPTION_CHARS]
                if desc:
                    o["d"] = desc
    # broader occupation (ESCO hierarchy below the ISCO unit group); an occupation without
    # "b" sits directly under its ISCO group ("isco"). Used to score towards broader concepts.
    for row in read_csv(esco / "nl" / "broaderRelationsOccPillar_nl.csv"):
        if row["conceptType"] == "Occupation" and row["broaderType"] == "Occupation":
            oid, bid = short(row["conceptUri"]), short(row["broaderUri"])
            if oid in occ and bid in occ:
                occ[oid]["b"] = bid
    ict = {oid for oid, o in occ.items() if o["isco"].startswith(ICT_ISCO)}
    ess: dict[str, set[str]] = defaultdict(set)
    opt: dict[str, set[str]] = defaultdict(set)
    for row in read_csv(esco / "en" / "occupationSkillRelations_en.csv"):
        oid, sid = short(row["occupationUri"]), short(row["skillUri"])
        if oid not in ict or sid not in skill_ids:
            continue
        (ess if row["relationType"] == "essential" else opt)[oid].add(sid)
    for oid in ict:
        occ[oid]["ict"] = 1
        occ[oid]["ess"] = sorted(ess[oid])
        occ[oid]["opt"] = sorted(opt[oid] - ess[oid])
    return {"ict_isco_prefixes": list(ICT_ISCO), "occupations": {k: occ[k] for k in sorted(occ)}}


def build_isco(esco: Path) -> dict[str, Any]:
    groups: dict[str, dict[str, str]] = {}
    for lang in ("en", "nl"):
        for row in read_csv(esco / lang / f"ISCOGroups_{lang}.csv"):
            g = groups.setdefault(row["code"].strip(), {})
            g[lang] = " ".join(row["preferredLabel"].split())
    return {k: groups[k] for k in sorted(groups)}


CEFR = {
    "levels": ["A1", "A2", "B1", "B2", "C1", "C2"],
    "skills": ["reading", "listening", "writing", "speaking"],
    "descriptions": {
        "A1": {"en": "Breakthrough (basic user)", "nl": "Basisgebruiker, doorbraak"},
        "A2": {"en": "Waystage (basic user)", "nl": "Basisgebruiker, tussenstap"},
        "B1": {"en": "Threshold (independent user)", "nl": "Onafhankelijk gebruiker, drempel"},
        "B2": {"en": "Vantage (independent user)", "nl": "Onafhankelijk gebruiker, uitzicht"},
        "C1": {"en": "Effective operational proficiency", "nl": "Vaardig gebruiker, effectief"},
        "C2": {"en": "Mastery", "nl": "Vaardig gebruiker, beheersing"},
    },
    "nt2": {
        "staatsexamen_nt2_I": "B1",
        "staatsexamen_nt2_II": "B2",
        "inburgering_b1_route": "B1",
        "inburgering_onderwijsroute": "B1",
        "inburgering_z_route": "A1",
    },
    "justification_required_above": "B1",
    "source": "Council of Europe CEFR; DUO/Staatsexamens NT2; Wet inburgering 2021",
}

NLQF = {
    "rows": [
        {"diploma": "vmbo-bb, mbo 1", "nlqf": "1", "eqf": 1},
        {"diploma": "vmbo-kb/gl/tl, mbo 2", "nlqf": "2", "eqf": 2},
        {"diploma": "mbo 3", "nlqf": "3", "eqf": 3},
        {"diploma": "mbo 4, havo", "nlqf": "4", "eqf": 4},
        {"diploma": "vwo", "nlqf": "4+", "eqf": 4},
        {"diploma": "Associate degree", "nlqf": "5", "eqf": 5},
        {"diploma": "Bachelor (hbo or wo)", "nlqf": "6", "eqf": 6},
        {"diploma": "Master (hbo or wo)", "nlqf": "7", "eqf": 7},
        {"diploma": "Doctorate", "nlqf": "8", "eqf": 8},
    ],
    "sources": ["Dutch diploma", "IDW", "Indicatie Onderwijsniveau", "self-declared"],
    "note": "Per Nuffic. Foreign diplomas: IDW (Nuffic/SBB) diplomawaardering is non-binding; "
    "never auto-reject on 'no Dutch diploma'.",
}

ECF_AREAS = {
    "A": {"en": "Plan", "nl": "Plannen"},
    "B": {"en": "Build", "nl": "Bouwen"},
    "C": {"en": "Run", "nl": "Uitvoeren"},
    "D": {"en": "Enable", "nl": "Mogelijk maken"},
    "E": {"en": "Manage", "nl": "Managen"},
}
ECF = [
    ("A.1", "IS and Business Strategy Alignment"),
    ("A.2", "Service Level Management"),
    ("A.3", "Business Plan Development"),
    ("A.4", "Product/Service Planning"),
    ("A.5", "Architecture Design"),
    ("A.6", "Application Design"),
    ("A.7", "Technology Trend Monitoring"),
    ("A.8", "Sustainability"),
    ("A.9", "Innovating"),
    ("B.1", "Application Development"),
    ("B.2", "Component Integration"),
    ("B.3", "Testing"),
    ("B.4", "Solution Deployment"),
    ("B.5", "Documentation Production"),
    ("B.6", "ICT Systems Engineering"),
    ("C.1", "User Support"),
    ("C.2", "Change Support"),
    ("C.3", "Service Delivery"),
    ("C.4", "Problem Management"),
    ("D.1", "Information Security Strategy Development"),
    ("D.2", "ICT Quality Strategy Development"),
    ("D.3", "Education and Training Provision"),
    ("D.4", "Purchasing"),
    ("D.5", "Sales Proposal Development"),
    ("D.6", "Channel Management"),
    ("D.7", "Sales Management"),
    ("D.8", "Contract Management"),
    ("D.9", "Personnel Development"),
    ("D.10", "Information and Knowledge Management"),
    ("D.11", "Needs Identification"),
    ("D.12", "Digital Marketing"),
    ("E.1", "Forecast Development"),
    ("E.2", "Project and Portfolio Management"),
    ("E.3", "Risk Management"),
    ("E.4", "Relationship Management"),
    ("E.5", "Process Improvement"),
    ("E.6", "ICT Quality Management"),
    ("E.7", "Business Change Management"),
    ("E.8", "Information Security Management"),
    ("E.9", "IS Governance"),
]


def build_ecf() -> dict[str, Any]:
    return {
        "framework": "European e-Competence Framework (EN 16234-1), 40 competences A.1-E.9",
        "levels": [1, 2, 3, 4, 5],
        "areas": ECF_AREAS,
        "competences": [{"id": cid, "area": cid[0], "en": name} for cid, name in ECF],
        "note": "Names written from the public framework text; KWIV uses e-CF levels 1-4. "
        "Check exact wording against EN 16234-1:2019 before quoting it.",
    }


def main(argv: list[str]) -> int:
    shared = Path(argv[1]) if len(argv) > 1 else ROOT.parent / "shared" / "data"
    esco = shared / "esco"
    if not (esco / "en" / "skills_id_label.csv").exists():
        print(f"ESCO data not found under {esco}", file=sys.stderr)
        return 2
    OUT.mkdir(parents=True, exist_ok=True)
    skills = build_skills(esco)
    write_gz_json(OUT / "skills.json.gz", skills)
    occ = build_occupations(esco, set(skills["skills"]))
    write_gz_json(OUT / "occupations.json.gz", occ)
    write_gz_json(OUT / "isco_groups.json.gz", build_isco(esco))
    write_json(OUT / "cefr.json", CEFR)
    write_json(OUT / "nlqf.json", NLQF)
    write_json(OUT / "ecf.json", build_ecf())
    n_ict = sum(1 for o in occ["occupations"].values() if o.get("ict"))
    n_nl = sum(1 for s in skills["skills"].values() if "nl" in s)
    print(
        f"skills={len(skills['skills'])} (nl labels: {n_nl}) groups={len(skills['groups'])} "
        f"occupations={len(occ['occupations'])} (ict: {n_ict})"
    )
    for p in sorted(OUT.iterdir()):
        if p.is_file():
            print(f"  {p.name:24s} {p.stat().st_size:>9,d} bytes")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
