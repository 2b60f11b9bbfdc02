from __future__ import annotations

import pytest

from talentbrug.matching.embeddings import HashingEmbedder
from talentbrug.matching.extraction import SkillExtractor, SkillLexicon
from talentbrug.matching.taxonomy import Taxonomy


@pytest.fixture(scope="session")
def tax() -> Taxonomy:
    return Taxonomy.load()


@pytest.fixture(scope="session")
def lexicon(tax: Taxonomy) -> SkillLexicon:
    return SkillLexicon.from_taxonomy(tax)


@pytest.fixture(scope="session")
def extractor(tax: Taxonomy, lexicon: SkillLexicon) -> SkillExtractor:
    return SkillExtractor(tax, lexicon=lexicon)


@pytest.fixture(scope="session")
def fake_extractor(tax: Taxonomy, lexicon: SkillLexicon) -> SkillExtractor:
    """Lexical + embedding stage with the fake embedder over the ICT-relevant labels."""
    ids, texts = [], []
    for sk in tax.skills.values():
        if "digital" in sk.collections or "transversal" in sk.collections:
            ids.append(sk.id)
            texts.append(sk.label_en)
    return SkillExtractor(
        tax,
        lexicon=lexicon,
        embedder=HashingEmbedder(),
        label_ids=ids,
        label_texts=texts,
        embedding_threshold=0.55,
    )
