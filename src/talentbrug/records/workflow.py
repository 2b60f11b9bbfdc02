"""The destruction-list flow and the override flow of the records app, as data.

Every state change in ``services.lists`` and ``services.review`` first calls
``LIST_FLOW.check(...)`` (or ``OVERRIDE_FLOW.check``); the list page shows the buttons of
``LIST_FLOW.available_names(user, list)``; the tests derive their cases from these tables.
See ``talentbrug.workflows`` for the convention.

The flow of a destruction list (as in Open Archiefbeheer):
new → in review (chosen colleagues) → approved → [archivist approved] → cooling off →
destroying → destroyed. A reviewer or the archivist may send the list back (changes
requested); the maker may set it back to new before destruction.

Moves with target None act on the documents of the list; the list keeps its state.
"""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from talentbrug.accounts.access import user_can
from talentbrug.workflows import Move, Workflow, WorkflowError

from .constants import EDITABLE_LIST_STATUSES, ListStatus, OverrideStatus
from .models import DestructionList, DestructionOverride, RecordsSettings

L = ListStatus


# --- Rules of the moves (read only; each returns the refusal in Dutch, or None) -----------


def four_eyes(dl: DestructionList, user: Any) -> str | None:
    """Only a named reviewer who did not make the list reviews it."""
    if user is None:
        return None
    if dl.created_by_id == user.pk:
        return _("U heeft deze lijst zelf opgesteld. Een collega moet hem beoordelen.")
    if not dl.reviewers.filter(pk=user.pk).exists():
        return _("Alleen de gekozen beoordelaars kunnen deze lijst beoordelen: %(names)s.") % {
            "names": ", ".join(str(r) for r in dl.reviewers.all()) or "–"
        }
    return None


def archivist_rule(dl: DestructionList, user: Any) -> str | None:
    """The organisation wants an archivist; the archivist is neither maker nor reviewer."""
    if not RecordsSettings.for_organisation(dl.organisation).archivist_required:
        return _("Voor deze organisatie is geen akkoord van een archivaris nodig.")
    if user is None:
        return None
    if not user_can(user, dl.organisation, "records.archivist"):
        return _("Alleen een archivaris kan dit doen.")
    if user.pk in (dl.created_by_id, dl.reviewed_by_id):
        return _("De archivaris moet iemand anders zijn dan de opsteller en de beoordelaar.")
    return None


def archivist_done(dl: DestructionList, user: Any) -> str | None:
    """The cooling-off starts after the archivist's approval when the organisation wants one."""
    required = RecordsSettings.for_organisation(dl.organisation).archivist_required
    if required and dl.status != L.ARCHIVIST_APPROVED:
        return _("Eerst moet een archivaris akkoord geven.")
    return None


def cooling_off_over(dl: DestructionList, user: Any) -> str | None:
    if dl.cooling_off_until and timezone.now() < dl.cooling_off_until:
        return _("De wachttijd loopt nog tot %(date)s.") % {
            "date": timezone.localtime(dl.cooling_off_until).strftime("%d-%m-%Y %H:%M")
        }
    return None


def not_own_request(override: DestructionOverride, user: Any) -> str | None:
    if user is not None and override.requested_by_id == user.pk:
        return _("U heeft deze uitzondering zelf aangevraagd. Een collega moet erover beslissen.")
    return None


BEFORE_DESTRUCTION = frozenset(
    {L.IN_REVIEW, L.CHANGES_REQUESTED, L.APPROVED, L.ARCHIVIST_APPROVED, L.COOLING_OFF}
)
APPROVED_STATES = frozenset({L.APPROVED, L.ARCHIVIST_APPROVED, L.COOLING_OFF})

