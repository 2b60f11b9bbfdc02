"""Magic links: the one implementation of every link that gives access without a password.

A link is a signed, expiring token (``django.core.signing``) holding a small payload, the
holder's *token version* (raise it on the model to stop every earlier link at once) and a
random nonce. :func:`read` checks signature and age; :func:`use` also marks the nonce as used,
so a single-use link opens one session and then asks for a new link. Tokens never reach the
logs: ``talentbrug.conf.logredact`` removes them from every log line and access log.

A GET never uses a link up: mail scanners (Safe Links and the like) open every URL in a mail
with GET. The mailed link opens :func:`confirm_page`, a page with one button; its POST uses the
link and opens the session (:func:`open_in_session` for portals whose pages carry the link).

Used by the candidate portal (``applications.tokens``), the new-hire and supporter portal
(``onboarding.tokens``) and the talent-pool answer link (``talentpool.services``).
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta
from typing import Any

from django.contrib.auth import SESSION_KEY as STAFF_SESSION_KEY
from django.core import signing
from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache

from talentbrug.accounts.models import UsedLink

NONCE_KEY = "n"
SESSION_OPENED_KEY = "talentbrug_opened_links"
# The field of the confirm page's form: a POST with it opens the link.
OPEN_FIELD = "open_link"
OPEN_HEADING = gettext_lazy("Je persoonlijke pagina")
OPEN_BUTTON = gettext_lazy("Open je persoonlijke pagina")


class LinkProblem(Exception):
    """``reason`` is 'expired' (too old or revoked), 'invalid' (tampered) or 'used' (opened)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def make(salt: str, payload: dict[str, Any]) -> str:
    """A signed token for ``payload`` with a fresh nonce: no two links are the same."""
    if NONCE_KEY in payload:
        raise ValueError(f"{NONCE_KEY!r} is reserved for the nonce")
    return signing.TimestampSigner(salt=salt).sign_object(
        {**payload, NONCE_KEY: secrets.token_urlsafe(12)}
    )


def read(salt: str, token: str, max_age: int) -> dict[str, Any]:
    """The payload of a valid token (signature, salt and age checked); nothing is recorded."""
    try:
        data = signing.TimestampSigner(salt=salt).unsign_object(token, max_age=max_age)
    except signing.SignatureExpired:
        raise LinkProblem("expired") from None
    except (signing.BadSignature, ValueError, TypeError, UnicodeDecodeError):
        raise LinkProblem("invalid") from None
    if not isinstance(data, dict) or not isinstance(data.get(NONCE_KEY), str):
        raise LinkProblem("invalid")
    return data


def _digest(salt: str, nonce: str) -> str:
    return hashlib.sha256(f"{salt}:{nonce}".encode()).hexdigest()


def is_used(salt: str, data: dict[str, Any]) -> bool:
    return UsedLink.objects.filter(digest=_digest(salt, data[NONCE_KEY])).exists()


def use(salt: str, data: dict[str, Any], max_age: int) -> None:
    """Mark the link of ``data`` (from :func:`read`) as used; raise 'used' the second time.

    Safe under concurrency: the unique digest lets exactly one of two simultaneous uses win.
    Rows of links that have expired anyway are removed on the way.
    """
    now = timezone.now()
    UsedLink.objects.filter(expires_at__lt=now).delete()
    try:
        with transaction.atomic():
            UsedLink.objects.create(
                digest=_digest(salt, data[NONCE_KEY]), expires_at=now + timedelta(seconds=max_age)
            )
    except IntegrityError:
        raise LinkProblem("used") from None


def use_in_session(session: Any, salt: str, data: dict[str, Any], max_age: int, age: int) -> None:
    """Single-use for portals whose pages all carry the link (onboarding): the first request
    uses the link up and remembers it in this browser session (for ``age`` seconds); later
    pages of the same session pass, any other session gets 'used'."""
    opened = list(session.get(SESSION_OPENED_KEY, []))
    digest = _digest(salt, data[NONCE_KEY])
    if digest in opened:
        return
    use(salt, data, max_age)
    session.cycle_key()
    session[SESSION_OPENED_KEY] = [*opened[-9:], digest]
    shorten_session(session, age)


def shorten_session(session: Any, age: int) -> None:
    """A link opens a short session (``age`` seconds without activity); a staff log-in in the
    same browser keeps its own, longer lifetime."""
    if STAFF_SESSION_KEY not in session:
        session.set_expiry(age)


def opened_here(session: Any, salt: str, data: dict[str, Any]) -> bool:
    """Whether this browser session already opened the link of ``data`` (nothing written)."""
    return _digest(salt, data[NONCE_KEY]) in session.get(SESSION_OPENED_KEY, [])


def open_in_session(
    request: HttpRequest, salt: str, data: dict[str, Any], max_age: int, age: int
) -> bool:
    """For portals whose pages all carry the link: True when this request may go on (the
    session opened the link before, or this POST opens it now); False when the caller must show
    :func:`confirm_page` (a GET of a link this session has not opened: nothing is written).
    Raises 'used' when another session used the link up."""
    if opened_here(request.session, salt, data):
        return True
    if request.method != "POST":
        if is_used(salt, data):
            raise LinkProblem("used")
        return False
    use_in_session(request.session, salt, data, max_age, age)
    return True


@never_cache
def confirm_page(
    request: HttpRequest, heading: Any = OPEN_HEADING, button: Any = OPEN_BUTTON
) -> HttpResponse:
    """The page a mailed link opens: one button that POSTs to the same address."""
    response = render(
        request,
        "magic_link_open.html",
        {"heading": heading, "button": button, "field": OPEN_FIELD},
    )
    # No Referrer-Policy "no-referrer" here: the browser would then send "Origin: null" with the
    # button's POST, which Django's CSRF check refuses.
    response["X-Robots-Tag"] = "noindex"
    return response
