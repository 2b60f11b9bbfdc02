"""Choice lists of the records app (bewaren of weggooien)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Waardering(models.TextChoices):
    """Selectielijst valuation: keep permanently (B) or destroy after a term (V)."""

    BEWAREN = "B", _("B – blijvend bewaren")
    VERNIETIGEN = "V", _("V – vernietigen na de bewaartermijn")


class StartDateRule(models.TextChoices):
    """From which date a category's bewaartermijn runs."""

    DOCUMENT_DATE = "document_date", _("De documentdatum")
    TRIGGER_DATE = "trigger_date", _("De datum van de aanleiding (per document)")


class Decision(models.TextChoices):
    UNDECIDED = "undecided", _("Nog niet beslist")
    KEEP = "keep", _("Bewaren")
    DISCARD = "discard", _("Weggooien")
    LATER = "later", _("Later")
    DOUBT = "doubt", _("Twijfel: vraag een collega")


class AnalysisStatus(models.TextChoices):
    PENDING = "pending", _("Wordt gelezen")
    DONE = "done", _("Gelezen")
    UNREADABLE = "unreadable", _("Kan niet gelezen worden")


class ImportStatus(models.TextChoices):
    """A ZIP import runs in the background: waiting or running, then done or failed."""

    PENDING = "pending", _("Wordt ingelezen")
    DONE = "done", _("Ingelezen")
    FAILED = "failed", _("Niet gelukt")


class ListStatus(models.TextChoices):
    """Statuses of a destruction list, in the order of the lawful flow."""

    NEW = "new", _("Nieuw")
    IN_REVIEW = "in_review", _("Ter beoordeling")
    CHANGES_REQUESTED = "changes_requested", _("Wijzigingen gevraagd")
    APPROVED = "approved", _("Goedgekeurd")
    ARCHIVIST_APPROVED = "archivist_approved", _("Akkoord archivaris")
    COOLING_OFF = "cooling_off", _("Wachttijd")
    DESTROYING = "destroying", _("Wordt vernietigd")
    DESTROYED = "destroyed", _("Vernietigd")


class ItemStatus(models.TextChoices):
    PROPOSED = "proposed", _("Voorgesteld")
    APPROVED = "approved", _("Goedgekeurd")
    EXCLUDED = "excluded", _("Uitgezonderd")
    RESTORED = "restored", _("Teruggezet")
    HELD = "held", _("Niet vernietigd: juridische blokkade")
    REFUSED = "refused", _("Niet vernietigd: mag nog niet weg")
    DESTROYED = "destroyed", _("Vernietigd")


# Lists in these statuses hold their documents: the decision cannot change meanwhile.
LOCKED_LIST_STATUSES = (
    ListStatus.IN_REVIEW,
    ListStatus.APPROVED,
    ListStatus.ARCHIVIST_APPROVED,
    ListStatus.COOLING_OFF,
    ListStatus.DESTROYING,
)
# Lists the maker may still change (a changed decision takes the document off the list).
EDITABLE_LIST_STATUSES = (ListStatus.NEW, ListStatus.CHANGES_REQUESTED)
ACTIVE_LIST_STATUSES = (*EDITABLE_LIST_STATUSES, *LOCKED_LIST_STATUSES)
# Item statuses that still count as "on the list".
LIVE_ITEM_STATUSES = (ItemStatus.PROPOSED, ItemStatus.APPROVED)


class OverrideStatus(models.TextChoices):
    """A request to destroy a document that the selectielijst says must stay."""

    REQUESTED = "requested", _("Aangevraagd")
    APPROVED = "approved", _("Goedgekeurd")
    REJECTED = "rejected", _("Afgewezen")


class ReviewOutcome(models.TextChoices):
    """What a reviewer or the archivist said about a destruction list."""

    APPROVED = "approved", _("Akkoord")
    CHANGES_REQUESTED = "changes_requested", _("Wijzigingen gevraagd")
    ARCHIVIST_APPROVED = "archivist_approved", _("Akkoord archivaris")
    ARCHIVIST_CHANGES = "archivist_changes", _("Wijzigingen gevraagd door archivaris")
