from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OutboxConfig(AppConfig):
    name = "talentbrug.outbox"
    verbose_name = _("Uitgaande e-mail")

    def ready(self) -> None:
        # local import: AppConfig.ready() runs once the app registry is loaded (all imports below)
        from talentbrug.accounts.mail import register_mail_queue
        from talentbrug.core import periodic

        from . import services, tasks

        periodic.register("outbox.send_due", tasks.send_due_mails)
        register_mail_queue(services.queue_mail)
