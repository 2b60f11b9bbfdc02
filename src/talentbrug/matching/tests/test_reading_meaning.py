"""The meaning of a whole text for ranking (issue #20): ``ProfileReader.text_meaning``."""

from __future__ import annotations

import numpy as np

from talentbrug.matching.embeddings import HashingEmbedder
from talentbrug.matching.extraction import SkillExtractor, SkillLexicon
from talentbrug.matching.reading import OTHER_WORK, ProfileReader, TextMeaning
from talentbrug.matching.taxonomy import Taxonomy

SUPPORT_USERS = "744442ac-c157-4350-8be0-ce454df4f5c5"


def reader(tax: Taxonomy, lexicon: SkillLexicon) -> ProfileReader:
    # a fresh extractor: the reader gives it its embedder (the session one stays words-only)
    return ProfileReader(
        tax,
        extractor=SkillExtractor(tax, lexicon=lexicon),
        embedder=HashingEmbedder(),
        prototypes={
            SUPPORT_USERS: ["helping users with computer problems", "servicedesk meldingen"],
            OTHER_WORK: ["installing ceilings and walls in buildings", "cooking meals"],
        },
    )


def test_text_meaning_gives_a_unit_vector_and_the_ict_margin(
    tax: Taxonomy, lexicon: SkillLexicon
) -> None:
    r = reader(tax, lexicon)
    ict = r.text_meaning("I helped users with computer problems at the servicedesk.")
    other = r.text_meaning("I install ceilings and walls in office buildings.")
    assert isinstance(ict, TextMeaning) and isinstance(other, TextMeaning)
    assert abs(float(np.linalg.norm(ict.vector)) - 1.0) < 1e-5
    assert ict.ict_margin > 0 and not ict.other_work
    assert other.ict_margin < 0 and other.other_work
    assert r.text_meaning("   ") is None


def test_text_meaning_needs_the_model(tax: Taxonomy, extractor: SkillExtractor) -> None:
    words_only = ProfileReader(tax, extractor=extractor, prototypes={SUPPORT_USERS: ["x"]})
    assert words_only.text_meaning("helping users") is None


SYSADMIN = "9e2e6e1e-363b-4e1b-a673-7bc0f7343300"  # ICT system administrator (ICT selection)


def fake_titles(title: str) -> tuple[str, str] | None:
    """Stands in for the TitleNormaliser the product passes (e5 over ESCO occupation titles)."""
    return (SYSADMIN, "ict systeembeheerder") if "beheer" in title.lower() else None


def test_work_titles_are_normalised_and_give_the_occupations_skills_as_weaker_evidence(
    tax: Taxonomy, lexicon: SkillLexicon
) -> None:
    from talentbrug.matching.reading import read_experience
    from talentbrug.matching.reading.reader import (
        MAX_OCCUPATION_SKILLS,
        OCCUPATION_SKILL_CONFIDENCE,
    )

    r = ProfileReader(
        tax,
        extractor=SkillExtractor(tax, lexicon=lexicon),
        prototypes={},
        title_normaliser=fake_titles,
    )
    text = "Systeembeheerder bij de gemeente Utrecht (2016-2022)\nIk hou van fietsen."
    reading = r.read(text)
    assert [(e.title, e.start_year, e.end_year, e.occupation_id) for e in reading.experience] == [
        ("Systeembeheerder", 2016, 2022, SYSADMIN)
    ]
    assert reading.years_per_occupation() == {SYSADMIN: 6.0}
    assert not [f for f in reading.skills if f.method == "occupation"]  # kept apart
    from_title = reading.occupation_skills
    essential = set(tax.occupations[SYSADMIN].essential)
    assert 0 < len(from_title) <= MAX_OCCUPATION_SKILLS
    assert all(f.skill_id in essential for f in from_title)
    assert all(f.confidence == OCCUPATION_SKILL_CONFIDENCE for f in from_title)
    assert all(f.evidence.startswith("Systeembeheerder bij de gemeente") for f in from_title)
    assert all(f.confidence > OCCUPATION_SKILL_CONFIDENCE for f in reading.skills)
    assert not {f.skill_id for f in reading.skills} & {f.skill_id for f in from_title}
    # a short first sentence is a headline title; a heading is not
    headline = r.read("Netwerkbeheerder. Ik configureer routers en switches.")
    assert [e.occupation_id for e in headline.experience] == [SYSADMIN]
    assert r.read("Werkervaring: ik hielp collega's.").experience == []
    # without a normaliser nothing is added (the words-only reader)
    plain = ProfileReader(tax, extractor=SkillExtractor(tax, lexicon=lexicon), prototypes={})
    assert plain.read(text).occupation_skills == []
    assert read_experience("2019 - 2023 Data Analyst, Turkcell")[0].title == "Data Analyst"
