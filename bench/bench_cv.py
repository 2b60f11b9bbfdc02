"""Benchmark of reading a CV: text extraction, skill linking (ESCO) and education/experience.

Generates realistic CVs of 1, 2, 3 and 5 pages (``--pages``) in Dutch and English, as PDF (rendered by
WeasyPrint from HTML, with real fonts and layout) and DOCX (python-docx), then times per CV:

* ``extract (child)``: ``core.safeparse.analyse`` -- what the background task runs: the
  parser in a child process with CPU/memory limits (includes the process start);
* ``extract (in-process)``: ``docanalysis.analyse`` -- the parser alone;
* ``skills``: ``matching.extraction.SkillExtractor.extract`` -- finding and linking ESCO skills;
* ``entries``: ``applications.cvparse.parse_cv`` -- education and work experience;
* ``total``: child extraction + skills + entries, i.e. the task without database writes.

Usage::

    PYTHONPATH=src .venv/bin/python bench/bench_cv.py [--per-kind 5] [--seed 1]

Prints median (p50) and p95 per scenario and writes var/bench/cv.json.
"""

from __future__ import annotations

import argparse
import io
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from bench.harness import Bench, percentile  # noqa: E402
from talentbrug.applications.cvparse import parse_cv  # noqa: E402
from talentbrug.core.safeparse import analyse as safe_analyse  # noqa: E402
from talentbrug.docanalysis import analyse  # noqa: E402

NL = {
    "profile": "Profiel",
    "work": "Werkervaring",
    "education": "Opleiding",
    "skills": "Vaardigheden",
    "languages": "Talen",
    "now": "heden",
    "titles": [
        "Servicedeskmedewerker",
        "Medewerker ICT-beheer",
        "Systeembeheerder",
        "Netwerkbeheerder",
        "Helpdeskmedewerker",
        "Applicatiebeheerder",
        "Magazijnmedewerker",
        "Vrijwilliger taalcafé",
    ],
    "employers": [
        "Gemeente Utrecht",
        "Belastingdienst",
        "Syriatel, Damascus",
        "ROC Midden Nederland",
        "PostNL, Rotterdam",
        "Bibliotheek Amersfoort",
        "Turkcell, Istanbul",
    ],
    "tasks": [
        "Gebruikers helpen met laptops, wachtwoorden en accounts.",
        "Storingen in het netwerk oplossen en documenteren in TOPdesk.",
        "Nieuwe collega's uitleg geven over Microsoft 365 en Teams.",
        "Servers en back-ups controleren en bijhouden.",
        "Klanten helpen aan de telefoon en via de chat.",
        "Scripts schrijven in Python en PowerShell om werk te automatiseren.",
        "Werkplekken installeren en hardware repareren.",
        "Meedenken over informatiebeveiliging en privacy.",
    ],
    "educations": [
        "MBO 4 ICT Beheer (crebo 25604, BBL), ROC Midden Nederland",
        "Bachelor Informatica, Universiteit van Damascus, Syrië",
        "MBO 2 Logistiek, Albeda, Rotterdam",
        "havo, Scholengemeenschap De Breul, Zeist",
        "Associate degree ICT, Hogeschool Utrecht",
    ],
    "intro": (
        "Ik ben een rustige en behulpzame ICT'er. Ik leer snel en werk graag in een team. "
        "Mijn Nederlands is op niveau B1 en wordt elke week beter."
    ),
    "skill_list": "netwerkbeheer, Python, Linux, Windows Server, klanten helpen, TOPdesk, Excel",
    "language_list": "Nederlands (B1), Arabisch, Engels (B2)",
}
EN = {
    "profile": "Profile",
    "work": "Work experience",
    "education": "Education",
    "skills": "Skills",
    "languages": "Languages",
    "now": "present",
    "titles": [
        "IT Support Technician",
        "Service Desk Agent",
        "Network Administrator",
        "System Administrator",
        "Junior Developer",
        "Warehouse employee",
        "Volunteer teacher",
    ],
    "employers": [
        "Eritel, Asmara",
        "Ministry of Education, Asmara",
        "Irancell, Tehran",
        "PostNL, Rotterdam",
        "Refugee Council, Amsterdam",
        "Asiacell, Baghdad",
    ],
    "tasks": [
        "Installed and maintained computer networks for 200 users.",
        "Solved incidents by phone and on site, logged in a ticket system.",
        "Wrote small tools in Python to automate reports.",
        "Configured firewalls, switches and Wi-Fi access points.",
        "Trained colleagues in Microsoft Office and e-mail security.",
        "Managed Linux and Windows servers and their backups.",
        "Helped customers with their accounts and devices.",
    ],
    "educations": [
        "Bachelor of Science in Computer Engineering, Asmara University, Eritrea",
        "Secondary School Certificate, Asmara, Eritrea",
        "Karshenasi (BSc) Software Engineering, University of Isfahan, Iran",
        "Master of Science in Information Technology, University of Baghdad, Iraq",
        "Cisco CCNA course, Netacad",
    ],
    "intro": (
        "Calm and helpful IT professional with experience in networks and support. "
        "I learn Dutch every day and I like to work in a team."
    ),
    "skill_list": "networking, Linux, Python, customer service, Windows, Cisco, SQL",
    "language_list": "Tigrinya, English (C1), Dutch (A2)",
}


