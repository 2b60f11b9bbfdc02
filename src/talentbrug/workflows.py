"""Workflows as data: the house convention for every status flow.

Each workflow lives in one ``workflow.py`` in its app: the states (a ``TextChoices``), the
moves (from which states, to which state, which permission a person needs, which side effects
the service performs) and the extra rules a move has (four eyes, say). One table is read by:

- the services, which call :meth:`Workflow.check` before they change anything;
- the templates, which show the buttons of :meth:`Workflow.available_moves` (never a test
  on status strings);
- the tests, which derive one case per allowed move and one per forbidden (state, move) pair
  from :meth:`Workflow.allowed_pairs` and :meth:`Workflow.forbidden_pairs`.

Who may do a move is a permission action of ``accounts.access.PERMISSIONS``, so the roles
stay in the one permission table. A move without an action is done by the system only (the
cooling-off period that starts after approval, a nightly job): a person never starts it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.utils.translation import gettext as _

# An extra rule of a move: given the object and the person (None for the system), the
# reason in Dutch why the move is refused, or None when the rule allows it.
Guard = Callable[[Any, Any], "str | None"]


class WorkflowError(ValidationError):
    """A move that is not possible from the current state, or that a rule of the move refuses."""


@dataclass(frozen=True)
class Move:
    """One move of a workflow.

    ``target`` None means the state stays (a move on the object's parts, such as approving
    one document of a destruction list). ``action`` None means only the system does it.
    ``effects`` names what the service does besides changing the state (audit event, mail,
    a follow-up move), so the table tells the whole story.
    """

    name: str
    label: Any
    sources: frozenset[str]
    target: str | None
    action: str | None
    effects: tuple[str, ...] = ()
    guards: tuple[Guard, ...] = ()
    # What a person without the permission reads (lazy string); default "Uw rol mag dit niet."
    role_message: Any = None

    @property
    def by_system(self) -> bool:
        return self.action is None


@dataclass(frozen=True)
class Workflow:
    """The states and moves of one flow, and the one check every service calls."""

    name: str
    states: type[models.TextChoices]
    moves: tuple[Move, ...]
    error: type[ValidationError] = WorkflowError
    denied: type[Exception] = PermissionDenied
    status_of: Callable[[Any], str] = field(default=lambda obj: obj.status)
    roles_of: Callable[[Any, Any], Iterable[str]] | None = None
    # The refusal for a wrong state, with %(status)s; a lazy string (default: a general one).
    state_message: Any = None

    def __post_init__(self) -> None:
        known = set(self.states.values)
        names = [m.name for m in self.moves]
        if len(names) != len(set(names)):
            raise ValueError(f"{self.name}: a move name is used twice")
        for move in self.moves:
            wrong = (set(move.sources) | ({move.target} - {None})) - known
            if wrong:
                raise ValueError(f"{self.name}.{move.name}: unknown states {sorted(wrong)}")

    # --- reading the table ------------------------------------------------------------------

    @property
    def by_name(self) -> dict[str, Move]:
        return {m.name: m for m in self.moves}

    def move(self, name: str) -> Move:
        found = self.by_name.get(name)
        if found is None:
            raise self.error(_("Deze stap bestaat niet."))
        return found

    def allowed_pairs(self) -> set[tuple[str, str]]:
        """Every (state, move name) the table allows."""
        return {(state, m.name) for m in self.moves for state in m.sources}

    def forbidden_pairs(self) -> set[tuple[str, str]]:
        """Every (state, move name) the table does not allow: each must be refused."""
        every = {(state, m.name) for state in self.states.values for m in self.moves}
        return every - self.allowed_pairs()

    # --- checking ---------------------------------------------------------------------------

    def _roles(self, obj: Any, user: Any, roles: Iterable[str] | None) -> frozenset[str]:
        if roles is not None:
            return frozenset(roles)
        if user is None or not getattr(user, "is_authenticated", False):
            return frozenset()
        if self.roles_of is not None:
            return frozenset(self.roles_of(obj, user))
        from talentbrug.accounts.access import roles_for

        return roles_for(user, getattr(obj, "organisation", None))

    def may(self, move: Move, roles: frozenset[str]) -> bool:
        if move.action is None:
            return False
        from talentbrug.accounts.access import PERMISSIONS

        return bool(roles & PERMISSIONS[move.action])

    def refusal(
        self,
        obj: Any,
        move: Move,
        *,
        user: Any = None,
        roles: Iterable[str] | None = None,
        system: bool = False,
    ) -> tuple[type[Exception], str] | None:
        """Why this move is refused now (error class and message), or None."""
        status = self.status_of(obj)
        if status not in move.sources:
            label = self.states(status).label if status in self.states.values else status
            message = str(self.state_message or _("Dit kan niet bij status '%(status)s'."))
            return self.error, message % {"status": label}
        if not system and not self.may(move, self._roles(obj, user, roles)):
            return self.denied, str(move.role_message or _("Uw rol mag dit niet."))
        for guard in move.guards:
            reason = guard(obj, None if system else user)
            if reason:
                return self.error, reason
        return None

    def check(
        self,
        obj: Any,
        move_name: str,
        *,
        user: Any = None,
        roles: Iterable[str] | None = None,
        system: bool = False,
    ) -> Move:
        """Refuse the move (raise) unless the table and its rules allow it; return the move.

        ``roles`` may be given (the request's roles); otherwise they are read for ``user``
        in the object's organisation. ``system`` is for moves the system makes (a job, or a
        follow-up move in the same service call): the role check is skipped, the rules not.
        """
        move = self.move(move_name)
        refused = self.refusal(obj, move, user=user, roles=roles, system=system)
        if refused is not None:
            error, message = refused
            raise error(message)
        return move

    def available_moves(
        self, user: Any, obj: Any, *, roles: Iterable[str] | None = None
    ) -> list[Move]:
        """The moves this person may make now (for the buttons on a page)."""
        found_roles = self._roles(obj, user, roles)
        return [
            m
            for m in self.moves
            if not m.by_system and self.refusal(obj, m, user=user, roles=found_roles) is None
        ]

    def available_names(
        self, user: Any, obj: Any, *, roles: Iterable[str] | None = None
    ) -> frozenset[str]:
        """The names of :meth:`available_moves`, for ``{% if "approve" in moves %}``."""
        return frozenset(m.name for m in self.available_moves(user, obj, roles=roles))
