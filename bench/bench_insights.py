#!/usr/bin/env python3
"""The Insights dashboards, in-process, on PostgreSQL or SQLite: p50/p95 per page.

Issue 21 ("Fast on real volumes") asks every dashboard page under 500 ms p95 on seed_scale
volumes. The pages read pre-computed snapshots (``insights.Snapshot``) that the periodic job
``insights.refresh_snapshots`` refreshes; this script measures

* the periodic job ``insights.refresh_snapshots``, which computes every filter combination
  (the Rijk and every organisation x page x period x vakgebied);
* every page as a user sees it, over all its filter combinations in turn (period, vakgebied,
  and for the programme team the organisation): p50/p95 per page, all read from snapshots;
* without a snapshot (after the job has run no filter choice leads there; before its first
  run, or for an organisation or a choice made since, it does): "none" with no snapshot at all
  (only the light tables are computed in the request; a table with more rows than a request
  may work on says that the job computes it), "missing" with only the asked choice's snapshot
  gone (the page shows the nearest snapshot of the same page, whole, with its period,
  vakgebied and time). p95 over --cold-requests requests on different filter choices.

Data: organisations (created when fewer than --organisations exist) and the Insights demo
history (``insights.demo``) with --vacancies per organisation, 9–24 applications each, their
selection, offers, voluntary answers and onboarding. On a database that already holds
seed_scale data, that data is counted as well (run seed_scale first for the full volume).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/talentbrug_bench_insights \\
        .venv/bin/python bench/bench_insights.py [--organisations 20] [--vacancies 40]
        [--requests 40] [--cold-requests 6] [--skip-seed]
    .venv/bin/python bench/bench_insights.py   # SQLite in a temporary folder

At seed_scale size (issue 21's figure): ``manage.py seed_scale --candidates 100000
--vacancies 5000 --applications 300000`` into the database first, then ``--skip-seed``.

Prints per page p50/p95 wall-clock ms and SQL queries (warm), p50 of cold, the job's time, the
data volume and the load average (the machine is shared).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from bench.bench_selection import setup_django, unique_sequences  # noqa: E402

PAGES = [
    ("vacatures", "insights:vacancies"),
    ("sollicitaties", "insights:applications"),
    ("selectie", "insights:selection"),
    ("inwerken", "insights:onboarding"),
    ("programmas", "insights:programmes"),
]


def timed(
    client: object, urls: list[str], requests: int, before: object = None
) -> dict[str, float]:
    """``requests`` GETs, cycling through ``urls`` (the filter combinations of one page)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    times = []
    for i in range(requests):
        url = urls[i % len(urls)]
        if before:
            before()  # type: ignore[operator]
        start = time.perf_counter()
        response = client.get(url)  # type: ignore[attr-defined]
        times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
        assert b"Bijgewerkt op" in response.content or b"Updated on" in response.content
    with CaptureQueriesContext(connection) as ctx:
        client.get(urls[0])  # type: ignore[attr-defined]
    ordered = sorted(times)
    return {
        "p50": statistics.median(times),
        "max": ordered[-1],
        "p95": ordered[max(0, round(0.95 * len(ordered)) - 1)],
        "queries": len(ctx.captured_queries),
    }


