"""Demo: fill the ESCO tables from the shipped files (other demo steps pick skills from them)."""

from typing import Any

from .services import ensure_taxonomy_loaded


def seed(context: dict[str, Any]) -> None:
    ensure_taxonomy_loaded()
