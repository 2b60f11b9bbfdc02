"""Rendered careers pages and parts of them, kept in the Django cache.

The list and the vacancy page are the same for every anonymous visitor with the same URL and
language. Two layers:

- ``anonymous_page``: the whole page for anonymous visitors without pending messages. What
  differs per request, the CSP nonce and the CSRF token (language switcher), is put in fresh on
  every hit: the page is stored with the nonce and token it was rendered with, and those random
  strings are replaced by the request's own.
- ``key``/``get``/``put``: the main content of the page (vacancy page body and JSON-LD, list
  body), for everyone else (logged-in staff, a visitor with a message): the view renders the
  shell with nonce, token and messages around it on every request.

- ``card_keys``/``get_many``/``put_many``: each rendered result card of the list, per vacancy id
  and ``updated_at``, so that a list page not seen before costs the search (ids only), one
  ``get_many`` of its cards and the frame; only cards not yet cached are rendered.

A cached part is found under a key made of:

- the *careers version*: a random token in the cache, replaced whenever a vacancy, its
  requirements or language requirements, an organisation or a salary scale is saved or
  deleted (signals, see ``connect_signals``), and again when that transaction commits, so a
  request that rendered the old data during the transaction cannot keep it under the new token;
- today's date: a vacancy leaves the list and its page says "closed" the day after its closing
  date, even before the periodic job has closed it;
- the active language (content in English is kept apart from Dutch; dates and labels differ);
- the page's own parameters (the full query string of the list; the vacancy id, scheme and
  host of the vacancy page, whose JSON-LD has absolute URLs).

Changes that bypass signals (``QuerySet.update()``, raw SQL) are picked up at the latest after
``TIMEOUT``. With the in-process cache (no ``CACHE_URL``) every worker process has its own
cache, so a change made in one process cannot replace the token in another: there the parts are
kept for ``LOCAL_TIMEOUT`` only. Several processes need a shared cache (Redis) anyway.
"""

from __future__ import annotations

import functools
import hashlib
import re
import secrets
from collections.abc import Callable, Iterable
from typing import Any

from django.conf import settings
from django.contrib.messages import get_messages
from django.core.cache import cache
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.utils import timezone
from django.utils.translation import get_language

from talentbrug.accounts.models import Organisation
from talentbrug.vacancies.models import LanguageRequirement, Requirement, SalaryScale, Vacancy

VERSION_KEY = "publishing:careers-version"
KEY_PREFIX = "publishing:page:"
TIMEOUT = 10 * 60
LOCAL_TIMEOUT = 30


def _shared_cache() -> bool:
    backend = settings.CACHES.get("default", {}).get("BACKEND", "")
    return not backend.endswith("LocMemCache")


def timeout() -> int:
    return TIMEOUT if _shared_cache() else LOCAL_TIMEOUT


def _new_token() -> str:
    return secrets.token_hex(8)


def version() -> str:
    """The current careers version (a new token when the cache lost it: never an old one)."""
    token = cache.get(VERSION_KEY)
    if token is None:
        token = _new_token()
        if not cache.add(VERSION_KEY, token, None):
            token = cache.get(VERSION_KEY) or token
    return str(token)


def _replace_version() -> None:
    cache.set(VERSION_KEY, _new_token(), None)


def forget_careers_pages(**kwargs: Any) -> None:
    """Signal receiver: something shown on the careers site changed; forget every cached part.

    Now (so this transaction's own later reads miss) and after the commit (so a part rendered
    by another request from the not yet committed data is not found either).
    """
    _replace_version()
    transaction.on_commit(_replace_version)


def key(kind: str, parts: Iterable[Any]) -> str:
    raw = "\x1f".join(
        [kind, version(), timezone.localdate().isoformat(), get_language() or "", *map(str, parts)]
    )
    return KEY_PREFIX + kind + ":" + hashlib.sha256(raw.encode()).hexdigest()


def get(cache_key: str) -> dict[str, Any] | None:
    value = cache.get(cache_key)
    return value if isinstance(value, dict) else None


def put(cache_key: str, value: dict[str, Any]) -> None:
    cache.set(cache_key, value, timeout())


