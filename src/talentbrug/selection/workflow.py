"""The offer flow of selection, as data (see ``talentbrug.workflows``).

An offer is made; the candidate accepts (hired, the onboarding plan starts) or declines (the
application ends as withdrawn). The stage moves of an application are a pipeline the
organisation configures (``move_application`` with ``move_targets``), not a fixed table.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy

from talentbrug.workflows import Move, Workflow, WorkflowError

from .constants import OfferStatus


class SelectionError(WorkflowError):
    """A change that is not allowed; the message says what is wrong and what to do."""


OFFER_FLOW = Workflow(
    name="selection.offer",
    states=OfferStatus,
    error=SelectionError,
    denied=SelectionError,
    state_message=gettext_lazy("Over dit aanbod is al besloten."),
    moves=(
        Move(
            "accept",
            gettext_lazy("De kandidaat zegt ja"),
            # HR can still record a late answer after the deadline passed (offer_letter.py)
            frozenset({OfferStatus.MADE, OfferStatus.EXPIRED}),
            OfferStatus.ACCEPTED,
            "selection.offer",
            effects=(
                "right-to-work check recorded",
                "move to the hired stage",
                "start the onboarding plan (and fill a BBL place or internship)",
                "audit selection.hired",
            ),
        ),
        Move(
            "decline",
            gettext_lazy("De kandidaat zegt nee"),
            frozenset({OfferStatus.MADE, OfferStatus.EXPIRED}),
            OfferStatus.DECLINED,
            "selection.offer",
            effects=("move to the withdrawn stage", "audit selection.offer_declined"),
        ),
        Move(
            "expire",
            gettext_lazy("De termijn om te antwoorden is voorbij"),
            frozenset({OfferStatus.MADE}),
            OfferStatus.EXPIRED,
            "selection.offer",
            effects=("the portal no longer takes an answer", "audit selection.offer_expired"),
        ),
    ),
)
