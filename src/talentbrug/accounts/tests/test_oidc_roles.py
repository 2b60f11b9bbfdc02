import pytest

from talentbrug.accounts.constants import Role
from talentbrug.accounts.models import Membership
from talentbrug.accounts.oidc import parse_role_map, sync_roles
from talentbrug.audit.models import AuditEvent

MAP = "tb-hr=dictu:hr_adviser;tb-archief=dictu:records_manager;tb-logius=logius:assessor"


def test_the_role_map_is_read_and_wrong_entries_are_refused():
    assert parse_role_map(MAP)["tb-archief"] == ("dictu", "records_manager")
    with pytest.raises(ValueError):
        parse_role_map("tb-x=dictu:koning")


@pytest.mark.django_db
def test_claims_give_and_take_only_the_mapped_roles(make_staff, organisation):
    person = make_staff(organisation, Role.HR_ADVISER, Role.ASSESSOR)
    changes = sync_roles(person, {"groups": ["tb-archief", "iets-anders"]}, "groups", MAP)
    assert changes == 2
    roles = set(Membership.objects.filter(user=person).values_list("role", flat=True))
    # records manager given, HR taken (mapped, not claimed), assessor untouched (not mapped).
    assert roles == {Role.RECORDS_MANAGER, Role.ASSESSOR}
    logged = AuditEvent.objects.filter(organisation=organisation, object_id=str(person.pk))
    assert {e.message for e in logged} >= {
        "Rol Informatiebeheerder gegeven",
        "Rol HR-adviseur afgenomen",
    }
    assert sync_roles(person, {"groups": ["tb-archief"]}, "groups", MAP) == 0
