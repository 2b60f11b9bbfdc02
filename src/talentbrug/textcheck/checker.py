"""The entry point :func:`check`."""

from __future__ import annotations

from collections.abc import Collection

from . import rules as _rules  # noqa: F401  (registers every rule)
from .htmltext import html_to_text, looks_like_html
from .messages import INDICATION
from .models import CheckResult, Finding, Severity, VacancyFields
from .readability import compute_metrics, indication
from .registry import Context, all_rules
from .rules.readability import LONG_SENTENCE_WORDS, rare_tokens
from .tokens import build_doc

__all__ = ["check"]

SUPPORTED_LANGUAGES = frozenset({"nl"})


def _sort_key(f: Finding) -> tuple[int, int, int, int, str]:
    return (1 if f.is_document_level else 0, f.start, f.severity.rank, -f.end, f.rule_id)


def check(
    text: str,
    fields: VacancyFields | None = None,
    *,
    lang: str = "nl",
    html: bool | None = None,
    families: Collection[str] | None = None,
) -> CheckResult:
    """Check a Dutch vacancy text and return findings, metrics and a readability indication.

    :param text: the vacancy as plain text, or limited HTML (see ``html``).
    :param fields: structured vacancy fields; ``None`` makes the check look in the text only.
    :param lang: language of the text; only ``"nl"`` is supported.
    :param html: ``True`` to convert HTML to text first, ``False`` to never do so, ``None`` to
        convert when the text looks like HTML. Spans always refer to ``CheckResult.text``.
    :param families: only run rules of these families (``excl``, ``gender``, ``read``,
        ``missing``, ``req``) or with these ids; ``None`` runs all rules.
    """
    if lang not in SUPPORTED_LANGUAGES:
        raise ValueError(f"unsupported language {lang!r}; supported: {sorted(SUPPORTED_LANGUAGES)}")
    if html or (html is None and looks_like_html(text)):
        text = html_to_text(text)
    doc = build_doc(text)
    ctx = Context(doc=doc, fields=fields)
    findings: list[Finding] = []
    if doc.tokens or fields is not None:
        for r in all_rules():
            if families is not None and r.family not in families and r.id not in families:
                continue
            findings.extend(r.func(ctx))
    findings.sort(key=_sort_key)
    rare = rare_tokens(ctx) if doc.tokens else []
    metrics = compute_metrics(doc, findings, rare, LONG_SENTENCE_WORDS)
    notes: list[str] = []
    blocking = sum(1 for f in findings if f.severity is Severity.BLOKKEREND)
    if blocking:
        notes.append(INDICATION["blocking"].format(count=blocking))
    if metrics.masculine_words >= 3 and metrics.masculine_words > 2 * metrics.feminine_words:
        notes.append(
            INDICATION["gender_masculine"].format(
                masculine=metrics.masculine_words, feminine=metrics.feminine_words
            )
        )
    return CheckResult(
        text=text,
        findings=tuple(findings),
        metrics=metrics,
        indication=indication(metrics),
        notes=tuple(notes),
    )
