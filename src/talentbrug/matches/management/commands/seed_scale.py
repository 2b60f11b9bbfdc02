"""A large, deterministic data set for benchmarks: ``manage.py seed_scale``.

    manage.py seed_scale --candidates 100000 --vacancies 5000 --applications 300000 [--seed 1]

Creates (with bulk inserts, in chunks, one transaction per chunk; SQLite and PostgreSQL):

* organisations: reuses the existing ones, or creates 20 when there are none;
* vacancies of ICT occupations (ESCO) with must-have requirements sampled from the
  occupation's essential skills, learnable ones from its optional skills, Dutch (and sometimes
  English) language requirements, hours, region, remote work and sometimes a minimum NLQF
  level; about 5% are carved roles (``carved_from``);
* candidates with ESCO skills of one or two ICT occupations (85% confirmed), language levels,
  an education (NLQF level + source), hours, work preferences (regions, start date) and, for
  ``--pool-share`` of them, a talent-pool consent (a few withdrawn or expired);
* applications of random candidates to random published or closed vacancies;
* their selection and onboarding history (``insights.scale``): a place in the vacancy's
  pipeline, logged stage moves, offers, and for hires an onboarding plan with check-ins.

Times are spread over the last 18 months (publication, applying, every move), so Insights'
figures per period, time in each stage and pass-through are real. The times come from a
second random stream, so the rows themselves are the same as before this history was added.

The same ``--seed`` gives the same data. E-mail addresses are ``schaal-<seed>-<n>@voorbeeld.example``;
running twice with one seed stops with a clear message. Prints the time per part and in total.
"""

from __future__ import annotations

import random
import time
import uuid
from datetime import timedelta
from typing import Any

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone

from talentbrug.accounts.models import Organisation
from talentbrug.applications.models import (
    Application,
    Candidate,
    CandidateSkill,
    Consent,
    Education,
    LanguageProficiency,
)
from talentbrug.insights.scale import seed_history
from talentbrug.matches import engine
from talentbrug.matches.constants import REGIONS
from talentbrug.matches.engine import taxonomy
from talentbrug.matches.models import WorkPreference
from talentbrug.taxonomy.models import Skill
from talentbrug.taxonomy.services import ensure_taxonomy_loaded
from talentbrug.vacancies.constants import Vakgebied, WerkDenkniveau
from talentbrug.vacancies.models import LanguageRequirement, Requirement, Vacancy

CHUNK = 5_000
BATCH = 2_000
FIRST_NAMES = [
    "Sanne",
    "Daan",
    "Fatima",
    "Mohamed",
    "Yusuf",
    "Aisha",
    "Lotte",
    "Bram",
    "Semhar",
    "Tesfay",
    "Zeynep",
    "Emre",
    "Parisa",
    "Reza",
    "Noor",
    "Sem",
    "Julia",
    "Luuk",
    "Amira",
    "Omar",
]
LAST_NAMES = [
    "de Vries",
    "Jansen",
    "El Amrani",
    "Yilmaz",
    "Bakker",
    "Visser",
    "Haile",
    "Tesfamariam",
    "Hosseini",
    "Ahmadi",
    "Smit",
    "Mulder",
    "Kaya",
    "Demir",
    "Hendriks",
    "Bos",
    "Meijer",
    "Peters",
]
LANG_SKILLS = ["reading", "listening", "writing", "speaking"]
CEFR = ["A1", "A2", "B1", "B2", "C1", "C2"]
ROUTES = ["cv", "no_cv", "video", "work_sample", "recruitment_day"]
EDU_LEVELS = ["1", "2", "3", "4", "4+", "5", "6", "7"]
EDU_SOURCES = ["dutch_diploma", "idw_received", "idw_requested", "indication", "self_declared"]
HISTORY_DAYS = 545  # 18 months of publications and applications
HISTORY = "selection and onboarding history"


