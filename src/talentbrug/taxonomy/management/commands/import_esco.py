from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from talentbrug.taxonomy.services import EscoImportError, import_esco_csv


class Command(BaseCommand):
    help = "Importeer een officiële ESCO CSV-download (elke taal) in de ESCO-tabellen."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path, help="Map met de CSV-bestanden van ESCO")

    def handle(self, *args: Any, path: Path, **options: Any) -> None:
        try:
            counts = import_esco_csv(path)
        except EscoImportError as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(
            f"Geïmporteerd: {counts['skills']} vaardigheden, {counts['occupations']} beroepen, "
            f"{counts['links']} koppelingen."
        )
