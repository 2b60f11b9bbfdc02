"""Skill extraction (CV text, free answers, vacancy text) and skill linking (sentence -> ranked
ESCO labels).

Two stages, both deterministic:

1. **Lexical** (:class:`SkillLexicon`): Dutch and English preferred/alternative ESCO labels are
   reduced to stem keys (stopwords dropped, "(qualifier)" stripped, light Dutch/English
   stemming), and the input is scanned for them -- contiguously, or for multi-word labels with
   the words in another order inside a small window ("beheer van ICT-netwerken" for
   "ICT-netwerken beheren"). Unknown Dutch compounds are split into known parts
   ("Pythonontwikkelaar" -> python + ontwikkelaar, "netwerkbeheer" -> netwerk + beheer), so
   modifiers and heads can match labels.
2. **Embedding** (optional, needs an :class:`~.embeddings.Embedder` and label vectors): the
   clauses the lexical stage did not already explain are embedded as queries and compared with
   the label vectors. This catches paraphrases and other languages (Arabic best-effort through
   the multilingual model). The model is the expensive part, so the stage works to a budget:
   wrapped lines are joined, sentences are cut into clauses at commas and brackets, leading
   dates, e-mail addresses, URLs, phone numbers, CV headings and personal details are dropped,
   as are clauses with fewer than two content words and clauses whose words the lexical stage
   matched; what is left is deduplicated, ranked (mostly-unexplained and short first) and cut
   at ``MAX_SEGMENTS`` clauses / ``MAX_EMBED_CHARS`` characters, embedded in one batch
   (shortest first), and the vectors are cached per clause text.

:class:`SkillLinker` is the retrieval form used for the skill-linking benchmark: it ranks *all*
labels for a sentence with ``cos(sentence, label) + max_chunk cos(chunk, label)`` plus a small
exact-lexical bonus, where chunks are the clauses and word n-grams of the sentence (ESCO-aware:
labels are matched by meaning and by their stemmed words). The sentence is compared with the
labels embedded as e5 passages, the chunks with the labels embedded as e5 queries, and a label
with ESCO alternative labels scores the best of its preferred and alternative labels (an
alternative label counts ``ALT_MARGIN`` less); an ``esco_priors``-style prior is optional.
"""

from .extractor import SkillExtractor
from .hits import LexicalHit, SkillMatch
from .lexicon import SkillLexicon, label_key
from .linker import LinkParts, SkillLinker, alternative_labels, sentence_chunks

__all__ = [
    "LexicalHit",
    "LinkParts",
    "SkillExtractor",
    "SkillLexicon",
    "SkillLinker",
    "SkillMatch",
    "alternative_labels",
    "label_key",
    "sentence_chunks",
]
