"""Candidates, their profile, applications, documents, work samples, recruitment days, consent.

Least data: no BSN, nationality, permit type, photo, date of birth or gender is ever stored.
A candidate is a person, independent of organisations; an application belongs to the
organisation of its vacancy (``Application.organisation``, set from the vacancy).

One module per noun. Django finds the models of the app in ``applications.models``, so this
package imports every model class (and what migrations name, ``private_upload_to``); new code
may import from here or from the submodule.
"""

from .application import Application, PendingApplication
from .candidate import Candidate
from .consent import Consent, DeletionRequest
from .documents import Document, WorkSampleAssignment, WorkSampleSubmission, private_upload_to
from .profile import (
    CandidateSkill,
    Education,
    Experience,
    LanguageProficiency,
)
from .questions import Question
from .recruitment import Booking, RecruitmentDay, Slot

__all__ = [
    "Application",
    "Booking",
    "Candidate",
    "CandidateSkill",
    "Consent",
    "DeletionRequest",
    "Document",
    "Education",
    "Experience",
    "LanguageProficiency",
    "PendingApplication",
    "Question",
    "RecruitmentDay",
    "Slot",
    "WorkSampleAssignment",
    "WorkSampleSubmission",
    "private_upload_to",
]
