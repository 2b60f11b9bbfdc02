#!/usr/bin/env python3
"""The public careers site over HTTP on PostgreSQL, next to the framework floor.

Targets (issue 4, "Performance"): with 5,000 vacancies of which ~1,500 open, at 20 concurrent
clients on a 2-core machine, the vacancy list with a search term and two filters answers in under
100 ms p95 and a vacancy page in under 50 ms p95.

What it does:

1. Creates (if missing) and migrates a PostgreSQL database on 127.0.0.1 (default
   ``talentbrug_bench_careers``, user postgres) and loads a deterministic data set with bulk
   inserts: 20 organisations, 5,000 vacancies with Dutch titles and B1 sections, of which 1,500
   published and open, the rest closed, filled, draft or withdrawn; requirements, language
   requirements and salary scales. The data is reloaded only when the counts (or, after midnight,
   the open count) no longer match. It is not ``seed_scale``: that command writes one line of
   text per vacancy and one contract type, which makes full-text search and the filters too easy.
2. Collects static files into a temporary TALENTBRUG_VAR_DIR and serves the app with gunicorn on
   127.0.0.1 (a free port) with production settings (``bench.bench_settings``: production plus
   /bench-floor/, a view returning "ok"), as docs/operations.md runs the web process: gthread
   workers, two per core, six threads each (keep-alive).
   The workers share a Redis cache (database 13, emptied by the benchmark) as in production with
   several processes; ``--cache locmem`` gives each worker its own.
3. Drives six scenarios with N concurrent connections (closed loop, keep-alive, no think time,
   no cookies kept: every request is a first visit). The load generator is wrk (C; apt-get
   install wrk), which needs a fraction of a millisecond of CPU per request, so the server gets
   nearly both cores; ``--driver python`` uses threads with http.client instead, which take a
   large share of the CPU themselves (figures of earlier sessions were made that way). The
   scenarios: the floor view, the list with a search term and two filters (rotating over a few
   combinations), and vacancy pages (rotating over open vacancies), both served from the page
   cache (``publishing.pagecache``, answered by ``publishing.middleware`` before the session
   middleware); then cache misses: the list with a new query string on every request, a search
   not asked before, and every open vacancy's page once, after emptying the cache.
4. Prints p50/p95 per scenario, the ratio to the floor, throughput, the CPU time per request of
   the app server and of PostgreSQL, the SQL queries of one request of each page (in-process,
   same database, CaptureQueriesContext, cold and warm cache), and writes var/bench/careers.json.

    .venv/bin/python bench/bench_careers.py [--seconds 20] [--miss-seconds 8] [--clients 20]
        [--driver wrk|python] [--requests 1500] [--workers 4] [--worker-class gthread|sync]
        [--threads 6] [--vacancies 5000] [--open 1500] [--db talentbrug_bench_careers]
        [--reload] [--cache redis|locmem]

Without PostgreSQL on 127.0.0.1:5432 the script says so and stops (exit code 0).
"""

from __future__ import annotations

import argparse
import http.client
import os
import random
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import warnings
from datetime import timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from bench.harness import Bench, percentile  # noqa: E402

HOST = "127.0.0.1"  # never anything else: the benchmark only talks to this machine
PG_PORT = 5432
PG_USER = "postgres"
REDIS_PORT = 6379
# The cache of the gunicorn workers: shared (Redis), as in production with several processes.
# A database of its own: the benchmark empties it (cache.clear() flushes the database).
REDIS_DB = 13
SETTINGS = "bench.bench_settings"
LIST_TARGET_P95_MS = 100.0
PAGE_TARGET_P95_MS = 50.0

# ----------------------------------------------------------------------------- data

ORGANISATIONS = [
    ("Belastingdienst", "BD"),
    ("Dienst Uitvoering Onderwijs", "DUO"),
    ("Rijksdienst voor Ondernemend Nederland", "RVO"),
    ("Logius", "Logius"),
    ("Dienst ICT Uitvoering", "DICTU"),
    ("Rijkswaterstaat", "RWS"),
    ("Centraal Justitieel Incassobureau", "CJIB"),
    ("Immigratie- en Naturalisatiedienst", "IND"),
    ("Nationaal Archief", "NA"),
    ("Dienst Justitiële Inrichtingen", "DJI"),
    ("Centraal Bureau voor de Statistiek", "CBS"),
    ("Koninklijk Nederlands Meteorologisch Instituut", "KNMI"),
    ("Rijksvastgoedbedrijf", "RVB"),
    ("Justitiële Informatiedienst", "Justid"),
    ("Centraal Orgaan opvang asielzoekers", "COA"),
    ("Douane", "Douane"),
    ("Shared Service Center ICT", "SSC-ICT"),
    ("Rijksdienst voor Identiteitsgegevens", "RvIG"),
    ("Inspectie Leefomgeving en Transport", "ILT"),
    ("Uitvoeringsorganisatie Bedrijfsvoering Rijk", "UBR"),
]

