"""Language levels (CEFR, NT2, staatsexamen) read from free text."""

from __future__ import annotations

import re

from ..text import fold
from .findings import EVIDENCE_CHARS, LanguageFinding, sentence_at

# --------------------------------------------------------------------------- languages

# Language names as people write them in nl/en/ar/tr/fa/ti (and a few big neighbours).
_LANGUAGE_NAMES: dict[str, tuple[str, ...]] = {
    "nl": (
        "nederlands",
        "dutch",
        "hollandaca",
        "felemenkçe",
        "néerlandais",
        "niederländisch",
        "الهولندية",
        "هولندي",
        "هلندی",
        "ሆላንድኛ",
        "ሆላንዳዊ",
        "ደች",
    ),
    "en": (
        "engels",
        "english",
        "ingilizce",
        "anglais",
        "englisch",
        "الإنجليزية",
        "الانجليزية",
        "الإنكليزية",
        "انگلیسی",
        "እንግሊዝኛ",
    ),
    "ar": ("arabisch", "arabic", "arapça", "arabe", "العربية", "عربي", "عربی", "ዓረብኛ", "ዐረብኛ"),
    "tr": ("turks", "turkish", "türkçe", "turc", "التركية", "ترکی", "ቱርክኛ"),
    "fa": ("perzisch", "persian", "farsi", "dari", "farsça", "الفارسية", "فارسی", "دری", "ፋርስኛ"),
    "ti": (
        "tigrinya",
        "tigrinia",
        "tigrinyaans",
        "tigrinyca",
        "tigrince",
        "التغرينية",
        "تیگرینیا",
        "ትግርኛ",
    ),
    "am": ("amhaars", "amharic", "amharca", "الأمهرية", "امهری", "ኣምሓርኛ", "አማርኛ"),
    "fr": ("frans", "french", "fransızca", "français", "الفرنسية", "فرانسوی", "ፈረንሳይኛ"),
    "de": ("duits", "german", "almanca", "deutsch", "الألمانية", "آلمانی", "ጀርመንኛ"),
    "ku": ("koerdisch", "kurdish", "kürtçe", "الكردية", "کردی"),
    "so": ("somalisch", "somali", "somalice"),
    "ps": ("pashto", "pasjtoe", "peştuca", "پشتو"),
    "ru": ("russisch", "russian", "rusça", "الروسية", "روسی"),
    "uk": ("oekraïens", "oekraiens", "ukrainian", "ukraynaca"),
    "pl": ("pools", "polish", "lehçe"),
    "es": ("spaans", "spanish", "ispanyolca", "الإسبانية", "اسپانیایی"),
    "yo": ("yoruba",),
    "ur": ("urdu", "الأردية", "اردو"),
}
# Self-descriptions -> an estimated CEFR level (longest phrase wins: "zeer goed" before "goed").
_LEVEL_WORDS: dict[str, tuple[str, ...]] = {
    "C2": (
        "moedertaal",
        "native",
        "mother tongue",
        "first language",
        "ana dil",
        "anadil",
        "اللغة الأم",
        "لغة أم",
        "اللغة الام",
        "لغة الأم",
        "زبان مادری",
        "زبان اول",
        "ቋንቋ ኣደ",
        "ቋንቋ እኖ",
        "ቋንቋ ኣዴ",
    ),
    "C1": (
        "vloeiend",
        "uitstekend",
        "zeer goed",
        "fluent",
        "excellent",
        "very good",
        "akıcı",
        "çok iyi",
        "ممتاز",
        "بطلاقة",
        "طلاقة",
        "عالی",
        "روان",
        "ብጣዕሚ ጽቡቕ",
    ),
    "B2": ("goed", "good", "iyi", "جيد", "جيدة", "خوب", "ጽቡቕ"),
    "B1": (
        "redelijk",
        "voldoende",
        "gemiddeld",
        "intermediate",
        "reasonable",
        "orta",
        "متوسط",
        "متوسطة",
        "متوسط",
        "ማእከላይ",
    ),
    "A2": (
        "basis",
        "basic",
        "elementary",
        "zwak",
        "weak",
        "temel",
        "ضعيف",
        "مقدماتی",
        "ابتدایی",
        "መሰረታዊ",
    ),
    "A1": ("beginner", "başlangıç", "مبتدئ", "مبتدی", "ጀማሪ"),
}
_SKILL_WORDS: dict[str, tuple[str, ...]] = {
    "reading": ("lezen", "reading", "okuma", "قراءة", "خواندن", "ምንባብ"),
    "listening": ("luisteren", "listening", "dinleme", "استماع", "شنیدن", "ምስማዕ"),
    "writing": ("schrijven", "writing", "yazma", "كتابة", "نوشتن", "ምጽሓፍ"),
    "speaking": ("spreken", "speaking", "konuşma", "محادثة", "تحدث", "صحبت", "ምዝራብ"),
}
LANGUAGE_HEADINGS = {
    "talen",
    "taalvaardigheid",
    "taalvaardigheden",
    "languages",
    "language skills",
    "diller",
    "yabancı diller",
    "اللغات",
    "زبان‌ها",
    "زبانها",
    "زبان ها",
    "ቋንቋታት",
}
_CEFR_RE = re.compile(r"(?<![A-Za-z0-9])([ABC][12])(?![A-Za-z0-9])")
_STAATSEXAMEN_RE = re.compile(
    r"staatsexamen(?:\s+nt2)?(?:\s+\(?(?:programma|program)\)?)?\s+(I{1,2}|1|2)\b(?![.\d])",
    re.IGNORECASE,
)
_NT2_LEVEL_RE = re.compile(r"\bNT2[\s\-:]*(?:niveau\s*)?([ABC][12])\b", re.IGNORECASE)


