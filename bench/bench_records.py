"""Benchmark of the records import (Bewaren of weggooien) and of the triage "next card".

1. Generates a realistic mixed folder of documents (default 10,000 files, about 1 GB): PDFs
   (text plus an embedded scan-like image), DOCX (python-docx, plus an embedded picture), EML
   mails with a DOCX or PDF attachment, TXT and CSV, XLSX, exact duplicates (copies under
   another path) and near-duplicates (a few words changed). Generation runs in 2 processes and
   is not part of the measured figures.
2. The floor: ``pdftotext`` over every PDF and plain reads (every ZIP member of DOCX/XLSX, the
   bytes of mail/TXT/CSV) over the same files, without our pipeline.
3. The real pipeline on SQLite in a temporary TALENTBRUG_VAR_DIR: ``imports.import_folder``
   (store, analyse with docanalysis, exact and near-duplicates) with in-process Celery tasks;
   documents per second, total time, time per phase, peak RSS (``resource.getrusage``).
4. "Next card" at the full collection size: ``claim_next_card`` alone, and the fragment that
   triage.js prefetches (GET, claim + suggestion + render) after a decision (POST), through the
   Django test client with a logged-in, 2FA-verified records manager. Median and p95.

Usage::

    .venv/bin/python bench/bench_records.py [--docs 10000] [--size-mb 1000] [--cards 200]
        [--seed 1] [--keep DIR [--reuse]] [--workers 2] [--skip-floor]
        [--database-url postgres://postgres@127.0.0.1:5432/talentbrug_bench9]

CPU seconds (this process and its worker processes) and the load average are printed next
to the wall times: on a shared machine the wall time says as much about the neighbours.

Writes var/bench/records.json. The issue's target: 10,000 documents (≈ 1 GB) read and
de-duplicated in under 10 minutes using under 2 GiB; next card under 100 ms.
"""

from __future__ import annotations

import argparse
import email
import io
import multiprocessing
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

# The harness reads TALENTBRUG_VAR_DIR when imported: import it before pointing Django at a
# throw-away var dir, so the JSON still lands in var/bench/.
from bench.harness import Bench, percentile  # noqa: E402

WORDS = (  # noqa: SIM905
    "archief besluit bewaren vernietigen selectielijst termijn dossier informatie beleid overleg "
    "verslag notitie ministerie directie afdeling team project planning budget risico advies wet "
    "regeling openbaarheid verzoek bezwaar procedure medewerker functie vacature sollicitatie "
    "opleiding stage praktijk begeleiding evaluatie servicedesk netwerk server laptop licentie "
    "beveiliging incident wijziging release documentatie inwerken mentor taal niveau rooster "
    "gesprek kandidaat referentie aanstelling salaris schaal contract proeftijd werkplek"
).split()
FOLDERS = [
    "Werving/2019",
    "Werving/2020",
    "Werving/2021/Vacatures",
    "Werving/2022/Gesprekken",
    "Werving/2023",
    "Beleid",
    "Overleg/MT",
    "Overleg/Team",
    "Projecten/Inwerken",
    "Tijdelijk",
]
# Share of each kind (by count); the rest of the budget is exact and near-duplicates.
MIX = [("pdf", 0.30), ("docx", 0.24), ("eml", 0.14), ("txt", 0.08), ("csv", 0.06), ("xlsx", 0.03)]
TEXT_MAX = 20_000
EXACT_SHARE = 0.08
NEAR_SHARE = 0.07
PERSONAL = [
    "Mail naar fatima.yilmaz@example.org of bel 06-12345678.",
    "BSN 111222333, rekening NL91ABNA0417164300.",
    "Contact: j.devries@minbzk.example.nl, 070-1234567.",
]


def text_for(seed: int, paragraphs: int) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(paragraphs):
        words = [rng.choice(WORDS) for _ in range(rng.randint(10, 40))]
        out.append(" ".join(words).capitalize() + ".")
    if rng.random() < 0.15:
        out.insert(1, rng.choice(PERSONAL))
    return out