class FastInsert:
    """Plain multi-row INSERTs for the big tables (no model instances, no RETURNING).

    Columns come from the model, so a field added later with a default still gets a value;
    values that need the database's format (UUIDs and datetimes on SQLite, JSON) go through
    the field's own ``get_db_prep_save``.
    """

    def __init__(self, model: Any, given: list[str]) -> None:
        self.connection = connection
        fields = [f for f in model._meta.concrete_fields if not f.primary_key]
        names = {f.attname for f in fields} | {f.name for f in fields}
        unknown = set(given) - names
        if unknown:
            raise CommandError(f"unknown fields for {model.__name__}: {sorted(unknown)}")
        self.fields = fields
        self.index = {}
        for f in fields:
            key = f.attname if f.attname in given else f.name
            self.index[f.attname] = given.index(key) if key in given else None
        now = timezone.now()
        self.defaults = [
            f.get_db_prep_save(
                # auto_now(_add) fields have no default: they are set on save, which is skipped
                now
                if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False)
                # a callable default (a new UUID, say) is called per insert, not per row
                else f.get_default(),
                connection,
            )
            if self.index[f.attname] is None
            else None
            for f in fields
        ]
        self.prep = [
            f.get_internal_type() in ("UUIDField", "DateTimeField", "JSONField", "DateField")
            for f in fields
        ]
        quote = connection.ops.quote_name
        cols = ", ".join(quote(f.column) for f in fields)
        marks = ", ".join(["%s"] * len(fields))
        table = quote(model._meta.db_table)  # names from the model, quoted: no user input
        self.sql = f"INSERT INTO {table} ({cols}) VALUES ({marks})"  # noqa: S608  # nosec B608

    def rows(self, data: list[tuple[Any, ...]]) -> None:
        out = []
        conn = self.connection
        for row in data:
            values = []
            for i, f in enumerate(self.fields):
                j = self.index[f.attname]
                if j is None:
                    values.append(self.defaults[i])
                elif self.prep[i]:
                    values.append(f.get_db_prep_save(row[j], conn))
                else:
                    values.append(row[j])
            out.append(values)
        with conn.cursor() as cur:
            for start in range(0, len(out), 10 * BATCH):
                cur.executemany(self.sql, out[start : start + 10 * BATCH])


