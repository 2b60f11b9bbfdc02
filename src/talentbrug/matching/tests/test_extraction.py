from __future__ import annotations

import random
from collections.abc import Sequence

import pytest

from talentbrug.matching.embeddings import FloatMatrix, HashingEmbedder
from talentbrug.matching.extraction import (
    SkillExtractor,
    SkillLexicon,
    SkillLinker,
    SkillMatch,
    alternative_labels,
    sentence_chunks,
)
from talentbrug.matching.extraction.clauses import MAX_EMBED_CHARS, MAX_SEGMENT_WORDS, MAX_SEGMENTS
from talentbrug.matching.taxonomy import Taxonomy

JAVA = "19a8293b-8e95-4de3-983f-77484079c389"
PYTHON = "ccd0a1d9-afda-43d9-b901-96344886e14d"
SQL = "598de5b0-5b58-4ea7-8058-a4bc4d18c742"
ADMIN_ICT = "0868eef3-2213-4572-9343-74931345a7d3"
TEAMS = "60c78287-22eb-4103-9c8c-28deaa460da0"

CV_NL = """Curriculum vitae
Werkervaring: stage bij een gemeente. Ik heb ICT-systemen beheerd en het netwerkbeheer gedaan.
Kennis van Python, Java en SQL-databases. Ik werk graag in teams.
"""


def ids(matches: list[SkillMatch]) -> set[str]:
    return {m.skill_id for m in matches}


def test_dutch_cv_lexical_with_inflection_and_compounds(extractor: SkillExtractor) -> None:
    found = extractor.extract(CV_NL)
    by_id = {m.skill_id: m for m in found}
    assert {JAVA, PYTHON, SQL, ADMIN_ICT, TEAMS} <= set(by_id)
    java = by_id[JAVA]
    assert CV_NL[java.start : java.end] == "Java" and java.method == "label"
    # "ICT-systemen beheerd" is an inflected form of "ICT-systeem beheren"
    admin = by_id[ADMIN_ICT]
    assert admin.method in {"label", "alt_label"}
    assert "beheer" in CV_NL[admin.start : admin.end].lower()
    assert all(0 < m.confidence <= 1 for m in found)
    assert all(CV_NL[m.start : m.end] == m.text for m in found)


def test_english_vacancy_text(extractor: SkillExtractor) -> None:
    found = extractor.extract("We need someone who can administer ICT systems and knows SQL.")
    assert {ADMIN_ICT, SQL} <= ids(found)


def test_case_sensitive_short_labels(extractor: SkillExtractor) -> None:
    labels = {m.label for m in extractor.extract("I did less work with LESS and did fine.")}
    assert "LESS" in labels
    assert not any(lbl.lower() == "dids" for lbl in labels)
    assert len([m for m in extractor.extract("less is more") if m.label == "LESS"]) == 0


def test_garbage_input_returns_nothing(fake_extractor: SkillExtractor) -> None:
    rnd = random.Random(7)
    random_bytes = bytes(rnd.randrange(256) for _ in range(5000)).decode("latin-1")
    # How long these take is measured in bench/bench_matching_extraction.py, not asserted here.
    for text in ["", "   ", "😀🚀🔥" * 300, random_bytes, "blabla " * 150_000, "x" * 1_000_000]:
        assert fake_extractor.extract(text) == []


def test_embedding_stage_catches_paraphrase(fake_extractor: SkillExtractor) -> None:
    text = "Ervaring:\nadminster ICT systms\n(typefouten: het lexicon vindt dit niet)"
    found = fake_extractor.extract(text)
    emb = [m for m in found if m.method == "embedding"]
    assert ADMIN_ICT in {m.skill_id for m in emb}, found
    assert ADMIN_ICT not in {m.skill_id for m in fake_extractor._lexical(text)}
    assert all(m.detail.startswith("cosine=") for m in emb)


