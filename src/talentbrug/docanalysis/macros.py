"""Recognise office documents that carry macros (VBA or Basic), which we do not open."""

from __future__ import annotations

import zipfile
from typing import BinaryIO

_MACRO_EXTENSIONS = {"docm", "dotm", "xlsm", "xltm", "xlam", "pptm", "potm", "ppam", "ppsm"}
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def macro_reason(stream: BinaryIO, name: str = "") -> str | None:
    """Why the document is a macro document, or None. Reads only the container directory.

    OOXML: a ``vbaProject.bin`` part or a macro-enabled extension; ODF: a ``Basic/`` folder
    with modules; OLE (old .doc/.xls): a ``Macros`` or ``_VBA_PROJECT_CUR`` storage name.
    Never raises; the stream position is restored.
    """
    ext = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    position = stream.tell()
    try:
        stream.seek(0)
        head = stream.read(8)
        stream.seek(0)
        if head.startswith(b"PK"):
            try:
                with zipfile.ZipFile(stream) as zf:
                    names = [n.lower() for n in zf.namelist()]
            except (zipfile.BadZipFile, OSError, ValueError):
                names = []
            if any(n.endswith("vbaproject.bin") for n in names):
                return "contains a VBA macro project"
            if any(
                n.startswith("basic/")
                and n.endswith(".xml")
                and "script-lb" not in n
                and "script-lc" not in n
                for n in names
            ):
                return "contains Basic macros"
        elif head == _OLE_MAGIC:
            stream.seek(0)
            data = stream.read(4 * 1024 * 1024)
            for marker in ("_VBA_PROJECT_CUR", "Macros", "VBA"):
                if marker.encode("utf-16-le") in data:
                    return "contains a VBA macro project"
        if ext in _MACRO_EXTENSIONS:
            return f"macro-enabled file type (.{ext})"
        return None
    except OSError:
        return None
    finally:
        stream.seek(position)
