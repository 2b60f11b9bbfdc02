"""Recognise empty files and temporary/system clutter by name and size."""

from __future__ import annotations

import re

_SYSTEM_FILES = {
    "thumbs.db": "Windows thumbnail cache",
    "ehthumbs.db": "Windows thumbnail cache",
    ".ds_store": "macOS folder settings",
    "desktop.ini": "Windows folder settings",
    ".localized": "macOS localisation marker",
    "icon\r": "macOS folder icon",
}
_TEMP_EXTENSIONS = {
    "tmp": "temporary file (.tmp)",
    "temp": "temporary file (.temp)",
    "bak": "backup copy (.bak)",
    "swp": "editor swap file",
    "swo": "editor swap file",
    "crdownload": "unfinished download",
    "part": "unfinished download",
    "partial": "unfinished download",
    "~": "backup copy",
    "wbk": "Word backup copy",
    "asd": "Word autosave file",
}


def temporary_reason(name: str, size: int | None) -> str | None:
    """Why the file is empty or temporary, or None if it looks like a real document."""
    base = re.split(r"[\\/]", name)[-1]
    low = base.lower()
    if size == 0:
        return "empty file (0 bytes)"
    if low in _SYSTEM_FILES:
        return _SYSTEM_FILES[low]
    if base.startswith("~$"):
        return "Office lock file (~$ prefix)"
    if base.startswith(".~lock.") and base.endswith("#"):
        return "LibreOffice lock file"
    if base.startswith("._"):
        return "macOS resource fork (._ prefix)"
    if base.endswith("~"):
        return "backup copy (~ suffix)"
    if re.fullmatch(r"~wr[a-z]\d+\.tmp|~\$.*|\.?~.*\.tmp", low):
        return "Office temporary file"
    ext = low.rsplit(".", 1)[1] if "." in low.strip(".") else ""
    if ext in _TEMP_EXTENSIONS:
        return _TEMP_EXTENSIONS[ext]
    return None
