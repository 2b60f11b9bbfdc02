"""Stages, per-application progress, scorecards, work-sample grades, offers and messages.

``applications.Application`` is not changed: selection keeps its own state in
:class:`ApplicationProgress` (one per application), with a version for optimistic locking.

One module per noun. Django finds the models of the app in ``selection.models``, so this
package imports every model class (and ``pseudonym_for``, which other apps use); new code may
import from here or from the submodule.

- ``pipeline``: template stages, stages, rejection reasons, each application's progress
- ``scorecards``: scale anchors, scorecards, scores, work-sample grades
- ``offers``: the offer and the offer-letter template
- ``messages``: message templates and the history of messages to the candidate
- ``fields``: the organisation field the models share
"""

from .messages import CandidateMessage, MessageTemplate
from .offers import Offer, OfferLetterTemplate
from .pipeline import ApplicationProgress, RejectionReason, Stage, TemplateStage, pseudonym_for
from .scorecards import ScaleAnchor, Score, Scorecard, WorkSampleGrade

__all__ = [
    "ApplicationProgress",
    "CandidateMessage",
    "MessageTemplate",
    "Offer",
    "OfferLetterTemplate",
    "RejectionReason",
    "ScaleAnchor",
    "Score",
    "Scorecard",
    "Stage",
    "TemplateStage",
    "WorkSampleGrade",
    "pseudonym_for",
]
