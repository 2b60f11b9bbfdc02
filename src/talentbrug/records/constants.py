"""Choice lists of the records app (bewaren of weggooien)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Waardering(models.TextChoices):
    """Selectielijst valuation: keep permanently (B) or destroy after a term (V)."""

    BEWAREN = "B", _("B – blijvend bewaren")
    VERNIETIGEN = "V", _("V – vernietigen na de bewaartermijn")


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

    NEW = "nieuw", _("Nieuw")
    IN_REVIEW = "ter_beoordeling", _("Ter beoordeling")
    APPROVED = "goedgekeurd", _("Goedgekeurd")
    ARCHIVIST_APPROVED = "archivaris_akkoord", _("Akkoord archivaris")
    COOLING_OFF = "wachttijd", _("Wachttijd")
    DESTROYING = "wordt_vernietigd", _("Wordt vernietigd")
    DESTROYED = "vernietigd", _("Vernietigd")


class ItemStatus(models.TextChoices):
    PROPOSED = "voorgesteld", _("Voorgesteld")
    APPROVED = "goedgekeurd", _("Goedgekeurd")
    EXCLUDED = "uitgezonderd", _("Uitgezonderd")
    RESTORED = "teruggezet", _("Teruggezet")
    HELD = "geblokkeerd", _("Niet vernietigd: juridische blokkade")
    DESTROYED = "vernietigd", _("Vernietigd")


# Lists in these statuses hold their documents: the decision cannot change meanwhile.
LOCKED_LIST_STATUSES = (
    ListStatus.IN_REVIEW,
    ListStatus.APPROVED,
    ListStatus.ARCHIVIST_APPROVED,
    ListStatus.COOLING_OFF,
    ListStatus.DESTROYING,
)
ACTIVE_LIST_STATUSES = (ListStatus.NEW, *LOCKED_LIST_STATUSES)
# Item statuses that still count as "on the list".
LIVE_ITEM_STATUSES = (ItemStatus.PROPOSED, ItemStatus.APPROVED)
