"""Keep link tokens (and candidate search terms) out of every log: Django's, runserver's access log and gunicorn's.

Magic links (``talentbrug.accounts.magiclinks``) and the other signed links carry a token in
the path. Whoever reads a log must not be able to open someone's portal with it, so every log
line is written with the token replaced by ``[token]``; the rest of the path stays, so the
line still says which page was asked for.

No Django imports: gunicorn loads :class:`GunicornLogger` before Django is set up.
"""

from __future__ import annotations

import logging
import re
from typing import Any

# A django.core.signing value with a timestamp: payload:timestamp:signature (base64url), also
# when the colons are percent-encoded (a token inside a ?next= parameter).
SIGNED_TOKEN_RE = re.compile(
    r"[A-Za-z0-9_\-.]{8,}(?::|%3[Aa])[A-Za-z0-9]{4,}(?::|%3[Aa])[A-Za-z0-9_\-]{20,}"
)
REPLACEMENT = "[token]"
# What staff type in the candidate search (``?zoek=``: a name or an e-mail address) and the
# address of the privacy access look-up (``?email=``) are personal data too: the parameter stays
# in the line, its value does not.
SEARCH_QUERY_RE = re.compile(r"([?&](?:zoek|email)=)[^&\s\"']*")
SEARCH_REPLACEMENT = r"\1[zoekterm]"


def redact(text: str) -> str:
    return SEARCH_QUERY_RE.sub(SEARCH_REPLACEMENT, SIGNED_TOKEN_RE.sub(REPLACEMENT, text))


class RedactTokens(logging.Filter):
    """Handler filter: rewrites the record's message with every signed token replaced."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        cleaned = redact(message)
        if cleaned != message:
            record.msg = cleaned
            record.args = None
        return True


class TaskLogSummary(logging.Filter):
    """Celery's task lines can quote personal data: "raised unexpected: <the exception, with its
    message>" plus the whole traceback (locals, a CV's file name, an address in a message), and
    "succeeded in 0.1s: <the return value>". On the ``celery.app.trace`` logger this keeps the
    task's name and id and the outcome (what happened, the exception's type, the run time), and
    drops the rest: message arguments, exception text and traceback."""

    def filter(self, record: logging.LogRecord) -> bool:
        data = record.args if isinstance(record.args, dict) else None
        if data is None:
            return True
        outcome = str(data.get("description") or "")
        exc_type = ""
        if record.exc_info and record.exc_info[0] is not None:
            exc_type = record.exc_info[0].__name__
        elif data.get("exc"):
            exc_type = str(data["exc"]).split("(", 1)[0].strip()[:80]
        if exc_type:
            outcome = f"{outcome or 'failed'}: {exc_type}"
        elif "runtime" in data:
            outcome = f"succeeded in {float(data['runtime']):.3f}s"
        record.msg = f"Task {data.get('name', '?')}[{data.get('id', '?')}] {outcome}".rstrip()
        record.args = None
        record.exc_info = None
        record.exc_text = None
        record.stack_info = None
        return True


try:  # gunicorn is a production dependency, but this module must import without it.
    from gunicorn.glogging import Logger as _GunicornLogger
except ImportError:  # pragma: no cover
    _GunicornLogger = object  # type: ignore[assignment,misc]


class GunicornLogger(_GunicornLogger):  # type: ignore[misc,valid-type]
    """gunicorn's logger with tokens removed from every access-log field (request line, path,
    query, referer, headers). Set in gunicorn.conf.py as ``logger_class``."""

    def atoms(self, resp: Any, req: Any, environ: Any, request_time: Any) -> dict[str, Any]:
        values = super().atoms(resp, req, environ, request_time)
        return {k: redact(v) if isinstance(v, str) else v for k, v in values.items()}
