"""Names of the themes of the 'tien verbazingen' (counted per theme in Insights)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from . import themes

THEME_LABELS = {
    "tijd": _("Tijd en afspraken"),
    "taal": _("Taal, afkortingen en vaktermen"),
    "hierarchie": _("Omgang met leidinggevenden"),
    "samenwerken": _("Overleggen en samen besluiten"),
    "werkplek": _("Werkplek en gebouw"),
    "regels": _("Regels en procedures"),
    "omgang": _("Omgang met collega's"),
    "systemen": _("Systemen en accounts"),
    "balans": _("Werktijden en vrije tijd"),
    themes.OTHER: _("Overig"),
}
