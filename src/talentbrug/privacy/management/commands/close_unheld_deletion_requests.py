"""Close old portal deletion requests that no organisation can act on (ids and counts only)."""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand

from talentbrug.privacy.services.erasure import close_unheld_requests


class Command(BaseCommand):
    help = (
        "Wis personen met een open verwijderverzoek zonder organisatie, van wie geen organisatie "
        "gegevens heeft, en sluit hun verzoeken af (zoals het portaal nu meteen doet). "
        "Ook een periodieke taak: privacy.close_unheld_requests."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--dry-run", action="store_true", help="alleen tellen, niets veranderen"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        counts = close_unheld_requests(dry_run=options["dry_run"])
        self.stdout.write(json.dumps({"dry_run": options["dry_run"], **counts}, sort_keys=True))
