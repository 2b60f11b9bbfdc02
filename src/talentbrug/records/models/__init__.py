"""Records: collections of documents, triage decisions and lawful destruction lists.

One module per noun; this package imports every model so Django finds them (and callers may
import a model from ``talentbrug.records.models``):

- ``categories``: the selectielijst and the organisation's settings of the destruction flow
- ``documents``: collections, documents and the log of triage decisions
- ``destruction``: destruction lists, their items and reviews
- ``overrides``: permission to destroy a document before its time
- ``imports``: ZIP imports run by a background job
"""

from .categories import RecordsSettings, SelectielijstCategory
from .destruction import DestructionList, DestructionListItem, ListReview
from .documents import MAX_TEXT_CHARS, Collection, DecisionLog, Document, document_upload_to
from .imports import ZipImport, archive_upload_to
from .overrides import DestructionOverride

__all__ = [
    "MAX_TEXT_CHARS",
    "Collection",
    "DecisionLog",
    "DestructionList",
    "DestructionListItem",
    "DestructionOverride",
    "Document",
    "ListReview",
    "RecordsSettings",
    "SelectielijstCategory",
    "ZipImport",
    "archive_upload_to",
    "document_upload_to",
]