def cv_sections(rng: random.Random, words: dict, pages: int) -> list[tuple[str, list[str]]]:
    """Headings with their lines; about 45 lines of text per page."""
    jobs = 4 * pages
    year = 2025
    work: list[str] = []
    for n in range(jobs):
        start = year - rng.randint(1, 3)
        end = words["now"] if n == 0 else str(year)
        work.append(
            f"{start} – {end}  {rng.choice(words['titles'])}, {rng.choice(words['employers'])}"
        )
        work.extend(f"- {rng.choice(words['tasks'])}" for _ in range(4 + pages))
        year = start
    educations = []
    for n in range(1 + pages):
        start = 2004 + 4 * n
        educations.append(f"{start} - {start + 3}  {rng.choice(words['educations'])}")
    return [
        ("", ["Amira Haddad", "amira.haddad@voorbeeld.nl", "06 12345678"]),
        (words["profile"], [words["intro"]] * (2 * pages)),
        (words["work"], work),
        (words["education"], educations),
        (words["skills"], [words["skill_list"]]),
        (words["languages"], [words["language_list"]]),
    ]


def make_pdf(sections: list[tuple[str, list[str]]]) -> bytes:
    from html import escape

    from weasyprint import HTML

    body = []
    for heading, lines in sections:
        if heading:
            body.append(f"<h2>{escape(heading)}</h2>")
        body.extend(f"<p>{escape(line)}</p>" for line in lines)
    html = (
        "<html><head><style>@page{size:A4;margin:2cm} body{font:11pt sans-serif}"
        "h2{font-size:14pt;margin:1em 0 .3em} p{margin:.2em 0}</style></head><body>"
        + "".join(body)
        + "</body></html>"
    )
    return bytes(HTML(string=html).write_pdf())


def make_docx(sections: list[tuple[str, list[str]]]) -> bytes:
    import docx

    document = docx.Document()
    for heading, lines in sections:
        if heading:
            document.add_heading(heading, level=2)
        for line in lines:
            document.add_paragraph(line)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def pdf_pages(data: bytes) -> int:
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(data)).pages)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--per-kind", type=int, default=5, help="CVs per format/language/length")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--pages", default="1,2,3,5", help="CV lengths in pages (the issue's target is 5 pages)"
    )
    args = parser.parse_args()
    rng = random.Random(args.seed)

    started = time.perf_counter()
    from talentbrug.matching.extraction import SkillExtractor

    extractor = SkillExtractor()
    load_ms = (time.perf_counter() - started) * 1000

    documents: list[tuple[str, str, bytes]] = []
    for language, words in (("nl", NL), ("en", EN)):
        for pages in (int(p) for p in args.pages.split(",")):
            for _ in range(args.per_kind):
                sections = cv_sections(rng, words, pages)
                pdf = make_pdf(sections)
                documents.append((f"pdf {language} {pdf_pages(pdf)}p", "cv.pdf", pdf))
                documents.append((f"docx {language} ~{pages}p", "cv.docx", make_docx(sections)))

    bench = Bench("cv")
    bench.record("load skill extractor (once per worker)", ms=round(load_ms, 1))
    timings: dict[str, dict[str, list[float]]] = {}
    found_skills: list[int] = []
    found_entries: list[int] = []
    for label, name, data in documents:
        kind = label.split()[0] + " " + label.split()[-1]
        rows = timings.setdefault(kind, {k: [] for k in ("child", "inproc", "skills", "entries")})
        analyse(io.BytesIO(data), name=name)  # warm the parser modules
        t0 = time.perf_counter()
        result = safe_analyse(io.BytesIO(data), name=name)
        t1 = time.perf_counter()
        analyse(io.BytesIO(data), name=name)
        t2 = time.perf_counter()
        skills = extractor.extract(result.text)
        t3 = time.perf_counter()
        entries = parse_cv(result.text)
        t4 = time.perf_counter()
        rows["child"].append((t1 - t0) * 1000)
        rows["inproc"].append((t2 - t1) * 1000)
        rows["skills"].append((t3 - t2) * 1000)
        rows["entries"].append((t4 - t3) * 1000)
        found_skills.append(len(skills))
        found_entries.append(len(entries.education) + len(entries.experience))

    def row(scenario: str, values: list[float]) -> None:
        bench.record(
            scenario,
            runs=len(values),
            p50_ms=round(percentile(values, 0.5), 1),
            p95_ms=round(percentile(values, 0.95), 1),
            max_ms=round(max(values), 1),
        )

    for kind in sorted(timings):
        rows = timings[kind]
        row(f"{kind}: extract (child process)", rows["child"])
        row(f"{kind}: extract (in-process)", rows["inproc"])
        row(f"{kind}: skills (ESCO linking)", rows["skills"])
        row(f"{kind}: education + experience", rows["entries"])
        totals = [
            c + s + e
            for c, s, e in zip(rows["child"], rows["skills"], rows["entries"], strict=True)
        ]
        row(f"{kind}: total", totals)
    every = [
        c + s + e
        for rows in timings.values()
        for c, s, e in zip(rows["child"], rows["skills"], rows["entries"], strict=True)
    ]
    row("ALL CVs: total (child + skills + entries)", every)
    bench.record(
        "found per CV",
        skills_p50=percentile([float(n) for n in found_skills], 0.5),
        entries_p50=percentile([float(n) for n in found_entries], 0.5),
        documents=len(documents),
    )
    bench.report()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
