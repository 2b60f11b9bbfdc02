"""Load and fault test: gunicorn on PostgreSQL, 50 concurrent clients, p50/p95 per kind.

    python bench/load_test.py --seconds 60            # quick run
    python bench/load_test.py                         # 5 minutes
    python bench/load_test.py --seconds 60 --fault    # restart PostgreSQL mid-load

Creates (or reuses) the database ``talentbrug_load`` on 127.0.0.1:5432, migrates and seeds it,
starts gunicorn on 127.0.0.1 and runs client threads (urllib, cookies, CSRF, anti-bot fields)
that mix careers search, applying with a CV and staff pipeline pages. Only 127.0.0.1 is used.
With ``--fault`` PostgreSQL is restarted a third into the run; afterwards every application
that got a success answer must exist, and the last part of the run must be free of errors.
"""

from __future__ import annotations

import argparse
import http.cookiejar
import json
import os
import random
import re
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PG = "postgres://postgres@127.0.0.1:5432"
HOST = "127.0.0.1"
WORDS = ["servicedesk", "ict", "beheer", "python", "data", "netwerk", "informatie", "junior", ""]
STAFF_USER, STAFF_PASSWORD = "load-hr", "Load-test-password-2026"


def env_for(db: str) -> dict[str, str]:
    return {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), str(ROOT / "bench")]),
        "DJANGO_SETTINGS_MODULE": "load_settings",
        "DATABASE_URL": f"{PG}/{db}",
        "DJANGO_SECRET_KEY": "load-test-only-" + "x" * 50,
        "TALENTBRUG_DEMO_SKIP_2FA": "true",
        "TALENTBRUG_VAR_DIR": str(ROOT / "var" / "load"),
        "CELERY_BROKER_URL": "",
        "LOG_LEVEL": "WARNING",
    }


# --------------------------------------------------------------------------- set-up


def seed() -> None:
    """Runs in a child process with the load settings: organisation, staff, vacancies."""
    import django

    django.setup()
    from talentbrug.accounts.constants import Role
    from talentbrug.accounts.models import Membership, Organisation, User
    from talentbrug.applications.tests.factories import PublishedVacancyFactory

    org = Organisation.objects.filter(slug="load").first()
    if org is None:
        from talentbrug.accounts.tests.factories import OrganisationFactory

        org = OrganisationFactory(name="Loadtest", short_name="LT", slug="load")
    user = User.objects.filter(username=STAFF_USER).first()
    if user is None:
        user = User.objects.create_user(STAFF_USER, email="load@voorbeeld.example")
    user.set_password(STAFF_PASSWORD)
    user.save()
    Membership.objects.get_or_create(user=user, organisation=org, role=Role.HR_ADVISER)
    titles = [
        "Servicedeskmedewerker",
        "ICT-beheerder",
        "Data-analist",
        "Python-ontwikkelaar",
        "Netwerkbeheerder",
        "Informatiebeheerder",
        "Junior ontwikkelaar",
        "Testanalist",
    ]
    from talentbrug.vacancies.models import Vacancy

    if Vacancy.objects.filter(organisation=org, status="published").count() < len(titles):
        for title in titles:
            PublishedVacancyFactory(organisation=org, title=title, apply_routes=["cv", "no_cv"])
    ids = list(
        Vacancy.objects.filter(organisation=org, status="published").values_list("pk", flat=True)
    )
    print(json.dumps({"vacancies": ids}))


def prepare(db: str) -> list[int]:
    import psycopg

    with psycopg.connect(f"{PG}/postgres", autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (db,)).fetchone()
        if not exists:
            conn.execute(f'CREATE DATABASE "{db}"')
    env = env_for(db)
    subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), "migrate", "--no-input", "-v", "0"],
        env=env,
        check=True,
        cwd=ROOT,
    )
    out = subprocess.run(
        [sys.executable, __file__, "--seed-only"],
        env=env,
        check=True,
        capture_output=True,
        text=True,
        cwd=ROOT,
    ).stdout
    return json.loads(out.strip().splitlines()[-1])["vacancies"]


def make_cv() -> bytes:
    from weasyprint import HTML

    return HTML(
        string="<h1>Cv</h1><p>Ervaring met Python, netwerkbeheer en klanten helpen "
        "op de servicedesk.</p>"
    ).write_pdf()


# --------------------------------------------------------------------------- client


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        return None


