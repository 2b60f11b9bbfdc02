"""Load and fault test: gunicorn on PostgreSQL, 50 concurrent clients, p50/p95 per kind.

    python bench/load_test.py --seconds 60            # quick run
    python bench/load_test.py                         # 5 minutes
    python bench/load_test.py --seconds 60 --fault    # restart PostgreSQL mid-load
    python bench/load_test.py --fault --pg-port 5433 --pg-cluster load   # a private cluster

Creates (or reuses) the database ``talentbrug_load`` on 127.0.0.1:5432, migrates and seeds it,
starts gunicorn on 127.0.0.1 **and a Celery worker on Redis** (``--broker``, default
``redis://127.0.0.1:6379/11``), so reading CVs and sending mail happen off the request, as in
production. Client threads (urllib, cookies, CSRF, anti-bot fields) mix careers search,
applying with a CV and staff pipeline pages. Only 127.0.0.1 is used. With ``--fault`` the
PostgreSQL cluster (``--pg-cluster``, Debian ``pg_ctlcluster``) is restarted a third into the
run; afterwards every application that got a success answer must exist, and the last part of
the run must be free of errors. ``--pg-port``/``--pg-cluster`` let the fault test restart a
private cluster instead of one shared with other work (``pg_createcluster 15 load -p 5433``).
"""

from __future__ import annotations

import argparse
import http.client
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
PG = "postgres://postgres@127.0.0.1:5432"  # replaced by --pg-port
BROKER = "redis://127.0.0.1:6379/11"  # replaced by --broker
CONN_MAX_AGE = "60"  # persistent connections with health checks (replaced by --conn-max-age)
CLIENT_TIMEOUT = 30.0  # seconds a client waits for an answer (replaced by --client-timeout)
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
        "CELERY_BROKER_URL": BROKER,
        "CELERY_RESULT_BACKEND": BROKER,
        "LOAD_CONN_MAX_AGE": CONN_MAX_AGE,
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
            with self.opener.open(req, timeout=CLIENT_TIMEOUT) as resp:
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


NO_ANSWER = {-1: "other", -2: "client timeout", -3: "refused", -4: "reset/closed"}


def no_answer_code(exc: BaseException) -> int:
    """Why a request got no HTTP answer: -2 client timeout, -3 refused, -4 reset, -1 other."""
    reason = getattr(exc, "reason", exc)  # urllib wraps socket errors in URLError
    if isinstance(reason, TimeoutError):
        return -2
    if isinstance(reason, ConnectionRefusedError):
        return -3
    if isinstance(reason, ConnectionError | http.client.RemoteDisconnected):
        return -4
    return -1


def worker(
    base: str, stop: float, results: Results, vacancies: list[int], cv: bytes, start: float
) -> None:
    # Two browsers per simulated user: a member of staff logs in once and keeps the session;
    # candidates apply from their own browser (applying logs the candidate in to the portal,
    # which would otherwise replace the staff session and force a log-in per staff page).
    client = Client(base)
    staff_client = Client(base)
    while time.perf_counter() < stop:
        roll = random.random()
        try:
            if roll < 0.6:
                search(client, results, start)
            elif roll < 0.8:
                apply(client, results, start, vacancies, cv)
            else:
                staff(staff_client, results, start, vacancies)
        except Exception as exc:  # no answer: count it (by cause), keep going
            kind = "search" if roll < 0.6 else "apply" if roll < 0.8 else "staff"
            results.add(kind, 0.0, False, no_answer_code(exc), time.perf_counter() - start)
            if os.environ.get("LOAD_DEBUG"):
                print("client error:", type(exc).__name__, exc)
            time.sleep(0.2)


