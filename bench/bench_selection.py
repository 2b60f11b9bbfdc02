#!/usr/bin/env python3
"""The selection board and list of one vacancy with many applications, on PostgreSQL or SQLite.

Issue 6 ("Performance") asks: a board with 2,000 applications under 300 ms p95 and the list
page under 150 ms p95 (on PostgreSQL with ``seed_scale`` data). This script adds one vacancy
with N applications (default 2,000), spread over the stages like a busy vacancy (most in
"Nieuw", fewer further on), to the database and measures the pages in-process with Django's
test client as a logged-in, verified HR adviser: no network and no WSGI server, so the figures
are the view's own work plus the database.

    # PostgreSQL (the database is created if missing and migrated; add seed_scale data first
    # with `DATABASE_URL=... manage.py seed_scale` for the full picture):
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/talentbrug_bench_selection \\
        .venv/bin/python bench/bench_selection.py [--applications 2000] [--requests 30]
    # SQLite in a temporary folder (no DATABASE_URL):
    .venv/bin/python bench/bench_selection.py

Prints per page p50/p95 wall-clock ms, CPU ms per request of this process (the database
server's CPU is not in it), the SQL queries per request, and the load average (the machine is
shared; wall-clock figures rise with it, CPU per request hardly does).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

# Share of the applications per stage, in pipeline order (the rest stays in the first stage).
SPREAD = {"screening": 0.2, "assessment": 0.1, "interview": 0.05, "offer": 0.02, "rejected": 0.15}


def ensure_postgres_database(url: str) -> None:
    """Create the database of a postgres:// URL on its server if it does not exist."""
    import psycopg

    parts = urlparse(url)
    name = parts.path.lstrip("/")
    if not name.replace("_", "").isalnum():
        raise SystemExit("DATABASE_URL: database name with letters, digits and _ only")
    with psycopg.connect(
        host=parts.hostname or "127.0.0.1",
        port=parts.port or 5432,
        user=parts.username or "postgres",
        password=parts.password,
        dbname="postgres",
    ) as conn:
        conn.autocommit = True
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            conn.execute(f'CREATE DATABASE "{name}"')


def setup_django(var_dir: Path, database_url: str) -> None:
    os.environ["TALENTBRUG_VAR_DIR"] = str(var_dir)
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "talentbrug.conf.test")
    os.environ.pop("CELERY_BROKER_URL", None)
    if database_url.startswith("postgres"):
        ensure_postgres_database(database_url)
    import django
    from django.conf import settings

    django.setup()
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def spread_over_stages(vacancy: object) -> dict[str, int]:
    """Move shares of the progress rows to later stages (bulk, without audit: benchmark data)."""
    from talentbrug.selection.models import ApplicationProgress, Stage

    stages = {s.kind: s for s in Stage.objects.filter(vacancy=vacancy)}
    ids = list(
        ApplicationProgress.objects.filter(vacancy=vacancy)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    placed: dict[str, int] = {}
    start = 0
    for kind, share in SPREAD.items():
        stage = stages.get(kind)
        if stage is None:
            continue
        count = int(len(ids) * share)
        chunk = ids[len(ids) - start - count : len(ids) - start]
        start += count
        ApplicationProgress.objects.filter(pk__in=chunk).update(
            stage=stage, furthest_order=stage.order
        )
        placed[stage.name] = len(chunk)
    return placed


def unique_sequences() -> None:
    """Start every factory's sequence at a number of its own, so that names, e-mail addresses
    and slugs do not collide with those of an earlier run in the same database."""
    import factory

    offset = int(time.time() * 10) % 10**9
    todo = [factory.django.DjangoModelFactory]
    while todo:
        cls = todo.pop()
        todo.extend(cls.__subclasses__())
        if not cls._meta.abstract and cls._meta.counter_reference is cls._meta:
            cls.reset_sequence(offset)


def measure(client: object, url: str, requests: int) -> dict[str, float]:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    times, cpu = [], []
    for _i in range(requests):
        start, start_cpu = time.perf_counter(), time.process_time()
        response = client.get(url)  # type: ignore[attr-defined]
        times.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    with CaptureQueriesContext(connection) as ctx:
        client.get(url)  # type: ignore[attr-defined]
    return {
        "p50": statistics.median(times),
        "p95": statistics.quantiles(times, n=20)[-1],
        "cpu": statistics.mean(cpu),
        "queries": len(ctx.captured_queries),
        "bytes": len(response.content),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--applications", type=int, default=2000)
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument(
        "--database-url",
        default=os.environ.get("DATABASE_URL", ""),
        help="postgres://… (default: $DATABASE_URL; without it a temporary SQLite file)",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        database_url = args.database_url or f"sqlite:///{Path(tmp) / 'bench.sqlite3'}"
        setup_django(Path(tmp), database_url)
        from django.db import connection

        from talentbrug.accounts.constants import Role
        from talentbrug.accounts.tests.factories import MembershipFactory, OrganisationFactory
        from talentbrug.applications.models import Application, Candidate
        from talentbrug.conftest import verified_client
        from talentbrug.selection.services import pipeline as selection_pipeline
        from talentbrug.selection.tests.factories import vacancy_with_requirements

        unique_sequences()  # the database may hold the data of earlier runs (and seed_scale's)
        started = time.perf_counter()
        organisation = OrganisationFactory()
        hr = MembershipFactory(organisation=organisation, role=Role.HR_ADVISER).user
        vacancy = vacancy_with_requirements(organisation, rows=5)
        candidates = Candidate.objects.bulk_create(
            Candidate(email=f"k{i}-{uuid.uuid4().hex[:8]}@voorbeeld.nl", name=f"Kandidaat {i}")
            for i in range(args.applications)
        )
        Application.objects.bulk_create(
            Application(
                organisation=organisation,
                vacancy=vacancy,
                candidate=c,
                route="cv",
                idempotency_key=uuid.uuid4(),
            )
            for c in candidates
        )
        client = verified_client(hr)
        pages = {
            "board": f"/medewerkers/selectie/vacatures/{vacancy.pk}/",
            "list": f"/medewerkers/selectie/vacatures/{vacancy.pk}/lijst/",
            "list, page 5": f"/medewerkers/selectie/vacatures/{vacancy.pk}/lijst/?pagina=5",
        }
        selection_pipeline.start_progress_in_bulk(vacancy)  # bulk_create skips the save signal
        placed = spread_over_stages(vacancy)
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        setup_seconds = time.perf_counter() - started
        for url in pages.values():
            client.get(url)  # warm templates and connections
        load_before = os.getloadavg()[0]
        print(
            f"{args.applications} applications ({', '.join(f'{n} {k}' for k, n in placed.items())}"
            f", rest Nieuw), {args.requests} requests per page, {connection.vendor} "
            f"({connection.settings_dict['NAME']}); data ready in {setup_seconds:.1f} s"
        )
        targets = {"board": 300.0, "list": 150.0, "list, page 5": 150.0}
        for name, url in pages.items():
            row = measure(client, url, args.requests)
            verdict = "yes" if row["p95"] < targets[name] else "NO"
            print(
                f"{name:13} p50 {row['p50']:7.1f} ms  p95 {row['p95']:7.1f} ms  "
                f"CPU {row['cpu']:6.1f} ms/request  queries {row['queries']:3}  "
                f"{row['bytes'] // 1024} KiB  p95 < {targets[name]:.0f} ms: {verdict}"
            )
        print(
            f"load average {load_before:.1f} -> {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"
        )


if __name__ == "__main__":
    main()