class Client:
    def __init__(self, base: str) -> None:
        self.base = base
        self.staff = False  # logged in as staff (an apply may replace the session)
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar), NoRedirect()
        )

    def request(self, path: str, data: bytes | None = None, headers: dict | None = None):
        req = urllib.request.Request(self.base + path, data=data, headers=headers or {})  # noqa: S310 - http://127.0.0.1 only
        if data is not None:
            req.add_header("Referer", self.base + path)
        try:
            with self.opener.open(req, timeout=60) as resp:
                return resp.status, resp.read(), dict(resp.headers)
        except urllib.error.HTTPError as exc:
            return exc.code, exc.read(), dict(exc.headers or {})

    def post_form(self, path: str, fields: dict[str, str]):
        return self.request(
            path,
            urllib.parse.urlencode(fields).encode(),
            {"Content-Type": "application/x-www-form-urlencoded"},
        )

    def post_multipart(
        self, path: str, fields: dict[str, str], files: dict[str, tuple[str, bytes]]
    ):
        boundary = uuid.uuid4().hex
        parts = []
        for name, value in fields.items():
            parts.append(
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
                f"{value}\r\n".encode()
            )
        for name, (filename, content) in files.items():
            parts.append(
                f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
                f'filename="{filename}"\r\nContent-Type: application/pdf\r\n\r\n'.encode()
                + content
                + b"\r\n"
            )
        body = b"".join(parts) + f"--{boundary}--\r\n".encode()
        return self.request(
            path, body, {"Content-Type": f"multipart/form-data; boundary={boundary}"}
        )


INPUT = re.compile(r"<input[^>]*>", re.I)
ATTR = re.compile(r'(\w[\w-]*)="([^"]*)"')


def hidden_fields(html: str) -> dict[str, str]:
    fields = {}
    for tag in INPUT.findall(html):
        attrs = dict(ATTR.findall(tag))
        if attrs.get("type") == "hidden" and "name" in attrs:
            fields[attrs["name"]] = attrs.get("value", "")
    return fields


# --------------------------------------------------------------------------- the run


class Results:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.times: dict[str, list[float]] = defaultdict(list)
        self.errors: dict[str, int] = defaultdict(int)
        self.error_log: list[tuple[float, str, int]] = []
        self.applied: list[str] = []  # idempotency keys that got a success answer

    def add(self, kind: str, seconds: float, ok: bool, status: int, at: float) -> None:
        with self.lock:
            self.times[kind].append(seconds)
            if not ok:
                self.errors[kind] += 1
                self.error_log.append((at, kind, status))


def search(client: Client, results: Results, start: float) -> None:
    q = random.choice(WORDS)
    t = time.perf_counter()
    status, _body, _h = client.request("/vacatures/?" + urllib.parse.urlencode({"q": q}))
    results.add("search", time.perf_counter() - t, status == 200, status, t - start)


def apply(client: Client, results: Results, start: float, vacancies: list[int], cv: bytes) -> None:
    pk = random.choice(vacancies)
    path = f"/vacatures/{pk}/solliciteren/cv/"
    t = time.perf_counter()
    status, body, _h = client.request(path)
    if status != 200:
        results.add("apply", time.perf_counter() - t, False, status, t - start)
        return
    fields = hidden_fields(body.decode("utf-8", "replace"))
    key = fields.get("idempotency_key") or str(uuid.uuid4())
    fields.update(
        {
            "name": "Load Test",
            "email": f"load-{uuid.uuid4().hex[:12]}@voorbeeld.example",
            "preferred_language": "nl",
            "right_to_work": "yes",
            "website": "",
            "idempotency_key": key,
            "privacy": "on",
        }
    )
    status, _body, headers = client.post_multipart(path, fields, {"cv": ("cv.pdf", cv)})
    ok = status in (302, 303) and "/klaar/" in headers.get("Location", "")
    if not ok and os.environ.get("LOAD_DEBUG"):
        errors = re.findall(r"tb-error[^>]*>([^<]+)<", _body.decode("utf-8", "replace"))
        print("apply refused:", status, errors[:3])
    results.add("apply", time.perf_counter() - t, ok, status, t - start)
    if ok:
        client.staff = False  # a new candidate is logged in to the portal: staff session gone
        with results.lock:
            results.applied.append(key)


def staff(client: Client, results: Results, start: float, vacancies: list[int]) -> None:
    t = time.perf_counter()
    if not client.staff:
        status, body, _h = client.request("/account/inloggen/")
        fields = hidden_fields(body.decode("utf-8", "replace"))
        fields.update({"username": STAFF_USER, "password": STAFF_PASSWORD})
        status, _b, _h = client.post_form("/account/inloggen/", fields)
        if status not in (302, 303):
            results.add("staff", time.perf_counter() - t, False, status, t - start)
            return
        client.staff = True
    path = random.choice(
        [
            "/medewerkers/sollicitaties/",
            f"/medewerkers/sollicitaties/vacature/{random.choice(vacancies)}/",
        ]
    )
    status, _b, _h = client.request(path)
    results.add("staff", time.perf_counter() - t, status == 200, status, t - start)