def restart_postgres(cluster: str = "main") -> float:
    version = sorted(os.listdir("/etc/postgresql"))[0]
    t = time.perf_counter()
    subprocess.run(
        ["pg_ctlcluster", "--skip-systemctl-redirect", version, cluster, "restart"],
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - t


def pct(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    values = sorted(values)
    return values[min(len(values) - 1, round(q * (len(values) - 1)))] * 1000


def cpu_times() -> tuple[float, float]:
    """(busy, total) jiffies of the whole machine, from /proc/stat."""
    try:
        fields = [float(x) for x in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    except OSError:
        return 0.0, 0.0
    idle = fields[3] + (fields[4] if len(fields) > 4 else 0.0)
    return sum(fields) - idle, sum(fields)


def wait_for_worker(env: dict[str, str], seconds: float = 90) -> bool:
    """True when a Celery worker answers a ping on the broker."""
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        ping = subprocess.run(
            [
                str(Path(sys.executable).with_name("celery")),
                "-A",
                "talentbrug.celery",
                "inspect",
                "ping",
                "--timeout",
                "3",
            ],
            env=env,
            cwd=ROOT,
            capture_output=True,
            text=True,
        )
        if ping.returncode == 0 and "pong" in ping.stdout:
            return True
        time.sleep(1)
    return False


def stop_process(process: subprocess.Popen) -> None:  # type: ignore[type-arg]
    process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()


def main() -> int:
    global PG, BROKER, CONN_MAX_AGE, CLIENT_TIMEOUT
    cores = os.cpu_count() or 2
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=int, default=300)
    parser.add_argument("--clients", type=int, default=50)
    # CPU-bound Python: about two processes per core; threads cover waiting on the database.
    parser.add_argument("--workers", type=int, default=max(2, 2 * cores))
    parser.add_argument("--threads", type=int, default=6)
    parser.add_argument("--celery-concurrency", type=int, default=max(1, cores // 2))
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--db", default="talentbrug_load")
    parser.add_argument("--pg-port", type=int, default=5432)
    parser.add_argument("--pg-cluster", default="main", help="Debian cluster name for --fault")
    parser.add_argument("--broker", default=BROKER, help="Celery broker (Redis) for the worker")
    parser.add_argument("--conn-max-age", type=int, default=int(CONN_MAX_AGE))
    parser.add_argument("--client-timeout", type=float, default=CLIENT_TIMEOUT)
    parser.add_argument("--fault", action="store_true", help="restart PostgreSQL mid-load")
    parser.add_argument(
        "--allow-timeouts",
        action="store_true",
        help="pass with client timeouts (shared, overloaded machine); server errors still fail",
    )
    parser.add_argument("--seed-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.seed_only:
        seed()
        return 0
    PG = f"postgres://postgres@127.0.0.1:{args.pg_port}"
    BROKER = args.broker
    CONN_MAX_AGE = str(args.conn_max_age)
    CLIENT_TIMEOUT = args.client_timeout
    print(f"preparing database {args.db} on port {args.pg_port} ...", flush=True)
    vacancies = prepare(args.db)
    cv = make_cv()
    base = f"http://{HOST}:{args.port}"
    env = env_for(args.db)
    import redis

    redis.Redis.from_url(BROKER).flushdb()  # only the load test's own database number
    celery_worker = subprocess.Popen(
        [
            str(Path(sys.executable).with_name("celery")),
            "-A",
            "talentbrug.celery",
            "worker",
            "--pool",
            "prefork",
            "--concurrency",
            str(args.celery_concurrency),
            "--loglevel",
            "WARNING",
            "--without-gossip",
            "--without-mingle",
        ],
        env=env,
        cwd=ROOT,
    )
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
            "--graceful-timeout",
            "30",
            "--backlog",
            "512",
            "--log-level",
            "warning",
        ],
        env=env,
        cwd=ROOT,
    )
    try:
        if not wait_for_worker(env):
            print("the Celery worker did not answer; stopping", flush=True)
            return 2
        for _ in range(120):
            try:
                urllib.request.urlopen(base + "/health/", timeout=2)  # noqa: S310 - 127.0.0.1
                break
            except Exception:
                time.sleep(0.5)
        # Warm up every web worker (imports, templates, connections).
        warm = Client(base)
        for _ in range(args.workers * 2):
            apply(warm, Results(), time.perf_counter(), vacancies, cv)
            search(warm, Results(), time.perf_counter())
        results = Results()
        load_before = os.getloadavg()
        cpu_before = cpu_times()
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
        load_samples: list[float] = []
        if args.fault:
            time.sleep(args.seconds / 3)
            fault_at = time.perf_counter() - start
            fault_took = restart_postgres(args.pg_cluster)
            print(f"PostgreSQL restarted at {fault_at:.1f}s (took {fault_took:.1f}s)", flush=True)
        deadline = time.perf_counter() + args.seconds + 180
        while time.perf_counter() < deadline:
            alive = [t for t in threads if t.is_alive()]
            if not alive:
                break
            load_samples.append(os.getloadavg()[0])
            alive[0].join(timeout=5)
        elapsed = time.perf_counter() - start
        cpu_after = cpu_times()
        load_after = os.getloadavg()
        # Give the worker time to finish reading the CVs of the run, then count.
        pending = -1
        for _ in range(60):
            pending = pending_extractions(args.db, results.applied)
            if pending == 0:
                break
            time.sleep(2)
    finally:
        stop_process(server)
        stop_process(celery_worker)
    total = sum(len(v) for v in results.times.values())
    busy = (cpu_after[0] - cpu_before[0]) / max(1.0, cpu_after[1] - cpu_before[1])
    print(
        f"\n{args.clients} clients, {elapsed:.0f}s, {total} requests ({total / elapsed:.1f}/s), "
        f"gunicorn {args.workers} workers x {args.threads} threads (gthread), "
        f"Celery worker x {args.celery_concurrency} on {BROKER}, PostgreSQL {args.db} "
        f"(port {args.pg_port}, CONN_MAX_AGE={args.conn_max_age}, health checks on), "
        f"client timeout {args.client_timeout:.0f}s"
    )
    print(
        f"machine: {cores} cores, CPU busy {busy * 100:.0f}% during the run, load average "
        f"before {load_before[0]:.1f}, during max {max(load_samples or [0]):.1f}, "
        f"after {load_after[0]:.1f} / {load_after[1]:.1f} / {load_after[2]:.1f} (1/5/15 min)"
    )
    print(f"{'kind':8} {'count':>7} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8} {'errors':>7}")
    for kind in ("search", "apply", "staff"):
        times = results.times.get(kind, [])
        print(
            f"{kind:8} {len(times):7d} {pct(times, 0.5):8.0f} {pct(times, 0.95):8.0f} "
            f"{(max(times) * 1000 if times else 0):8.0f} {results.errors.get(kind, 0):7d}"
        )
    statuses: dict[str, int] = defaultdict(int)
    for _at, kind, status in results.error_log:
        statuses[f"{kind}:{status}"] += 1
    if statuses:
        print(f"errors by kind:status (no answer: {NO_ANSWER}):")
        print("  ", dict(statuses))
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
    print(f"CVs still waiting for the worker afterwards: {pending}")
    ok = ok and lost == 0
    # A client timeout (-2) is the client giving up on a slow answer (an overloaded machine);
    # a 5xx, a refused or reset connection is the server failing.
    server_errors = [e for e in results.error_log if e[2] >= 500 or e[2] in (-1, -3, -4)]
    timeouts = [e for e in results.error_log if e[2] == -2]
    print(
        f"server errors (5xx, refused, reset): {len(server_errors)}; "
        f"client timeouts after {args.client_timeout:.0f}s: {len(timeouts)}"
    )
    if args.fault and fault_at is not None:
        window_end = fault_at + (fault_took or 0) + 10
        # A failure is dated when its request started; a timeout, when the client gave up.
        after = [e for e in server_errors if e[0] > window_end]
        # In flight at the restart (started up to a client timeout before it) or within 10s.
        during = [
            e for e in results.error_log if fault_at - args.client_timeout <= e[0] <= window_end
        ]
        late_timeouts = [e for e in timeouts if e[0] > window_end + args.client_timeout]
        print(
            f"errors of requests in flight at the restart or in the 10s after: {len(during)}; "
            f"server errors later: "
            f"{len(after)}; client timeouts later: {len(late_timeouts)} -> "
            f"{'recovered without manual action' if not after else 'NOT recovered'}"
        )
        ok = ok and not after
    else:
        ok = ok and not server_errors
    if timeouts:
        print(
            "note: client timeouts are not server errors, but are reported; with the machine "
            f"at {busy * 100:.0f}% CPU and load {max(load_samples or [0]):.0f} on {cores} cores "
            "they come from CPU starvation (see the load average above)"
        )
        ok = ok and args.allow_timeouts
    print("RESULT:", "OK" if ok else "FAILED")
    return 0 if ok else 1


def pending_extractions(db: str, keys: list[str]) -> int:
    """CVs of this run's applications that the worker has not read yet."""
    import psycopg

    try:
        with psycopg.connect(f"{PG}/{db}") as conn:
            row = conn.execute(
                "SELECT count(*) FROM applications_document d JOIN applications_application a "
                "ON a.id = d.application_id WHERE d.extraction_status = 'pending' "
                "AND a.idempotency_key = ANY(%s::uuid[])",
                (keys,),
            ).fetchone()
    except psycopg.Error:
        return -1
    return int(row[0]) if row else 0


if __name__ == "__main__":
    sys.exit(main())