class Command(BaseCommand):
    help = "Maak een grote, herhaalbare dataset voor benchmarks (bulk inserts)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--candidates", type=int, default=100_000)
        parser.add_argument("--vacancies", type=int, default=5_000)
        parser.add_argument("--applications", type=int, default=300_000)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument(
            "--pool-share", type=float, default=0.1, help="Share of candidates in the talent pool."
        )

    def handle(self, *args: Any, **opts: Any) -> None:

        for key in ("candidates", "vacancies", "applications"):
            if opts[key] < 0:
                raise CommandError(f"--{key} must be 0 or more")
        if opts["applications"] and not (opts["candidates"] and opts["vacancies"]):
            raise CommandError("--applications needs candidates and vacancies")
        self.seed = opts["seed"]
        prefix = f"schaal-{self.seed}-"
        if Candidate.objects.filter(email__startswith=prefix).exists():
            raise CommandError(
                f"There are already scale candidates for --seed {self.seed}; choose another seed "
                "or start from an empty database."
            )
        self.rng = random.Random(self.seed)
        # Times (and the vacancy fields Insights reads) from their own stream: the rows
        # drawn from ``self.rng`` stay what they were before the history was added.
        self.time_rng = random.Random(f"scale-times-{self.seed}")
        self.published_at: dict[int, Any] = {}
        self.now = timezone.now()
        self.today = timezone.localdate()
        self.times: dict[str, float] = {}
        started = time.perf_counter()
        if connection.vendor == "sqlite" and not connection.in_atomic_block:
            # Bulk load: fewer fsyncs. Only this connection; a crash mid-run may need a new DB.
            with connection.cursor() as cur:
                cur.execute("PRAGMA synchronous = OFF")
                cur.execute("PRAGMA cache_size = -200000")
        self.timed("taxonomy", self.load_taxonomy)
        orgs = self.timed("organisations", self.organisations)
        vacancies = self.timed("vacancies", lambda: self.vacancies(orgs, opts["vacancies"]))
        candidate_ids = self.timed(
            "candidates", lambda: self.candidates(opts["candidates"], opts["pool_share"])
        )
        self.timed(
            "applications",
            lambda: self.applications(vacancies, candidate_ids, opts["applications"]),
        )
        self.timed(
            HISTORY,
            lambda: self.history_counts(
                seed_history(
                    FastInsert,
                    seed=self.seed,
                    now=self.now,
                    timed=lambda sub, fn: self.timed(f"  {HISTORY}: {sub}", fn),
                )
            ),
        )
        if connection.vendor == "postgresql":
            # Fresh planner statistics: without them PostgreSQL guesses thousands of rows for a
            # lookup of 60 candidates and scans whole tables (0.6 ms became 250 ms per query).
            self.timed("analyze", lambda: connection.cursor().execute("ANALYZE"))

        engine.reset_index()
        engine.invalidate_snapshot()
        total = time.perf_counter() - started
        self.stdout.write("")
        for part, secs in self.times.items():
            if part.startswith(" "):
                continue
            self.stdout.write(f"  {part:<32} {secs:8.1f} s")
            for sub, sub_secs in self.times.items():
                if sub.startswith(f"  {part}: "):
                    self.stdout.write(f"    {sub.split(': ', 1)[1]:<30} {sub_secs:8.1f} s")
        self.stdout.write(self.style.SUCCESS(f"  {'total':<32} {total:8.1f} s"))

    def history_counts(self, counts: dict[str, int]) -> None:
        self.stdout.write("  " + ", ".join(f"{n} {kind}" for kind, n in counts.items()))

    def timed(self, part: str, fn: Any) -> Any:
        t0 = time.perf_counter()
        result = fn()
        self.times[part] = self.times.get(part, 0.0) + time.perf_counter() - t0
        self.stdout.write(f"{part}: {self.times[part]:.1f} s", ending="\n")
        self.stdout.flush()
        return result

    def add_time(self, part: str, t0: float) -> None:
        self.times[part] = self.times.get(part, 0.0) + time.perf_counter() - t0

    # ------------------------------------------------------------------ parts
    def load_taxonomy(self) -> None:

        ensure_taxonomy_loaded()
        self.skill_pk = dict(Skill.objects.values_list("esco_id", "pk"))
        tax = taxonomy()
        self.tax = tax
        self.occupations = [
            o
            for o in sorted(tax.ict_occupations(), key=lambda o: o.id)
            if len([s for s in o.essential if s in self.skill_pk]) >= 3
        ]
        if not self.occupations:
            raise CommandError("No ICT occupations with skills in the taxonomy tables.")

    def organisations(self) -> list[int]:

        existing = list(
            Organisation.objects.filter(is_active=True).order_by("pk").values_list("pk", flat=True)
        )
        if existing:
            return existing
        with transaction.atomic():
            made = Organisation.objects.bulk_create(
                [
                    Organisation(
                        name=f"Schaalorganisatie {i:02d}",
                        short_name=f"SCH{i:02d}",
                        slug=f"schaal-{i:02d}",
                    )
                    for i in range(1, 21)
                ]
            )
        return [o.pk for o in made]

    def _label(self, sid: str) -> str:
        sk = self.tax.skills[sid]
        return (sk.label_nl or sk.label_en)[:300]

    def vacancies(self, orgs: list[int], count: int) -> list[tuple[int, str]]:

        rng = self.rng
        out: list[tuple[int, str]] = []
        for start in range(0, count, CHUNK):
            n = min(CHUNK, count - start)
            objs, plans = [], []
            for i in range(start, start + n):
                occ = rng.choice(self.occupations)
                status = rng.choices(["published", "closed", "concept", "filled"], [70, 10, 15, 5])[
                    0
                ]
                times = self.time_rng
                published_at = None
                if status != "concept":
                    published_at = self.now - timedelta(
                        days=times.randint(0, HISTORY_DAYS), seconds=times.randint(0, 86_399)
                    )
                objs.append(
                    Vacancy(
                        organisation_id=rng.choice(orgs),
                        title=f"{occ.label('nl')[:1].upper()}{occ.label('nl')[1:]} ({i + 1})"[:200],
                        status=status,
                        hours_min=rng.choice([24, 28, 32, 32, 36]),
                        hours_max=rng.choice([36, 36, 40]),
                        region=rng.choice(REGIONS),
                        location="",
                        remote_option=rng.choice(["on_site", "hybrid", "hybrid", "mostly_remote"]),
                        min_education_level=rng.choice(["", "", "2", "3", "4", "6"]),
                        closing_date=self.today + timedelta(days=rng.randint(-10, 60)),
                        tasks_text="<p>Schaaldata voor benchmarks.</p>",
                        published_at=published_at,
                        vakgebied=times.choices([Vakgebied.ICT, Vakgebied.DOCUMENTATION], [85, 15])[
                            0
                        ],
                        werk_denkniveau=times.choices(
                            [WerkDenkniveau.MBO, WerkDenkniveau.HBO], [40, 60]
                        )[0],
                        nt2_welcome=times.random() < 0.55,
                    )
                )
                plans.append(occ)
            t0 = time.perf_counter()
            with transaction.atomic():
                made = Vacancy.objects.bulk_create(objs, batch_size=BATCH)
                reqs, langs, carved = [], [], []
                for v, occ in zip(made, plans, strict=True):
                    ess = [s for s in occ.essential if s in self.skill_pk]
                    opt = [s for s in occ.optional if s in self.skill_pk and s not in ess]
                    for pos, sid in enumerate(rng.sample(ess, min(len(ess), rng.randint(3, 6)))):
                        reqs.append(
                            Requirement(
                                vacancy_id=v.pk,
                                skill_id=self.skill_pk[sid],
                                kind="must_have",
                                position=pos,
                            )
                        )
                    for pos, sid in enumerate(rng.sample(opt, min(len(opt), rng.randint(1, 4)))):
                        reqs.append(
                            Requirement(
                                vacancy_id=v.pk,
                                skill_id=self.skill_pk[sid],
                                kind="learnable",
                                position=pos,
                            )
                        )
                    nl = rng.choice(["A2", "B1", "B1", "B2"])
                    for skill in rng.sample(LANG_SKILLS, rng.randint(1, 3)):
                        langs.append(
                            LanguageRequirement(
                                vacancy_id=v.pk,
                                language="nl",
                                skill=skill,
                                level=nl,
                                timing=rng.choice(["at_start", "with_coach", "with_coach"]),
                                justification="Schaaldata." if nl in ("B2",) else "",
                            )
                        )
                    if rng.random() < 0.3:
                        langs.append(
                            LanguageRequirement(
                                vacancy_id=v.pk,
                                language="en",
                                skill="reading",
                                level="B1",
                                timing="at_start",
                            )
                        )
                    if out and rng.random() < 0.05:
                        carved.append((v.pk, rng.choice(out)[0]))
                    out.append((v.pk, v.status))
                    self.published_at[v.pk] = v.published_at
                Requirement.objects.bulk_create(reqs, batch_size=BATCH)
                LanguageRequirement.objects.bulk_create(langs, batch_size=BATCH)
                for pk, source in carved:
                    Vacancy.objects.filter(pk=pk).update(carved_from_id=source)
            self.add_time("  vacancies: rows", t0)
        return out

    def candidates(self, count: int, pool_share: float) -> list[int]:
        rng = self.rng
        ids: list[int] = []
        skill_insert = FastInsert(
            CandidateSkill,
            ["candidate_id", "skill_id", "esco_id", "label", "source", "confirmed", "confidence"],
        )
        language_insert = FastInsert(
            LanguageProficiency, ["candidate_id", "language", "skill", "level"]
        )
        for start in range(0, count, CHUNK):
            n = min(CHUNK, count - start)
            t0 = time.perf_counter()
            objs = [
                Candidate(
                    email=f"schaal-{self.seed}-{i:06d}@voorbeeld.example",
                    name=f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}",
                    preferred_language=rng.choices(
                        ["nl", "en", "ar", "ti", "tr", "fa"], [60, 10, 10, 8, 6, 6]
                    )[0],
                    right_to_work=rng.choice(["yes", "yes", "yes", "unknown"]),
                    hours_per_week=rng.choice([16, 24, 32, 32, 36, 36, 40]),
                    availability="",
                )
                for i in range(start, start + n)
            ]
            self.add_time("  candidates: build", t0)
            t0 = time.perf_counter()
            with transaction.atomic():
                made = Candidate.objects.bulk_create(objs, batch_size=BATCH)
                self.add_time("  candidates: rows", t0)
                t0 = time.perf_counter()
                skills: list[tuple[Any, ...]] = []
                langs: list[tuple[Any, ...]] = []
                edus, prefs, consents = [], [], []
                for cand in made:
                    occs = [rng.choice(self.occupations)]
                    if rng.random() < 0.3:
                        occs.append(rng.choice(self.occupations))
                    chosen: set[str] = set()
                    for occ in occs:
                        ess = [s for s in occ.essential if s in self.skill_pk]
                        opt = [s for s in occ.optional if s in self.skill_pk]
                        chosen.update(rng.sample(ess, min(len(ess), rng.randint(2, 8))))
                        chosen.update(rng.sample(opt, min(len(opt), rng.randint(0, 4))))
                    for sid in sorted(chosen):
                        skills.append(
                            (
                                cand.pk,
                                self.skill_pk[sid],
                                sid,
                                self._label(sid),
                                rng.choice(["extracted", "chosen"]),
                                rng.random() < 0.85,
                                round(rng.uniform(0.5, 1.0), 2),
                            )
                        )
                    nl = rng.choice([1, 2, 2, 3, 3, 3, 4, 4, 5, 6])
                    for skill in LANG_SKILLS:
                        lv = max(1, min(6, nl + rng.choice([-1, 0, 0, 1])))
                        langs.append((cand.pk, "nl", skill, CEFR[lv - 1]))
                    if rng.random() < 0.7:
                        for skill in ("reading", "speaking"):
                            langs.append((cand.pk, "en", skill, CEFR[rng.randint(1, 5)]))
                    if rng.random() < 0.35:
                        other = rng.choice(["ar", "ti", "tr", "fa"])
                        langs.append((cand.pk, other, "speaking", "C2"))
                    if rng.random() < 0.9:
                        edus.append(
                            Education(
                                candidate_id=cand.pk,
                                programme="Opleiding",
                                level=rng.choice(EDU_LEVELS),
                                level_source=rng.choice(EDU_SOURCES),
                                completed=rng.random() < 0.85,
                            )
                        )
                    prefs.append(
                        WorkPreference(
                            candidate_id=cand.pk,
                            regions=rng.sample(REGIONS, rng.randint(1, 3)),
                            remote_ok=rng.random() < 0.8,
                            available_from=self.today + timedelta(days=rng.randint(0, 120)),
                        )
                    )
                    if rng.random() < pool_share:
                        given = self.now - timedelta(days=rng.randint(0, 400))
                        withdrawn = given + timedelta(days=10) if rng.random() < 0.05 else None
                        consents.append(
                            Consent(
                                candidate_id=cand.pk,
                                kind="talent_pool",
                                text_version="2026-1",
                                text="Ik wil 12 maanden in de talentpool staan.",
                                language="nl",
                                given_at=given,
                                expires_at=given + timedelta(days=365),
                                withdrawn_at=withdrawn
                                if withdrawn and withdrawn < self.now
                                else None,
                            )
                        )
                    ids.append(cand.pk)
                self.add_time("  candidates: build children", t0)
                t0 = time.perf_counter()
                skill_insert.rows(skills)
                self.add_time("  candidates: skills", t0)
                t0 = time.perf_counter()
                language_insert.rows(langs)
                self.add_time("  candidates: languages", t0)
                for label, model, rows in (
                    ("educations", Education, edus),
                    ("work preferences", WorkPreference, prefs),
                    ("consents", Consent, consents),
                ):
                    t0 = time.perf_counter()
                    model.objects.bulk_create(rows, batch_size=BATCH)  # type: ignore[attr-defined]
                    self.add_time(f"  candidates: {label}", t0)
            done = start + n
            if done % 20_000 == 0 or done == count:
                self.stdout.write(f"  {done}/{count} candidates")
        return ids

    def applications(
        self, vacancies: list[tuple[int, str]], candidates: list[int], count: int
    ) -> None:
        if not count:
            return
        rng = self.rng
        open_ids = [pk for pk, status in vacancies if status in ("published", "closed", "filled")]
        if not open_ids:
            raise CommandError("No published vacancies to apply to.")
        org_of = dict(Vacancy.objects.filter(pk__in=open_ids).values_list("pk", "organisation_id"))
        if count > len(candidates) * len(open_ids) // 2:
            raise CommandError("Too many applications for this number of candidates and vacancies.")
        seen: set[tuple[int, int]] = set()
        insert = FastInsert(
            Application,
            [
                "organisation_id",
                "vacancy_id",
                "candidate_id",
                "route",
                "status",
                "idempotency_key",
                "submitted_at",
                "withdrawn_at",
            ],
        )
        made = 0
        while made < count:
            n = min(CHUNK * 4, count - made)
            objs: list[tuple[Any, ...]] = []
            while len(objs) < n:
                cid, vid = rng.choice(candidates), rng.choice(open_ids)
                if (cid, vid) in seen:
                    continue
                seen.add((cid, vid))
                withdrawn = rng.random() < 0.05
                times = self.time_rng
                submitted = min(
                    self.now,
                    self.published_at[vid]
                    + timedelta(days=times.randint(0, 40), seconds=times.randint(0, 86_399)),
                )
                objs.append(
                    (
                        org_of[vid],
                        vid,
                        cid,
                        rng.choice(ROUTES),
                        "withdrawn" if withdrawn else "submitted",
                        uuid.UUID(int=rng.getrandbits(128), version=4),
                        submitted,
                        min(self.now, submitted + timedelta(days=times.randint(1, 30)))
                        if withdrawn
                        else None,
                    )
                )
            with transaction.atomic():
                insert.rows(objs)
            made += n
        self.stdout.write(f"  {made} applications")
