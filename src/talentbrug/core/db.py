"""SQLite tuning for many small writes (the import, several people triaging at once).

Connected in ``CoreConfig.ready()`` for every connection (records' import and triage were the
first to need it); it only acts on SQLite connections.

- ``journal_mode=WAL``: readers do not block the writer and the writer does not block
  readers, so a triage screen stays responsive while an import writes.
- ``synchronous=NORMAL``: in WAL mode a commit no longer waits for the disk (fsync happens
  at checkpoints). A power cut may lose the last commits, never corrupt the database; that
  is the documented safe setting for WAL.

PostgreSQL needs none of this. The file-based setting persists in the database file; for an
in-memory test database SQLite answers "memory" and nothing changes.
"""

from __future__ import annotations

from typing import Any

from django.db import DatabaseError


def tune_sqlite(sender: Any, connection: Any, **kwargs: Any) -> None:
    if connection.vendor != "sqlite":
        return
    try:
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
    except DatabaseError:  # e.g. another connection holds a lock while switching: try later
        pass


def connect() -> None:
    from django.db.backends.signals import connection_created

    connection_created.connect(tune_sqlite, dispatch_uid="core.tune_sqlite")
