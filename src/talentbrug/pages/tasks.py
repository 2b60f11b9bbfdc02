"""Background tasks of the shell."""

from celery import shared_task
from django.db import connection

from talentbrug.accounts.models import Organisation


@shared_task(name="pages.ping_database")
def ping_database() -> dict[str, object]:
    """Checks that a worker can reach the database; used by /health/?workers=1 and CI."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        (value,) = cursor.fetchone()

    return {"database": value == 1, "organisations": Organisation.objects.count()}
