"""The Celery app. Without CELERY_BROKER_URL tasks run eagerly in-process."""

import logging
import os

from celery import Celery, signals

from talentbrug.conf.checks import refuse_unsafe_production as refuse
from talentbrug.conf.logredact import TaskLogSummary

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "talentbrug.conf.dev")

app = Celery("talentbrug")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@signals.worker_init.connect
def refuse_unsafe_production(**kwargs: object) -> None:
    """A worker sends the mail: it refuses the same unsafe production settings as the web."""

    refuse()


@signals.after_setup_task_logger.connect
@signals.after_setup_logger.connect
def keep_task_lines_short(**kwargs: object) -> None:
    """A worker sets up its own logging: the task lines keep name, id and outcome there too."""
    trace = logging.getLogger("celery.app.trace")
    if not any(isinstance(f, TaskLogSummary) for f in trace.filters):
        trace.addFilter(TaskLogSummary())
