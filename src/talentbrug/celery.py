"""The Celery app. Without CELERY_BROKER_URL tasks run eagerly in-process."""

import os

from celery import Celery, signals

from talentbrug.conf.checks import refuse_unsafe_production as refuse

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "talentbrug.conf.dev")

app = Celery("talentbrug")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@signals.worker_init.connect
def refuse_unsafe_production(**kwargs: object) -> None:
    """A worker sends the mail: it refuses the same unsafe production settings as the web."""

    refuse()
