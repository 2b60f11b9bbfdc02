"""Dry run of the retention job: what the next run removes, in counts and ids (no names)."""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand

from talentbrug.privacy.services.purge import report


class Command(BaseCommand):
    help = "Show what the next retention run will remove (dry run; changes nothing)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--days", type=int, default=7, help="also list what follows within N days"
        )
        parser.add_argument("--json", action="store_true", help="machine-readable output")

    def handle(self, *args: Any, **options: Any) -> None:

        plan = report(days_ahead=options["days"])
        rows = [
            {
                "kind": d.kind,
                "id": d.pk,
                "organisation": d.organisation_id,
                "due_at": d.due_at.isoformat(),
                "reason": str(d.reason),
                "when": when,
            }
            for when in ("due_now", "soon", "held")
            for d in plan[when]
        ]
        handover = [
            {
                "organisation": row["organisation_id"],
                "collection": row["collection"].pk,
                "category": row["category"].code,
                "applications": row["applications"],
                "documents": row["documents"],
            }
            for row in plan["handover"]
        ]
        if options["json"]:
            self.stdout.write(
                json.dumps(
                    {"counts": plan["counts"], "handover": handover, "items": rows}, indent=2
                )
            )
            return
        self.stdout.write(f"Next run removes {len(plan['due_now'])} item(s):")
        for key, value in plan["counts"].items():
            self.stdout.write(f"  {key}: {value}")
        for row in handover:
            self.stdout.write(
                f"  handed to records first: {row['documents']} file(s) of "
                f"{row['applications']} application(s) of org={row['organisation']} -> "
                f"collection {row['collection']} (selectielijst {row['category']})"
            )
        self.stdout.write(f"Within {options['days']} days after that: {len(plan['soon'])} item(s)")
        self.stdout.write(f"Held by a legal hold: {len(plan['held'])} item(s)")
        for row in rows:
            self.stdout.write(
                f"  [{row['when']}] {row['kind']} {row['id']} org={row['organisation']} "
                f"due={row['due_at']} reason={row['reason']}"
            )
