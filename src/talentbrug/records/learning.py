"""A small text classifier that learns keep/discard from decisions already made.

Pure Python (no Django): multinomial naive Bayes over words with Laplace smoothing. It is
retrained whenever the collection's decisions change; with a few hundred decisions that takes
milliseconds. It only suggests: a person always decides.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

_WORD = re.compile(r"[a-z][a-z0-9]{2,}")
MAX_CHARS = 5_000  # per document: name, path and the start of the text are enough
MIN_PER_CLASS = 2


def tokens(text: str) -> list[str]:
    """Lower-case words of three or more characters, without diacritics."""
    folded = text[:MAX_CHARS].casefold()
    if not folded.isascii():  # ASCII has no diacritics: skip the per-character pass
        folded = unicodedata.normalize("NFKD", folded)
        folded = "".join(c for c in folded if not unicodedata.combining(c))
    return _WORD.findall(folded)


@dataclass(frozen=True)
class Prediction:
    label: str
    confidence: float  # probability of ``label``, 0.5..1
    words: tuple[str, ...]  # words that pushed most toward ``label``


@dataclass
class NaiveBayes:
    """Multinomial naive Bayes for two or more labels."""

    alpha: float = 1.0
    doc_counts: Counter[str] = field(default_factory=Counter)
    word_counts: dict[str, Counter[str]] = field(default_factory=dict)
    totals: Counter[str] = field(default_factory=Counter)
    vocabulary: set[str] = field(default_factory=set)

    @classmethod
    def train(cls, samples: Iterable[tuple[str, str]], alpha: float = 1.0) -> NaiveBayes:
        model = cls(alpha=alpha)
        for text, label in samples:
            words = tokens(text)
            model.doc_counts[label] += 1
            counts = model.word_counts.setdefault(label, Counter())
            counts.update(words)
            model.totals[label] += len(words)
            model.vocabulary.update(words)
        return model

    @property
    def ready(self) -> bool:
        """At least two labels with enough examples each."""
        return sum(1 for n in self.doc_counts.values() if n >= MIN_PER_CLASS) >= 2

    def _log_word(self, label: str, word: str) -> float:
        v = len(self.vocabulary) or 1
        return math.log(
            (self.word_counts[label][word] + self.alpha) / (self.totals[label] + self.alpha * v)
        )

    def predict(self, text: str) -> Prediction | None:
        if not self.ready:
            return None
        words = [w for w in tokens(text) if w in self.vocabulary]
        n = sum(self.doc_counts.values())
        v = len(self.vocabulary) or 1
        # log P(word | label) for the words of this text, each computed once per label.
        unique = set(words)
        logs: dict[str, dict[str, float]] = {}
        for label in self.doc_counts:
            counts = self.word_counts[label]
            denominator = math.log(self.totals[label] + self.alpha * v)
            logs[label] = {w: math.log(counts[w] + self.alpha) - denominator for w in unique}
        scores = {}
        for label, count in self.doc_counts.items():
            per_word = logs[label]
            scores[label] = math.log(count / n) + sum(per_word[w] for w in words)
        best = max(scores, key=lambda k: scores[k])
        top = max(scores.values())
        norm = sum(math.exp(s - top) for s in scores.values())
        confidence = 1.0 / norm
        others = [k for k in scores if k != best]
        influence: Counter[str] = Counter()
        for w in unique:
            influence[w] = logs[best][w] - max(logs[o][w] for o in others)
        strongest = tuple(w for w, s in influence.most_common(3) if s > 0)
        return Prediction(best, confidence, strongest)