def card_keys(items: Iterable[tuple[int, Any]]) -> dict[int, str]:
    """Cache keys of rendered result cards: per vacancy id and ``updated_at``, under the careers
    version, today's date and the active language (one version look-up for the whole page).

    The careers version already changes on any save of a vacancy, its requirements, its
    organisation or a salary scale; ``updated_at`` also keeps a card apart when a change bypassed
    the signals (``QuerySet.update()`` setting ``updated_at``)."""
    prefix = "\x1f".join(
        ["card", version(), timezone.localdate().isoformat(), get_language() or ""]
    )
    return {
        pk: KEY_PREFIX
        + "card:"
        + hashlib.sha256(f"{prefix}\x1f{pk}\x1f{updated}".encode()).hexdigest()
        for pk, updated in items
    }


def get_many(keys: Iterable[str]) -> dict[str, Any]:
    return cache.get_many(list(keys))


def put_many(values: dict[str, Any]) -> None:
    if values:
        cache.set_many(values, timeout())


_CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def _page_key(request: HttpRequest) -> str:
    """Not versioned: the entry holds the version it was rendered at (one cache round trip).

    No view name in it: the path decides the view, so ``middleware.CachedCareersPageMiddleware``
    finds the entry before URL resolution."""
    raw = "\x1f".join(
        [
            "whole",
            timezone.localdate().isoformat(),
            get_language() or "",
            request.scheme or "",
            request.get_host(),
            request.get_full_path(),
        ]
    )
    return KEY_PREFIX + "whole:" + hashlib.sha256(raw.encode()).hexdigest()


def _personal(request: HttpRequest) -> bool:
    """A logged-in user, or a message waiting: the shell differs, so render it."""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return True
    return len(get_messages(request)) > 0  # type: ignore[arg-type]


def whole_page_entry(request: HttpRequest) -> dict[str, Any] | None:
    """The stored page for this request at the current careers version, or None.

    Only for anonymous visitors without pending messages (the caller checks). A miss is noted on
    the request (key and version found), so that ``anonymous_page`` further down the same request
    does not ask the cache again."""
    page_key = _page_key(request)
    found = cache.get_many([page_key, VERSION_KEY])
    entry, current = found.get(page_key), found.get(VERSION_KEY)
    if isinstance(entry, dict) and current is not None and entry["version"] == current:
        return entry
    request._careers_miss = (page_key, current)  # type: ignore[attr-defined]
    return None


def anonymous_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Serve a GET page from the cache to anonymous visitors (see the module docstring).

    ``middleware.CachedCareersPageMiddleware`` answers most hits before they get here; this
    serves the rest (a visitor with a session cookie but not logged in) and stores the page."""

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.method != "GET" or _personal(request):
            return view(request, *args, **kwargs)
        page_key = _page_key(request)
        missed = getattr(request, "_careers_miss", None)
        if missed is None or missed[0] != page_key:  # not yet looked up in this request
            entry = whole_page_entry(request)
            if entry is not None:
                return response_from_entry(request, entry)
            missed = request._careers_miss  # type: ignore[attr-defined]
        current = missed[1] if missed[1] is not None else version()
        response = view(request, *args, **kwargs)
        if response.status_code == 200 and not response.streaming:
            _store(request, page_key, str(current), response)
        return response

    return wrapper


def _store(request: HttpRequest, page_key: str, current: str, response: HttpResponse) -> None:
    html = response.content.decode(response.charset)
    nonce = getattr(request, "_csp_nonce", None)
    token = _CSRF_INPUT.search(html)
    entry = {
        "version": current,
        "html": html,
        "content_type": response["Content-Type"],
        "nonce": nonce if isinstance(nonce, str) and nonce in html else "",
        "csrf": token.group(1) if token else "",
    }
    cache.set(page_key, entry, timeout())


def response_from_entry(request: HttpRequest, entry: dict[str, Any]) -> HttpResponse:
    """The stored page with this request's CSP nonce and CSRF token put in."""
    html: str = entry["html"]
    if entry["nonce"]:
        html = html.replace(entry["nonce"], str(request.csp_nonce))  # type: ignore[attr-defined]
    if entry["csrf"]:
        html = html.replace(entry["csrf"], get_token(request))
    return HttpResponse(html, content_type=entry["content_type"])


def connect_signals() -> None:
    """Forget the cached parts when anything they show is saved or deleted."""
    from django.db.models.signals import post_delete, post_save

    for model in (Vacancy, Requirement, LanguageRequirement, Organisation, SalaryScale):
        for signal in (post_save, post_delete):
            signal.connect(
                forget_careers_pages,
                sender=model,
                dispatch_uid=f"publishing-pages-{signal is post_save}-{model.__name__}",
            )
