"""The ProfileReader: the one reader of free text (skills, languages, education, work)."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence

import numpy as np

from ..embeddings import Embedder, FloatMatrix
from ..extraction.clauses import MAX_INPUT_CHARS, looks_like_garbage
from ..extraction.extractor import SkillExtractor
from ..extraction.hits import SkillMatch
from ..taxonomy import Taxonomy
from ..text import fold
from .education import DEGREE_RES, education_spans, read_education
from .experience import HEADINGS_OTHER_LANGUAGES, read_experience, read_headline
from .findings import ExperienceFinding, ProfileReading, SkillFinding, sentence_at
from .languages import NAME_RE, language_spans, level_in, read_languages
from .meaning import MEANING_CHARS, OTHER_WORK, TextMeaning, load_prototypes

# Essential skills of a normalised work title's occupation: evidence, weaker than a stated skill.
OCCUPATION_SKILL_CONFIDENCE = 0.2
MAX_OCCUPATION_SKILLS = 15
PROTOTYPE_THRESHOLD = 0.87  # cosine between a clause and a skill's everyday phrase
TOP_MARGIN = 0.03  # a second skill of one clause is kept only this close to the best
# Search: what a recruiter of this programme most likely means comes first (ICT, then the common
# transversal skills), as a small bonus on the e5 score of a skill's first ESCO collection.
SEARCH_PRIOR = {"digital": 0.02, "digcomp": 0.02, "transversal": 0.01}


# --------------------------------------------------------------------------- skills


def _is_statement(segment: str) -> bool:
    """A language level ("Nederlands B1") or a degree ("mbo 4 ICT-beheer") in one clause."""
    if NAME_RE.search(segment) and level_in(segment)[0]:
        return True
    return any(rx.search(segment) for _lvl, rx in DEGREE_RES)


def _sentences(line: str) -> int:
    return len([p for p in re.split(r"(?<=[.!?።؟])\s+", line.strip()) if p.strip()])


class ProfileReader:
    """The one reader of free text (see the ``reading`` package docstring)."""

    def __init__(
        self,
        taxonomy: Taxonomy | None = None,
        *,
        extractor: SkillExtractor | None = None,
        embedder: Embedder | None = None,
        prototypes: Mapping[str, Sequence[str]] | None = None,
        prototype_vectors: FloatMatrix | None = None,
        threshold: float = PROTOTYPE_THRESHOLD,
        title_normaliser: Callable[[str], tuple[str, str] | None] | None = None,
    ) -> None:
        self.taxonomy = taxonomy or Taxonomy.load()
        # the lexical stage only: the label-embedding stage is replaced by prototypes
        self.extractor = extractor or SkillExtractor(self.taxonomy)
        self.embedder = embedder
        self.threshold = threshold
        self.title_normaliser = title_normaliser
        protos = dict(prototypes if prototypes is not None else load_prototypes())
        self.proto_ids = [sid for sid, phrases in protos.items() for _ in phrases]
        self.proto_texts = [p for phrases in protos.values() for p in phrases]
        self.proto_vectors: FloatMatrix | None = None
        if embedder is not None and self.proto_texts:
            vecs = (
                prototype_vectors
                if prototype_vectors is not None
                else embedder.embed_queries(self.proto_texts)
            )
            self.proto_vectors = np.ascontiguousarray(vecs, dtype=np.float32)
            self.extractor.embedder = embedder  # the extractor's clause cache is reused

    @property
    def uses_model(self) -> bool:
        return self.proto_vectors is not None

    # -- skills ---------------------------------------------------------------------------
    def _prototype_stage(self, text: str, lexical: Sequence[SkillMatch]) -> list[SkillFinding]:
        if self.proto_vectors is None:
            return []
        # language and degree statements are read by their own readers, not as skills: a
        # clause is left out when it is one itself, or sits on such a line that holds nothing
        # else (a CV pasted as one paragraph keeps its other sentences)
        skip = language_spans(text) + education_spans(text)
        spans = []
        for s, e in self.extractor._segments(text, lexical):
            line = next(((a, b) for a, b in skip if a <= s < b), None)
            if line is not None and (
                _is_statement(text[s:e]) or _sentences(text[line[0] : line[1]]) <= 1
            ):
                continue
            if fold(text[s:e].strip(" :")) in HEADINGS_OTHER_LANGUAGES:
                continue
            spans.append((s, e))
        if not spans:
            return []
        q = self.extractor._segment_vectors([text[s:e] for s, e in spans])
        sims = q @ self.proto_vectors.T
        ids = np.asarray(self.proto_ids)
        other_cols = ids == OTHER_WORK
        out: list[SkillFinding] = []
        for row, (s, e) in enumerate(spans):
            best: dict[str, float] = {}
            for j in np.nonzero(sims[row] >= self.threshold)[0]:
                sid = str(ids[j])
                best[sid] = max(best.get(sid, 0.0), float(sims[row, j]))
            if not best:
                continue
            top = max(best.values())
            other = float(sims[row, other_cols].max()) if other_cols.any() else -1.0
            if other >= top - TOP_MARGIN / 2:
                continue  # closer to work outside ICT ("installed ceiling systems")
            for sid, sim in best.items():
                if sid == OTHER_WORK or sim < top - TOP_MARGIN:
                    continue
                sk = self.taxonomy.skills.get(sid)
                out.append(
                    SkillFinding(
                        sid,
                        sk.label("nl") if sk else sid,
                        round(min(0.8, 0.55 + (sim - self.threshold) * 5), 3),
                        "embedding",
                        text[s:e],
                        sentence_at(text, s, e),
                        f"cosine={sim:.3f}",
                    )
                )
        return out

    def read_skills(self, text: str) -> list[SkillFinding]:
        """Skills in ``text``, each once (its most confident mention) with its evidence.
        Language skills are left to :func:`read_languages` (with their level)."""
        if not isinstance(text, str) or not text.strip():
            return []
        text = text[:MAX_INPUT_CHARS]
        if looks_like_garbage(text):
            return []
        lexical = self.extractor._lexical(text)
        found = [
            SkillFinding(
                m.skill_id,
                m.label,
                float(m.confidence),
                m.method,
                m.text,
                sentence_at(text, m.start, m.end),
                m.detail,
            )
            for m in lexical
        ]
        found += self._prototype_stage(text, lexical)
        best: dict[str, SkillFinding] = {}
        for f in found:
            sk = self.taxonomy.skills.get(f.skill_id)
            if sk is not None and "language" in sk.collections:
                continue
            prev = best.get(f.skill_id)
            if prev is None or f.confidence > prev.confidence:
                best[f.skill_id] = f
        return sorted(best.values(), key=lambda f: (-f.confidence, f.label))

    def search(self, query: str, limit: int = 12) -> list[tuple[str, float]]:
        """Skills a recruiter most likely means by ``query`` ("storing", "klantgericht",
        "servicedesk"): lexical hits on labels and alternative labels first, then skills whose
        everyday phrases are close to the query (e5, even for one word), best first."""
        query = " ".join(query.split())[:200]
        if not query:
            return []
        scores: dict[str, float] = {}
        for m in self.extractor._lexical(query):
            scores[m.skill_id] = max(scores.get(m.skill_id, 0.0), 1.0 + m.confidence)
        if self.proto_vectors is not None:
            q = self.extractor._segment_vectors([query])[0]
            sims = self.proto_vectors @ q
            ids = self.proto_ids
            floor = max(self.threshold - 0.03, float(sims.max()) - 0.05)
            for j in np.argsort(-sims)[: 4 * limit]:
                sid = ids[int(j)]
                sim = float(sims[j])
                if sid == OTHER_WORK or sim < floor:
                    continue
                sk = self.taxonomy.skills.get(sid)
                sim += SEARCH_PRIOR.get(next(iter(sk.collections), ""), 0.0) if sk else 0.0
                scores[sid] = max(scores.get(sid, 0.0), sim)
        ranked = sorted(scores.items(), key=lambda kv: -kv[1])
        return ranked[:limit]

    def text_meaning(self, text: str) -> TextMeaning | None:
        """The meaning of a whole text for ranking (issue #20): its e5 passage vector and how
        much closer it is to the skill phrases than to the phrases of work outside ICT
        (``ict_margin``; below ``OTHER_WORK_MARGIN`` the text describes other work), from the
        first ``MEANING_CHARS`` characters. None without the model or for an empty text."""
        if self.proto_vectors is None or self.embedder is None:
            return None
        text = " ".join(str(text or "").split())[:MEANING_CHARS]
        if not text:
            return None
        vec = np.asarray(self.embedder.embed_passages([text])[0], dtype=np.float32)
        norm = float(np.linalg.norm(vec))
        if norm > 0:
            vec = vec / norm
        sims = self.proto_vectors @ vec
        other_cols = np.asarray(self.proto_ids) == OTHER_WORK
        skill = float(sims[~other_cols].max()) if (~other_cols).any() else 0.0
        other = float(sims[other_cols].max()) if other_cols.any() else -1.0
        return TextMeaning(vec, round(skill - other, 4))

    def occupation_skills(
        self, experience: Sequence[ExperienceFinding], have: set[str]
    ) -> list[SkillFinding]:
        """The essential skills of the occupations the work titles were normalised to, as
        evidence with a lower confidence than a skill the text states (``OCCUPATION_SKILL_
        CONFIDENCE``), at most ``MAX_OCCUPATION_SKILLS`` per occupation, with the work line as
        evidence. Only occupations that carry essential skills (the ICT selection) give any."""
        out: list[SkillFinding] = []
        for work in experience:
            occ = self.taxonomy.occupations.get(work.occupation_id or "")
            if occ is None:
                continue
            taken = 0
            for sid in occ.essential:
                sk = self.taxonomy.skills.get(sid)
                if sk is None or sid in have or "language" in sk.collections:
                    continue
                have.add(sid)
                out.append(
                    SkillFinding(
                        sid,
                        sk.label("nl"),
                        OCCUPATION_SKILL_CONFIDENCE,
                        "occupation",
                        work.title,
                        work.evidence,
                        f"occupation={occ.label_nl or occ.label_en}",
                    )
                )
                taken += 1
                if taken >= MAX_OCCUPATION_SKILLS:
                    break
        return out

    def read(self, text: str) -> ProfileReading:
        if not isinstance(text, str) or not text.strip():
            return ProfileReading()
        skills = self.read_skills(text)
        experience = read_experience(text, self.title_normaliser)
        if self.title_normaliser is not None and not any(e.occupation_id for e in experience):
            headline = read_headline(text, self.title_normaliser)
            if headline is not None and headline.occupation_id:
                experience.append(headline)
        return ProfileReading(
            skills=skills,
            languages=read_languages(text),
            education=read_education(text),
            experience=experience,
            # kept apart from ``skills``: measured as found skills they halved extraction
            # precision and did not help ranking on the dev half (docs/matching.md)
            occupation_skills=self.occupation_skills(experience, {f.skill_id for f in skills}),
        )
