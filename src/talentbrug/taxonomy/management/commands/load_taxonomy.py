from typing import Any

from django.core.management.base import BaseCommand

from talentbrug.taxonomy.services import load_shipped_taxonomy


class Command(BaseCommand):
    help = "Vul de ESCO-tabellen uit de meegeleverde bestanden (taxonomy/data)."

    def handle(self, *args: Any, **options: Any) -> None:
        counts = load_shipped_taxonomy()
        self.stdout.write(
            f"ESCO geladen: {counts['skills']} vaardigheden, {counts['occupations']} beroepen, "
            f"{counts['links']} koppelingen."
        )
