"""Import limits and the reasons a file cannot be read (shown to people, never codes)."""

from __future__ import annotations

import logging

from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from talentbrug.docanalysis import (
    DocType,
)

logger = logging.getLogger(__name__)
CHUNK = 1024 * 1024


# Why a file cannot be read, and what to do about it: shown on the card ("Kan niet gelezen
# worden: …") and in the result of an upload. No internal codes: people read these.
def encrypted_reason() -> str:
    return _("Versleuteld met een wachtwoord; vraag de maker om een versie zonder wachtwoord")


def too_large_reason(limit: int) -> str:
    return _(
        "Te groot (meer dan %(size)s); splits het bestand of vraag de beheerder om de grens "
        "te verhogen"
    ) % {"size": filesizeformat(limit)}


def damaged_reason() -> str:
    return _("Beschadigd of onleesbaar; open het zelf en voeg zo nodig een goede kopie toe")


def empty_reason() -> str:
    return _("Leeg bestand (0 bytes); er staat niets in om te bewaren")


STORE_INSERT_CHUNK = 500
UNSUPPORTED_TYPES = {
    DocType.BINARY,
    DocType.OLE,
    DocType.DOC,
    DocType.XLS,
    DocType.PPT,
    DocType.GZIP,
    DocType.SEVEN_Z,
}


def max_file_bytes() -> int:
    return int(getattr(settings, "RECORDS_MAX_FILE_BYTES", 200 * 1024 * 1024))


def file_read_seconds() -> float:
    """Time budget for reading one file of a server folder (a slow or stuck share)."""
    return float(getattr(settings, "RECORDS_IMPORT_FILE_SECONDS", 60))


def max_zip_total_bytes() -> int:
    return int(getattr(settings, "RECORDS_MAX_ZIP_TOTAL_BYTES", 4 * 1024 * 1024 * 1024))


def max_zip_members() -> int:
    return int(getattr(settings, "RECORDS_MAX_ZIP_MEMBERS", 20_000))


def max_zip_ratio() -> int:
    return int(getattr(settings, "RECORDS_MAX_ZIP_RATIO", 100))
