"""Demo organisations and staff with every role. Fictitious people only."""

from __future__ import annotations

from typing import Any

from django.conf import settings

from .constants import OrganisationKind, Role
from .models import Membership, Organisation, User

ORGANISATIONS = [
    ("DICTU", "Dienst ICT Uitvoering", "dictu", OrganisationKind.AGENCY, "https://www.dictu.nl"),
    (
        "SSC-ICT",
        "Shared Service Center ICT",
        "ssc-ict",
        OrganisationKind.SHARED_SERVICE,
        "https://www.ssc-ict.nl",
    ),
    (
        "Logius",
        "Logius, digitale overheid",
        "logius",
        OrganisationKind.AGENCY,
        "https://www.logius.nl",
    ),
    (
        "Belastingdienst",
        "Belastingdienst",
        "belastingdienst",
        OrganisationKind.AGENCY,
        "https://www.belastingdienst.nl",
    ),
    (
        "ODC-Noord",
        "Overheidsdatacenter Noord",
        "odc-noord",
        OrganisationKind.SHARED_SERVICE,
        "https://www.odc-noord.nl",
    ),
]

# username, first name, last name, {org slug: [roles]}
STAFF = [
    ("hr.dictu", "Sanne", "de Vries", {"dictu": [Role.HR_ADVISER]}),
    ("manager.dictu", "Mohamed", "El Amrani", {"dictu": [Role.HIRING_MANAGER]}),
    ("beoordelaar.dictu", "Eva", "Jansen", {"dictu": [Role.ASSESSOR]}),
    ("inwerken.dictu", "Priya", "Ramdin", {"dictu": [Role.ONBOARDING_COORDINATOR]}),
    ("archief.dictu", "Joost", "Bakker", {"dictu": [Role.RECORDS_MANAGER]}),
    ("archivaris.dictu", "Wim", "de Graaf", {"dictu": [Role.ARCHIVIST]}),
    ("beheer.dictu", "Lotte", "Visser", {"dictu": [Role.ORG_ADMIN]}),
    ("hr.logius", "Annemiek", "Smit", {"logius": [Role.HR_ADVISER, Role.HIRING_MANAGER]}),
    ("manager.logius", "Caspar", "Mulder", {"logius": [Role.HIRING_MANAGER, Role.ASSESSOR]}),
    ("hr.ssc", "Fatma", "Yilmaz", {"ssc-ict": [Role.HR_ADVISER, Role.ORG_ADMIN]}),
    ("hr.belastingdienst", "Kees", "van Dijk", {"belastingdienst": [Role.HR_ADVISER]}),
    ("archief.odc", "Noor", "Hendriks", {"odc-noord": [Role.RECORDS_MANAGER, Role.ORG_ADMIN]}),
    (
        "hr.multi",
        "Ilse",
        "Vermeulen",
        {"dictu": [Role.HR_ADVISER], "odc-noord": [Role.HR_ADVISER, Role.RECORDS_MANAGER]},
    ),
]
PROGRAMME_TEAM = ("programma", "Bram", "Koster")
# The second information manager of DICTU (four eyes on destruction lists) is invited by the
# organisation's own admin through the product's service, as a real organisation would.
INVITED = [("archief2.dictu", "Fleur", "Bos", "dictu", Role.RECORDS_MANAGER, "beheer.dictu")]


def seed(context: dict[str, Any]) -> None:
    password = settings.TALENTBRUG_DEMO_PASSWORD
    organisations: dict[str, Organisation] = {}
    for short, name, slug, kind, website in ORGANISATIONS:
        organisations[slug], _ = Organisation.objects.get_or_create(
            slug=slug,
            defaults={"short_name": short, "name": name, "kind": kind, "website": website},
        )
    users: dict[str, User] = {}
    for username, first, last, roles in STAFF:
        user = User.objects.create_user(
            username,
            email=f"{username}@voorbeeld.rijksoverheid.example",
            password=password,
            first_name=first,
            last_name=last,
        )
        users[username] = user
        for slug, role_list in roles.items():
            for role in role_list:
                Membership.objects.create(user=user, organisation=organisations[slug], role=role)
    from . import people

    for username, first, last, slug, role, inviter in INVITED:
        invited = people.invite_person(
            organisations[slug],
            users[inviter],
            email=f"{username}@voorbeeld.rijksoverheid.example",
            first_name=first,
            last_name=last,
            role=role,
        )
        invited.username = username
        invited.save(update_fields=["username"])
        users[username] = people.complete_invitation(invited, password)
    username, first, last = PROGRAMME_TEAM
    users[username] = User.objects.create_user(
        username,
        email=f"{username}@voorbeeld.rijksoverheid.example",
        password=password,
        first_name=first,
        last_name=last,
        is_programme_team=True,
    )
    admin = User.objects.create_superuser(
        "admin",
        email="admin@voorbeeld.rijksoverheid.example",
        password=password,
        first_name="Technisch",
        last_name="Beheer",
    )
    users["admin"] = admin
    context["organisations"] = organisations
    context["users"] = users


def logins() -> list[tuple[str, str]]:
    lines = []
    for username, first, last, roles in STAFF:
        described = "; ".join(
            f"{slug}: {', '.join(str(Role(r).label) for r in rs)}" for slug, rs in roles.items()
        )
        lines.append((username, f"{first} {last} – {described}"))
    for username, first, last, slug, role, inviter in INVITED:
        lines.append(
            (username, f"{first} {last} – {slug}: {Role(role).label} (uitgenodigd door {inviter})")
        )
    lines.append(
        (PROGRAMME_TEAM[0], f"{PROGRAMME_TEAM[1]} {PROGRAMME_TEAM[2]} – programmateam rijksbreed")
    )
    lines.append(("admin", "technisch beheer (/beheer/)"))
    return lines
