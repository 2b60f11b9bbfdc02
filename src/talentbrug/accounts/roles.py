"""What each role may do, in words, generated from the permission table.

``ACTION_LABELS`` gives every action of :data:`talentbrug.accounts.access.PERMISSIONS` a short
Dutch description. :func:`role_descriptions` walks the permission table itself, so the text on
the people page can never drift from what the code allows; a test fails when an app adds an
action without a description here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext_lazy as _

from .constants import Role

ACTION_LABELS: dict[str, Any] = {
    "home.view": _("het overzicht voor medewerkers zien"),
    "notifications.view": _("eigen meldingen zien en de dagelijkse e-mail aan- of uitzetten"),
    "audit.view": _("het logboek van de organisatie lezen"),
    "audit.export": _("het logboek downloaden (CSV of Excel)"),
    "organisation.view_members": _("de lijst met medewerkers en hun rollen zien"),
    "people.manage": _(
        "collega's uitnodigen, rollen geven en afnemen, accounts uitschakelen en ontgrendelen"
    ),
    "people.reset_second_factor": _(
        "tweestapsverificatie van een collega herstellen (met een tweede beheerder)"
    ),
    "organisation.settings": _(
        "de instellingen van de organisatie wijzigen (naam, huisstijl, contact, e-mail)"
    ),
    "applications.view": _("sollicitaties bekijken"),
    "applications.identity": _("namen en contactgegevens van kandidaten zien"),
    "applications.search": _("kandidaten zoeken op naam, e-mail, vaardigheid of vacature"),
    "applications.view_documents": _("documenten van kandidaten openen"),
    "applications.merge": _("dubbele kandidaten samenvoegen"),
    "applications.ask": _("kandidaten een vraag stellen"),
    "applications.manage_routes": _("manieren van solliciteren per vacature instellen"),
    "applications.settings": _("instellingen voor sollicitaties wijzigen"),
    "assessments.view": _("wervingsdagen bekijken"),
    "assessments.manage": _("wervingsdagen organiseren"),
    "assessments.observe": _("kandidaten beoordelen op een wervingsdag"),
    "assessments.language": _("uitslagen van taaltoetsen vastleggen"),
    "assessments.diversity": _("de vragenlijst over diversiteit instellen"),
    "insights.view": _("cijfers en dashboards bekijken en downloaden"),
    "interviews.view": _("gesprekken bekijken"),
    "interviews.plan": _("gesprekken plannen"),
    "interviews.agenda": _("de agenda met gesprekken zien"),
    "matching.view": _("passende kandidaten bij een vacature zoeken"),
    "onboarding.view": _("inwerkplannen bekijken"),
    "onboarding.all_plans": _("alle inwerkplannen van de organisatie zien"),
    "onboarding.manage": _("inwerkplannen maken en bijhouden"),
    "onboarding.templates": _("sjablonen voor inwerkplannen beheren"),
    "privacy.view": _("bewaartermijnen, blokkades en privacyverzoeken bekijken"),
    "privacy.manage": _("bewaartermijnen instellen en privacyverzoeken uitvoeren"),
    "programmes.view": _("programma's, lichtingen en stageplaatsen bekijken"),
    "programmes.rijk": _(
        "lichtingen en leerplekken van het hele Rijk in aantallen zien (alleen het programmateam)"
    ),
    "programmes.manage": _("programma's, lichtingen en stageplaatsen beheren"),
    "publishing.view": _("zien waar vacatures zijn uitgezet"),
    "publishing.manage": _("vacatures uitzetten op kanalen"),
    "records.view": _("verzamelingen en vernietigingslijsten bekijken"),
    "records.triage": _("documenten beoordelen: bewaren of weggooien"),
    "records.manage": _("verzamelingen, blokkades en vernietigingslijsten beheren"),
    "records.review": _("vernietigingslijsten beoordelen als tweede persoon"),
    "records.archivist": _("akkoord geven op vernietigingslijsten als archivaris"),
    "selection.view": _("de selectie bekijken"),
    "selection.move": _("kandidaten naar een volgende fase zetten"),
    "selection.score": _("beoordelingsformulieren invullen"),
    "selection.reveal": _("namen zichtbaar maken na anoniem beoordelen"),
    "selection.offer": _("een aanbod doen"),
    "selection.configure": _("fasen en redenen van afwijzing instellen"),
    "selection.fairness": _("cijfers over eerlijke selectie bekijken"),
    "talentpool.view": _("de rijksbrede talentpool doorzoeken"),
    "talentpool.contact": _("kandidaten uit de talentpool benaderen"),
    "talentpool.figures": _("cijfers van de talentpool (alleen programmateam)"),
    "vacancies.view": _("vacatures bekijken"),
    "vacancies.edit": _("vacatures schrijven en wijzigen"),
    "vacancies.submit": _("vacatures ter controle aanbieden"),
    "vacancies.review": _("vacatures controleren"),
    "vacancies.publish": _("vacatures publiceren"),
    "vacancies.close": _("vacatures sluiten"),
    "vacancies.withdraw": _("vacatures intrekken"),
    "vacancies.reopen": _("gesloten vacatures heropenen"),
    "vacancies.justify": _("een uitzondering op de vacaturecontrole verantwoorden"),
    "taxonomy.search": _("zoeken in vaardigheden en beroepen (ESCO)"),
}


# The part of the product an action belongs to (its prefix), for grouping on the roles page.
AREAS: dict[str, Any] = {
    "home": _("Organisatie en mensen"),
    "organisation": _("Organisatie en mensen"),
    "people": _("Organisatie en mensen"),
    "audit": _("Organisatie en mensen"),
    "vacancies": _("Vacatures"),
    "taxonomy": _("Vacatures"),
    "publishing": _("Vacatures"),
    "applications": _("Sollicitaties en selectie"),
    "selection": _("Sollicitaties en selectie"),
    "interviews": _("Sollicitaties en selectie"),
    "assessments": _("Sollicitaties en selectie"),
    "matching": _("Sollicitaties en selectie"),
    "talentpool": _("Sollicitaties en selectie"),
    "notifications": _("Sollicitaties en selectie"),
    "onboarding": _("Inwerken en programma's"),
    "programmes": _("Inwerken en programma's"),
    "records": _("Bewaren of weggooien"),
    "privacy": _("Privacy"),
    "insights": _("Inzicht"),
}


@dataclass(frozen=True)
class RoleDescription:
    code: str
    label: Any
    may: list[Any]

    @property
    def groups(self) -> list[tuple[str, list[str]]]:
        """``may`` grouped by part of the product, in the order of AREAS."""
        grouped: dict[str, list[str]] = {}
        for action in actions_for_role(self.code):
            area = str(AREAS.get(action.split(".", 1)[0], _("Overig")))
            grouped.setdefault(area, []).append(str(ACTION_LABELS.get(action, action)))
        order = list(dict.fromkeys(str(a) for a in AREAS.values()))
        return sorted(grouped.items(), key=lambda kv: order.index(kv[0]) if kv[0] in order else 99)


def actions_for_role(role: str) -> list[str]:
    from .access import PERMISSIONS

    return sorted(action for action, roles in PERMISSIONS.items() if role in roles)


def role_descriptions() -> list[RoleDescription]:
    """Every role with what it may do, straight from the permission table."""
    return [
        RoleDescription(
            code=role.value,
            label=role.label,
            may=[ACTION_LABELS.get(action, action) for action in actions_for_role(role.value)],
        )
        for role in Role
    ]


def role_label(code: str) -> str:
    return str(dict(Role.choices).get(code, code))


def roles_label(codes: str) -> str:
    """``"hr_adviser,org_admin"`` (as stored in the log) in words."""
    return ", ".join(role_label(code) for code in codes.split(",") if code)
