from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MatchesConfig(AppConfig):
    name = "talentbrug.matches"
    verbose_name = _("Matches")

    def ready(self) -> None:
        # local import: AppConfig.ready() runs once the app registry is loaded (all imports below)
        from talentbrug.applications.signals import register_text_reader
        from talentbrug.taxonomy.services import register_meaning_search

        from . import permissions, signals  # noqa: F401
        from .reader import read_profile, search_meaning

        register_meaning_search(search_meaning)
        register_text_reader(read_profile)
        # a Celery worker loads the e5 model as it starts and its tasks wait for it; a web
        # process never waits (matches.reader)
        from celery import signals as celery_signals

        from .reader import on_worker_init, on_worker_process_init

        celery_signals.worker_init.connect(on_worker_init, weak=False)
        celery_signals.worker_process_init.connect(on_worker_process_init, weak=False)
        # after the extraction tasks read a candidate's text: store what it means (ranking)
        from .textvectors import on_task_postrun

        celery_signals.task_postrun.connect(
            on_task_postrun, weak=False, dispatch_uid="matches.text_vectors"
        )
