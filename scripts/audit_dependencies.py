"""Run pip-audit on both lock files and say clearly whether the audit really happened.

requirements.txt (runtime, what production installs) and requirements-dev.txt (development,
test and audit tools) are audited one after the other; the worst result decides the exit code.

pip-audit prints "No known vulnerabilities found" and exits 0 even when it could not look a
single package up (for instance when PyPI's JSON API or OSV cannot be reached, as on a
machine behind a package mirror). This wrapper counts what was actually audited:

* vulnerabilities found             -> exit 1 (listed)
* every package skipped (no DB)     -> a loud "NOT AUDITED" notice; exit 0, or 2 with
                                       AUDIT_STRICT=1 (set it in CI where the DB is reachable)
* some packages skipped             -> their names; the audited rest decides the exit code
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PIP_AUDIT = Path(sys.executable).with_name("pip-audit")


LOCK_FILES = (
    ("runtime", ROOT / "requirements.txt"),
    ("development", ROOT / "requirements-dev.txt"),
)


def audit(label: str, lock_file: Path, service: str) -> int:
    command = [
        str(PIP_AUDIT),
        "--requirement",
        str(lock_file),
        "--require-hashes",  # the lock pins the full set, with hashes (make lock)
        "--disable-pip",
        "--progress-spinner",
        "off",
        "--vulnerability-service",
        service,
        "--format",
        "json",
    ]
    proc = subprocess.run(command, capture_output=True, text=True, timeout=900, check=False)
    try:
        report = json.loads(proc.stdout or "{}")
    except json.JSONDecodeError:
        report = {}
    deps = report.get("dependencies", [])
    name = f"{lock_file.name} ({label})"
    if not deps:
        last = (proc.stderr.strip().splitlines() or ["no output"])[-1]
        print(
            f"pip-audit {name}: NOT AUDITED - the vulnerability service ({service}) could not be used."
        )
        print(f"pip-audit: {last[:300]}")
        return 2 if os.environ.get("AUDIT_STRICT") == "1" else 0
    skipped = [d for d in deps if d.get("skip_reason")]
    vulnerable = [d for d in deps if d.get("vulns")]
    audited = len(deps) - len(skipped)
    print(
        f"pip-audit {name}, {service}: {audited} of {len(deps)} pinned packages audited, "
        f"{len(vulnerable)} with known vulnerabilities, {len(skipped)} skipped."
    )
    for dep in vulnerable:
        ids = ", ".join(v["id"] for v in dep["vulns"])
        fixes = ", ".join(sorted({f for v in dep["vulns"] for f in v.get("fix_versions", [])}))
        print(
            f"  VULNERABLE {dep['name']} {dep.get('version', '')}: {ids} (fixed in: {fixes or '-'})"
        )
    if audited == 0:
        reason = skipped[0]["skip_reason"] if skipped else "unknown"
        print("pip-audit: NOT AUDITED - no package could be looked up in the vulnerability")
        print(f"pip-audit: database from this machine (first reason: {reason}).")
        print("pip-audit: run `make audit` where pypi.org's JSON API or api.osv.dev is reachable,")
        print("pip-audit: or set PIP_AUDIT_SERVICE=osv. AUDIT_STRICT=1 turns this into a failure.")
        return 2 if os.environ.get("AUDIT_STRICT") == "1" else 0
    if skipped:
        print("  skipped: " + ", ".join(d["name"] for d in skipped))
    return 1 if vulnerable else 0


def main() -> int:
    service = os.environ.get("PIP_AUDIT_SERVICE", "pypi")  # or "osv"
    return max(audit(label, lock_file, service) for label, lock_file in LOCK_FILES)


if __name__ == "__main__":
    sys.exit(main())