LIST_FLOW = Workflow(
    name="records.destruction_list",
    states=ListStatus,
    denied=WorkflowError,  # the page shows the message; the view already checked the role
    state_message=gettext_lazy("Dit kan niet bij een lijst met status '%(status)s'."),
    moves=(
        Move(
            "submit",
            gettext_lazy("Bied aan ter beoordeling"),
            frozenset(EDITABLE_LIST_STATUSES),
            L.IN_REVIEW,
            "records.manage",
            effects=("audit records.list_submitted", "mail to the chosen reviewers"),
        ),
        Move(
            "approve",
            gettext_lazy("Keur lijst goed"),
            frozenset({L.IN_REVIEW}),
            L.APPROVED,
            "records.review",
            effects=(
                "approve every proposed document",
                "audit records.list_approved",
                "mail to the maker",
                "mail to the archivists, or the move start_cooling_off",
            ),
            guards=(four_eyes,),
        ),
        Move(
            "request_changes",
            gettext_lazy("Vraag om wijzigingen"),
            frozenset({L.IN_REVIEW}),
            L.CHANGES_REQUESTED,
            "records.review",
            effects=("clear approvals", "audit records.list_changes_requested", "mail to maker"),
            guards=(four_eyes,),
        ),
        Move(
            "archivist_approve",
            gettext_lazy("Geef akkoord als archivaris"),
            frozenset({L.APPROVED}),
            L.ARCHIVIST_APPROVED,
            "records.archivist",
            effects=(
                "audit records.list_archivist_approved",
                "mail to the maker",
                "the move start_cooling_off",
            ),
            guards=(archivist_rule,),
            role_message=gettext_lazy("Alleen een archivaris kan dit doen."),
        ),
        Move(
            "archivist_request_changes",
            gettext_lazy("Vraag om wijzigingen"),
            frozenset({L.APPROVED}),
            L.CHANGES_REQUESTED,
            "records.archivist",
            effects=("clear approvals", "audit records.list_changes_requested", "mail to maker"),
            guards=(archivist_rule,),
            role_message=gettext_lazy("Alleen een archivaris kan dit doen."),
        ),
        Move(
            "start_cooling_off",
            gettext_lazy("Start de wachttijd"),
            frozenset({L.APPROVED, L.ARCHIVIST_APPROVED}),
            L.COOLING_OFF,
            None,
            effects=("audit records.cooling_off_started",),
            guards=(archivist_done,),
        ),
        Move(
            "abort",
            gettext_lazy("Zet terug naar nieuw"),
            BEFORE_DESTRUCTION,
            L.NEW,
            "records.manage",
            effects=("clear approvals", "audit records.list_aborted"),
        ),
        Move(
            "start_destruction",
            gettext_lazy("Vernietig na de wachttijd"),
            frozenset({L.COOLING_OFF}),
            L.DESTROYING,
            "records.manage",
            effects=("audit records.destruction_started", "destroy each approved document"),
            guards=(cooling_off_over,),
        ),
        Move(
            "finish_destruction",
            gettext_lazy("Maak de vernietiging af"),
            frozenset({L.DESTROYING}),
            L.DESTROYED,
            None,
            effects=("audit records.list_destroyed", "store the declaration of destruction"),
        ),
        # Moves on the documents of the list (the list keeps its state).
        Move(
            "approve_item",
            gettext_lazy("Keur goed"),
            frozenset({L.IN_REVIEW}),
            None,
            "records.review",
            effects=("audit records.item_approved",),
            guards=(four_eyes,),
        ),
        Move(
            "exclude_item",
            gettext_lazy("Niet vernietigen"),
            frozenset({L.IN_REVIEW}),
            None,
            "records.review",
            effects=("document back to triage", "audit records.item_excluded"),
            guards=(four_eyes,),
        ),
        Move(
            "remove_item",
            gettext_lazy("Haal van de lijst"),
            frozenset(EDITABLE_LIST_STATUSES),
            None,
            "records.manage",
            effects=("document back to triage", "audit records.item_removed"),
        ),
        Move(
            "restore_item",
            gettext_lazy("Zet terug"),
            APPROVED_STATES,
            None,
            "records.manage",
            effects=("document back to triage", "audit records.item_restored"),
        ),
    ),
)

OVERRIDE_FLOW = Workflow(
    name="records.override",
    states=OverrideStatus,
    denied=WorkflowError,
    state_message=gettext_lazy("Over deze uitzondering is al beslist (%(status)s)."),
    moves=(
        Move(
            "approve",
            gettext_lazy("Keur uitzondering goed"),
            frozenset({OverrideStatus.REQUESTED}),
            OverrideStatus.APPROVED,
            "records.review",
            effects=("audit records.override_approved",),
            guards=(not_own_request,),
        ),
        Move(
            "reject",
            gettext_lazy("Wijs uitzondering af"),
            frozenset({OverrideStatus.REQUESTED}),
            OverrideStatus.REJECTED,
            "records.review",
            effects=("audit records.override_rejected",),
            guards=(not_own_request,),
        ),
    ),
)
