"""Run every registered periodic job once, in-process (cron or a systemd timer calls this)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from talentbrug.core import periodic


class Command(BaseCommand):
    help = "Voer alle periodieke taken één keer uit (zoals het sluiten van verlopen vacatures)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("jobs", nargs="*", help="Alleen deze taken (standaard: alle).")
        parser.add_argument("--list", action="store_true", help="Toon de taken en stop.")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["list"]:
            for name in sorted(periodic.PERIODIC_JOBS):
                self.stdout.write(name)
            return
        try:
            results = periodic.run_all(options["jobs"] or None)
        except KeyError as exc:
            raise CommandError(str(exc)) from None
        failed = 0
        for name, result in results.items():
            if isinstance(result, Exception):
                failed += 1
                self.stderr.write(f"{name}: mislukt ({type(result).__name__})")
            else:
                self.stdout.write(f"{name}: {result}")
        if failed:
            raise CommandError(f"{failed} periodieke taak/taken mislukt")
