"""A small text classifier that learns keep/discard from decisions already made.

Pure Python (no Django): multinomial naive Bayes over words with Laplace smoothing. It is
retrained whenever the collection's decisions change; with a few hundred decisions that takes
milliseconds. It only suggests: a person always decides.

Two things keep it honest:

- Only words count as evidence: stop words (the most frequent Dutch and English words according
  to wordfreq), file extensions and format names, numbers and words shorter than three letters
  are left out, so "docx", "jpg" or "met" never explain a suggestion.
- Its probabilities are not shown. While training, each of the most recent decisions is first
  predicted by the model as it was before that decision (held out), so the model knows how often
  its suggestion was right in this collection so far, per suggested label.
"""

from __future__ import annotations

import hashlib
import math
import mimetypes
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache

from talentbrug.docanalysis.model import EXTENSIONS, DocType

_TOKEN = re.compile(r"[a-z0-9]+")
MIN_LETTERS = 3
MAX_CHARS = 5_000  # per document: name, path and the start of the text are enough
MIN_PER_CLASS = 2
STOP_WORDS_PER_LANGUAGE = 150  # the most frequent words of Dutch and of English
EVALUATE_LAST = 300  # held-out decisions checked while training
MIN_EVIDENCE_COUNT = 2  # a word seen once is not shown as a reason
Z_95 = 1.96


@cache
def stop_words() -> frozenset[str]:
    """Words that say nothing about keep or discard: frequent words, extensions, formats."""
    from wordfreq import top_n_list

    words = set(top_n_list("nl", STOP_WORDS_PER_LANGUAGE))
    words.update(top_n_list("en", STOP_WORDS_PER_LANGUAGE))
    mimetypes.init()
    words.update(ext.lstrip(".") for ext in mimetypes.types_map)
    words.update(ext for exts in EXTENSIONS.values() for ext in exts)
    words.update(t.value for t in DocType)
    words.update(("jpg", "jpeg", "tif", "tiff", "heic", "docm", "xlsm", "pptm", "odt", "ods"))
    return frozenset(_fold(w) for w in words)


def _fold(text: str) -> str:
    folded = text.casefold()
    if not folded.isascii():  # ASCII has no diacritics: skip the per-character pass
        folded = unicodedata.normalize("NFKD", folded)
        folded = "".join(c for c in folded if not unicodedata.combining(c))
    return folded


def tokens(text: str) -> list[str]:
    """Lower-case words without diacritics that can be evidence (see the module docstring)."""
    stop = stop_words()
    return [
        t
        for t in _TOKEN.findall(_fold(text[:MAX_CHARS]))
        if len(t) >= MIN_LETTERS and t.isalpha() and t not in stop
    ]


def wilson_lower_bound(right: int, total: int, z: float = Z_95) -> float:
    """The lower end of the 95 % interval for a success rate of right/total (0 without data)."""
    if total <= 0:
        return 0.0
    p = right / total
    denominator = 1 + z * z / total
    centre = p + z * z / (2 * total)
    margin = z * math.sqrt(p * (1 - p) / total + z * z / (4 * total * total))
    return (centre - margin) / denominator


@dataclass(frozen=True)
class Prediction:
    label: str
    confidence: float  # the model's own probability of ``label``; never shown as certainty
    words: tuple[str, ...]  # words that pushed most toward ``label``
    right: int = 0  # held-out decisions where the model suggested ``label`` and was right
    checked: int = 0  # held-out decisions where the model suggested ``label``

    @property
    def reliability(self) -> float:
        """A cautious estimate of how often a suggestion of ``label`` is right."""
        return wilson_lower_bound(self.right, self.checked)


@dataclass
class NaiveBayes:
    """Multinomial naive Bayes for two or more labels."""

    alpha: float = 1.0
    doc_counts: Counter[str] = field(default_factory=Counter)
    word_counts: dict[str, Counter[str]] = field(default_factory=dict)
    totals: Counter[str] = field(default_factory=Counter)
    vocabulary: set[str] = field(default_factory=set)
    # suggested label -> [right, checked] on held-out decisions
    heldout: dict[str, list[int]] = field(default_factory=dict)
    # history of a held-out sample -> the label guessed for it (see ``train``)
    guesses: dict[str, str] = field(default_factory=dict)

    @classmethod
    def train(
        cls,
        samples: Iterable[tuple[str, str]],
        alpha: float = 1.0,
        evaluate_last: int = EVALUATE_LAST,
        *,
        keys: Sequence[str] | None = None,
        known: dict[str, str] | None = None,
    ) -> NaiveBayes:
        """Learn from ``samples`` (oldest first).

        Each of the last ``evaluate_last`` samples is predicted before it is learned: that
        is how often the suggestion would have been right on a decision it had not seen.

        With ``keys`` (one stable id per sample, such as the document's pk) a held-out guess
        is remembered under the sample and everything learned before it; pass the previous
        model's ``guesses`` as ``known`` and only guesses with a new history are computed
        again. After one more decision that is one prediction instead of hundreds.
        """
        model = cls(alpha=alpha)
        samples = list(samples)
        known = known or {}
        history = hashlib.blake2b(digest_size=16)
        first_checked = len(samples) - evaluate_last
        for index, (text, label) in enumerate(samples):
            words = tokens(text)
            step = ""
            if keys is not None:
                history.update(keys[index].encode() + b"\x00")
                step = history.hexdigest()
            if index >= first_checked and model.ready:
                guess = known.get(step) if step else None
                if guess is None:
                    scores, _logs = model._scores(words)
                    guess = max(scores, key=lambda k: scores[k])
                if step:
                    model.guesses[step] = guess
                tally = model.heldout.setdefault(guess, [0, 0])
                tally[0] += guess == label
                tally[1] += 1
            history.update(label.encode() + b"\x01")
            model._learn(words, label)
        return model

    def _learn(self, words: list[str], label: str) -> None:
        self.doc_counts[label] += 1
        self.word_counts.setdefault(label, Counter()).update(words)
        self.totals[label] += len(words)
        self.vocabulary.update(words)

    @property
    def ready(self) -> bool:
        """At least two labels with enough examples each."""
        return sum(1 for n in self.doc_counts.values() if n >= MIN_PER_CLASS) >= 2

    @property
    def checked(self) -> int:
        return sum(total for _right, total in self.heldout.values())

    @property
    def right(self) -> int:
        return sum(right for right, _total in self.heldout.values())

    def _scores(self, all_words: list[str]) -> tuple[dict[str, float], dict[str, dict[str, float]]]:
        words = [w for w in all_words if w in self.vocabulary]
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
        return scores, logs

    def predict(self, text: str) -> Prediction | None:
        if not self.ready:
            return None
        scores, logs = self._scores(tokens(text))
        best = max(scores, key=lambda k: scores[k])
        top = max(scores.values())
        norm = sum(math.exp(s - top) for s in scores.values())
        others = [k for k in scores if k != best]
        counts = self.word_counts[best]
        influence: Counter[str] = Counter()
        for w in logs[best]:
            if counts[w] >= MIN_EVIDENCE_COUNT:
                influence[w] = logs[best][w] - max(logs[o][w] for o in others)
        strongest = tuple(w for w, s in influence.most_common(3) if s > 0)
        right, checked = self.heldout.get(best, (0, 0))
        return Prediction(best, 1.0 / norm, strongest, right, checked)
