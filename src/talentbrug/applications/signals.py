"""Signals other apps listen to, so that applications and selection need not know them."""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.dispatch import Signal

# Sent (inside the transaction) when an application's procedure ends: the candidate withdrew,
# or selection moved it to an end stage. Keyword arguments: ``application`` and ``why``
# ("withdrawn", "rejected", "hired"). Listeners end what was still open for it, such as
# planned interviews.
application_closed = Signal()

# Sent (inside the transaction) when selection moves an application back to an earlier,
# still open stage. Keyword arguments: ``application`` and ``to_kind`` (the selection stage
# kind it is in now). Listeners cancel what belongs to a later stage; the rules are written
# down in ``talentbrug.selection.effects``.
application_moved_back = Signal()

# Sent (inside the transaction) when candidates' profile rows changed through bulk updates,
# which send no model signals: the candidate confirmed skills or CV entries, or two candidates
# were merged. Keyword argument: ``candidate_ids`` (a list of ids; a merged source is included).
# The matching index listens (matches.signals), instead of watching audit event names.
candidate_profile_changed = Signal()


# --- Registries: how a later stage adds to applications' pages without applications importing it


@dataclass(frozen=True)
class IdentityScreen:
    """Selection hides a candidate's identity in a blind stage (and after one until revealed).

    ``hidden(vacancy, applications)`` answers {application id: pseudonym} for the hidden
    ones; ``url_name`` is the page (taking ``pk``) where such a candidate is opened instead.
    """

    hidden: Callable[[Any, list[Any]], dict[int, str]]
    url_name: str


IDENTITY_SCREENS: list[IdentityScreen] = []


def register_identity_screen(
    hidden: Callable[[Any, list[Any]], dict[int, str]], url_name: str
) -> None:
    screen = IdentityScreen(hidden, url_name)
    if screen not in IDENTITY_SCREENS:
        IDENTITY_SCREENS.append(screen)


def hidden_identities(vacancy: Any, applications: list[Any]) -> tuple[dict[int, str], str]:
    """({application id: pseudonym} of every registered screen, the page to open them on)."""
    hidden: dict[int, str] = {}
    url_name = ""
    for screen in IDENTITY_SCREENS:
        found = screen.hidden(vacancy, applications)
        if found:
            hidden.update(found)
            url_name = url_name or screen.url_name
    return hidden, url_name


# --- The one reader of what a person writes (CV, answers, profile): matches registers it.

_TEXT_READER: list[Callable[[str], Any]] = []


def register_text_reader(reader: Callable[[str], Any]) -> None:
    """``reader(text)`` returns a ``matching.reading.ProfileReading``; the last one registered
    is used (matches registers ``matches.reader.read_profile`` in its ``ready()``)."""
    _TEXT_READER[:] = [reader]


def text_reader() -> Callable[[str], Any] | None:
    return _TEXT_READER[0] if _TEXT_READER else None


# --- Erasing an account nobody holds data of (the portal's "verwijder mijn gegevens").
# The removal itself belongs to privacy (the only place that removes candidate data); it
# registers the eraser in its ready(). ``eraser(candidate)`` wipes the person-level record in
# the caller's transaction and returns the id of the (done) deletion request it recorded.

_ACCOUNT_ERASER: list[Callable[[Any], int]] = []


def register_account_eraser(eraser: Callable[[Any], int]) -> None:
    _ACCOUNT_ERASER[:] = [eraser]


def account_eraser() -> Callable[[Any], int] | None:
    return _ACCOUNT_ERASER[0] if _ACCOUNT_ERASER else None