def test_two_page_cv_finds_its_skills(fake_extractor: SkillExtractor) -> None:
    """The speed of a two-page CV is measured in bench/bench_matching_extraction.py."""
    para = (
        "In mijn vorige baan als servicedesk medewerker heb ik gebruikers ondersteund, "
        "laptops geïnstalleerd, Active Directory accounts beheerd en storingen opgelost. "
        "Daarnaast heb ik scripts geschreven in Python en PowerShell en databases met SQL "
        "bevraagd. Ik heb een cursus Linux gevolgd en werk graag samen in een team.\n"
    )
    cv = para * 14  # about 700 words, two pages
    found = fake_extractor.extract(cv)
    assert {PYTHON, SQL} <= ids(found)
    assert fake_extractor.extract(cv) == found  # the second (cached) run gives the same


def test_sentence_chunks() -> None:
    chunks = sentence_chunks("Experience with Java, C# and SQL Server", 2)
    assert "Java" in chunks and "SQL Server" in chunks and "C#" in chunks
    assert "with Java" not in chunks  # n-grams do not start with a stopword


def test_skill_linker_ranks_lexical_and_dense() -> None:
    labels = ["Java (computer programming)", "SQL Server", "bake bread", "work in teams"]
    emb = HashingEmbedder()
    linker = SkillLinker(labels, emb, emb.embed_passages(labels), ngram_max=3)
    top = [labels[i] for i, _ in linker.rank("Experience with Java and MS SQL Server", k=2)]
    assert set(top) == {"Java (computer programming)", "SQL Server"}
    assert linker.lexical("we bake bread")[2] == 1.0


def test_skill_linker_alt_labels_reach_a_skill_its_preferred_label_misses(tax: Taxonomy) -> None:
    """'Gnumeric' shares nothing with 'use spreadsheets software'; its ESCO alternative label
    (from the shipped taxonomy) brings the skill to the top."""
    labels = ["use spreadsheets software", "bake bread", "work in teams", "keep records"]
    alts = alternative_labels(labels, tax)
    assert "Gnumeric" in alts[0] and "working in teams" in alts[2] and alts[1] == ()
    emb = HashingEmbedder()
    sentence = "You keep our planning in Gnumeric"
    plain = SkillLinker(labels, emb, emb.embed_passages(labels), alt_margin=None)
    enriched = SkillLinker(labels, emb, emb.embed_passages(labels), alt_labels=alts)
    assert plain.rank(sentence, k=1)[0][0] != 0
    assert enriched.rank(sentence, k=1)[0][0] == 0
    # the same linker with the alternative labels switched off scores as the plain one
    enriched.alt_margin = None
    assert enriched.rank(sentence, k=4) == plain.rank(sentence, k=4)


def test_skill_linker_alt_label_counts_a_margin_below_a_preferred_label() -> None:
    """Two skills named by the same text, one as its preferred label and one as an alternative
    label: the preferred label wins by 2 x the margin (sentence and chunk cosine; the stem-match
    bonus, which only preferred labels get, is off here)."""
    labels = ["Excel", "use spreadsheets software"]
    emb = HashingEmbedder()
    linker = SkillLinker(
        labels,
        emb,
        emb.embed_passages(labels),
        alt_labels=[(), ("Excel",)],
        alt_margin=0.01,
        lexical_weight=0.0,
    )
    (first, s1), (second, s2) = linker.rank("Excel", k=2)
    assert (first, second) == (0, 1)
    assert s1 - s2 == pytest.approx(0.02, abs=1e-5)


def test_skill_linker_embeds_labels_as_queries_once_for_the_chunks() -> None:
    """By default the chunks are compared with the labels embedded as e5 queries; they are
    embedded on first use and reused."""
    labels = ["SQL Server", "bake bread"]
    emb = RecordingEmbedder()
    linker = SkillLinker(labels, emb, emb.embed_passages(labels))
    assert linker.chunk_label_kind == "query" and linker.sentence_label_kind == "passage"
    linker.rank("Experience with SQL Server")
    linker.rank("We bake bread")
    assert emb.queries.count("SQL Server") == 2  # once as a label, once as a chunk
    assert emb.queries.count("bake bread") == 2


