#!/usr/bin/env python3
"""The selection board and list of one vacancy with many applications, in-process on SQLite.

Issue 6 ("Performance") asks: a board with 2,000 applications under 300 ms p95 and the list
page under 150 ms p95 (on PostgreSQL with ``seed_scale`` data). This script measures the same
pages in-process with Django's test client on a temporary SQLite file, which is a lower bound on
the work per request (no network, no gunicorn); the PostgreSQL run is still to do.

    .venv/bin/python bench/bench_selection.py [--applications 2000] [--requests 30]

Prints p50/p95 per page and the number of SQL queries per request.
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

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))


def setup_django(var_dir: Path) -> None:
    os.environ["TALENTBRUG_VAR_DIR"] = str(var_dir)
    os.environ["DATABASE_URL"] = f"sqlite:///{var_dir / 'bench.sqlite3'}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "talentbrug.conf.test")
    os.environ.pop("CELERY_BROKER_URL", None)
    import django
    from django.conf import settings

    django.setup()
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--applications", type=int, default=2000)
    parser.add_argument("--requests", type=int, default=30)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        setup_django(Path(tmp))
        from django.db import connection
        from django.test.utils import CaptureQueriesContext

        from talentbrug.accounts.constants import Role
        from talentbrug.accounts.tests.factories import MembershipFactory, OrganisationFactory
        from talentbrug.applications.models import Application, Candidate
        from talentbrug.conftest import verified_client
        from talentbrug.selection.tests.factories import vacancy_with_requirements

        organisation = OrganisationFactory()
        hr = MembershipFactory(organisation=organisation, role=Role.HR_ADVISER).user
        vacancy = vacancy_with_requirements(organisation, rows=5)
        candidates = Candidate.objects.bulk_create(
            Candidate(email=f"k{i}@voorbeeld.nl", name=f"Kandidaat {i}")
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
        }
        for url in pages.values():
            client.get(url)  # first use: pipeline and progress rows
        print(f"{args.applications} applications, {args.requests} requests per page, SQLite")
        for name, url in pages.items():
            times = []
            for _i in range(args.requests):
                start = time.perf_counter()
                response = client.get(url)
                times.append((time.perf_counter() - start) * 1000)
                assert response.status_code == 200
            with CaptureQueriesContext(connection) as ctx:
                client.get(url)
            p95 = statistics.quantiles(times, n=20)[-1]
            print(
                f"{name:6} p50 {statistics.median(times):7.1f} ms  p95 {p95:7.1f} ms  "
                f"queries {len(ctx.captured_queries)}"
            )


if __name__ == "__main__":
    main()
