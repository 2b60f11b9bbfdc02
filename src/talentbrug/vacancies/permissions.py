"""Who may do what with vacancies (added to the central permission table)."""

from django.utils.translation import gettext_lazy as _

from talentbrug.accounts.access import ADMIN, ASSESSOR, HR, MANAGER, register_permissions
from talentbrug.audit.registry import register

register_permissions(
    {
        "vacancies.view": [HR, MANAGER, ASSESSOR, ADMIN],
        "vacancies.edit": [HR, MANAGER],
        "vacancies.submit": [HR, MANAGER],
        "vacancies.review": [HR],
        "vacancies.publish": [HR],
        "vacancies.close": [HR, MANAGER],
        "vacancies.withdraw": [HR],
        "vacancies.reopen": [HR],
        "vacancies.justify": [HR],
        "taxonomy.search": [HR, MANAGER, ASSESSOR, ADMIN],
    }
)

register(
    {
        "vacancy.created": _("Vacature aangemaakt"),
        "vacancy.updated": _("Vacature gewijzigd"),
        "vacancy.duplicated": _("Vacature gekopieerd van vacature {source}"),
        "vacancy.carved": _(
            "Rol gesneden uit {source_kind} {source} ({count} taken en vaardigheden)"
        ),
        "vacancy.transition": _("Status van {from_status} naar {to_status} ({move})"),
        "vacancy.findings_justified": _("Blokkerende punten onderbouwd ({count} punten)"),
        "vacancy.requirement_added": _("Eis toegevoegd ({kind})"),
        "vacancy.requirement_removed": _("Eis verwijderd"),
        "vacancy.language_requirement_added": _("Taaleis toegevoegd ({level})"),
        "vacancy.language_requirement_removed": _("Taaleis verwijderd"),
    }
)


# Statuses in the log in words, never as codes (issue 19).
from talentbrug.audit.registry import register_values  # noqa: E402

from .constants import VacancyStatus  # noqa: E402

register_values("vacancy.", "from_status", VacancyStatus.choices)
register_values("vacancy.", "to_status", VacancyStatus.choices)
