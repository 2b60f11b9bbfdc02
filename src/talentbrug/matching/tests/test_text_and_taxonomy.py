from __future__ import annotations

from talentbrug.matching.taxonomy import Taxonomy, load_json
from talentbrug.matching.text import fold, split_compound, stem, tokenize

JAVA = "19a8293b-8e95-4de3-983f-77484079c389"


def test_stem_collapses_dutch_and_english_inflections() -> None:
    assert stem("beheren") == stem("beheer") == stem("beheert") == stem("beheerd")
    assert stem("databases") == stem("database")
    assert stem("ontwikkeling") == stem("ontwikkelen")
    assert stem("technologie") == stem("technology")
    assert stem("manage") == stem("managed")
    assert stem("java") != stem("javascript")


def test_tokenize_keeps_tech_tokens_and_offsets() -> None:
    text = "C#, C++ en node.js; ICT-beheer"
    toks = list(tokenize(text))
    assert [t.text for t in toks] == ["C#", "C++", "en", "node.js", "ICT", "beheer"]
    assert all(text[t.start : t.end] == t.text for t in toks)


def test_split_compound_uses_known_parts_and_linking_s() -> None:
    vocab = {stem("beveiliging"), stem("beleid"), stem("netwerk"), stem("beheer")}
    assert split_compound("beveiligingsbeleid", vocab) == [stem("beveiliging"), stem("beleid")]
    assert split_compound("netwerkbeheer", vocab) == [stem("netwerk"), stem("beheer")]
    assert split_compound("koffiezetapparaat", vocab) is None
    assert fold("Café") == "cafe"


def test_taxonomy_has_esco_content(tax: Taxonomy) -> None:
    assert len(tax.skills) == 13939
    java = tax.skills[JAVA]
    assert java.label_en == "Java (computer programming)"
    assert java.label("nl")  # Dutch label or English fallback
    ict = tax.ict_occupations()
    assert 100 < len(ict) < 300
    sysadmin = tax.occupations["9e2e6e1e-363b-4e1b-a673-7bc0f7343300"]
    assert sysadmin.ict and sysadmin.essential and sysadmin.label_nl == "ict systeembeheerder"
    # every skill referenced by an ICT occupation exists
    assert all(s in tax.skills for o in ict for s in o.essential + o.optional)


def test_related_skills_for_partial_matching(tax: Taxonomy) -> None:
    rel = tax.related_skills(JAVA)
    programming = "21d2f96d-35f7-4e3f-9745-c533d2dd6e97"
    assert rel[programming].relation == "broader"
    # Java and other languages share "computer programming" as broader skill
    siblings = {tax.skills[s].label_en for s, r in rel.items() if r.relation == "sibling"}
    assert any(lbl.startswith("Python") for lbl in siblings)
    assert tax.related_skills(programming)[JAVA].relation == "narrower"


def test_reference_tables() -> None:
    ecf = load_json("ecf.json")
    ids = [c["id"] for c in ecf["competences"]]
    assert len(ids) == 40 and ids[0] == "A.1" and ids[-1] == "E.9" and len(set(ids)) == 40
    nlqf = load_json("nlqf.json")
    assert {r["nlqf"]: r["eqf"] for r in nlqf["rows"]}["4+"] == 4
    assert load_json("cefr.json")["nt2"]["staatsexamen_nt2_II"] == "B2"