# (title, vakgebied CVG, werk- en denkniveau CWD)
TITLES = [
    ("Servicedeskmedewerker ICT", "CVG.08", "CWD.12"),
    ("Werkplekbeheerder", "CVG.08", "CWD.12"),
    ("Beheerder netwerken", "CVG.08", "CWD.08"),
    ("Functioneel beheerder", "CVG.08", "CWD.08"),
    ("Applicatiebeheerder", "CVG.08", "CWD.12"),
    ("Systeembeheerder Linux", "CVG.08", "CWD.12"),
    ("Software-ontwikkelaar Java", "CVG.08", "CWD.08"),
    ("Front-end ontwikkelaar", "CVG.08", "CWD.08"),
    ("Data-analist", "CVG.08", "CWD.08"),
    ("Testanalist", "CVG.08", "CWD.12"),
    ("Informatiebeveiliger", "CVG.08", "CWD.08"),
    ("Cloud engineer", "CVG.08", "CWD.08"),
    ("Medewerker ICT-support", "CVG.08", "CWD.12"),
    ("Technisch beheerder databases", "CVG.08", "CWD.12"),
    ("Medewerker informatiebeheer", "CVG.32", "CWD.12"),
    ("Medewerker documentaire informatievoorziening", "CVG.32", "CWD.12"),
    ("Archiefmedewerker", "CVG.32", "CWD.12"),
    ("Adviseur informatiehuishouding", "CVG.32", "CWD.08"),
    ("Medewerker digitalisering archieven", "CVG.32", "CWD.12"),
    ("Privacy-officer", "CVG.32", "CWD.08"),
    ("Projectmedewerker digitale toegankelijkheid", "CVG.08", "CWD.12"),
    ("Medewerker klantcontact ICT", "CVG.08", "CWD.12"),
    ("Scrum master", "CVG.08", "CWD.08"),
    ("DevOps-engineer", "CVG.08", "CWD.08"),
]
PREFIXES = ["", "", "", "Junior ", "Medior ", "Senior ", "Leerling "]

PLACES = {
    "Groningen": ["Groningen", "Veendam"],
    "Friesland": ["Leeuwarden", "Heerenveen"],
    "Drenthe": ["Assen", "Emmen"],
    "Overijssel": ["Zwolle", "Enschede"],
    "Flevoland": ["Lelystad", "Almere"],
    "Gelderland": ["Apeldoorn", "Arnhem", "Nijmegen"],
    "Utrecht": ["Utrecht", "Amersfoort"],
    "Noord-Holland": ["Amsterdam", "Haarlem"],
    "Zuid-Holland": ["Den Haag", "Rotterdam", "Leiden"],
    "Zeeland": ["Middelburg", "Vlissingen"],
    "Noord-Brabant": ["Eindhoven", "Tilburg", "'s-Hertogenbosch"],
    "Limburg": ["Maastricht", "Heerlen"],
}

