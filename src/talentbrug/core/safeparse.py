"""docanalysis in a child process with CPU-time, memory and wall-clock limits.

``docanalysis.analyse`` parses hostile files (PDF, Office, archives) in-process: a crafted PDF
can spin pypdf/pdfminer for minutes or eat gigabytes. :func:`analyse` has the same signature
and result, but runs the parser in ``python -m talentbrug.core.safeparse`` with
``RLIMIT_AS`` (memory) and ``RLIMIT_CPU`` set by the child before it reads a byte, and a
wall-clock timeout in the parent. A file that breaks a limit gives a result with an error
(checksum and size still filled), never an exception and never a stuck worker.

The child answers in JSON (never pickle: the child handles hostile input). No Django here.

To use it for candidate documents, ``applications.services.extraction.extract_document_text`` imports
``from talentbrug.core.safeparse import analyse`` instead of ``talentbrug.docanalysis``.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from typing import IO, Any

from talentbrug.docanalysis import DEFAULT_LIMITS, DocType, DocumentAnalysis, Limits
from talentbrug.docanalysis import analyse as real_analyse
from talentbrug.docanalysis.model import PersonalDataSigns
from talentbrug.docanalysis.similarity import signature_from_hex

DEFAULT_TIMEOUT = 20.0  # seconds, wall clock and CPU
DEFAULT_MEMORY_MB = 768
MAX_INPUT_BYTES = 210 * 1024 * 1024  # videos are the largest upload (200 MB)


def _read(source: bytes | str | Path | IO[bytes]) -> bytes:
    if isinstance(source, bytes | bytearray):
        return bytes(source)
    if isinstance(source, str | Path):
        with open(source, "rb") as fh:
            return fh.read(MAX_INPUT_BYTES + 1)
    source.seek(0)
    return source.read(MAX_INPUT_BYTES + 1)


def _from_dict(data: dict[str, Any]) -> DocumentAnalysis:
    signs = data.get("personal_data") or {}
    result = DocumentAnalysis(name=str(data.get("name", "")))
    result.size = int(data.get("size", 0))
    result.sha256 = str(data.get("sha256", ""))
    try:
        result.detected_type = DocType(data.get("detected_type", "binary"))
    except ValueError:
        result.detected_type = DocType.BINARY
    for key in ("extension", "text", "preview", "empty_or_temporary_reason"):
        if data.get(key) is not None:
            setattr(result, key, str(data[key]))
    for key in ("encoding", "title", "author"):
        setattr(result, key, data.get(key))
    for key in ("created", "modified"):
        value = data.get(key)
        setattr(result, key, datetime.fromisoformat(value) if value else None)
    result.extension_matches = data.get("extension_matches")
    result.text_truncated = bool(data.get("text_truncated"))
    result.word_count = int(data.get("word_count", 0))
    result.empty_or_temporary = bool(data.get("empty_or_temporary"))
    result.personal_data = PersonalDataSigns(
        emails=int(signs.get("emails", 0)),
        phones=int(signs.get("phones", 0)),
        bsns=int(signs.get("bsns", 0)),
        ibans=int(signs.get("ibans", 0)),
        examples={k: list(v) for k, v in (signs.get("examples") or {}).items()},
    )
    if data.get("signature"):
        result.signature = signature_from_hex(data["signature"])
    result.properties = {str(k): str(v) for k, v in (data.get("properties") or {}).items()}
    result.children = [_from_dict(child) for child in data.get("children") or []]
    result.errors = [str(e) for e in data.get("errors") or []]
    return result


def _failed(content: bytes, name: str | None, error: str) -> DocumentAnalysis:
    result = DocumentAnalysis(name=name or "")
    result.size = len(content)
    result.sha256 = hashlib.sha256(content).hexdigest()
    result.errors.append(error)
    return result


def analyse(
    source: bytes | str | Path | IO[bytes],
    *,
    name: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
    timeout: float = DEFAULT_TIMEOUT,
    memory_mb: int = DEFAULT_MEMORY_MB,
    _module: str = "talentbrug.core.safeparse",
) -> DocumentAnalysis:
    """Like ``docanalysis.analyse``, in a resource-limited child process."""
    content = _read(source)
    if len(content) > MAX_INPUT_BYTES:
        return _failed(content, name, "safeparse: file too large to analyse")
    header = {
        "name": name,
        "limits": dataclasses.asdict(limits),
        "cpu_seconds": max(1, int(timeout)),
        "memory_mb": memory_mb,
    }
    answer = _run_child(header, content, timeout, _module)
    if isinstance(answer, str):
        return _failed(content, name, answer)
    try:
        return _from_dict(answer)
    except (ValueError, TypeError, KeyError):
        return _failed(content, name, "safeparse: unreadable answer from the parser")


def _run_child(
    header: dict[str, Any], content: bytes, timeout: float, module: str
) -> dict[str, Any] | str:
    """Run the child on ``content``; its JSON answer, or a short error (never raises)."""
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "PYTHONPATH": os.pathsep.join(p for p in sys.path if p),
        "LANG": "C.UTF-8",
    }
    try:
        proc = subprocess.run(  # noqa: S603 - our own module, argument list, no shell
            [sys.executable, "-s", "-m", module],
            input=json.dumps(header).encode() + b"\n" + content,
            capture_output=True,
            timeout=timeout + 5,
            env=env,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return f"safeparse: stopped after {timeout:.0f} s"
    if proc.returncode != 0 or not proc.stdout:
        return f"safeparse: parser stopped (exit {proc.returncode}, over a limit)"
    try:
        answer = json.loads(proc.stdout)
    except ValueError:
        return "safeparse: unreadable answer from the parser"
    return answer if isinstance(answer, dict) else "safeparse: unreadable answer from the parser"


@dataclasses.dataclass(frozen=True)
class PdfFacts:
    """What a quick look at a PDF says: password, page count, or why it could not be read."""

    encrypted: bool = False
    pages: int = 0  # counted up to the limit; more than ``max_pages`` means "too many"
    error: str = ""


PDF_FACTS_TIMEOUT = 10.0  # seconds; a normal CV takes well under one
PDF_FACTS_MEMORY_MB = 384


def pdf_facts(
    source: bytes | IO[bytes],
    *,
    max_pages: int,
    timeout: float = PDF_FACTS_TIMEOUT,
    memory_mb: int = PDF_FACTS_MEMORY_MB,
    _module: str = "talentbrug.core.safeparse",
) -> PdfFacts:
    """Is the PDF encrypted, and how many pages has it? Read in a limited child process.

    The page count declared in the page tree is read first (cheap, lazy); only when that
    is within ``max_pages`` is the real page tree walked. A PDF over a limit (time,
    memory) gives ``error`` and is refused by the caller, never a stuck request.
    """
    content = _read(source)
    header = {
        "mode": "pdf_facts",
        "max_pages": max_pages,
        "cpu_seconds": max(1, int(timeout)),
        "memory_mb": memory_mb,
    }
    answer = _run_child(header, content, timeout, _module)
    if isinstance(answer, str):
        return PdfFacts(error=answer)
    return PdfFacts(
        encrypted=bool(answer.get("encrypted")),
        pages=int(answer.get("pages") or 0),
        error=str(answer.get("error") or ""),
    )


def _pdf_facts_child(content: bytes, max_pages: int) -> dict[str, Any]:
    import io

    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(content), strict=False)
        if reader.is_encrypted:
            return {"encrypted": True}
        try:
            declared = int(reader.trailer["/Root"]["/Pages"]["/Count"])  # type: ignore[index]  # pypdf types the tree loosely
        except Exception:
            declared = 0
        if declared > max_pages:
            return {"pages": declared}
        return {"pages": len(reader.pages)}
    except Exception as exc:
        return {"error": f"{type(exc).__name__}: {exc}"[:300]}


def limited_input() -> tuple[dict[str, Any], bytes]:
    """In the child: read header and file, then cap memory (address space) and CPU time."""
    import resource

    raw = sys.stdin.buffer.read()
    header_line, _sep, content = raw.partition(b"\n")
    header = json.loads(header_line)
    memory = int(header["memory_mb"]) * 1024 * 1024 + len(raw) * 3
    cpu = int(header["cpu_seconds"])
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    return header, content


def _child() -> int:
    """Child: limits first, then parse; answers JSON on stdout."""
    header, content = limited_input()
    if header.get("mode") == "pdf_facts":
        sys.stdout.write(json.dumps(_pdf_facts_child(content, int(header["max_pages"]))))
        return 0

    limits = Limits(**header["limits"])
    result = real_analyse(content, name=header.get("name"), limits=limits)
    sys.stdout.write(json.dumps(_as_dict(result)))
    return 0


def _as_dict(result: DocumentAnalysis) -> dict[str, Any]:
    data = result.as_dict(include_text=True)
    data["children"] = [_as_dict(child) for child in result.children]
    return data


if __name__ == "__main__":
    sys.exit(_child())