def near_variant(lines: list[str], seed: int) -> list[str]:
    """Change about 3% of the words: Jaccard on 3-shingles stays well above 0.8."""
    rng = random.Random(seed)
    changed = []
    for line in lines:
        words = line.split()
        for _ in range(max(1, len(words) // 30)):
            if rng.random() < 0.5:
                words[rng.randrange(len(words))] = rng.choice(WORDS)
        changed.append(" ".join(words))
    return changed


def _pdf_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def make_pdf(lines: list[str], title: str, pad: int) -> bytes:
    """A valid PDF with real text on one or more pages and an (incompressible) image."""
    per_page = 45
    pages = [lines[i : i + per_page] for i in range(0, len(lines), per_page)] or [[""]]
    objects: list[bytes] = [b"", b""]  # catalog, pages
    kids = []
    font = len(objects) + 1
    objects.append(
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
    )
    image_ref = ""
    if pad > 0:
        raw = os.urandom(pad)
        side = max(1, int((pad // 3) ** 0.5))
        data = raw[: side * side * 3]
        objects.append(
            b"<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceRGB "
            b"/BitsPerComponent 8 /Length %d >>\nstream\n"
            % (side, side, len(data))
            + data
            + b"\nendstream"
        )
        image_ref = f"/XObject << /Im1 {len(objects)} 0 R >>"
    for n, page in enumerate(pages):
        body = " ".join(f"({_pdf_escape(line[:110])}) Tj T*" for line in page)
        draw = "q 100 0 0 100 400 40 cm /Im1 Do Q " if image_ref and n == 0 else ""
        content = f"{draw}BT /F1 10 Tf 50 780 Td 12 TL {body} ET".encode("cp1252", "replace")
        objects.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
        contents = len(objects)
        objects.append(
            (
                f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents {contents} 0 R "
                f"/Resources << /Font << /F1 {font} 0 R >> {image_ref} >> >>"
            ).encode()
        )
        kids.append(f"{len(objects)} 0 R")
    objects[0] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objects[1] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(kids)} >>".encode()
    objects.append(
        (
            f"<< /Title ({_pdf_escape(title)}) /Author (Team Werving) "
            "/CreationDate (D:20190115103000+01'00') /ModDate (D:20200201120000Z) >>"
        ).encode("cp1252", "replace")
    )
    info = len(objects)
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, obj in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        info,
        xref,
    )
    return bytes(out)


def _add_zip_member(data: bytes, name: str, payload: bytes) -> bytes:
    buf = io.BytesIO(data)
    with zipfile.ZipFile(buf, "a", compression=zipfile.ZIP_STORED) as zf:
        zf.writestr(name, payload)
    return buf.getvalue()


def make_docx(lines: list[str], title: str, pad: int) -> bytes:
    import docx

    document = docx.Document()
    document.core_properties.title = title
    document.core_properties.author = "Team Werving"
    document.add_heading(lines[0][:80] if lines else title, level=1)
    for line in lines[1:]:
        document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    data = out.getvalue()
    return _add_zip_member(data, "word/media/scan1.jpeg", os.urandom(pad)) if pad > 0 else data


def make_xlsx(seed: int, pad: int) -> bytes:
    import openpyxl

    rng = random.Random(seed)
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["functie", "afdeling", "aantal", "score"])
    for _ in range(rng.randint(50, 400)):
        sheet.append([rng.choice(WORDS), rng.choice(WORDS), rng.randint(1, 99), rng.random()])
    out = io.BytesIO()
    workbook.save(out)
    data = out.getvalue()
    return _add_zip_member(data, "xl/media/image1.png", os.urandom(pad)) if pad > 0 else data


def make_eml(lines: list[str], subject: str, attachment: tuple[str, bytes, str]) -> bytes:
    from email.message import EmailMessage

    msg = EmailMessage()
    msg["From"] = "Team Werving <werving@minbzk.example.nl>"
    msg["To"] = "archief@minbzk.example.nl"
    msg["Subject"] = subject
    msg["Date"] = "Tue, 14 Mar 2023 10:15:00 +0100"
    msg.set_content("\n\n".join(lines))
    name, data, mime = attachment
    maintype, subtype = mime.split("/", 1)
    msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    return msg.as_bytes()


def _pad_for(rng: random.Random, average: int) -> int:
    return int(min(average * 8, rng.lognormvariate(0, 0.9) * average / 1.5))


def plan(docs: int, seed: int) -> list[tuple[str, int, int]]:
    """[(kind, seed, source index)]: kind is a type, 'exact' or 'near'."""
    rng = random.Random(seed)
    kinds = [k for k, _ in MIX]
    weights = [w for _, w in MIX]
    out: list[tuple[str, int, int]] = []
    for i in range(docs):
        r = rng.random()
        if i > 20 and r < EXACT_SHARE:
            out.append(("exact", i, rng.randrange(i)))
        elif i > 20 and r < EXACT_SHARE + NEAR_SHARE:
            source = rng.randrange(i)
            while out[source][0] in ("exact", "near", "xlsx", "csv"):
                source = rng.randrange(i)
            out.append(("near", i, source))
        else:
            out.append((rng.choices(kinds, weights)[0], i, -1))
    return out


def _file_name(i: int, kind: str) -> str:
    folder = FOLDERS[i % len(FOLDERS)]
    return f"{folder}/document-{i:05d}.{kind}"


def _make(kind: str, seed: int, pad: int) -> bytes:
    paragraphs = random.Random(seed).randint(4, 60)
    lines = text_for(seed, paragraphs)
    title = f"Verslag {seed}"
    if kind == "pdf":
        return make_pdf(lines, title, pad)
    if kind == "docx":
        return make_docx(lines, title, pad)
    if kind == "xlsx":
        return make_xlsx(seed, pad)
    if kind == "eml":
        if seed % 2:
            attachment = ("bijlage.docx", make_docx(text_for(seed + 1, 8), "Bijlage", pad), _DOCX)
        else:
            attachment = ("bijlage.pdf", make_pdf(text_for(seed + 1, 8), "Bijlage", pad), _PDF)
        return make_eml(lines, title, attachment)
    # Plain text files are small in real shares (notes, exports): at most about 20 KB.
    text_pad = min(pad, TEXT_MAX)
    if kind == "csv":
        rng = random.Random(seed)
        rows = [
            f"{n};{rng.choice(WORDS)};{rng.randint(1, 9999)}" for n in range(50 + text_pad // 25)
        ]
        return ("nummer;woord;bedrag\n" + "\n".join(rows)).encode()
    text = "\n".join(lines)
    extra = "\n".join(text_for(seed + 7, text_pad // 250))
    return (text + "\n" + extra).encode()[: max(len(text), text_pad)]


_DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
_PDF = "application/pdf"


def _generate_chunk(args: tuple[str, list[tuple[int, str, int, int]], int]) -> int:
    folder, jobs, average = args
    written = 0
    for i, kind, seed, source in jobs:
        rng = random.Random(seed * 7919)
        pad = _pad_for(rng, average)
        if kind == "near":
            source_kind = jobs_kind(source)
            lines = near_variant(text_for(source, random.Random(source).randint(4, 60)), seed)
            data = _make_from_lines(source_kind, lines, seed, pad)
            path = Path(folder) / _file_name(i, source_kind)
        else:
            data = _make(kind, seed, pad)
            path = Path(folder) / _file_name(i, kind)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        written += len(data)
    return written


_KINDS: dict[int, str] = {}


def jobs_kind(index: int) -> str:
    return _KINDS[index]


def _init_worker(kinds: dict[int, str]) -> None:
    _KINDS.update(kinds)


def _make_from_lines(kind: str, lines: list[str], seed: int, pad: int) -> bytes:
    title = f"Verslag {seed}"
    if kind == "pdf":
        return make_pdf(lines, title, pad)
    if kind == "docx":
        return make_docx(lines, title, pad)
    if kind == "eml":
        return make_eml(lines, title, ("bijlage.pdf", make_pdf(lines[:5], "Bijlage", pad), _PDF))
    return "\n".join(lines).encode()


def generate(folder: Path, docs: int, size_mb: float, seed: int) -> dict[str, Any]:
    average = int(size_mb * 1024 * 1024 / max(docs, 1))
    items = plan(docs, seed)
    kinds = {}
    for i, (kind, _s, source) in enumerate(items):
        kinds[i] = kinds[source] if kind in ("exact", "near") else kind
    jobs = [(i, kind, s, source) for i, (kind, s, source) in enumerate(items) if kind != "exact"]
    chunks = [jobs[n::8] for n in range(8)]
    start = time.perf_counter()
    with multiprocessing.get_context("fork").Pool(
        min(2, os.cpu_count() or 1), initializer=_init_worker, initargs=(kinds,)
    ) as pool:
        written = sum(pool.map(_generate_chunk, [(str(folder), c, average) for c in chunks]))
    for i, (kind, _s, source) in enumerate(items):
        if kind == "exact":
            target = folder / _file_name(i, kinds[i])
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(folder / _file_name(source, kinds[i]), target)
            written += target.stat().st_size
    counts = Counter(kind for kind, _s, _src in items)
    by_type = Counter(kinds.values())
    return {
        "documents": docs,
        "bytes": written,
        "megabytes": round(written / 1024 / 1024, 1),
        "generation_s": round(time.perf_counter() - start, 1),
        "exact_duplicates": counts["exact"],
        "near_duplicates": counts["near"],
        "by_type": dict(sorted(by_type.items())),
    }


def floor(folder: Path) -> dict[str, Any]:
    """pdftotext over the PDFs and plain reads of everything else, one process at a time."""
    pdftotext = shutil.which("pdftotext")
    files = sorted(p for p in folder.rglob("*") if p.is_file())
    start = time.perf_counter()
    pdf_s = other_s = 0.0
    pdfs = 0
    for path in files:
        t0 = time.perf_counter()
        if path.suffix == ".pdf" and pdftotext:
            subprocess.run(
                [pdftotext, "-q", str(path), "-"], stdout=subprocess.DEVNULL, check=False
            )
            pdf_s += time.perf_counter() - t0
            pdfs += 1
            continue
        data = path.read_bytes()
        if path.suffix in (".docx", ".xlsx"):
            with zipfile.ZipFile(io.BytesIO(data)) as zf:
                for name in zf.namelist():
                    zf.read(name)
        elif path.suffix == ".eml":
            for part in email.message_from_bytes(data).walk():
                part.get_payload(decode=True)
        other_s += time.perf_counter() - t0
    total = time.perf_counter() - start
    return {
        "documents": len(files),
        "total_s": round(total, 1),
        "docs_per_s": round(len(files) / total, 1) if total else 0,
        "pdftotext": pdftotext or "missing: PDFs read as plain bytes only",
        "pdf_files": pdfs,
        "pdftotext_s": round(pdf_s, 1),
        "plain_reads_s": round(other_s, 1),
    }


def setup_django(var_dir: Path, database_url: str = "") -> None:
    os.environ["TALENTBRUG_VAR_DIR"] = str(var_dir)
    os.environ["DATABASE_URL"] = database_url or f"sqlite:///{var_dir / 'bench.sqlite3'}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "talentbrug.conf.test")
    os.environ.pop("CELERY_BROKER_URL", None)
    import django
    from django.conf import settings

    django.setup()
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(var_dir / "media")},
        },
    }
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    from django.core.management import call_command

    if database_url.startswith("postgres"):
        _fresh_postgres_database()
    call_command("migrate", verbosity=0)


def _fresh_postgres_database() -> None:
    """Drop and recreate the (benchmark-only) PostgreSQL database named in DATABASE_URL."""
    from django.db import connection

    name = connection.settings_dict["NAME"]
    if not str(name).startswith("talentbrug_bench"):
        raise SystemExit(f"refusing to recreate {name!r}: use a database named talentbrug_bench*")
    with connection._nodb_cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        cursor.execute(f'CREATE DATABASE "{name}"')


def cpu_seconds() -> float:
    """User + system CPU time of this process and its finished children."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def analyse_fn(services: Any) -> str:
    """The function that reads documents: per batch (now) or per document (before)."""
    return "analyse_documents" if hasattr(services, "analyse_documents") else "analyse_document"


class Timer:
    """Wrap a function and add up the time spent in it."""

    def __init__(self, module: Any, name: str) -> None:
        self.seconds = 0.0
        self.calls = 0
        original = getattr(module, name)

        def wrapped(*args: Any, **kwargs: Any) -> Any:
            start = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                self.seconds += time.perf_counter() - start
                self.calls += 1

        setattr(module, name, wrapped)


def peak_rss_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def _analyse_batch(ids: list[int]) -> tuple[float, float, int]:
    """One Celery-like worker process: run the real task on one batch."""
    from django.db import connections

    from talentbrug.records import tasks
    from talentbrug.records.services import analysis as analysis_services

    connections.close_all()  # never share the parent's SQLite connection
    analyse = Timer(analysis_services, analyse_fn(analysis_services))
    near = Timer(analysis_services, "find_near_duplicates")
    tasks.analyse_documents(ids)
    return analyse.seconds, near.seconds, near.calls


def run_pipeline(share: Path, workers: int) -> tuple[Any, Any, Any, dict[str, Any]]:
    from django.conf import settings
    from django.db.models import Count

    from talentbrug.accounts.constants import Role
    from talentbrug.accounts.tests.factories import (
        MembershipFactory,
        OrganisationFactory,
        UserFactory,
    )
    from talentbrug.records.constants import AnalysisStatus
    from talentbrug.records.models import Document
    from talentbrug.records.services import analysis as analysis_services
    from talentbrug.records.services import collections as collections_services
    from talentbrug.records.services import imports
    from talentbrug.records.tests.factories import CategoryFactory

    settings.RECORDS_IMPORT_ROOTS = {"bench": str(share)}
    organisation = OrganisationFactory()
    user = UserFactory(username="bench")
    MembershipFactory(user=user, organisation=organisation, role=Role.RECORDS_MANAGER)
    category = CategoryFactory(organisation=organisation, code="1.1", bewaartermijn_years=5)
    collection = collections_services.create_collection(
        organisation, user, name="Gedeelde schijf team Werving", default_category=category
    )
    analyse = Timer(analysis_services, analyse_fn(analysis_services))
    near = Timer(analysis_services, "find_near_duplicates")
    rss_before = peak_rss_mb()
    cpu_before = cpu_seconds()
    load_before = os.getloadavg()
    batches: list[list[int]] = []
    if workers > 1:
        # Like `celery worker --concurrency N`: the import queues batches, N processes read them.
        from talentbrug.records import tasks

        def queue(ids: list[int]) -> None:
            batches.append(ids)

        tasks.analyse_documents.delay = queue  # type: ignore[method-assign]
    start = time.perf_counter()
    created = imports.import_folder(collection, user, "bench")
    stored = time.perf_counter() - start
    if batches:
        from django.db import connections

        connections.close_all()
        with multiprocessing.get_context("fork").Pool(workers) as pool:
            child = pool.map(_analyse_batch, batches, chunksize=1)
        analyse.seconds = sum(c[0] for c in child)
        near.seconds = sum(c[1] for c in child)
        near.calls = sum(c[2] for c in child)
    total = time.perf_counter() - start
    cpu = cpu_seconds() - cpu_before
    load_after = os.getloadavg()
    documents = Document.objects.filter(collection=collection)
    figures = {
        "documents": len(created),
        "total_s": round(total, 1),
        "docs_per_s": round(len(created) / total, 1),
        "workers": workers,
        "store_s": round(stored, 1),
        "analysis_wall_s": round(total - stored, 1),
        "cpu_s": round(cpu, 1),
        "cpu_per_doc_ms": round(cpu * 1000 / max(1, len(created)), 1),
        "loadavg_1m_before_after": [round(load_before[0], 2), round(load_after[0], 2)],
        "database": connection_vendor(),
        "analyse_cpu_s_summed": round(analyse.seconds, 1),
        "near_duplicates_s": round(near.seconds, 2),
        "near_duplicate_passes": near.calls,
        "peak_rss_mb": peak_rss_mb(),
        "peak_rss_worker_mb": round(
            resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024, 1
        ),
        "peak_rss_before_import_mb": rss_before,
        "unreadable": documents.filter(analysis_status=AnalysisStatus.UNREADABLE).count(),
        "linked_near_duplicates": documents.filter(near_duplicate_of__isnull=False).count(),
        "with_exact_copy": documents.filter(
            sha256__in=documents.values("sha256")
            .annotate(n=Count("pk"))
            .filter(n__gt=1)
            .values("sha256")
        ).count(),
    }
    return organisation, user, collection, figures


def connection_vendor() -> str:
    from django.db import connection

    return str(connection.vendor)


def query_plan(collection: Any, user: Any) -> list[str]:
    from django.db import connection
    from django.db.models import Q
    from django.utils import timezone

    from talentbrug.records.models import Document

    now = timezone.now()
    free = Q(claimed_by__isnull=True) | Q(claimed_until__lte=now) | Q(claimed_by=user)
    qs = (
        Document.objects.filter(collection=collection, destroyed_at__isnull=True)
        .filter(free, decision="undecided")
        .order_by("path", "pk")
        .values_list("pk", flat=True)[:10]
    )
    sql, params = qs.query.sql_with_params()
    with connection.cursor() as cursor:
        prefix = "EXPLAIN QUERY PLAN " if connection.vendor == "sqlite" else "EXPLAIN "
        cursor.execute(prefix + sql, params)
        return [" ".join(str(c) for c in row) for row in cursor.fetchall()]


def next_card(bench: Bench, collection: Any, user: Any, cards: int) -> None:
    from django.urls import reverse

    from talentbrug.conftest import verified_client
    from talentbrug.records.models import Document
    from talentbrug.records.services import triage as triage_services

    open_before = Document.objects.filter(collection=collection, decision="undecided").count()
    # 1. The service alone: a reload (own live claim) and a fresh claim.
    triage_services.release_claims(collection, user)
    bench.time(
        "claim_next_card (own claim, reload)",
        lambda: triage_services.claim_next_card(collection, user),
        repeat=50,
        documents=open_before,
    )

    def fresh() -> None:
        triage_services.release_claims(collection, user)
        triage_services.claim_next_card(collection, user)

    bench.time("claim_next_card (fresh claim)", fresh, repeat=50, documents=open_before)

    # 2. What the screen does: post a decision, then show the prefetched next card.
    client = verified_client(user)
    triage = reverse("records:triage", args=[collection.pk])
    card_url = reverse("records:triage_card", args=[collection.pk])
    page = client.get(triage)
    assert page.status_code == 200, page.status_code
    rng = random.Random(3)
    current = triage_services.claim_next_card(collection, user)
    decide_ms: list[float] = []
    card_ms: list[float] = []
    card_cpu_ms: list[float] = []  # CPU of this process (view + SQLite); robust on a busy host
    decide_cpu_ms: list[float] = []
    full_ms: list[float] = []
    for n in range(cards):
        if current is None:
            break
        # The prefetch that triage.js starts as soon as a card is shown.
        t0, c0 = time.perf_counter(), time.process_time()
        fragment = client.post(f"{card_url}?na={current.pk}", HTTP_X_RECORDS_FETCH="1")
        card_ms.append((time.perf_counter() - t0) * 1000)
        card_cpu_ms.append((time.process_time() - c0) * 1000)
        assert fragment.status_code == 200
        t0, c0 = time.perf_counter(), time.process_time()
        response = client.post(
            reverse("records:decide", args=[collection.pk, current.pk]),
            {"decision": rng.choice(["keep", "discard", "discard", "later"])},
            HTTP_X_RECORDS_FETCH="1",
        )
        decide_ms.append((time.perf_counter() - t0) * 1000)
        decide_cpu_ms.append((time.process_time() - c0) * 1000)
        assert response.status_code == 200, response.status_code
        if n % 10 == 0:  # now and then a full page load (the no-JS path, a reload)
            t0 = time.perf_counter()
            client.get(triage)
            full_ms.append((time.perf_counter() - t0) * 1000)
        current = triage_services.claim_next_card(collection, user)

    def stats(values: list[float]) -> dict[str, Any]:
        return {
            "runs": len(values),
            "median_ms": round(statistics.median(values), 1) if values else None,
            "p95_ms": round(percentile(values, 0.95), 1) if values else None,
            "max_ms": round(max(values), 1) if values else None,
        }

    bench.record(
        "next card: prefetch GET fragment",
        documents=open_before,
        **stats(card_ms),
        under_100ms=bool(card_ms) and percentile(card_ms, 0.95) < 100,
        cpu=stats(card_cpu_ms),
        loadavg_1m=round(os.getloadavg()[0], 2),
    )
    bench.record(
        "next card: POST decision (fetch)",
        documents=open_before,
        **stats(decide_ms),
        cpu=stats(decide_cpu_ms),
    )
    bench.record("triage page, full load (no JS)", documents=open_before, **stats(full_ms))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=int, default=10_000)
    parser.add_argument("--size-mb", type=float, default=1000.0)
    parser.add_argument("--cards", type=int, default=200, help="decisions in the next-card test")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--keep", type=Path, help="generate into (and keep) this folder")
    parser.add_argument("--skip-floor", action="store_true")
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="with --keep: use the documents already in that folder instead of generating",
    )
    parser.add_argument(
        "--database-url",
        default="",
        help="default: a throw-away SQLite file; or postgres://…/talentbrug_bench9 (recreated)",
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=2,
        help="analysis processes, like celery --concurrency (1: in-process, eager)",
    )
    args = parser.parse_args()

    bench = Bench("records")
    work = Path(tempfile.mkdtemp(prefix="talentbrug-bench-records-"))
    share = args.keep or work / "share"
    share.mkdir(parents=True, exist_ok=True)
    try:
        print(
            f"generating {args.docs} documents (≈ {args.size_mb:.0f} MB) in {share} …", flush=True
        )
        if args.reuse and args.keep and any(share.rglob("*.*")):
            files = [p for p in share.rglob("*") if p.is_file()]
            generated = {
                "documents": len(files),
                "bytes": sum(p.stat().st_size for p in files),
                "reused": str(share),
            }
        else:
            generated = generate(share, args.docs, args.size_mb, args.seed)
        bench.record("generated set", **generated)
        print(f"  {generated}", flush=True)

        if not shutil.which("pdftotext"):
            print(
                "  pdftotext not found (apt-get install poppler-utils): the floor reads PDFs "
                "as plain bytes only.",
                flush=True,
            )
        if not args.skip_floor:
            print("floor: pdftotext / plain unzip reads …", flush=True)
            bench.record("floor: pdftotext + plain reads", **floor(share))

        print("pipeline: import_folder (store, analyse, duplicates) …", flush=True)
        setup_django(work / "var", args.database_url)
        _org, user, collection, figures = run_pipeline(share, args.workers)
        figures["under_10_min"] = figures["total_s"] < 600
        figures["under_2_gib"] = (
            figures["peak_rss_mb"] + figures["peak_rss_worker_mb"] * max(1, args.workers - 1) < 2048
        )
        bench.record("pipeline: import + analysis + duplicates", **figures)
        print(f"  {figures}", flush=True)

        plan_rows = query_plan(collection, user)
        bench.record("query plan: next free card", plan=" | ".join(plan_rows))
        print("next card …", flush=True)
        next_card(bench, collection, user, args.cards)
    finally:
        bench.report()
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