TASKS = [
    "Je helpt collega's die bellen of mailen met een vraag over hun laptop of telefoon.",
    "Je zet nieuwe laptops en telefoons klaar en legt uit hoe ze werken.",
    "Je legt vragen en oplossingen vast in ons registratiesysteem.",
    "Je geeft lastige vragen door aan het juiste team en houdt de collega op de hoogte.",
    "Je schrijft korte handleidingen in gewone woorden.",
    "Je beheert de netwerken van onze kantoren en lost storingen op.",
    "Je plaatst en configureert switches, routers en access points.",
    "Je controleert de monitoring en grijpt in als er iets misgaat.",
    "Je test nieuwe versies van onze applicaties voordat collega's ermee werken.",
    "Je vertaalt de wensen van gebruikers naar duidelijke wijzigingen.",
    "Je bouwt en onderhoudt koppelingen tussen systemen.",
    "Je maakt overzichten en dashboards van gegevens, zodat teams betere keuzes maken.",
    "Je zorgt dat documenten goed worden opgeslagen, zodat iedereen ze terugvindt.",
    "Je scant papieren dossiers en controleert of de scans goed zijn.",
    "Je beoordeelt welke archiefstukken bewaard moeten worden en welke weg mogen.",
    "Je adviseert teams over het veilig omgaan met persoonsgegevens.",
    "Je controleert of onze websites toegankelijk zijn voor iedereen.",
    "Je werkt mee aan de overstap van onze servers naar de cloud.",
    "Je automatiseert terugkerend werk met scripts.",
    "Je begeleidt het team bij het plannen en verdelen van het werk.",
]
ASKS = [
    "Je hebt een mbo-opleiding ICT gedaan, of je hebt vergelijkbare ervaring.",
    "Je hebt een hbo werk- en denkniveau, door opleiding of door ervaring.",
    "Je legt dingen rustig en duidelijk uit.",
    "Je werkt graag samen en vraagt hulp als je iets niet weet.",
    "Je bent nieuwsgierig en wilt nieuwe dingen leren.",
    "Je werkt nauwkeurig en houdt van orde.",
    "Je hebt al eens met Windows of Linux gewerkt, op school, thuis of in een baan.",
    "Je kunt goed met gegevens omgaan en ziet snel als iets niet klopt.",
    "Je spreekt en schrijft Nederlands op niveau B1, of je wilt dit leren met onze taalcoach.",
    "Ervaring uit een ander land telt ook.",
]
OFFERS = [
    "Je krijgt een contract voor een jaar, met kans op een vast contract.",
    "Je krijgt een vaste baan.",
    "Je krijgt een laptop en een telefoon van ons.",
    "Je krijgt 8% vakantiegeld en een eindejaarsuitkering van 8,3%.",
    "Je kunt thuis werken als het werk dat toelaat.",
    "Je krijgt een individueel keuzebudget van 16,37% van je salaris.",
    "Je krijgt een opleidingsbudget en tijd om te leren.",
    "Je reiskosten voor woon-werkverkeer krijg je vergoed.",
    "Je werkt in een moderne werkomgeving, dicht bij het station.",
]
GUIDANCE = [
    "Je krijgt een buddy uit het team.",
    "Is Nederlands niet je eerste taal? Dan krijg je een taalcoach.",
    "De eerste maand heb je elke week een gesprek met je leidinggevende.",
    "Een praktijkopleider begeleidt je tijdens je BBL-opleiding.",
    "Je volgt de eerste weken een inwerkprogramma met andere nieuwe collega's.",
    "Na drie maanden bespreken we samen hoe het gaat en wat je nog wilt leren.",
]
WORKPLACE = [
    "Je werkt in een team van twaalf mensen. We helpen elkaar.",
    "Het team zorgt dat ruim 20.000 collega's altijd verbinding hebben.",
    "We werken voor alle inwoners van Nederland en vinden goede dienstverlening belangrijk.",
    "Ons kantoor is goed bereikbaar met het openbaar vervoer.",
    "In ons team werken mensen met heel verschillende achtergronden.",
    "We werken in korte sprints en laten vaak zien wat we gemaakt hebben.",
]
COMPETENCES = [
    "ICT-gebruikers ondersteunen",
    "met klanten communiceren",
    "ICT-incidenten beheren",
    "documentatie schrijven",
    "netwerken configureren",
    "storingen analyseren",
    "software testen",
    "gegevens analyseren",
    "informatie ordenen",
    "archiefstukken beoordelen",
    "samenwerken in een team",
    "scripts schrijven",
    "privacyregels toepassen",
    "websites toegankelijk maken",
]
TEAMS = ["Servicedesk", "Netwerkbeheer", "Applicatiebeheer", "Informatiebeheer", "Data en analyse"]
CONTRACTS = (
    ["temporary"] * 35
    + ["permanent"] * 30
    + ["bbl"] * 10
    + ["internship"] * 8
    + ["traineeship"] * 7
    + ["learn_work"] * 10
)
TARGET_GROUPS = [[], [], ["mbo"], ["newcomers"], ["mbo", "newcomers"], ["everyone"]]
ROUTES = ["cv", "no_cv", "video", "work_sample", "recruitment_day"]
# Status mix of 5,000 vacancies: 1,500 open (published, closing date today or later).
OTHER_STATUSES = [
    ("closed", 0.48),
    ("filled", 0.10),
    ("concept", 0.05),
    ("in_review", 0.02),
    ("approved", 0.01),
    ("withdrawn", 0.02),
    ("published_expired", 0.02),  # closing date passed, the periodic job has not run yet
]

# List scenario: a search term and two filters (valid values for the data above).
LIST_QUERIES = [
    {"q": "beheerder", "regio": "Gelderland", "niveau": "mbo"},
    {"q": "servicedesk", "contract": "temporary", "nt2": "on"},
    {"q": "netwerken", "doelgroep": "mbo", "uren": "36"},
    {"q": "informatie", "regio": "Zuid-Holland", "contract": "permanent"},
    {"q": "data", "niveau": "hbo", "nt2": "on"},
    {"q": "archief", "doelgroep": "newcomers", "regio": "Utrecht"},
    {"q": "laptop", "contract": "bbl", "uren": "32"},
    {"q": "ontwikkelaar", "niveau": "geen-diploma", "regio": "Noord-Holland"},
]


SEARCH_WORDS = [
    "beheerder", "servicedesk", "netwerken", "informatie", "data", "archief", "laptop",
    "ontwikkelaar", "medewerker", "ict", "support", "engineer", "analist", "beveiliger",
    "cloud", "linux", "java", "databases", "privacy", "scrum", "applicatie", "werkplek",
]  # fmt: skip


def new_search_paths(count: int, seed: int) -> list[str]:
    """`count` different list searches (word x one filter x page), in a fixed random order."""
    filters: list[dict[str, str]] = [{}]
    filters += [{"regio": region} for region in PLACES]
    filters += [{"niveau": level} for level in ("mbo", "hbo", "geen-diploma")]
    filters += [{"nt2": "on"}, {"contract": "bbl"}, {"contract": "permanent"}]
    combos = [
        {"q": word, **extra, "pagina": str(page)}
        for word in SEARCH_WORDS
        for extra in filters
        for page in (1, 2)
    ]
    random.Random(seed).shuffle(combos)
    return [f"/vacatures/?{urlencode(combo)}" for combo in combos[:count]]


def _html_list(rng: random.Random, pool: list[str], low: int, high: int) -> str:
    items = rng.sample(pool, rng.randint(low, high))
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def _html_par(rng: random.Random, pool: list[str], low: int, high: int) -> str:
    return "<p>" + " ".join(rng.sample(pool, rng.randint(low, high))) + "</p>"


