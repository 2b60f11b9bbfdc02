"""Job-title normalisation: a Dutch, English or foreign job title -> ESCO occupations with scores.

Hybrid retrieval over surface forms (preferred + alternative labels, Dutch and English):

* character n-gram TF-IDF (3-5 grams inside word boundaries, sublinear tf) -- robust to Dutch
  compounds, inflection and typos ("netwerkbeheerder" vs the ESCO alternative
  "netwerkeheerder");
* multilingual e5 cosine (optional) -- catches translations and other scripts
  ("مهندس شبكات" -> ICT network engineer).

Optionally (``normalise=True``), both sides first go through :func:`normalise_title`: "(m/v)",
seniority and contract words ("senior", "junior", "parttime") dropped, and Dutch female and
gendered forms mapped onto one form ("medewerkster" -> "medewerker", "lerares" -> "leraar",
"medewerker/ster" -> "medewerker"), so the char n-grams compare the job, not its grammar.

Surface forms are embedded as e5 passages (``FORM_KIND``). Embedding them as queries ("query: "
on both sides, ``form_kind="query"``) scores better on MELO nl->nl (validation MRR 0.546 ->
0.557, test 0.530 -> 0.542 with the weights re-tuned; bench/bench_quality.py), but it moves the
Arabic "مهندس شبكات" from network engineer to ICT technician, so it is an option, not the default.

Surface-form scores are combined linearly (e5 cosine + ``LEXICAL_WEIGHT`` x char TF-IDF) and
aggregated per concept: the best form, plus a small bonus (``SUPPORT_WEIGHT``) for the
concept's second-best form. ESCO often files one surface form under several concepts; the
bonus breaks such ties towards the concept whose other labels fit the title too.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from .embeddings import Embedder, EmbeddingCache, FloatMatrix, Kind, ProgressCallback, embed
from .taxonomy import Taxonomy
from .text import fold, tokenize

__all__ = ["CharNgramIndex", "TitleMatch", "TitleNormaliser", "char_ngrams", "normalise_title"]

# Words that say how senior, how many hours or which gender, not which job.
_NOISE_WORDS = frozenset(
    [
        "senior",
        "junior",
        "medior",
        "ervaren",
        "startend",
        "beginnend",
        "allround",
        "fulltime",
        "parttime",
        "full",
        "part",
        "time",
        "m",
        "v",
        "x",
        "mv",
        "vm",
        "mvx",
        "ft",
        "pt",
    ]
)
_GENDER_SLASH_RE = re.compile(r"(\w+?)(?:er|eur|aar)?\s*/\s*(ster|e|es|trice|euse|in)\b")
_BRACKET_NOISE_RE = re.compile(r"\((?:\s*[mvx]\s*/?)+\)")
# female -> common form; checked in order, longest first
_FEMALE_SUFFIXES = (
    ("sters", "ers"),
    ("ster", "er"),
    ("trices", "teurs"),
    ("trice", "teur"),
    ("euses", "eurs"),
    ("euse", "eur"),
    ("aressen", "aren"),
    ("ares", "aar"),
    ("esse", "e"),
    ("ieres", "iers"),
    ("iere", "ier"),
)
_FEMALE_WORDS = {"kapster": "kapper", "kapsters": "kappers"}
_FEMALE_EXCEPTIONS = frozenset(
    [
        "meester",
        "zuster",
        "monster",
        "register",
        "semester",
        "minister",
        "orkester",
        "venster",
        "ster",
    ]
)


def _common_gender(word: str) -> str:
    if word in _FEMALE_WORDS:
        return _FEMALE_WORDS[word]
    if len(word) < 6 or word in _FEMALE_EXCEPTIONS or word.endswith(("meester", "register")):
        return word
    for suffix, repl in _FEMALE_SUFFIXES:
        if word.endswith(suffix):
            return word[: -len(suffix)] + repl
    return word


def normalise_title(title: str) -> str:
    """Folded title without gender, seniority and contract noise (used on both sides)."""
    t = _BRACKET_NOISE_RE.sub(" ", fold(title))
    t = _GENDER_SLASH_RE.sub(lambda m: m.group(0).split("/")[0].strip(), t)
    words = [_common_gender(tok.text) for tok in tokenize(t)]
    kept = [w for w in words if w not in _NOISE_WORDS]
    return " ".join(kept or words)


def char_ngrams(text: str, n_min: int = 3, n_max: int = 5) -> dict[str, int]:
    grams: dict[str, int] = {}
    for tok in tokenize(fold(text)):
        w = f" {tok.text} "
        for n in range(n_min, n_max + 1):
            for i in range(len(w) - n + 1):
                g = w[i : i + n]
                grams[g] = grams.get(g, 0) + 1
    return grams


# Chosen on the MELO nl->nl validation half (bench/bench_quality.py), never on its test half.
LEXICAL_WEIGHT = 0.1
SUPPORT_WEIGHT = 0.05
# How surface forms are embedded (see the module docstring for why not "query").
FORM_KIND: Kind = "passage"


class CharNgramIndex:
    """Sparse TF-IDF over character n-grams with an inverted index (numpy only)."""

    def __init__(
        self, texts: Sequence[str], n_min: int = 3, n_max: int = 5, normalise: bool = True
    ) -> None:
        self.n_min, self.n_max = n_min, n_max
        self.size = len(texts)
        self.normalise = normalise
        docs = [char_ngrams(self._prepare(t), n_min, n_max) for t in texts]
        df: dict[str, int] = {}
        for d in docs:
            for g in d:
                df[g] = df.get(g, 0) + 1
        self.idf = {g: math.log((1 + self.size) / (1 + c)) + 1.0 for g, c in df.items()}
        post: dict[str, tuple[list[int], list[float]]] = {}
        for i, d in enumerate(docs):
            w = {g: (1.0 + math.log(c)) * self.idf[g] for g, c in d.items()}
            norm = math.sqrt(sum(v * v for v in w.values())) or 1.0
            for g, v in w.items():
                ids, vals = post.setdefault(g, ([], []))
                ids.append(i)
                vals.append(v / norm)
        self.postings: dict[str, tuple[NDArray[np.int32], NDArray[np.float32]]] = {
            g: (np.asarray(ids, np.int32), np.asarray(vals, np.float32))
            for g, (ids, vals) in post.items()
        }

    def _prepare(self, text: str) -> str:
        return normalise_title(text) if self.normalise else text

    def scores(self, query: str) -> NDArray[np.float32]:
        out = np.zeros(self.size, np.float32)
        q = char_ngrams(self._prepare(query), self.n_min, self.n_max)
        w = {g: (1.0 + math.log(c)) * self.idf[g] for g, c in q.items() if g in self.idf}
        # unseen n-grams still count in the query norm (a foreign word is not a perfect match)
        unseen = sum(
            ((1.0 + math.log(c)) * math.log(1 + self.size)) ** 2
            for g, c in q.items()
            if g not in self.idf
        )
        norm = math.sqrt(sum(v * v for v in w.values()) + unseen)
        if norm == 0:
            return out
        for g, v in w.items():
            ids, vals = self.postings[g]
            out[ids] += vals * np.float32(v / norm)
        return out


@dataclass(frozen=True, slots=True)
class TitleMatch:
    concept_id: str
    score: float
    matched_form: str  # the surface form that scored best
    lexical: float
    semantic: float


class TitleNormaliser:
    def __init__(
        self,
        entries: Sequence[tuple[str, str]],
        *,
        embedder: Embedder | None = None,
        vectors: FloatMatrix | None = None,
        cache: EmbeddingCache | None = None,
        lexical_weight: float = LEXICAL_WEIGHT,
        semantic_weight: float = 1.0,
        support_weight: float = SUPPORT_WEIGHT,
        normalise: bool = False,
        form_kind: Kind = FORM_KIND,
        progress: ProgressCallback | None = None,
    ) -> None:
        """``entries``: (concept id, surface form) pairs; a concept may have many forms.
        ``normalise``: apply :func:`normalise_title` before the char n-grams (off by default:
        it did not help on the MELO validation half, where ESCO lists female forms itself).
        ``form_kind``: embed the surface forms as e5 "passage" (default) or "query";
        ``vectors``, when given, must have been embedded that way."""
        self.concepts = [c for c, _ in entries]
        self.forms = [f for _, f in entries]
        self.lexical = CharNgramIndex(self.forms, normalise=normalise)
        self.embedder = embedder
        self.lexical_weight = lexical_weight
        self.semantic_weight = semantic_weight
        self.form_kind = form_kind
        self.support_weight = support_weight
        self.vectors: FloatMatrix | None = None
        if embedder is not None:
            if vectors is None:
                # each distinct surface form is embedded once
                uniq = list(dict.fromkeys(self.forms))
                at = {f: i for i, f in enumerate(uniq)}
                vecs = (
                    cache.get(uniq, form_kind, progress)
                    if cache is not None
                    else embed(embedder, uniq, form_kind)
                )
                vectors = vecs[np.asarray([at[f] for f in self.forms], np.int64)]
            self.vectors = np.ascontiguousarray(vectors, dtype=np.float32)
        uniq = sorted(set(self.concepts))
        self._concept_ids = uniq
        cidx = {c: i for i, c in enumerate(uniq)}
        self._form_concept = np.asarray([cidx[c] for c in self.concepts], np.int64)

    @classmethod
    def from_taxonomy(
        cls,
        tax: Taxonomy | None = None,
        *,
        ict_only: bool = False,
        embedder: Embedder | None = None,
        cache: EmbeddingCache | None = None,
        progress: ProgressCallback | None = None,
    ) -> TitleNormaliser:
        tax = tax or Taxonomy.load()
        entries: list[tuple[str, str]] = []
        for occ in tax.occupations.values():
            if ict_only and not occ.ict:
                continue
            forms = [occ.label_nl or "", *occ.alt_nl, occ.label_en, *occ.alt_en]
            seen: set[str] = set()
            for f in forms:
                if f and fold(f) not in seen:
                    seen.add(fold(f))
                    entries.append((occ.id, f))
        return cls(entries, embedder=embedder, cache=cache, progress=progress)

    def form_scores(
        self, title: str, query_vector: NDArray[np.float32] | None = None
    ) -> tuple[NDArray[np.float32], NDArray[np.float32]]:
        lex = self.lexical.scores(title)
        if self.embedder is not None and self.vectors is not None and title.strip():
            q = self.embedder.embed_queries([title])[0] if query_vector is None else query_vector
            sem = (self.vectors @ q).astype(np.float32)
        else:
            sem = np.zeros_like(lex)
        return lex, sem

    def normalise(
        self, title: str, k: int = 5, query_vector: NDArray[np.float32] | None = None
    ) -> list[TitleMatch]:
        """Top ``k`` concepts for ``title`` (empty for empty input). ``query_vector`` may carry
        a precomputed query embedding of ``title`` (batch use)."""
        if not title or not title.strip():
            return []
        lex, sem = self.form_scores(title[:300], query_vector)
        combined = self.lexical_weight * lex + self.semantic_weight * sem
        best = np.full(len(self._concept_ids), -np.inf, np.float32)
        np.maximum.at(best, self._form_concept, combined)
        if self.support_weight:
            second = np.full(len(best), -np.inf, np.float32)
            others = combined < best[self._form_concept]
            np.maximum.at(second, self._form_concept[others], combined[others])
            best = best + np.float32(self.support_weight) * np.where(
                np.isfinite(second), np.maximum(second, 0), 0
            ).astype(np.float32)
        k = min(k, len(best))
        top = np.argpartition(-best, k - 1)[:k]
        top = top[np.argsort(-best[top], kind="stable")]
        out: list[TitleMatch] = []
        for c in top:
            forms = np.flatnonzero(self._form_concept == c)
            f = int(forms[np.argmax(combined[forms])])
            out.append(
                TitleMatch(
                    self._concept_ids[int(c)],
                    round(float(best[c]), 4),
                    self.forms[f],
                    round(float(lex[f]), 4),
                    round(float(sem[f]), 4),
                )
            )
        return out
