"""Readability metrics: Flesch-Douma, Leesindex A (Brouwer) and friends.

The scores are an indication only. Nothing here says a text "is B1".
"""

from __future__ import annotations

from collections.abc import Iterable

from .lexicon import syllables
from .messages import INDICATION
from .models import Finding, Metrics
from .tokens import Doc, Token

__all__ = ["compute_metrics", "flesch_douma", "indication", "leesindex_a"]

#: Words of this many syllables or more count as long words.
LONG_WORD_SYLLABLES = 4


def flesch_douma(words_per_sentence: float, syllables_per_100_words: float) -> float:
    """Flesch-Douma: ``206.84 - 0.77 * syllables/100 words - 0.93 * words/sentence``."""
    return 206.84 - 0.77 * syllables_per_100_words - 0.93 * words_per_sentence


def leesindex_a(words_per_sentence: float, syllables_per_100_words: float) -> float:
    """Leesindex A (Brouwer): ``195 - 2 * words/sentence - 0.67 * syllables/100 words``."""
    return 195 - 2 * words_per_sentence - 0.67 * syllables_per_100_words


def compute_metrics(
    doc: Doc,
    findings: Iterable[Finding],
    rare: Iterable[Token],
    long_sentence_words: int,
) -> Metrics:
    """Compute the metrics of ``doc`` (linear in the number of tokens)."""
    tokens = doc.tokens
    n_words = len(tokens)
    n_sent = len(doc.sentences)
    if n_words == 0 or n_sent == 0:
        return Metrics()
    syl_total = 0
    long_words = 0
    for tok in tokens:
        s = syllables(tok.lower)
        syl_total += s
        if s >= LONG_WORD_SYLLABLES:
            long_words += 1
    rare_list = list(rare)
    rare_set = {t.lower for t in rare_list}
    rare_occurrences = sum(1 for t in tokens if t.lower in rare_set) if rare_set else 0
    wps = n_words / n_sent
    spw = syl_total * 100.0 / n_words
    counts = {
        "read.passive": 0,
        "read.nominalisation": 0,
        "gender.masculine": 0,
        "gender.feminine": 0,
    }
    for f in findings:
        if f.rule_id in counts:
            counts[f.rule_id] += 1
    return Metrics(
        words=n_words,
        sentences=n_sent,
        syllables=syl_total,
        words_per_sentence=round(wps, 2),
        syllables_per_100_words=round(spw, 1),
        flesch_douma=round(flesch_douma(wps, spw), 1),
        leesindex_a=round(leesindex_a(wps, spw), 1),
        long_sentences=sum(1 for s in doc.sentences if s.word_count > long_sentence_words),
        long_word_share=round(long_words / n_words, 3),
        rare_word_share=round(rare_occurrences / n_words, 3),
        rare_words=tuple(t.text for t in rare_list),
        passive_count=counts["read.passive"],
        nominalisation_count=counts["read.nominalisation"],
        masculine_words=counts["gender.masculine"],
        feminine_words=counts["gender.feminine"],
    )


def indication(metrics: Metrics) -> str:
    """A cautious Dutch readability indication. Never claims a CEFR level."""
    if metrics.words == 0:
        return INDICATION["empty"]
    long_share = metrics.long_sentences / metrics.sentences if metrics.sentences else 0.0
    if metrics.flesch_douma >= 60 and metrics.words_per_sentence <= 15 and long_share <= 0.15:
        return INDICATION["good"]
    if metrics.flesch_douma >= 45 and long_share <= 0.35:
        return INDICATION["fair"]
    return INDICATION["hard"]
