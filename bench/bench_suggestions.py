"""How often the learned keep/discard suggestion is right, and what training costs.

On a realistic mixed collection (records/tests/mixed_collection.py: a recruitment team's shared
drive with policy notes, MT decisions, appointments, annual reports, applications, planning,
invitations, photos and invoices; mixed file types; 8 % of decisions go against the usual
decision for the kind of document). Each decision is predicted by a model trained only on the
decisions before it (held out), exactly as the card reports it.

Usage::

    .venv/bin/python bench/bench_suggestions.py

Writes var/bench/suggestions.json.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT))

from bench.harness import Bench  # noqa: E402
from talentbrug.records.learning import NaiveBayes, tokens  # noqa: E402
from talentbrug.records.tests.mixed_collection import mixed_collection  # noqa: E402


def main() -> None:
    bench = Bench("suggestions")
    tokens("warm")  # load the stop words once
    for size in (50, 200, 1000):
        for seed in (1, 2, 3):
            samples = [
                (f"{s.path} {s.text}", s.decision) for s in mixed_collection(size, seed=seed)
            ]
            model = NaiveBayes.train(samples, evaluate_last=size)
            bench.record(
                f"{size} decisions, seed {seed}: held-out right",
                right=model.right,
                checked=model.checked,
                rate=round(model.right / model.checked, 3) if model.checked else None,
                per_label={k: f"{r}/{t}" for k, (r, t) in sorted(model.heldout.items())},
            )
    samples = [(f"{s.path} {s.text}", s.decision) for s in mixed_collection(1000, seed=1)]
    keys = [str(i) for i in range(len(samples))]
    previous = NaiveBayes.train(samples[:-1], keys=keys[:-1])
    bench.time("train 1000, evaluate last 300", lambda: NaiveBayes.train(samples), repeat=5)
    bench.time(
        "train 1000 after one decision (reuse)",
        lambda: NaiveBayes.train(samples, keys=keys, known=previous.guesses),
        repeat=5,
    )
    bench.time(
        "train 1000 without evaluation",
        lambda: NaiveBayes.train(samples, evaluate_last=0),
        repeat=5,
    )
    bench.report()


if __name__ == "__main__":
    main()