def _statuses(rng: random.Random, total: int, open_count: int) -> list[str]:
    rest = total - open_count
    statuses = ["published"] * open_count
    weight = sum(share for _, share in OTHER_STATUSES)
    for status, share in OTHER_STATUSES:
        statuses += [status] * round(rest * share / weight)
    statuses = (statuses + ["closed"] * total)[:total]
    rng.shuffle(statuses)
    return statuses


def load_data(total: int, open_count: int, seed: int) -> dict[str, Any]:
    """Bulk-insert the data set (deterministic for one seed and one day)."""
    from django.db import transaction
    from django.utils import timezone
    from django.utils.text import slugify

    from talentbrug.accounts.models import Organisation
    from talentbrug.vacancies.models import (
        LanguageRequirement,
        Requirement,
        SalaryScale,
        Vacancy,
    )

    rng = random.Random(seed)
    now = timezone.now()
    today = timezone.localdate()
    started = time.perf_counter()
    with transaction.atomic():
        Vacancy.objects.all().delete()
        orgs = []
        for name, short in ORGANISATIONS:
            org, _ = Organisation.objects.update_or_create(
                slug=slugify(short), defaults={"name": name, "short_name": short, "is_active": True}
            )
            orgs.append(org.pk)
        for scale in range(1, 19):
            SalaryScale.objects.update_or_create(
                year=today.year,
                scale=scale,
                defaults={
                    "minimum": Decimal(1900 + 180 * scale),
                    "maximum": Decimal(2500 + 260 * scale),
                },
            )
        statuses = _statuses(rng, total, open_count)
        objs = []
        for i, status in enumerate(statuses):
            title, vakgebied, cwd = rng.choice(TITLES)
            region = rng.choice(list(PLACES))
            contract = rng.choice(CONTRACTS)
            prefix = "Leerling " if contract == "bbl" else rng.choice(PREFIXES[:-1])
            hours_min = rng.choice([16, 24, 32, 32, 36])
            scale_min = rng.randint(4, 11)
            if status == "published":
                closing = today + timedelta(days=rng.randint(0, 60))
            elif status in ("concept", "in_review", "approved"):
                closing = today + timedelta(days=rng.randint(20, 90))
            else:
                closing = today - timedelta(days=rng.randint(1, 700))
            published = status in ("published", "published_expired", "closed", "filled")
            objs.append(
                Vacancy(
                    organisation_id=rng.choice(orgs),
                    team=rng.choice(TEAMS),
                    title=f"{prefix}{title[0].lower() if prefix else title[0]}{title[1:]}",
                    status="published" if status == "published_expired" else status,
                    vakgebied=vakgebied,
                    werk_denkniveau=cwd,
                    equivalent_by_experience=rng.random() < 0.7,
                    min_education_level=rng.choice(["", "", "", "2", "3", "4", "6"]),
                    target_groups=rng.choice(TARGET_GROUPS),
                    contract_type=contract,
                    scale_min=scale_min,
                    scale_max=scale_min + rng.randint(0, 2),
                    hours_min=hours_min,
                    hours_max=max(hours_min, rng.choice([32, 36, 36, 40])),
                    location=rng.choice(PLACES[region]),
                    region=region,
                    remote_option=rng.choice(["on_site", "hybrid", "hybrid", "mostly_remote"]),
                    placement_date=closing - timedelta(days=42),
                    closing_date=closing,
                    tasks_text=_html_list(rng, TASKS, 3, 6),
                    requirements_text=_html_par(rng, ASKS, 2, 5),
                    offer_text=_html_par(rng, OFFERS, 2, 5),
                    guidance_text=_html_par(rng, GUIDANCE, 1, 4),
                    workplace_text=_html_par(rng, WORKPLACE, 1, 3),
                    nt2_welcome=rng.random() < 0.65,
                    accommodations_offered=rng.random() < 0.8,
                    contact_name=f"Teamleider {rng.choice(TEAMS).lower()}",
                    contact_email=f"werving-{i % 97}@voorbeeld.rijksoverheid.example",
                    apply_routes=sorted(rng.sample(ROUTES, rng.randint(1, 4))),
                    published_at=now - timedelta(days=rng.randint(1, 60)) if published else None,
                )
            )
        made = Vacancy.objects.bulk_create(objs, batch_size=1000)
        requirements, languages = [], []
        for vacancy in made:
            for pos, label in enumerate(rng.sample(COMPETENCES, rng.randint(3, 6))):
                requirements.append(
                    Requirement(
                        vacancy_id=vacancy.pk,
                        free_text=label,
                        kind="must_have" if pos < 3 else "learnable",
                        evidence=["experience", "work_sample"],
                        position=pos,
                    )
                )
            level = rng.choice(["A2", "B1", "B1", "B2"])
            for skill in rng.sample(
                ["reading", "listening", "writing", "speaking"], rng.randint(1, 3)
            ):
                languages.append(
                    LanguageRequirement(
                        vacancy_id=vacancy.pk,
                        language="nl",
                        skill=skill,
                        level=level,
                        timing=rng.choice(["at_start", "with_coach", "with_coach"]),
                        justification="Het werk vraagt veel schriftelijk contact."
                        if level == "B2"
                        else "",
                    )
                )
        Requirement.objects.bulk_create(requirements, batch_size=2000)
        LanguageRequirement.objects.bulk_create(languages, batch_size=2000)
    return {
        "vacancies": len(made),
        "requirements": len(requirements),
        "language_requirements": len(languages),
        "seconds": round(time.perf_counter() - started, 1),
    }


