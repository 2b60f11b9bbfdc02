"""Fast word and phrase look-up over tokens (a dict per first word, no big regex)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Generic, TypeVar

from .tokens import Doc

__all__ = ["PhraseIndex", "PhraseMatch"]

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class PhraseMatch(Generic[T]):
    """A phrase found in the text: token range, character span and the entry's payload."""

    first_token: int
    end_token: int
    start: int
    end: int
    form: str
    payload: T


class PhraseIndex(Generic[T]):
    """Index of lower-case words and phrases, matched token by token.

    Forms with dots (``m.b.t.``) are matched as their letters with nothing but a dot between
    them; the trailing dot is included in the span. Phrases never cross a sentence boundary.
    """

    def __init__(self, entries: Iterable[tuple[str, T]]) -> None:
        self._index: dict[str, list[tuple[tuple[str, ...], bool, str, T]]] = {}
        for form, payload in entries:
            form = form.strip().lower()
            dotted = "." in form
            words = (
                tuple(w for w in form.replace(".", " ").split() if w)
                if dotted
                else tuple(form.split())
            )
            if not words:
                continue
            self._index.setdefault(words[0], []).append((words, dotted, form, payload))
        for candidates in self._index.values():
            candidates.sort(key=lambda c: -len(c[0]))

    def __contains__(self, word: str) -> bool:
        return word in self._index

    def find(self, doc: Doc) -> Iterator[PhraseMatch[T]]:
        """Yield non-overlapping matches in text order (longest phrase first)."""
        tokens = doc.tokens
        text = doc.text
        n = len(tokens)
        i = 0
        while i < n:
            tok = tokens[i]
            candidates = self._index.get(tok.lower)
            matched = False
            if candidates:
                for words, dotted, form, payload in candidates:
                    k = len(words)
                    if i + k > n:
                        continue
                    ok = True
                    for j in range(1, k):
                        t = tokens[i + j]
                        if t.lower != words[j] or t.sentence != tok.sentence:
                            ok = False
                            break
                        if dotted and text[tokens[i + j - 1].end : t.start] != ".":
                            ok = False
                            break
                    if not ok:
                        continue
                    end = tokens[i + k - 1].end
                    if dotted:
                        if text[end : end + 1] != ".":
                            if form.endswith("."):
                                continue
                        else:
                            end += 1
                    yield PhraseMatch(i, i + k, tok.start, end, form, payload)
                    i += k
                    matched = True
                    break
            if not matched:
                i += 1
