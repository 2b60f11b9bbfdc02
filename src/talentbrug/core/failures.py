"""Describe a failure for the log without personal data.

A traceback prints the exception's message and the code lines around it, and with some
handlers the local variables: a parser's or a database's message often quotes the text it was
given (a CV, a name, an address). Background jobs log :func:`describe` instead: the kind of
error and where it happened (module, function, line), never the message.
"""

from __future__ import annotations

import traceback

_ROOT = "talentbrug"


def describe(exc: BaseException) -> str:
    """``"ValueError in talentbrug.privacy.services.purge:_apply_plan:57"``: the error type
    and the deepest frame of our own code (else the deepest frame), no message, no values."""
    frames = traceback.extract_tb(exc.__traceback__)
    ours = [frame for frame in frames if f"/{_ROOT}/" in frame.filename.replace("\\", "/")]
    kind = type(exc).__name__
    if not (ours or frames):
        return kind
    frame = (ours or frames)[-1]
    path = frame.filename.replace("\\", "/")
    if f"/{_ROOT}/" in path:
        module = _ROOT + "." + path.rsplit(f"/{_ROOT}/", 1)[1].removesuffix(".py").replace("/", ".")
    else:
        module = path.rsplit("/", 1)[-1].removesuffix(".py")
    return f"{kind} in {module}:{frame.name}:{frame.lineno}"