# ----------------------------------------------------------------------------- database


def postgres_available() -> bool:
    try:
        with socket.create_connection((HOST, PG_PORT), timeout=2):
            return True
    except OSError:
        return False


def ensure_database(name: str) -> bool:
    """Create the database if it does not exist. True when it was created."""
    import psycopg

    with psycopg.connect(host=HOST, port=PG_PORT, user=PG_USER, dbname="postgres") as conn:
        conn.autocommit = True
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if exists:
            return False
        conn.execute(f'CREATE DATABASE "{name}"')
        return True


def redis_available() -> bool:
    try:
        with socket.create_connection((HOST, REDIS_PORT), timeout=2):
            return True
    except OSError:
        return False


def django_env(database_url: str, secret: str, cache_url: str = "") -> dict[str, str]:
    return {
        "CACHE_URL": cache_url,
        "DJANGO_SETTINGS_MODULE": SETTINGS,
        "DJANGO_SECRET_KEY": secret,
        "DJANGO_ALLOWED_HOSTS": HOST,
        "DJANGO_SECURE_SSL_REDIRECT": "false",
        "DATABASE_URL": database_url,
        "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), str(ROOT)]),
    }


def open_count() -> tuple[int, int]:
    from talentbrug.publishing.search import open_vacancies
    from talentbrug.vacancies.models import Vacancy

    return Vacancy.objects.count(), open_vacancies().count()


# ----------------------------------------------------------------------------- server


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def collectstatic(env: dict[str, str]) -> float:
    started = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "manage.py"),
            "collectstatic",
            "--no-input",
            "--link",
            "-v",
            "0",
        ],
        env=env,
        cwd=ROOT,
        check=True,
    )
    return time.perf_counter() - started


def start_server(
    env: dict[str, str], port: int, workers: int, worker_class: str, threads: int
) -> subprocess.Popen[bytes]:
    gunicorn = Path(sys.executable).with_name("gunicorn")
    command = [
        str(gunicorn),
        "talentbrug.wsgi:application",
        "--bind",
        f"{HOST}:{port}",
        "--workers",
        str(workers),
        "--worker-class",
        worker_class,
        "--threads",
        str(threads),
        "--keep-alive",
        "5",
        "--log-level",
        "warning",
        "--chdir",
        str(ROOT),
    ]
    proc = subprocess.Popen(command, env=env, cwd=ROOT)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"gunicorn stopped with exit code {proc.returncode}")
        try:
            conn = http.client.HTTPConnection(HOST, port, timeout=2)
            conn.request("GET", "/health/")
            status = conn.getresponse().status
            conn.close()
            if status == 200:
                return proc
        except OSError:
            pass
        time.sleep(0.2)
    stop_server(proc)
    raise SystemExit("gunicorn did not answer /health/ within 60 s")


