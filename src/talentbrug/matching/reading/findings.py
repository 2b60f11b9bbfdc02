"""What the reader finds in a text, each with its evidence."""

from __future__ import annotations

from dataclasses import dataclass, field

EVIDENCE_CHARS = 300  # characters of evidence kept per finding

# --------------------------------------------------------------------------- findings


@dataclass(frozen=True, slots=True)
class SkillFinding:
    skill_id: str
    label: str
    confidence: float
    method: str  # "label", "alt_label", "embedding"
    words: str  # the words that matched
    evidence: str  # the sentence or line they stand in
    detail: str = ""


@dataclass(frozen=True, slots=True)
class LanguageFinding:
    language: str  # ISO 639-1 code ("nl", "ar", "ti", ...)
    level: str | None  # CEFR "A1".."C2"; None = the text names the language without a level
    estimated: bool  # level read from words ("goed", "moedertaal"), not a CEFR code or exam
    native: bool
    skill: str | None  # "reading", "listening", "writing", "speaking" or None (all)
    evidence: str


@dataclass(frozen=True, slots=True)
class EducationFinding:
    nlqf: str  # "1".."8", "4+" or "" (unknown)
    source: str  # "IDW" (a stated IDW/Nuffic evaluation) or "self-declared"
    foreign: bool
    evidence: str


@dataclass(frozen=True, slots=True)
class ExperienceFinding:
    title: str
    start_year: int | None
    end_year: int | None  # None: still working there
    years: float
    occupation_id: str | None
    occupation_label: str
    evidence: str


@dataclass
class ProfileReading:
    skills: list[SkillFinding] = field(default_factory=list)
    languages: list[LanguageFinding] = field(default_factory=list)
    education: list[EducationFinding] = field(default_factory=list)
    experience: list[ExperienceFinding] = field(default_factory=list)
    # essential skills of the occupations the work titles were normalised to (weaker evidence,
    # not stored as the candidate's skills: see ProfileReader.occupation_skills)
    occupation_skills: list[SkillFinding] = field(default_factory=list)

    def years_per_occupation(self) -> dict[str, float]:
        out: dict[str, float] = {}
        for e in self.experience:
            if e.occupation_id:
                out[e.occupation_id] = out.get(e.occupation_id, 0.0) + e.years
        return out


# --------------------------------------------------------------------------- evidence


def sentence_at(text: str, start: int, end: int) -> str:
    """The line/sentence of ``text`` around ``start:end`` (at most ``EVIDENCE_CHARS``)."""
    lo = max(text.rfind("\n", 0, start), max(text.rfind(c, 0, start) for c in ".!?؟።")) + 1
    hi_candidates = [i for i in (text.find(c, end) for c in "\n.!?؟።") if i != -1]
    hi = min(hi_candidates) if hi_candidates else len(text)
    out = " ".join(text[lo:hi].split()).strip(" -•*–")
    if len(out) > EVIDENCE_CHARS:
        mid = (start - lo + end - lo) // 2
        a = max(0, mid - EVIDENCE_CHARS // 2)
        out = "…" + out[a : a + EVIDENCE_CHARS - 2] + "…"
    return out