def _name_pattern() -> re.Pattern[str]:
    names = sorted(
        ((n, code) for code, ns in _LANGUAGE_NAMES.items() for n in ns),
        key=lambda x: -len(x[0]),
    )
    alts = "|".join(re.escape(n) for n, _ in names)
    return re.compile(rf"(?<![^\W\d_])(?:ال)?({alts})(?![^\W\d_])", re.IGNORECASE)


NAME_RE = _name_pattern()
_NAME_CODE = {fold(n): code for code, ns in _LANGUAGE_NAMES.items() for n in ns}
_LEVEL_PHRASES = sorted(
    ((fold(w), lvl) for lvl, ws in _LEVEL_WORDS.items() for w in ws), key=lambda x: -len(x[0])
)


def _code_for(name: str) -> str | None:
    f = fold(name)
    return _NAME_CODE.get(f) or _NAME_CODE.get(f[2:] if f.startswith("ال") else f)


def level_in(segment: str) -> tuple[str | None, bool, bool, str | None]:
    """(level, estimated, native, skill) read from the words after a language name."""
    m = _STAATSEXAMEN_RE.search(segment)
    if m:
        return ("B1" if m.group(1).upper() in ("I", "1") else "B2"), False, False, None
    m = _NT2_LEVEL_RE.search(segment) or _CEFR_RE.search(segment)
    if m:
        skill = None
        before = fold(segment[: m.start()])[-20:]
        for name, words in _SKILL_WORDS.items():
            if any(fold(w) in before for w in words):
                skill = name
        return m.group(1).upper(), False, False, skill
    folded = fold(segment)
    for phrase, lvl in _LEVEL_PHRASES:
        if re.search(rf"(?<![^\W\d_]){re.escape(phrase)}(?![^\W\d_])", folded):
            return lvl, True, lvl == "C2", None
    return None, False, False, None


def _language_lines(text: str) -> list[tuple[int, int, bool]]:
    """(start, end, in_language_section) of every line."""
    out: list[tuple[int, int, bool]] = []
    in_section = False
    pos = 0
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        stripped = fold(line.strip().rstrip(":"))
        if not stripped:
            continue
        if stripped in LANGUAGE_HEADINGS:
            in_section = True
            out.append((start, end, True))
            continue
        if len(stripped) < 40 and not NAME_RE.search(line) and not _CEFR_RE.search(line):
            in_section = False  # another heading
        out.append((start, end, in_section))
    return out


def read_languages(text: str) -> list[LanguageFinding]:
    """Languages and levels in ``text``: each language once (the most certain statement),
    Dutch also from an NT2 exam sentence that names no language."""
    found: dict[tuple[str, str | None], LanguageFinding] = {}

    def put(f: LanguageFinding) -> None:
        key = (f.language, f.skill)
        prev = found.get(key)
        rank = (f.level is not None, not f.estimated)
        if prev is None or rank > (prev.level is not None, not prev.estimated):
            found[key] = f

    for start, end, in_section in _language_lines(text):
        line = text[start:end]
        names = list(NAME_RE.finditer(line))
        prefixed = bool(re.match(r"\s*(talen|languages|diller|اللغات|زبان‌ها)\s*:", line, re.I))
        for i, m in enumerate(names):
            code = _code_for(m.group(1))
            if code is None:
                continue
            seg_end = names[i + 1].start() if i + 1 < len(names) else len(line)
            segment = line[m.end() : seg_end]
            level, estimated, native, skill = level_in(segment)
            if level is None:
                # "B1 Nederlands": a level right before the name
                before = line[max(0, m.start() - 12) : m.start()]
                if names[i - 1 : i] and names[i - 1].end() > m.start() - 12:
                    before = ""
                level, estimated, native, skill = level_in(before)
            if level is None and not (in_section or prefixed):
                continue  # a language name in running text ("Arabische Emiraten")
            put(
                LanguageFinding(
                    code, level, estimated, native, skill, " ".join(line.split())[:EVIDENCE_CHARS]
                )
            )
    if not any(f.language == "nl" and f.level for f in found.values()):
        for rx in (_STAATSEXAMEN_RE, _NT2_LEVEL_RE):
            hit = rx.search(text)
            if hit:
                level, _e, _n, _s = level_in(hit.group(0))
                if level:
                    put(
                        LanguageFinding(
                            "nl", level, False, False, None, sentence_at(text, m.start(), m.end())
                        )
                    )
                break
    return sorted(found.values(), key=lambda f: (f.language, f.skill or ""))


def language_spans(text: str) -> list[tuple[int, int]]:
    """Line spans that are language statements (the skill stage leaves them alone)."""
    out = []
    for start, end, in_section in _language_lines(text):
        line = text[start:end]
        if in_section or (NAME_RE.search(line) and level_in(line)[0]):
            out.append((start, end))
    return out