def stop_server(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


# ----------------------------------------------------------------------------- CPU


def _cpu_seconds(pid: int) -> float:
    """User + system CPU time of one process (Linux /proc), 0 when unknown."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return 0.0


def server_pids(proc: subprocess.Popen[bytes]) -> list[int]:
    """The gunicorn master and its workers."""
    try:
        children = Path(f"/proc/{proc.pid}/task/{proc.pid}/children").read_text().split()
    except OSError:
        children = []
    return [proc.pid, *map(int, children)]


def db_pids(dbname: str) -> list[int]:
    """PostgreSQL backends serving the benchmark database (the workers' connections)."""
    import psycopg

    with psycopg.connect(host=HOST, port=PG_PORT, user=PG_USER, dbname="postgres") as conn:
        rows = conn.execute("SELECT pid FROM pg_stat_activity WHERE datname = %s", [dbname])
        return [row[0] for row in rows.fetchall()]


class CpuMeter:
    """CPU seconds used by a changing set of processes while it runs (sampled twice a second).

    Processes come and go (a worker's database connection is replaced after CONN_MAX_AGE), so
    each process counts from its first sample (0 when it started during the run) to its last.
    """

    def __init__(self, pids: Any) -> None:
        self.pids = pids
        self.first: dict[int, float] = {}
        self.last: dict[int, float] = {}
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)

    def _sample(self, initial: bool = False) -> None:
        for pid in self.pids():
            used = _cpu_seconds(pid)
            self.first.setdefault(pid, used if initial else 0.0)
            self.last[pid] = max(used, self.last.get(pid, 0.0))

    def _run(self) -> None:
        while not self.stopping.wait(0.5):
            self._sample()

    def __enter__(self) -> CpuMeter:
        self._sample(initial=True)
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stopping.set()
        self.thread.join()
        self._sample()

    @property
    def seconds(self) -> float:
        return sum(self.last[pid] - self.first[pid] for pid in self.last)


def cpu_figures(app_ms: float, db_ms: float, clients: int) -> dict[str, float]:
    """CPU per request of the app server and of PostgreSQL, and what that means on an otherwise
    idle machine: capacity = cores / CPU per request, and (Little's law) the latency N clients
    without think time would see at that capacity. Unlike wall-clock latency, CPU per request
    hardly depends on what else runs on the machine."""
    cores = os.cpu_count() or 1
    total = app_ms + db_ms
    capacity = cores * 1000 / total if total else 0.0
    return {
        "cpu_ms_per_request_app": round(app_ms, 2),
        "cpu_ms_per_request_db": round(db_ms, 2),
        "idle_capacity_req_per_s": round(capacity, 1),
        "idle_closed_loop_latency_ms": round(clients * 1000 / capacity, 1) if capacity else 0.0,
    }


# ----------------------------------------------------------------------------- load


def drive(
    port: int, paths: list[str], clients: int, requests: int, spread: bool = True
) -> dict[str, Any]:
    """`clients` threads, each with one keep-alive connection, share `requests` requests.

    spread: each client starts at another place in `paths`; without it request i asks for
    paths[i], so that (up to len(paths) requests) no path is asked twice.
    """
    lock = threading.Lock()
    issued = [0]
    samples: list[float] = []
    errors: list[str] = []

    def next_index() -> int | None:
        with lock:
            if issued[0] >= requests:
                return None
            issued[0] += 1
            return issued[0] - 1

    def client(offset: int) -> None:
        conn = http.client.HTTPConnection(HOST, port, timeout=30)
        mine: list[float] = []
        while (index := next_index()) is not None:
            path = paths[(index + offset) % len(paths)]
            start = time.perf_counter()
            try:
                conn.request("GET", path, headers={"Accept-Language": "nl"})
                response = conn.getresponse()
                response.read()
                status = response.status
                if response.getheader("Connection", "").lower() == "close":
                    conn.close()
            except (OSError, http.client.HTTPException) as exc:
                conn.close()
                conn = http.client.HTTPConnection(HOST, port, timeout=30)
                with lock:
                    errors.append(f"{path}: {exc!r}")
                continue
            mine.append((time.perf_counter() - start) * 1000)
            if status != 200:
                with lock:
                    errors.append(f"{path}: HTTP {status}")
        conn.close()
        with lock:
            samples.extend(mine)

    started = time.perf_counter()
    workers = [
        threading.Thread(target=client, args=(n * 7 if spread else 0,)) for n in range(clients)
    ]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    elapsed = time.perf_counter() - started
    return {
        "requests": len(samples),
        "errors": len(errors),
        "first_errors": errors[:3],
        "p50_ms": round(statistics.median(samples), 1) if samples else None,
        "p95_ms": round(percentile(samples, 0.95), 1),
        "max_ms": round(max(samples), 1) if samples else None,
        "req_per_s": round(len(samples) / elapsed, 1),
    }


WRK_SCRIPT = ROOT / "bench" / "wrk_paths.lua"


def wrk_path() -> str | None:
    return shutil.which("wrk")


def drive_wrk(
    port: int, paths: list[str], clients: int, seconds: float, spread: bool = True
) -> dict[str, Any]:
    """The same closed loop with wrk (C, two threads): `clients` connections, no think time, for
    `seconds`. wrk costs a fraction of a millisecond of CPU per request, so the measured server
    gets nearly both cores, where the Python client took a share of them (see the docstring)."""
    threads = min(2, clients)
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False) as handle:
        handle.write("\n".join(paths) + "\n")
        list_file = handle.name
    try:
        command = [
            str(wrk_path()),
            "-t",
            str(threads),
            "-c",
            str(clients),
            "-d",
            f"{max(1, round(seconds))}s",
            "--timeout",
            "30s",
            "-s",
            str(WRK_SCRIPT),
            f"http://{HOST}:{port}",
            "--",
            list_file,
            str(threads),
            "spread" if spread else "",
        ]
        output = subprocess.run(command, capture_output=True, text=True, check=False).stdout
    finally:
        os.unlink(list_file)
    line = next((x for x in output.splitlines() if x.startswith("WRK ")), "")
    if not line:
        raise SystemExit(f"wrk printed no result:\n{output}")
    fields = {k: int(v) for k, v in (part.split("=") for part in line.split()[1:])}
    errors = fields["non2xx"] + fields["socket_errors"]
    return {
        "requests": fields["requests"],
        "errors": errors,
        "first_errors": [f"non-2xx: {fields['non2xx']}, socket: {fields['socket_errors']}"]
        if errors
        else [],
        "p50_ms": round(fields["p50"] / 1000, 1),
        "p95_ms": round(fields["p95"] / 1000, 1),
        "max_ms": round(fields["max"] / 1000, 1),
        "req_per_s": round(fields["requests"] / (fields["duration_us"] / 1e6), 1),
    }


def query_counts(path: str) -> dict[str, int]:
    """SQL queries of one request, in-process on the same database: cold cache, then warm."""
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST=HOST)
    counts = {}
    cache.clear()
    for label in ("cold", "warm"):
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(path)
        if response.status_code != 200:
            raise SystemExit(f"{path} answered {response.status_code} in-process")
        counts[f"queries_{label}"] = len(ctx.captured_queries)
    return counts


