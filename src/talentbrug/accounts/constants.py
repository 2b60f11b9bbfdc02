from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    """Staff roles within one organisation."""

    HR_ADVISER = "hr_adviser", _("HR-adviseur")
    HIRING_MANAGER = "hiring_manager", _("Leidinggevende")
    ASSESSOR = "assessor", _("Beoordelaar")
    ONBOARDING_COORDINATOR = "onboarding_coordinator", _("Coördinator inwerken")
    RECORDS_MANAGER = "records_manager", _("Informatiebeheerder")
    ARCHIVIST = "archivist", _("Archivaris")
    ORG_ADMIN = "org_admin", _("Beheerder organisatie")


class OrganisationKind(models.TextChoices):
    MINISTRY = "ministry", _("Ministerie")
    AGENCY = "agency", _("Uitvoeringsorganisatie")
    SHARED_SERVICE = "shared_service", _("Shared service organisatie")
