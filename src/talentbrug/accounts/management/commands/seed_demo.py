"""Create the deterministic demo data set when the database is empty, and print the logins.

Each Talentbrug app may have a ``demo`` module with ``seed(context)``; they run in the order
of INSTALLED_APPS inside one transaction, so a failure leaves nothing half-made.
"""

from __future__ import annotations

import importlib
import random
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction

from talentbrug.accounts.demo import logins
from talentbrug.accounts.models import Organisation


class Command(BaseCommand):
    help = "Laad demodata (alleen in een lege database) en toon de demo-logins."

    def handle(self, *args: Any, **options: Any) -> None:
        if Organisation.objects.exists():
            self.stdout.write("Demodata staat er al; er is niets toegevoegd.")
        else:
            random.seed(2026)
            context: dict[str, Any] = {}
            with transaction.atomic():
                for config in apps.get_app_configs():
                    if not config.name.startswith("talentbrug."):
                        continue
                    try:
                        module = importlib.import_module(f"{config.name}.demo")
                    except ModuleNotFoundError as exc:
                        if exc.name != f"{config.name}.demo":
                            raise
                        continue
                    module.seed(context)
            self.stdout.write(self.style.SUCCESS("Demodata geladen."))
        self.print_logins()

    def print_logins(self) -> None:

        self.stdout.write("")
        password = settings.TALENTBRUG_DEMO_PASSWORD
        self.stdout.write(f"Demo-logins (wachtwoord voor iedereen: {password})")
        for username, description in logins():
            self.stdout.write(f"  {username:<22} {description}")
        if settings.TALENTBRUG_DEMO_SKIP_2FA:
            self.stdout.write(
                "Let op: TALENTBRUG_DEMO_SKIP_2FA staat aan, alleen voor deze lokale demo. "
                "Productie-instellingen weigeren te starten met deze instelling."
            )
