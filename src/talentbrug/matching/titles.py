"""Job-title normalisation: a Dutch, English or foreign job title -> ESCO occupations with scores.

Hybrid retrieval over surface forms (preferred + alternative labels, Dutch and English):

* character n-gram TF-IDF (3-5 grams inside word boundaries, sublinear tf) -- robust to Dutch
  compounds, inflection and typos ("netwerkbeheerder" vs the ESCO alternative
  "netwerkeheerder");
* multilingual e5 cosine (optional) -- catches translations and other scripts
  ("مهندس شبكات" -> ICT network engineer).

Both sides first go through :func:`normalise_title` (``NORMALISE``): "(m/v)", seniority and
contract words ("senior", "junior", "parttime") dropped, and Dutch female and gendered forms
mapped onto one form ("medewerkster" -> "medewerker", "lerares" -> "leraar",
"medewerker/ster" -> "medewerker"), so the char n-grams compare the job, not its grammar.

Surface-form scores are combined linearly (e5 cosine + ``LEXICAL_WEIGHT`` x char TF-IDF) and
aggregated per concept: the best form, plus a small bonus (``SUPPORT_WEIGHT``) for the
concept's second-best form. ESCO often files one surface form under several concepts; the
bonus breaks such ties towards the concept whose other labels fit the title too.

Two concept-level terms (issue #8) use all labels of a concept and the ESCO occupation
hierarchy (``broader``: concept -> broader concept; :meth:`TitleNormaliser.from_taxonomy`
takes it from the compact taxonomy files):

* label centroid: + ``CENTROID_WEIGHT`` x the e5 cosine between the title and the mean of the
  concept's form vectors, with the centroids of its narrower concepts mixed in
  (``NARROWER_WEIGHT``, recursively) -- a broad occupation ("medisch specialist") is also
  described by the labels of the occupations below it ("radioloog");
* propagation: a concept whose best narrower concept scores higher is raised by
  ``BROADER_PROPAGATION`` x the difference, so the broader occupation ranks right behind a
  matching narrower one instead of somewhere far down.

A third concept-level term uses the start of the concept's ESCO *description*
(``descriptions``: concept id -> text; ``Occupation.description``, the first 600 characters of
the Dutch description in the compact taxonomy files): + ``DESCRIPTION_WEIGHT`` x the e5 cosine
between the title (query) and the description (passage). Descriptions carry words the labels
lack ("uitbenen" in the description of "slager" for the title "Uitbener"). A char n-gram
TF-IDF of the title against the descriptions was tried too and did not help on validation.
Only the description text was varied afterwards (weight swept, the rest fixed): 600 characters
instead of 300 scored better on validation (0.591 vs 0.587); the whole description tied with
600 (0.591, test 0.573) at a bigger file; the description cut into sentences and scored by
its best-matching sentence did not gain on validation (0.587), so one passage vector stays.

Standardised lexical score (issue #20, an option, ``lexical_standardise=True``): with e5
vectors, the char TF-IDF standardised per title (z-score over all forms) instead of the plain
score. With weight 0.005 (swept on validation) it took MELO nl->nl validation from 0.591 to
0.598 and test from 0.575 to 0.583, but Dutch titles against English forms (nl->en, same
choice) fell from 0.472 to 0.411: there a title's n-grams barely hit the English forms, the
standard deviation is tiny and the z-score blows accidental hits up. A floor on the standard
deviation (0.02-0.04) or a larger plain weight costs nl->en too, so the default stays the plain
TF-IDF at 0.05. Other variants tried on validation and not shipped (ESCO essential skills as a
second description among them) are in docs/matching.md.

On MELO nl->nl (bench/bench_quality.py, weights chosen on the validation half) the hierarchy
terms took test MRR from 0.530 to 0.549 (validation 0.542 -> 0.578), the description term to
0.571 (validation 0.587) with 300 characters and to 0.575 (validation 0.591) with 600.
Surface forms are embedded as e5 passages (``FORM_KIND``). Embedding them as queries ("query: "
on both sides, ``form_kind="query"``) scores better on MELO (validation 0.601, test 0.588 with
all the concept-level terms and 600-character descriptions; 0.597 / 0.587 with 300), but it moves the Arabic "مهندس شبكات" from network engineer to ICT
technician, so it is an option, not the default. (The mean of the passage and query vectors
of a form, validation 0.594 / test 0.581 with descriptions, fails that test too.)
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
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
# LEXICAL_WEIGHT multiplies the char TF-IDF score as it is (LEXICAL_STANDARDISE False) or
# standardised per title over all surface forms (z-score: minus the mean, divided by the
# standard deviation; True), which puts the lexical evidence on the same scale for a title with
# many n-gram hits as for one with few.
# The z-score (with weight 0.005) is an option, not the default: see the module docstring.
LEXICAL_WEIGHT = 0.05
LEXICAL_STANDARDISE = False
SUPPORT_WEIGHT = 0.05
# Apply normalise_title before the char n-grams (on both sides).
NORMALISE = True
# How surface forms are embedded (see the module docstring for why not "query").
FORM_KIND: Kind = "passage"
# Concept-level terms (issue #8): e5 cosine with the concept's label centroid, the share of the
# narrower concepts' centroids in it, and how far a concept is pulled up towards its best
# narrower concept's score.
CENTROID_WEIGHT = 1.0
NARROWER_WEIGHT = 0.3
BROADER_PROPAGATION = 0.5
# Weight of the e5 cosine between the title (query) and the concept's description (passage),
# when descriptions are given (issue #8).
DESCRIPTION_WEIGHT = 1.0


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
        lexical_standardise: bool = LEXICAL_STANDARDISE,
        semantic_weight: float = 1.0,
        support_weight: float = SUPPORT_WEIGHT,
        normalise: bool = NORMALISE,
        form_kind: Kind = FORM_KIND,
        broader: Mapping[str, str | None] | None = None,
        centroid_weight: float = CENTROID_WEIGHT,
        narrower_weight: float = NARROWER_WEIGHT,
        broader_propagation: float = BROADER_PROPAGATION,
        descriptions: Mapping[str, str] | None = None,
        description_weight: float = DESCRIPTION_WEIGHT,
        progress: ProgressCallback | None = None,
    ) -> None:
        """``entries``: (concept id, surface form) pairs; a concept may have many forms.
        ``normalise``: apply :func:`normalise_title` before the char n-grams (``NORMALISE``).
        ``lexical_standardise``: with e5 vectors, weigh the char TF-IDF scores standardised per
        title (z-score over all forms; ``LEXICAL_STANDARDISE``) instead of as they are.
        ``form_kind``: embed the surface forms as e5 "passage" (default) or "query";
        ``vectors``, when given, must have been embedded that way.
        ``broader``: concept id -> its broader concept id (ESCO occupation hierarchy); links to
        concepts that are not in ``entries`` are ignored, a cycle is cut.
        ``centroid_weight``: weight of the e5 cosine between the title and the concept's label
        centroid (mean of its form vectors, plus ``narrower_weight`` x the centroids of its
        narrower concepts, recursively). ``broader_propagation``: a concept whose best narrower
        concept scores higher is raised by this share of the difference (0 = off).
        ``descriptions``: concept id -> a short description (ESCO occupation description);
        with an embedder, + ``description_weight`` x the e5 cosine between the title (query)
        and the description (passage). Concepts without a description get 0; unknown ids are
        ignored."""
        self.concepts = [c for c, _ in entries]
        self.forms = [f for _, f in entries]
        self.lexical = CharNgramIndex(self.forms, normalise=normalise)
        self.embedder = embedder
        self.lexical_weight = lexical_weight
        self.lexical_standardise = lexical_standardise
        self.semantic_weight = semantic_weight
        self.form_kind = form_kind
        self.support_weight = support_weight
        self.centroid_weight = centroid_weight
        self.narrower_weight = narrower_weight
        self.broader_propagation = broader_propagation
        self.description_weight = description_weight
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
        # forms grouped by concept (every concept has at least one form), for reduceat
        self._form_order = np.argsort(self._form_concept, kind="stable")
        grouped = self._form_concept[self._form_order]
        self._concept_starts = np.flatnonzero(np.r_[True, np.diff(grouped) != 0])
        self._concept_sizes = np.diff(np.append(self._concept_starts, len(grouped)))
        self._parent, self._levels = _hierarchy(uniq, cidx, broader or {})
        self._centroids: dict[float, FloatMatrix] = {}
        self.description_vectors: FloatMatrix | None = None
        if embedder is not None and self.vectors is not None and descriptions:
            self.description_vectors = self._embed_descriptions(
                descriptions, embedder, cache, progress
            )

    def _embed_descriptions(
        self,
        descriptions: Mapping[str, str],
        embedder: Embedder,
        cache: EmbeddingCache | None,
        progress: ProgressCallback | None,
    ) -> FloatMatrix:
        """(concepts x dim) description passages; a zero row where a concept has none."""
        assert self.vectors is not None
        texts = [(descriptions.get(c) or "").strip() for c in self._concept_ids]
        rows = [i for i, t in enumerate(texts) if t]
        out = np.zeros((len(texts), self.vectors.shape[1]), np.float32)
        if rows:
            uniq = [texts[i] for i in rows]
            vecs = (
                cache.get(uniq, "passage", progress)
                if cache is not None
                else embed(embedder, uniq, "passage")
            )
            out[np.asarray(rows, np.int64)] = vecs
        return out

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
        broader: dict[str, str | None] = {}
        descriptions: dict[str, str] = {}
        for occ in tax.occupations.values():
            if ict_only and not occ.ict:
                continue
            broader[occ.id] = occ.broader
            if occ.description:
                descriptions[occ.id] = occ.description
            forms = [occ.label_nl or "", *occ.alt_nl, occ.label_en, *occ.alt_en]
            seen: set[str] = set()
            for f in forms:
                if f and fold(f) not in seen:
                    seen.add(fold(f))
                    entries.append((occ.id, f))
        return cls(
            entries,
            embedder=embedder,
            cache=cache,
            broader=broader,
            descriptions=descriptions,
            progress=progress,
        )

    @property
    def concept_ids(self) -> list[str]:
        """Concept ids in the column order of :meth:`concept_scores`."""
        return self._concept_ids

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

    def combine(self, lex: NDArray[np.float32], sem: NDArray[np.float32]) -> NDArray[np.float32]:
        """(titles x forms) lexical and e5 scores -> (titles x forms) combined form scores:
        e5 cosine + ``lexical_weight`` x char TF-IDF (standardised per title when
        ``lexical_standardise`` and there are e5 vectors: the z-score only puts the lexical
        evidence on the e5 scale, a lexical-only normaliser keeps the plain TF-IDF)."""
        lex2, sem2 = np.atleast_2d(lex), np.atleast_2d(sem)
        if self.lexical_standardise and self.vectors is not None and lex2.shape[1] > 1:
            std = lex2.std(axis=1, keepdims=True)
            lex2 = (lex2 - lex2.mean(axis=1, keepdims=True)) / np.maximum(std, 1e-6)
        combined = self.lexical_weight * lex2 + self.semantic_weight * sem2
        return combined.astype(np.float32)

    def aggregate_forms(self, combined: NDArray[np.float32]) -> NDArray[np.float32]:
        """(titles x forms) -> (titles x concepts): best form + ``support_weight`` x the
        second-best form (not below 0)."""
        comb = np.atleast_2d(combined)[:, self._form_order]
        best = np.maximum.reduceat(comb, self._concept_starts, axis=1)
        if not self.support_weight:
            return best.astype(np.float32)
        rest = np.where(comb < np.repeat(best, self._concept_sizes, axis=1), comb, -np.inf)
        second = np.maximum.reduceat(rest, self._concept_starts, axis=1)
        bonus = np.where(np.isfinite(second), np.maximum(second, 0), 0)
        return (best + np.float32(self.support_weight) * bonus).astype(np.float32)

    def concept_centroids(self) -> FloatMatrix | None:
        """Unit label centroid per concept (narrower concepts' centroids mixed in with
        ``narrower_weight``); None without vectors."""
        if self.vectors is None:
            return None
        key = float(self.narrower_weight)
        if key not in self._centroids:
            own = np.zeros((len(self._concept_ids), self.vectors.shape[1]), np.float64)
            np.add.at(own, self._form_concept, self.vectors)
            own /= np.maximum(np.linalg.norm(own, axis=1, keepdims=True), 1e-12)
            if key:
                for kids in self._levels:  # deepest first: a child is complete before its parent
                    np.add.at(own, self._parent[kids], key * own[kids])
                own /= np.maximum(np.linalg.norm(own, axis=1, keepdims=True), 1e-12)
            self._centroids[key] = own.astype(np.float32)
        return self._centroids[key]

    def propagate(self, scores: NDArray[np.float32]) -> NDArray[np.float32]:
        """(titles x concepts): raise a concept by ``broader_propagation`` x the amount its
        best narrower concept (after propagation) scores above it."""
        a = np.float32(self.broader_propagation)
        if not a or not self._levels:
            return scores
        out = np.array(scores, dtype=np.float32, copy=True)
        flat = np.full(out.size, -np.inf, np.float32)
        best_child = flat.reshape(out.shape)  # a view: updates through ``flat`` show here
        rows = np.arange(out.shape[0])[:, None] * out.shape[1]
        for kids in self._levels:
            # the kids of this level get their own kids' credit first, then push it up
            gap = best_child[:, kids] - out[:, kids]
            out[:, kids] += a * np.where(np.isfinite(gap), np.maximum(gap, 0), 0)
            cells = (rows + self._parent[kids][None, :]).ravel()
            np.maximum.at(flat, cells, out[:, kids].ravel())
        roots = np.flatnonzero(self._parent < 0)
        gap = best_child[:, roots] - out[:, roots]
        out[:, roots] += a * np.where(np.isfinite(gap), np.maximum(gap, 0), 0)
        return out

    def concept_scores(
        self,
        lex: NDArray[np.float32],
        sem: NDArray[np.float32],
        query_vectors: NDArray[np.float32] | None = None,
    ) -> NDArray[np.float32]:
        """(titles x forms) lexical and e5 scores (and the titles' query vectors, for the
        centroid term) -> (titles x concepts) scores; columns follow :attr:`concept_ids`."""
        scores = self.aggregate_forms(self.combine(lex, sem))
        cents = self.concept_centroids() if self.centroid_weight else None
        if query_vectors is not None:
            q = np.atleast_2d(query_vectors).astype(np.float32)
            if cents is not None:
                scores = scores + np.float32(self.centroid_weight) * (q @ cents.T)
            if self.description_vectors is not None and self.description_weight:
                scores = scores + np.float32(self.description_weight) * (
                    q @ self.description_vectors.T
                )
        return self.propagate(scores)

    def normalise(
        self, title: str, k: int = 5, query_vector: NDArray[np.float32] | None = None
    ) -> list[TitleMatch]:
        """Top ``k`` concepts for ``title`` (empty for empty input). ``query_vector`` may carry
        a precomputed query embedding of ``title`` (batch use)."""
        if not title or not title.strip():
            return []
        title = title[:300]
        if self.embedder is not None and self.vectors is not None and query_vector is None:
            query_vector = self.embedder.embed_queries([title])[0]
        lex, sem = self.form_scores(title, query_vector)
        best = self.concept_scores(lex, sem, query_vector)[0]
        combined = self.combine(lex, sem)[0]
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


def _hierarchy(
    concept_ids: Sequence[str], cidx: Mapping[str, int], broader: Mapping[str, str | None]
) -> tuple[NDArray[np.int64], list[NDArray[np.int64]]]:
    """Parent index per concept (-1: none) and the concepts that have a parent, grouped by
    depth, deepest level first. Links to unknown concepts are dropped and cycles cut."""
    parent = np.full(len(concept_ids), -1, np.int64)
    for c, b in broader.items():
        if b is not None and c in cidx and b in cidx and b != c:
            parent[cidx[c]] = cidx[b]
    depth = np.full(len(concept_ids), -1, np.int64)
    for i in range(len(concept_ids)):
        path: list[int] = []
        j = i
        while j >= 0 and depth[j] < 0 and j not in path:
            path.append(j)
            j = int(parent[j])
        if j >= 0 and j in path:  # a cycle: cut the link that closes it
            parent[path[-1]] = -1
            j = -1
        d = -1 if j < 0 else int(depth[j])
        for node in reversed(path):
            d += 1
            depth[node] = d
    levels = [
        np.flatnonzero((depth == d) & (parent >= 0))
        for d in range(int(depth.max(initial=0)), 0, -1)
    ]
    return parent, [lv for lv in levels if len(lv)]
