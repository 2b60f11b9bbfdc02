"""A stored full-text vector of each vacancy, with a GIN index (PostgreSQL only).

``search.search_vacancies`` matches and ranks on this column instead of computing
``to_tsvector('dutch', ...)`` of the title and five sections for every candidate row: that took
0.2-0.7 ms per row, so a search with broad filters over 1,500 open vacancies cost hundreds of
milliseconds. PostgreSQL keeps the column up to date itself (GENERATED ... STORED), also for
bulk inserts and queryset updates. It is not a model field: the column exists only on PostgreSQL
(SQLite uses the fallback search), so ``search.py`` refers to it by name (``SEARCH_COLUMN``).

Keep the expression in step with ``search.SEARCH_CONFIG``/``TEXT_FIELDS`` (title weight A,
sections weight B). A later migration that changes the type of one of these columns must drop
the column first and add it again (PostgreSQL refuses to alter a column a generated column uses).
"""

from django.db import migrations

COLUMN = "publishing_search_vector"
INDEX = "publishing_vacancy_search_gin"
SECTIONS = ("tasks_text", "requirements_text", "offer_text", "guidance_text", "workplace_text")


def _vector_sql() -> str:
    parts = ["setweight(to_tsvector('dutch'::regconfig, coalesce(title, '')), 'A')"]
    parts += [
        f"setweight(to_tsvector('dutch'::regconfig, coalesce({name}, '')), 'B')"
        for name in SECTIONS
    ]
    return " || ".join(parts)


def add_vector(apps, schema_editor):  # type: ignore[no-untyped-def]
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        f"ALTER TABLE vacancies_vacancy ADD COLUMN IF NOT EXISTS {COLUMN} tsvector "
        f"GENERATED ALWAYS AS ({_vector_sql()}) STORED"
    )
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON vacancies_vacancy USING gin ({COLUMN})"
    )


def drop_vector(apps, schema_editor):  # type: ignore[no-untyped-def]
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")
    schema_editor.execute(f"ALTER TABLE vacancies_vacancy DROP COLUMN IF EXISTS {COLUMN}")


class Migration(migrations.Migration):
    dependencies = [
        ("publishing", "0001_initial"),
        ("vacancies", "0001_initial"),
    ]

    operations = [migrations.RunPython(add_vector, drop_vector, elidable=False)]
