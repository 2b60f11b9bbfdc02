"""Read a text a person wrote (CV, motivation, answer, profile) in any of the six candidate
languages: skills with their evidence, language levels, education and work periods. PURE: no
Django.

One reader, one path (issue #20). :class:`ProfileReader` combines

* the **lexical** stage of :class:`~.extraction.SkillExtractor` (stemmed Dutch/English ESCO
  labels, compounds, reordered words) -- precise where the words are there;
* a **prototype** stage with the multilingual e5 model where words alone don't reach (Arabic,
  Persian, Tigrinya, Turkish, and Dutch/English paraphrases such as "storingen oplossen"): the
  clauses the lexical stage does not explain are embedded as e5 queries and compared with
  everyday Dutch/English phrasings of the skills recruiters ask for most
  (``taxonomy/data/skill_prototypes.json``, also embedded as queries). Phrase-to-phrase cosine
  separates far better than phrase-to-label: the formal ESCO labels sit at cosine 0.85-0.92 from
  nearly every clause, headings included. A skill is taken when its best phrase reaches
  ``threshold`` and it is within ``TOP_MARGIN`` of the clause's best skill;
* :func:`read_languages` -- language names in nl/en/ar/tr/fa/ti with a CEFR level ("B1"),
  an NT2 exam ("NT2 B1", "Staatsexamen NT2 I/II") or a self-description ("goed", "fluent",
  "ana dil", "اللغة الأم", ...) mapped to an *estimated* level (``estimated=True``);
* :func:`read_education` -- degree words in the six languages mapped to an NLQF level, and a
  stated IDW/Nuffic evaluation ("Diplomawaardering IDW: hbo-bachelor", "Nuffic ... NLQF 7")
  taking precedence, with the source said;
* :func:`read_experience` -- dated lines ("2019 - 2023 Data Analyst, Turkcell"; Persian
  solar years converted) as title + years, optionally normalised to ESCO occupations with a
  :class:`~.titles.TitleNormaliser`-like callable.

Every finding carries its evidence: the sentence (or line) of the text it came from.
"""

from .education import read_education
from .experience import read_experience, read_headline
from .findings import (
    EducationFinding,
    ExperienceFinding,
    LanguageFinding,
    ProfileReading,
    SkillFinding,
)
from .languages import read_languages
from .meaning import OTHER_WORK, OTHER_WORK_MARGIN, TextMeaning, load_prototypes
from .reader import ProfileReader

__all__ = [
    "OTHER_WORK",
    "OTHER_WORK_MARGIN",
    "EducationFinding",
    "ExperienceFinding",
    "LanguageFinding",
    "ProfileReader",
    "ProfileReading",
    "SkillFinding",
    "TextMeaning",
    "load_prototypes",
    "read_education",
    "read_experience",
    "read_headline",
    "read_languages",
]
