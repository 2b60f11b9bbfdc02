from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApplicationsConfig(AppConfig):
    name = "talentbrug.applications"
    verbose_name = _("Sollicitaties")

    def ready(self) -> None:
        # local import: AppConfig.ready() runs once the app registry is loaded (all imports below)
        from django.db.models.signals import post_delete, post_save

        from talentbrug.core import periodic
        from talentbrug.core.panels import register_panel
        from talentbrug.core.portal import register_candidate_finder
        from talentbrug.publishing.pagecache import forget_careers_pages
        from talentbrug.vacancies.routes import register_usable_routes

        from . import nav, permissions, tasks, tokens, trails  # noqa: F401
        from .models import Booking, RecruitmentDay, Slot, WorkSampleAssignment
        from .services import lifecycle, submission
        from .signals import application_closed, application_moved_back

        register_candidate_finder(tokens.portal_candidate, "applications:link_request")
        application_closed.connect(
            lifecycle.on_application_closed, dispatch_uid="applications.closed"
        )
        application_moved_back.connect(
            lifecycle.on_application_moved_back, dispatch_uid="applications.moved_back"
        )

        periodic.register("applications.purge_pending", tasks.purge_pending_applications)
        periodic.register("applications.resume_stale_extractions", tasks.resume_stale_extractions)

        # A route shows on the careers pages, flyer and feeds only when it can be used now
        # (issue 18): the rule lives here, publishing asks through the vacancies registry, and
        # the cached careers pages are forgotten when an assignment, a day, a time or a booking
        # changes (a time that fills up stops being offered).
        register_usable_routes(submission.routes_for)
        for model in (WorkSampleAssignment, RecruitmentDay, Slot, Booking):
            for signal in (post_save, post_delete):
                signal.connect(
                    forget_careers_pages,
                    sender=model,
                    dispatch_uid=f"applications-routes-{signal is post_save}-{model.__name__}",
                )
        register_panel("vacancies.detail", "applications/routes/_vacancy_panel.html", order=10)
