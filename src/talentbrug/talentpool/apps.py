from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TalentpoolConfig(AppConfig):
    name = "talentbrug.talentpool"
    verbose_name = _("Talentpool")

    def ready(self) -> None:
        # local import: AppConfig.ready() runs once the app registry is loaded (all imports below)
        from talentbrug.matches.pool import Pool, register_pool

        from . import permissions, services  # noqa: F401

        register_pool(
            Pool(
                candidate_ids=services.pool_candidate_ids,
                reference_code=services.reference_code,
                profile_token=services.profile_token,
            )
        )