# -- embedding stage budget (issue #8) ------------------------------------------------------


class RecordingEmbedder(HashingEmbedder):
    """The fake embedder, remembering every query text it was asked to embed."""

    def __init__(self) -> None:
        super().__init__()
        self.queries: list[str] = []

    def embed_queries(self, texts: Sequence[str]) -> FloatMatrix:
        self.queries.extend(texts)
        return super().embed_queries(texts)


@pytest.fixture()
def recording(tax: Taxonomy, lexicon: SkillLexicon) -> tuple[SkillExtractor, RecordingEmbedder]:
    ids, texts = [], []
    for sk in tax.skills.values():
        if "digital" in sk.collections:
            ids.append(sk.id)
            texts.append(sk.label_en)
    emb = RecordingEmbedder()
    ext = SkillExtractor(
        tax,
        lexicon=lexicon,
        embedder=emb,
        label_ids=ids,
        label_vectors=emb.embed_passages(texts),
        embedding_threshold=0.55,
    )
    return ext, emb


def test_segments_explained_lexically_are_not_embedded(
    recording: tuple[SkillExtractor, RecordingEmbedder],
) -> None:
    ext, emb = recording
    text = (
        "Kennis van Python, Java en SQL.\nIk kan adminster ICT systms en netwerkproblemen oplossen."
    )
    found = ext.extract(text)
    assert {PYTHON, JAVA, SQL} <= ids(found)
    assert emb.queries == ["Ik kan adminster ICT systms en netwerkproblemen oplossen"]


def test_embedding_budget_caps_segments_and_length(
    recording: tuple[SkillExtractor, RecordingEmbedder],
) -> None:
    ext, emb = recording
    rnd = random.Random(3)
    words = [f"woord{i}" for i in range(400)]
    lines = [" ".join(rnd.choice(words) for _ in range(rnd.randrange(3, 60))) for _ in range(300)]
    ext.extract(".\n".join(lines))
    assert 0 < len(emb.queries) <= MAX_SEGMENTS
    assert sum(len(q) for q in emb.queries) <= MAX_EMBED_CHARS
    assert all(len(q.split()) <= MAX_SEGMENT_WORDS for q in emb.queries)


def test_cv_boilerplate_is_not_embedded(
    recording: tuple[SkillExtractor, RecordingEmbedder],
) -> None:
    ext, emb = recording
    text = (
        "Curriculum vitae\nWoonplaats: Arnhem\nE-mail: samira@example.nl\nTel: 06-12345678\n"
        "2019 – 2022\nBeschikbaar per direct, 32 uur per week.\nWerkervaring\n"
        "Referenties op verzoek. 1234 AB. https://example.nl/cv\n---\n...\n2020 2021 2022"
    )
    assert ext.extract(text) == []
    assert emb.queries == []


def test_wrapped_lines_are_joined_and_dates_dropped(
    recording: tuple[SkillExtractor, RecordingEmbedder],
) -> None:
    ext, emb = recording
    ext.extract(
        "2018 – 2020: Ik registreer en\nprioriteer meldingen van klanten.\nDaarna iets anders."
    )
    assert "Ik registreer en\nprioriteer meldingen van klanten" in emb.queries
    assert not any(q.startswith("2018") for q in emb.queries)


def test_segment_vectors_are_cached(recording: tuple[SkillExtractor, RecordingEmbedder]) -> None:
    ext, emb = recording
    text = "Ik kan adminster ICT systms en netwerkproblemen oplossen."
    first = ext.extract(text)
    n = len(emb.queries)
    assert n == 1
    assert ext.extract(text) == first
    assert len(emb.queries) == n  # the second time from the cache
    ext.clear_segment_cache()
    ext.extract(text)
    assert len(emb.queries) == n + 1
