"""The destruction-list and override flows, derived from the tables in records/workflow.py.

One case per allowed (state, move) pair and one per forbidden pair, each through the service
that makes the move; a role without the permission is refused for every move a person makes;
the list page offers exactly the moves of ``available_moves``.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from talentbrug.accounts.constants import Role
from talentbrug.audit.models import AuditEvent
from talentbrug.conftest import verified_client
from talentbrug.records.constants import Decision, ItemStatus, ListStatus, OverrideStatus
from talentbrug.records.models import DestructionList, DestructionOverride
from talentbrug.records.services import collections as collections_services
from talentbrug.records.services import destruction as destruction_services
from talentbrug.records.services import lists, overrides, triage
from talentbrug.records.services import review as review_services
from talentbrug.records.workflow import LIST_FLOW, OVERRIDE_FLOW
from talentbrug.workflows import Move, Workflow, WorkflowError

from .factories import DocumentFactory, with_file

pytestmark = pytest.mark.django_db

# The service call of each move, by the person the table allows, so only the state stops it.
SERVICE = {
    "submit": lambda dl, p: lists.submit_destruction_list(dl, p["manager"], [p["reviewer"]]),
    "approve": lambda dl, p: review_services.approve_destruction_list(dl, p["reviewer"]),
    "request_changes": lambda dl, p: review_services.request_changes(
        dl, p["reviewer"], "Graag 2.1 eraf"
    ),
    "archivist_approve": lambda dl, p: review_services.approve_as_archivist(dl, p["archivist"]),
    "archivist_request_changes": lambda dl, p: review_services.archivist_request_changes(
        dl, p["archivist"], "Niet compleet"
    ),
    "start_cooling_off": lambda dl, p: review_services.start_cooling_off(dl, p["manager"]),
    "abort": lambda dl, p: lists.abort_destruction_list(dl, p["manager"], "reden"),
    "start_destruction": lambda dl, p: destruction_services.destroy_destruction_list(
        dl, p["manager"]
    ),
    "finish_destruction": lambda dl, p: destruction_services.destroy_destruction_list(dl, None),
    "approve_item": lambda dl, p: review_services.approve_item(p["item"], p["reviewer"]),
    "exclude_item": lambda dl, p: review_services.exclude_item(p["item"], p["reviewer"], "reden"),
    "remove_item": lambda dl, p: lists.remove_item(p["item"], p["manager"], "reden"),
    "restore_item": lambda dl, p: lists.restore_item(p["item"], p["manager"], "reden"),
}
# destroy_destruction_list serves two moves and returns a destroyed list unchanged (re-runs).
SHARED_SERVICE = {
    "start_destruction": {ListStatus.DESTROYING, ListStatus.DESTROYED},
    "finish_destruction": {ListStatus.COOLING_OFF, ListStatus.DESTROYED},
}
ITEM_AFTER = {
    "approve_item": ItemStatus.APPROVED,
    "exclude_item": ItemStatus.EXCLUDED,
    "remove_item": ItemStatus.EXCLUDED,
    "restore_item": ItemStatus.RESTORED,
}


def _item(dl, name):
    """The document a move on the list's documents acts on, in the state the move needs."""
    item = dl.items.select_related("document").order_by("pk").first()
    status = ItemStatus.APPROVED if name == "restore_item" else ItemStatus.PROPOSED
    dl.items.filter(pk=item.pk).update(status=status)
    item.refresh_from_db()
    return item


def _follow_up(move: Move) -> set[str]:
    """The states a move may end in: its target, or the target of the move it sets off."""
    ends = {move.target}
    for effect in move.effects:
        if "the move " in effect:
            ends.add(LIST_FLOW.move(effect.rsplit("the move ", 1)[1]).target)
    return ends


@pytest.fixture
def people(manager, reviewer, archivist):
    return {"manager": manager, "reviewer": reviewer, "archivist": archivist}


@pytest.fixture
def a_list(collection, manager, reviewer):
    for i in range(2):
        doc = with_file(DocumentFactory(collection=collection), f"inhoud {i}".encode())
        triage.decide_document(doc, manager, Decision.DISCARD)
    dl = lists.create_destruction_list(collection, manager)
    dl.reviewers.set([reviewer])
    return dl


def _put(dl, status, *, archivist_required, manager):
    collections_services.update_records_settings(
        dl.organisation, manager, cooling_off_days=7, archivist_required=archivist_required
    )
    past = timezone.now() - timedelta(minutes=1)
    DestructionList.objects.filter(pk=dl.pk).update(status=status, cooling_off_until=past)
    if status in (ListStatus.APPROVED, ListStatus.ARCHIVIST_APPROVED, ListStatus.COOLING_OFF):
        dl.items.update(status=ItemStatus.APPROVED)
    dl.refresh_from_db()
    return dl


ALLOWED = sorted(LIST_FLOW.allowed_pairs())
FORBIDDEN = sorted(
    (state, name)
    for state, name in LIST_FLOW.forbidden_pairs()
    if state not in SHARED_SERVICE.get(name, set())
)


