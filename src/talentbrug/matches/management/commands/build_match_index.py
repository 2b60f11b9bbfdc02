"""Build the candidate index now and save it for the next start (deploy step, after seed_scale).

    manage.py build_match_index

A process that starts later loads the saved index (same content version) in well under a
second instead of building it from the database on the first "Passende kandidaten" page.
"""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand

from talentbrug.matches import engine


class Command(BaseCommand):
    help = "Bouw de kandidatenindex en bewaar hem voor de volgende start."

    def handle(self, *args: Any, **opts: Any) -> None:

        started = time.perf_counter()
        version = engine.content_version()
        index = engine.build_index()
        index.save(engine.snapshot_path(), version)
        self.stdout.write(
            self.style.SUCCESS(
                f"Klaar: {len(index)} kandidaten in {time.perf_counter() - started:.1f} s, "
                f"bewaard in {engine.snapshot_path()}"
            )
        )
