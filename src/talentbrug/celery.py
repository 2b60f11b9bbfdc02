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


@signals.worker_process_init.connect
def warm_the_reader(**kwargs: object) -> None:
    """Tasks that read texts wait for the e5 model in a worker; it loads in the background as
    the process starts, never in a web request (``matches.reader``)."""
    from talentbrug.matches import reader  # local import: the app registry is ready only now

    reader.wait_for_model()
    reader.warm_up()


@signals.worker_init.connect
def tasks_wait_for_the_reader(**kwargs: object) -> None:
    """A worker without child processes (``--pool solo``/threads) waits for the model too."""
    from talentbrug.matches import reader  # local import: the app registry is ready only now

    reader.wait_for_model()