def key_of(viewer: str, section: str, url: str, organisation_id: int) -> str:
    """The snapshot key of a page URL (see ``insights.services.snapshot_key``)."""
    from urllib.parse import parse_qs, urlsplit

    from talentbrug.insights.services import snapshot_key

    query = {k: v[0] for k, v in parse_qs(urlsplit(url).query).items()}
    owner = organisation_id if viewer == "hr" else (int(query.get("organisatie", 0)) or None)
    return snapshot_key(owner, section, query.get("periode", "12"), query.get("vakgebied", ""))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--organisations", type=int, default=20)
    parser.add_argument("--vacancies", type=int, default=40, help="per organisation")
    parser.add_argument("--requests", type=int, default=40)
    parser.add_argument("--cold-requests", type=int, default=6)
    parser.add_argument(
        "--skip-seed", action="store_true", help="use the data already in the database"
    )
    parser.add_argument(
        "--none-only",
        action="store_true",
        help="only the pages without any snapshot (the snapshots in the database are kept)",
    )
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL", ""))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        database_url = args.database_url or f"sqlite:///{Path(tmp) / 'bench.sqlite3'}"
        setup_django(Path(tmp), database_url)
        from django.db import connection, transaction
        from django.urls import reverse

        from talentbrug.accounts.constants import Role
        from talentbrug.accounts.models import Organisation
        from talentbrug.accounts.tests.factories import (
            MembershipFactory,
            OrganisationFactory,
            UserFactory,
        )
        from talentbrug.applications.models import Application
        from talentbrug.conftest import verified_client
        from talentbrug.insights import demo, services
        from talentbrug.insights.models import Snapshot
        from talentbrug.vacancies.models import SalaryScale, Vacancy

        unique_sequences()  # the database may hold the data of earlier runs
        started = time.perf_counter()
        run = int(time.time())
        missing = args.organisations - Organisation.objects.filter(is_active=True).count()
        for i in range(max(0, missing) if not args.skip_seed else 0):
            OrganisationFactory(name=f"Bench {run} {i}", short_name=f"B{i}", slug=f"b-{run}-{i}")
        SalaryScale.objects.get_or_create(
            year=2026, scale=7, defaults={"minimum": 2750, "maximum": 3950}
        )
        if not args.skip_seed:
            with transaction.atomic():
                demo.seed(
                    {"insights_vacancies_per_organisation": args.vacancies, "insights_run": run}
                )
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        seeded = time.perf_counter() - started
        organisation = Organisation.objects.filter(is_active=True).order_by("pk").first()
        team = verified_client(UserFactory(is_programme_team=True))
        hr = verified_client(
            MembershipFactory(organisation=organisation, role=Role.HR_ADVISER).user
        )

        from talentbrug.insights.constants import Period
        from talentbrug.vacancies.constants import Vakgebied

        print(
            f"{connection.vendor} ({connection.settings_dict['NAME']}): "
            f"{Organisation.objects.count()} organisations, {Vacancy.objects.count()} vacancies, "
            f"{Application.objects.count()} applications; data ready in {seeded:.1f} s",
            flush=True,
        )
        organisations = list(
            Organisation.objects.filter(is_active=True).order_by("pk").values_list("pk", flat=True)
        )
        pages = []
        for viewer, client in (("programmateam", team), ("hr", hr)):
            for label, name in PAGES:
                base = reverse(name)
                urls = [
                    f"{base}?periode={period}&vakgebied={family}"
                    + (f"&organisatie={org}" if viewer == "programmateam" and org else "")
                    for period in Period.values
                    for family in ["", *Vakgebied.values]
                    for org in ([None, *organisations] if viewer == "programmateam" else [None])
                ]
                # Cold: the whole Rijk (the biggest scope) over 18 and 12 months, then choices
                # drawn over every period, vakgebied and (programme team) organisation.
                biggest = [u for u in urls if "periode=18&vakgebied=&" in u + "&"][:1] + [
                    u for u in urls if "periode=12&vakgebied=&" in u + "&"
                ][:1]
                rest = [u for u in urls if u not in biggest]
                drawn = random.Random(label).sample(rest, min(len(rest), args.cold_requests))
                chosen = (biggest + drawn)[: args.cold_requests]
                pages.append((viewer, client, label, urls, chosen))

        # 1. Before the job's first run: no snapshot at all (only light tables computed).
        kept = list(Snapshot.objects.all())
        Snapshot.objects.all().delete()
        print(f"load average before: {os.getloadavg()[0]:.2f}", flush=True)
        none_p95 = {}
        if args.cold_requests:
            print(f"{'no snapshot at all':<28}{'p50 ms':>8}{'p95 ms':>8}{'max ms':>8}")
            for viewer, client, label, _urls, chosen in pages:
                client.get(chosen[-1])  # a warm process: imports and templates loaded
                none = timed(client, chosen, len(chosen))
                none_p95[(viewer, label)] = none["p95"]
                print(
                    f"{viewer + ' ' + label:<28}{none['p50']:>7.0f} {none['p95']:>7.0f} "
                    f"{none['max']:>7.0f}",
                    flush=True,
                )
        assert not Snapshot.objects.exists()  # a page view stores nothing
        if args.none_only:
            Snapshot.objects.bulk_create(kept)
            print(f"load average after: {os.getloadavg()[0]:.2f}")
            return

        # 2. The periodic job, as it runs: one run over every combination.
        job_start = time.perf_counter()
        written = services.refresh_snapshots()
        job_seconds = time.perf_counter() - job_start
        print(
            f"periodic job insights.refresh_snapshots: {written} snapshots in {job_seconds:.1f} s"
            f" (load average {os.getloadavg()[0]:.2f})",
            flush=True,
        )

        # 3. Every filter combination from its snapshot; then each cold choice with only its
        # own snapshot missing (the nearest snapshot of the page is shown).
        print(
            f"{'page':<28}{'p50 ms':>8}{'p95 ms':>8}{'max ms':>8}{'queries':>9}"
            f"{'none p95':>10}{'missing p95':>13}"
        )
        worst = worst_cold = 0.0
        for viewer, client, label, urls, chosen in pages:
            client.get(urls[0])
            warm = timed(client, urls, max(args.requests, len(urls)))
            worst = max(worst, warm["p95"])
            none_ms = none_p95.get((viewer, label), float("nan"))
            missing_ms = float("nan")
            if args.cold_requests:
                saved = list(Snapshot.objects.all())
                keys = iter([key_of(viewer, label, url, organisation.pk) for url in chosen])
                missing = timed(
                    client,
                    chosen,
                    len(chosen),
                    before=lambda keys=keys: Snapshot.objects.filter(key=next(keys)).delete(),
                )
                Snapshot.objects.all().delete()
                Snapshot.objects.bulk_create(saved)
                missing_ms = missing["p95"]
                worst_cold = max(worst_cold, none_ms, missing_ms)
            print(
                f"{viewer + ' ' + label:<28}{warm['p50']:>7.0f} {warm['p95']:>7.0f} "
                f"{warm['max']:>7.0f} {warm['queries']:>8}{none_ms:>10.0f}{missing_ms:>13.0f}",
                flush=True,
            )
        print(f"slowest page p95: {worst:.0f} ms (target < 500 ms)")
        print(f"slowest page without its snapshot, p95: {worst_cold:.0f} ms")
        print(f"load average after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