# ----------------------------------------------------------------------------- main


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", default="talentbrug_bench_careers")
    parser.add_argument("--vacancies", type=int, default=5000)
    parser.add_argument("--open", type=int, default=1500)
    parser.add_argument("--seed", type=int, default=4)
    parser.add_argument("--reload", action="store_true", help="reload the data even if it fits")
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--requests", type=int, default=1500, help="per scenario, after warm-up")
    parser.add_argument("--warmup", type=int, default=100, help="requests per scenario first")
    # The web process of docs/operations.md: gthread, about 2 processes per core, 6 threads each
    # (keep-alive; the sync worker closes the connection after every request).
    parser.add_argument("--workers", type=int, default=2 * (os.cpu_count() or 1))
    parser.add_argument("--worker-class", choices=["sync", "gthread"], default="gthread")
    parser.add_argument("--threads", type=int, default=6)
    parser.add_argument(
        "--driver",
        choices=["wrk", "python"],
        default="wrk" if wrk_path() else "python",
        help="load generator: wrk (default when installed: apt-get install wrk) or the Python "
        "client (threads; it shares the two cores with the server, so its figures are higher)",
    )
    parser.add_argument(
        "--seconds", type=float, default=20, help="wrk: seconds per cached scenario"
    )
    parser.add_argument(
        "--miss-seconds", type=float, default=8, help="wrk: seconds per cache-miss scenario"
    )
    parser.add_argument(
        "--cache",
        choices=["redis", "locmem"],
        default="redis",
        help="redis (shared by the workers, as in production; falls back to locmem without "
        f"Redis on {HOST}:{REDIS_PORT}) or locmem (one cache per worker)",
    )
    args = parser.parse_args()
    if not args.db.replace("_", "").isalnum():
        parser.error("--db: letters, digits and _ only")
    if not postgres_available():
        print(f"PostgreSQL is not reachable on {HOST}:{PG_PORT}: benchmark skipped.")
        return 0

    bench = Bench("careers")
    database_url = f"postgres://{PG_USER}@{HOST}:{PG_PORT}/{args.db}"
    cache_url = ""
    if args.cache == "redis" and redis_available():
        cache_url = f"redis://{HOST}:{REDIS_PORT}/{REDIS_DB}"
    env = django_env(database_url, secrets.token_urlsafe(64), cache_url)
    os.environ.update(env)

    created = ensure_database(args.db)
    # In this process static files are not served: no need for the collected folder.
    warnings.filterwarnings("ignore", message="No directory at", category=UserWarning)
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    started = time.perf_counter()
    call_command("migrate", interactive=False, verbosity=0)
    print(
        f"database {args.db}: {'created, ' if created else ''}migrated in "
        f"{time.perf_counter() - started:.1f} s"
    )
    if args.reload or open_count() != (args.vacancies, args.open):
        loaded = load_data(args.vacancies, args.open, args.seed)
        print(f"loaded {loaded}")
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    total, open_now = open_count()
    print(f"vacancies: {total}, open: {open_now}")

    from talentbrug.publishing.facts import public_url
    from talentbrug.publishing.search import open_vacancies

    list_paths = [f"/vacatures/?{urlencode(query)}" for query in LIST_QUERIES]
    detail_paths = [
        public_url(v) for v in open_vacancies().order_by("pk")[:: max(1, open_now // 200)]
    ]
    # Cache misses on purpose. (a) Every request another query string through an unknown
    # parameter, which the form ignores: a miss of the whole-page cache (its key is the full
    # path), while the list's content is keyed by its own parameters only, so it is found.
    # (b) Every request a search not asked before (word x filter x page): searched and counted
    # every time; the result cards come from the card cache once a vacancy was shown anywhere.
    # (c) Every open vacancy's page once before any comes again. The "cold" figures of a site
    # whose visitors all search for something new.
    unique = args.requests + args.warmup
    if args.driver == "wrk":  # runs for a time, not a count: enough unique paths to not wrap
        unique = max(unique, 20000)
    miss_paths = [f"{list_paths[i % len(list_paths)]}&bench={i}" for i in range(unique)]
    search_paths = new_search_paths(unique, args.seed)
    all_detail_paths = [public_url(v) for v in open_vacancies().order_by("?")]
    scenarios = [
        ("floor: /bench-floor/", ["/bench-floor/"], None),
        ("list: search term + two filters", list_paths, LIST_TARGET_P95_MS),
        ("vacancy page", detail_paths, PAGE_TARGET_P95_MS),
        ("list, page-cache miss (unknown param)", miss_paths, None),
        ("list, cache miss (new search)", search_paths, None),
        ("vacancy page, cache miss", all_detail_paths, None),
    ]
    counts = {
        "list: search term + two filters": query_counts(list_paths[0]),
        "vacancy page": query_counts(detail_paths[0]),
        "list, page-cache miss (unknown param)": query_counts(miss_paths[1]),
        "list, cache miss (new search)": query_counts(search_paths[1]),
        "vacancy page, cache miss": query_counts(detail_paths[1]),
    }
    connection.close()

    var_dir = Path(tempfile.mkdtemp(prefix="talentbrug-bench-careers-"))
    server_env = {**os.environ, **env, "TALENTBRUG_VAR_DIR": str(var_dir)}
    proc = None
    try:
        seconds = collectstatic(server_env)
        print(f"collectstatic into {var_dir}: {seconds:.1f} s")
        port = free_port()
        proc = start_server(server_env, port, args.workers, args.worker_class, args.threads)
        config = f"gunicorn {args.worker_class} x{args.workers}" + (
            f", {args.threads} threads" if args.worker_class == "gthread" else ""
        )
        amount = (
            f"{args.seconds:g} s per scenario ({args.miss_seconds:g} s for misses), wrk"
            if args.driver == "wrk"
            else f"{args.requests} requests per scenario, Python client"
        )
        print(
            f"{config} on {HOST}:{port}; {args.clients} clients, {amount}; "
            f"cache: {cache_url or 'locmem (per worker)'}"
        )
        if args.driver == "python" and not wrk_path():
            print("(wrk not found: apt-get install wrk gives figures less disturbed by the client)")
        load_before = os.getloadavg()[0]
        floor: dict[str, Any] = {}
        for name, paths, target in scenarios:
            miss = "miss" in name
            if miss:
                from django.core.cache import cache

                cache.clear()  # the workers' shared cache (with --cache locmem: theirs stays)
                drive(port, paths[: args.warmup], args.clients, args.warmup, spread=False)
                paths = paths[args.warmup :]
            else:  # every path once: the steady state of a set of popular pages
                drive(port, paths, args.clients, len(paths), spread=False)
                drive(port, paths, args.clients, args.warmup)
            with (
                CpuMeter(lambda: server_pids(proc)) as app_cpu,
                CpuMeter(lambda: db_pids(args.db)) as db_cpu,
            ):
                if args.driver == "wrk":
                    seconds = args.miss_seconds if miss else args.seconds
                    result = drive_wrk(port, paths, args.clients, seconds, spread=not miss)
                    # A miss scenario that ran out of unique paths asked some twice (hits).
                    result["paths_repeated"] = miss and result["requests"] > len(paths)
                else:
                    result = drive(port, paths, args.clients, args.requests, spread=not miss)
            done = max(1, result["requests"])
            result.update(
                cpu_figures(
                    app_cpu.seconds * 1000 / done, db_cpu.seconds * 1000 / done, args.clients
                )
            )
            if not floor:
                floor = result
            result["p50_ratio_to_floor"] = round(result["p50_ms"] / floor["p50_ms"], 1)
            result["p95_ratio_to_floor"] = round(result["p95_ms"] / floor["p95_ms"], 1)
            if target is not None:
                result["target_p95_ms"] = target
                result["meets_target"] = result["p95_ms"] < target and not result["errors"]
            result.update(counts.get(name, {}))
            bench.record(name, clients=args.clients, server=config, driver=args.driver, **result)
        load_after = os.getloadavg()[0]
    finally:
        if proc is not None:
            stop_server(proc)
        shutil.rmtree(var_dir, ignore_errors=True)

    bench.record(
        "setup",
        database=args.db,
        vacancies=total,
        open=open_now,
        list_urls=len(list_paths),
        vacancy_urls=len(detail_paths),
        load_average_before=round(load_before, 2),
        load_average_after=round(load_after, 2),
    )
    print()
    print(
        f"{'scenario':<34}{'p50 ms':>8}{'p95 ms':>8}{'x floor':>12}{'req/s':>8}"
        f"{'CPU ms':>12}{'idle est.':>10}{'SQL':>6}  target"
    )
    for row in bench.results[:-1]:
        sql = f"{row.get('queries_cold', '-')}/{row.get('queries_warm', '-')}"
        ratio = f"{row['p50_ratio_to_floor']}/{row['p95_ratio_to_floor']}"
        verdict = ""
        if "target_p95_ms" in row:
            verdict = (
                f"p95 < {row['target_p95_ms']:.0f} ms: {'yes' if row['meets_target'] else 'NO'}"
            )
        cpu = f"{row['cpu_ms_per_request_app']:.1f}+{row['cpu_ms_per_request_db']:.1f}"
        print(
            f"{row['scenario']:<34}{row['p50_ms']:>8}{row['p95_ms']:>8}{ratio:>12}"
            f"{row['req_per_s']:>8}{cpu:>12}{row['idle_closed_loop_latency_ms']:>10}{sql:>6}"
            f"  {verdict}"
        )
        if row["errors"]:
            print(f"   errors: {row['errors']} e.g. {row['first_errors']}")
    print(
        "(x floor: p50/p95 ratios to the floor view; CPU ms: per request, app server + "
        "PostgreSQL; idle est.: latency in ms at that CPU cost with these clients on an "
        "otherwise idle machine (Little's law); SQL: queries of one request, cold/warm cache; "
        f"load average {load_before:.1f} -> {load_after:.1f} on {os.cpu_count()} cores)"
    )
    bench.report()
    return 0


if __name__ == "__main__":
    sys.exit(main())
