"""Optional virus scanning of every upload through ClamAV's daemon (clamd), fail closed.

Off unless ``CLAMD_SOCKET`` (a Unix socket) or ``CLAMD_HOST`` (with ``CLAMD_PORT``, default
3310) is set. When on, every uploaded file is streamed to clamd with the ``INSTREAM`` command
before it is stored:

* clean: nothing happens;
* infected: :class:`VirusFound` (the caller refuses the file) and an audit event
  ``privacy.upload_infected`` with the source and the signature name only;
* clamd cannot be reached, times out or answers with an error: :class:`ScannerUnavailable`
  (the caller refuses the file: fail closed) and a warning in the log.

The protocol (``man clamd``): send ``zINSTREAM\\0``, then chunks of a 4-byte big-endian length
followed by that many bytes, then a zero length; clamd answers one line ending in ``\\0``:
``stream: OK``, ``stream: <signature> FOUND`` or ``<message> ERROR``. Implemented here on a
plain socket (the ``clamd``/``pyclamd`` packages on PyPI are unmaintained since 2014/2017).
clamd's ``StreamMaxLength`` (default 25 MB) must be at least the largest upload (videos and
records files: 200 MB), otherwise large files are refused as "scanner unavailable".
"""

from __future__ import annotations

import contextlib
import logging
import socket
import struct
from typing import IO, Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from talentbrug.audit.services import record_event

logger = logging.getLogger(__name__)

CHUNK = 64 * 1024
MAX_ANSWER = 4096


class ScanError(Exception):
    """The file may not be stored; ``message`` says why (translated, for the uploader)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class VirusFound(ScanError):
    def __init__(self, message: str, signature: str) -> None:
        super().__init__(message)
        self.signature = signature


class ScannerUnavailable(ScanError):
    pass


def is_configured() -> bool:
    return bool(getattr(settings, "CLAMD_SOCKET", "") or getattr(settings, "CLAMD_HOST", ""))


def _connect() -> socket.socket:
    timeout = float(getattr(settings, "CLAMD_TIMEOUT", 30))
    path = getattr(settings, "CLAMD_SOCKET", "")
    if path:
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        sock.settimeout(timeout)
        try:
            sock.connect(path)
        except OSError:
            sock.close()
            raise
        return sock
    host = settings.CLAMD_HOST
    port = int(getattr(settings, "CLAMD_PORT", 3310))
    return socket.create_connection((host, port), timeout=timeout)


def _read_answer(sock: socket.socket) -> str:
    data = b""
    while b"\0" not in data and len(data) < MAX_ANSWER:
        chunk = sock.recv(1024)
        if not chunk:
            break
        data += chunk
    return data.split(b"\0", 1)[0].decode("utf-8", "replace").strip()


def instream(stream: IO[bytes]) -> str:
    """Send the whole stream to clamd; return its answer line. Raises OSError on trouble."""
    stream.seek(0)
    with _connect() as sock:
        sock.sendall(b"zINSTREAM\0")
        while chunk := stream.read(CHUNK):
            sock.sendall(struct.pack(">I", len(chunk)) + chunk)
        sock.sendall(struct.pack(">I", 0))
        answer = _read_answer(sock)
    stream.seek(0)
    return answer


def scan(stream: IO[bytes], *, source: str, organisation: Any = None) -> None:
    """Scan one upload when scanning is configured. Raise :class:`ScanError` to refuse it.

    ``source`` names the upload path for the audit event (``applications``, ``records``).
    """
    if not is_configured():
        return
    try:
        answer = instream(stream)
    except OSError as exc:
        logger.warning("virus scan: clamd unreachable (%s); upload refused", type(exc).__name__)
        raise ScannerUnavailable(
            _(
                "We kunnen het bestand nu niet op virussen controleren. Er is niets opgeslagen. "
                "Probeer het later nog eens."
            )
        ) from None
    finally:
        with contextlib.suppress(OSError, ValueError):
            stream.seek(0)
    if answer.endswith("FOUND"):
        signature = answer.removeprefix("stream:").removesuffix("FOUND").strip()[:100]
        record_event(
            "privacy.upload_infected",
            organisation=organisation,
            source=source[:50],
            signature=signature,
        )
        logger.warning("virus scan: infected upload refused (source %s)", source)
        raise VirusFound(
            _(
                "In dit bestand zit een virus (%(signature)s). We hebben het niet opgeslagen. "
                "Kies een ander bestand."
            )
            % {"signature": signature},
            signature,
        )
    if answer.endswith("OK"):
        return
    logger.warning("virus scan: clamd answered with an error; upload refused")
    raise ScannerUnavailable(
        _(
            "We kunnen het bestand nu niet op virussen controleren. Er is niets opgeslagen. "
            "Probeer het later nog eens."
        )
    )


def records_problem(stream: IO[bytes], organisation: Any) -> str:
    """For records imports: the reason an infected file becomes an unreadable card ("" if clean).

    Raises ``ValidationError`` (the whole import is refused) when the scanner is unavailable.
    """
    try:
        scan(stream, source="records", organisation=organisation)
    except VirusFound as exc:
        return _("Virus gevonden (%(signature)s); niet opgeslagen") % {"signature": exc.signature}
    except ScannerUnavailable as exc:
        raise ValidationError(exc.message) from None
    return ""
