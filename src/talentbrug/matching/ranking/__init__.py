"""Candidate-vacancy scoring with an audit explanation, and a numpy candidate index.

Signals (each 0..1) and default weights:

=================  ======  ===============================================================
must-have skills    0.45   exact skill = 1; via taxonomy relation (narrower/broader/sibling/
                           related) or embedding similarity = partial credit
learnable skills    0.10   same credit, weighted lower, never a knock-out
languages           0.20   per language x CEFR skill; below the level but "reachable with a
                           language coach" = partial (0.6 within two levels), not a fail
hours               0.08   overlap of the hour ranges, else decays per missing hour
availability        0.07   available on the start date, else decays over 90 days
location            0.05   region accepted by the candidate (or remote work)
education (NLQF)    0.05   optional and substitutable: skills score >= 0.7 replaces it
=================  ======  ===============================================================

**Text resembles the vacancy** (issue #20). When the vacancy has an e5 vector of its text, the
score is ``(1 - TEXT_WEIGHT) x`` the signals above ``+ TEXT_WEIGHT x`` the text part: the cosine
between the vacancy text (query) and the candidate's texts (passage, computed when the text was
read), mapped linearly from ``TEXT_FLOOR`` (0) to ``TEXT_CEIL`` (1). It is shown as its own part
(``components["text"]``, ``weights["text"]``). A cosine >= ``TEXT_EVIDENCE`` counts as evidence
of the type "the text resembles the vacancy", so a candidate whose skills the reader could not
find (a Tigrinya CV) is not ranked as "no evidence". A candidate whose texts describe work
outside ICT (closer to the "other work" phrases than to any skill phrase, ``other_work``: a
ceiling-systems installer, a security guard) gets no text part, and skills only found in those
texts (not confirmed) are not evidence either: words overlap, the work does not.

With a *reference* vector (``Vacancy.text_reference``: the e5 vector of "ICT work in general",
the mean of the query vectors of the Dutch ESCO descriptions of the ICT occupations) the part is
the **contrast**: the cosine with the vacancy minus the cosine with the reference, mapped from
``TEXT_CONTRAST_FLOOR`` (0) to ``TEXT_CONTRAST_CEIL`` (1); a contrast >= ``TEXT_CONTRAST_EVIDENCE``
is evidence too. e5 gives every text in a language an offset (an Arabic or Tigrinya CV is
further from *every* Dutch vacancy than a Dutch CV about the same work); the contrast asks
"more like this job than like ICT work in general?", which that offset does not move.

Weights of absent signals (no skill requirements, no language requirement, ...) are spread
over the present ones, and the explanation says so. Nothing is a hard knock-out: missing
must-haves are listed and pull the score down, the employer decides.
"""

from .index import CandidateIndex
from .model import (
    CEFR_LEVELS,
    WEIGHTS,
    Candidate,
    EmbeddingSkillSimilarity,
    Explanation,
    LanguageRequirement,
    RankedCandidate,
    SkillRequirement,
    SkillSimilarity,
    Vacancy,
    cefr_rank,
)
from .scoring import has_skill_evidence, score_candidate

__all__ = [
    "CEFR_LEVELS",
    "WEIGHTS",
    "Candidate",
    "CandidateIndex",
    "EmbeddingSkillSimilarity",
    "Explanation",
    "LanguageRequirement",
    "RankedCandidate",
    "SkillRequirement",
    "SkillSimilarity",
    "Vacancy",
    "cefr_rank",
    "has_skill_evidence",
    "score_candidate",
]