def test_every_move_has_a_service_and_the_table_is_complete():
    assert set(SERVICE) == set(LIST_FLOW.by_name)
    assert {s for s, _n in ALLOWED} | {s for s, _n in FORBIDDEN} == set(ListStatus.values)


@pytest.mark.parametrize(("state", "name"), ALLOWED)
def test_every_allowed_move_reaches_its_target_and_is_audited(a_list, people, state, name):
    move = LIST_FLOW.move(name)
    # The archivist moves need an organisation that wants one; from approved, the
    # cooling-off starts only without one.
    archivist = name.startswith("archivist") or (
        name == "start_cooling_off" and state == ListStatus.ARCHIVIST_APPROVED
    )
    dl = _put(a_list, state, archivist_required=archivist, manager=people["manager"])
    people["item"] = _item(dl, name)
    before = AuditEvent.objects.count()
    result = SERVICE[name](dl, people)
    dl.refresh_from_db()
    if move.target is None:
        assert dl.status == state
        assert result.status == ITEM_AFTER[name]
    elif name == "start_destruction":
        assert dl.status == ListStatus.DESTROYED  # the run goes on to the end
    else:
        assert dl.status in _follow_up(move)
    assert AuditEvent.objects.count() > before


@pytest.mark.parametrize(("state", "name"), FORBIDDEN)
def test_every_move_not_in_the_table_is_refused_and_changes_nothing(a_list, people, state, name):
    dl = _put(a_list, state, archivist_required=True, manager=people["manager"])
    people["item"] = _item(dl, name)
    items = sorted(dl.items.values_list("pk", "status"))
    before = AuditEvent.objects.count()
    with pytest.raises(ValidationError, match="Dit kan niet bij een lijst met status"):
        SERVICE[name](dl, people)
    dl.refresh_from_db()
    assert dl.status == state
    assert sorted(dl.items.values_list("pk", "status")) == items
    assert AuditEvent.objects.count() == before


@pytest.mark.parametrize(("state", "name"), sorted(LIST_FLOW.forbidden_pairs()))
def test_the_table_refuses_every_pair_it_does_not_list(a_list, state, name):
    """The property at the level of the table, for the system too (no role check)."""
    dl = DestructionList(organisation=a_list.organisation, status=state)
    with pytest.raises(WorkflowError):
        LIST_FLOW.check(dl, name, system=True)


PERSON_MOVES = sorted(m.name for m in LIST_FLOW.moves if not m.by_system)


@pytest.mark.parametrize("name", PERSON_MOVES)
def test_a_role_without_the_permission_is_refused(a_list, make_staff, organisation, name):
    stranger = make_staff(organisation, Role.ASSESSOR, username=f"beoordelaar-{name}")
    move = LIST_FLOW.move(name)
    dl = DestructionList(organisation=a_list.organisation, status=sorted(move.sources)[0])
    with pytest.raises(WorkflowError):
        LIST_FLOW.check(dl, name, user=stranger)
    assert name not in LIST_FLOW.available_names(stranger, dl)


def test_system_moves_are_never_offered_to_a_person(a_list, manager):
    for move in LIST_FLOW.moves:
        if move.by_system:
            dl = DestructionList(organisation=a_list.organisation, status=sorted(move.sources)[0])
            assert move.name not in LIST_FLOW.available_names(manager, dl)


def test_the_page_shows_the_moves_of_the_table(a_list, manager, reviewer):
    a_list = lists.submit_destruction_list(a_list, manager, [reviewer])
    url = reverse("records:list_detail", kwargs={"pk": a_list.pk})
    page = verified_client(reviewer).get(url).content.decode()
    # The reviewer is a records manager too, so may also set the list back to new.
    assert LIST_FLOW.available_names(reviewer, a_list) == {
        "approve",
        "request_changes",
        "approve_item",
        "exclude_item",
        "abort",
    }
    assert "Keur lijst goed" in page and "Zonder uit" in page
    page = verified_client(manager).get(url).content.decode()
    assert "abort" in LIST_FLOW.available_names(manager, a_list)
    assert "Zet terug naar nieuw" in page
    assert "Keur lijst goed" not in page  # four eyes: the maker does not review


@pytest.mark.parametrize(("state", "name"), sorted(OVERRIDE_FLOW.forbidden_pairs()))
def test_override_moves_not_in_the_table_are_refused(collection, manager, reviewer, state, name):
    doc = DocumentFactory(collection=collection)
    override = DestructionOverride.objects.create(
        organisation=collection.organisation,
        document=doc,
        justification="Een onderbouwing van meer dan twintig tekens.",
        requested_by=manager,
        status=state,
    )
    call = overrides.approve_override if name == "approve" else overrides.reject_override
    with pytest.raises(ValidationError, match="al beslist"):
        call(override, reviewer, "Gezien.")
    override.refresh_from_db()
    assert override.status == state


def test_a_workflow_refuses_a_table_with_unknown_states():
    with pytest.raises(ValueError):
        Workflow(
            name="x",
            states=OverrideStatus,
            moves=(Move("m", "M", frozenset({"nieuw"}), OverrideStatus.APPROVED, None),),
        )