def worker(
    base: str, stop: float, results: Results, vacancies: list[int], cv: bytes, start: float
) -> None:
    client = Client(base)
    while time.perf_counter() < stop:
        roll = random.random()
        try:
            if roll < 0.6:
                search(client, results, start)
            elif roll < 0.8:
                apply(client, results, start, vacancies, cv)
            else:
                staff(client, results, start, vacancies)
        except Exception as exc:  # connection refused/reset: count it, keep going
            kind = "search" if roll < 0.6 else "apply" if roll < 0.8 else "staff"
            results.add(kind, 0.0, False, -1, time.perf_counter() - start)
            if os.environ.get("LOAD_DEBUG"):
                print("client error:", type(exc).__name__, exc)
            time.sleep(0.2)


def restart_postgres() -> float:
    version = sorted(os.listdir("/etc/postgresql"))[0]
    t = time.perf_counter()
    subprocess.run(
        ["pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "restart"],
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - t


def pct(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    values = sorted(values)
    return values[min(len(values) - 1, round(q * (len(values) - 1)))] * 1000


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=300)
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--threads", type=int, default=8)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--db", default="talentbrug_load")
    parser.add_argument("--fault", action="store_true", help="restart PostgreSQL mid-load")
    parser.add_argument("--seed-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.seed_only:
        seed()
        return 0
    print(f"preparing database {args.db} ...", flush=True)
    vacancies = prepare(args.db)
    cv = make_cv()
    base = f"http://{HOST}:{args.port}"
    server = subprocess.Popen(
        [
            str(Path(sys.executable).with_name("gunicorn")),
            "talentbrug.wsgi",
            "--bind",
            f"{HOST}:{args.port}",
            "--workers",
            str(args.workers),
            "--threads",
            str(args.threads),
            "--worker-class",
            "gthread",
            "--timeout",
            "120",
            "--log-level",
            "warning",
        ],
        env=env_for(args.db),
        cwd=ROOT,
    )
    try:
        for _ in range(120):
            try:
                urllib.request.urlopen(base + "/health/", timeout=2)  # noqa: S310 - 127.0.0.1
                break
            except Exception:
                time.sleep(0.5)
        # Warm up every worker (the skill extractor loads its model once per process).
        warm = Client(base)
        for _ in range(args.workers * 2):
            apply(warm, Results(), time.perf_counter(), vacancies, cv)
        results = Results()
        start = time.perf_counter()
        stop = start + args.seconds
        threads = [
            threading.Thread(
                target=worker, args=(base, stop, results, vacancies, cv, start), daemon=True
            )
            for _ in range(args.clients)
        ]
        for thread in threads:
            thread.start()
        fault_at = fault_took = None
        if args.fault:
            time.sleep(args.seconds / 3)
            fault_at = time.perf_counter() - start
            fault_took = restart_postgres()
            print(f"PostgreSQL restarted at {fault_at:.1f}s (took {fault_took:.1f}s)", flush=True)
        for thread in threads:
            thread.join(timeout=args.seconds + 180)
        elapsed = time.perf_counter() - start
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
    total = sum(len(v) for v in results.times.values())
    print(
        f"\n{args.clients} clients, {elapsed:.0f}s, {total} requests ({total / elapsed:.1f}/s), "
        f"gunicorn {args.workers} workers x {args.threads} threads, PostgreSQL {args.db}"
    )
    print(f"{'kind':8} {'count':>7} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'errors':>7}")
    for kind in ("search", "apply", "staff"):
        times = results.times.get(kind, [])
        print(
            f"{kind:8} {len(times):7d} {pct(times, 0.5):8.0f} {pct(times, 0.95):8.0f} "
            f"{(max(times) * 1000 if times else 0):8.0f} {results.errors.get(kind, 0):7d}"
        )
    statuses = defaultdict(int)
    for _at, kind, status in results.error_log:
        statuses[f"{kind}:{status}"] += 1
    if statuses:
        print("errors by kind:status:", dict(statuses))
    ok = True
    import psycopg

    with psycopg.connect(f"{PG}/{args.db}") as conn:
        found = conn.execute(
            "SELECT count(*) FROM applications_application WHERE idempotency_key = ANY(%s::uuid[])",
            (results.applied,),
        ).fetchone()[0]
    lost = len(results.applied) - found
    print(
        f"applications answered with success: {len(results.applied)}; found afterwards: {found}; "
        f"lost: {lost}"
    )
    ok = ok and lost == 0
    if args.fault and fault_at is not None:
        after = [at for at, _k, _s in results.error_log if at > fault_at + (fault_took or 0) + 10]
        during = [
            at
            for at, _k, _s in results.error_log
            if fault_at <= at <= fault_at + (fault_took or 0) + 10
        ]
        print(
            f"errors in the 10s after the restart: {len(during)}; errors later: {len(after)} "
            f"-> {'recovered without manual action' if not after else 'NOT recovered'}"
        )
        ok = ok and not after
    else:
        ok = ok and not results.error_log
    print("RESULT:", "OK" if ok else "FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
