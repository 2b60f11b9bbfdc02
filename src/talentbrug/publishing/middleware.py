"""The short way for cached careers pages: anonymous visitors get them without the full stack.

``pagecache.anonymous_page`` keeps whole careers pages for anonymous visitors. A hit then still
went through every middleware (session, authentication, 2FA, organisation, messages, htmx,
axes), URL resolution and the view decorator, none of which changes anything for a visitor
without a session: that was more than half of the CPU time of a hit. This middleware sits
before them and answers such a hit itself.

It only acts when all of these hold, and otherwise passes the request on unchanged:

- the method is GET (the views answer HEAD with 405) and the path starts with one of ``PREFIXES`` (the careers pages);
- the visitor has no session cookie and no messages cookie: nobody is logged in and no message
  waits, exactly the visitors ``anonymous_page`` serves from its cache;
- the cache holds the page for this language, host and full path at the current careers
  version (the entry the view stored; see ``pagecache``).

The answer goes through the same middleware that shape a response for such a visitor, taken in
``settings.MIDDLEWARE`` order from ``INNER``: the language (``LocaleMiddleware``: activation,
``Content-Language``, ``Vary``), ``CommonMiddleware``, CSRF (the cookie behind the language
switcher's token), ``X-Frame-Options`` and the Content Security Policy with a fresh nonce.
``SecurityMiddleware`` and WhiteNoise come before this one anyway. The session middleware would
only have added ``Vary: Cookie``: added here. A test compares headers and body of both ways for
every language (``publishing/tests/test_fast_path.py``).

``TALENTBRUG_CAREERS_FAST_PATH = False`` switches it off (then the view decorator serves hits).
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.module_loading import import_string

from . import pagecache

PREFIXES = ("/vacatures/",)

# The middleware that shape a cached page's response for a visitor without a session.
INNER = (
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
)

Handler = Callable[[HttpRequest], HttpResponseBase]


def _enabled() -> bool:
    return bool(getattr(settings, "TALENTBRUG_CAREERS_FAST_PATH", True))


class CachedCareersPageMiddleware:
    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response
        inner: Handler = self._serve
        for dotted in reversed([name for name in settings.MIDDLEWARE if name in INNER]):
            inner = import_string(dotted)(inner)
        self.inner = inner
        self.cookies = (
            settings.SESSION_COOKIE_NAME,
            getattr(settings, "MESSAGES_COOKIE_NAME", "messages"),
        )

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        if (
            request.method == "GET"
            and request.path_info.startswith(PREFIXES)
            and not any(name in request.COOKIES for name in self.cookies)
            and _enabled()
        ):
            # The language LocaleMiddleware will choose (no language prefixes in the URLs):
            # the cache key depends on it. A miss goes on without running the inner middleware.
            with translation.override(translation.get_language_from_request(request)):
                entry = pagecache.whole_page_entry(request)
            if entry is not None:
                request._careers_entry = entry  # type: ignore[attr-defined]
                return self.inner(request)
        return self.get_response(request)

    def _serve(self, request: HttpRequest) -> HttpResponse:
        """Inside the language and security middleware: the page from its cache entry."""
        entry = request._careers_entry  # type: ignore[attr-defined]
        response = pagecache.response_from_entry(request, entry)
        response._careers_cached = True  # type: ignore[attr-defined]
        patch_vary_headers(response, ("Cookie",))
        return response
