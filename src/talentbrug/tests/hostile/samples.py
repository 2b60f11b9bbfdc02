"""The hostile file suite: every file an attacker (or an unlucky user) sends to an upload.

Each sample says what must happen to it on every upload path:

* ``refuse``: the file is not stored; the uploader gets a Dutch message containing
  ``message`` (a word that names the problem) and saying what to do;
* ``rename``: the file may be stored, but only under a name whose extension matches its
  content (``safe_extension``), never under the uploaded extension.

Some samples only exist on a file system (a named pipe); those are made by
:func:`make_fifo` for the server-folder import.
"""

from __future__ import annotations

import functools
import io
import os
import zipfile
from dataclasses import dataclass
from pathlib import Path

from talentbrug.docanalysis.tests.samples import make_docx, make_pdf, pdf_from_objects

CV_TEXT = "Jan Jansen\nErvaring: Python, Django, SQL. Opleiding: mbo 4 Software Developer.\n"
LONG_NAME = "cv-" + "ä" * 993 + ".pdf"  # 1,000 characters


def many_page_pdf(pages: int = 60_000) -> bytes:
    """A valid PDF with ``pages`` empty pages (~125 bytes a page; 60,000 pages ≈ 7.6 MB)."""
    first_page = 3
    kids = b" ".join(b"%d 0 R" % (first_page + i) for i in range(pages))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [" + kids + b"] /Count %d >>" % pages,
    ]
    objects += [b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>"] * pages
    return pdf_from_objects(objects)


def encrypted_pdf() -> bytes:
    """A PDF with a user password (RC4, no extra crypto library needed)."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    for page in PdfReader(io.BytesIO(make_pdf([CV_TEXT]))).pages:
        writer.add_page(page)
    writer.encrypt("geheim", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def zip_bomb_docx() -> bytes:
    """A DOCX (valid layout) with one member that inflates from ~100 KB to 100 MB."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", "<w:document/>")
        zf.writestr("word/media/bomb.bin", b"\0" * (100 * 1024 * 1024))
    return out.getvalue()


@dataclass(frozen=True)
class Sample:
    key: str
    name: str
    content: bytes
    outcome: str  # "refuse" or "rename"
    message: str = ""  # refuse: a word the Dutch message must contain
    safe_extension: str = ""  # rename: the only extension it may be stored/served under


KEYS = (
    "hta",
    "hta-text",
    "bat",
    "js",
    "html",
    "svg-script",
    "exe",
    "pdf-as-exe",
    "zero",
    "long-name",
    "encrypted-pdf",
    "many-pages",
    "zip-bomb",
    "traversal",
    "rtl",
    "docx-ok",
)


@functools.cache
def hostile_samples() -> tuple[Sample, ...]:
    """The suite, built once per test process (some samples are large)."""
    script = b"<script>alert(document.cookie)</script>"
    return (
        Sample(
            "hta",
            "cv.hta",
            b'<HTA:APPLICATION ID="x" />\n' + script,
            "refuse",
            "niet aan",
        ),
        Sample("hta-text", "cv.hta", CV_TEXT.encode(), "rename", safe_extension="txt"),
        Sample("bat", "cv.bat", b"@echo off\r\ndel /q C:\\*\r\n", "rename", safe_extension="txt"),
        Sample(
            "js",
            "cv.js",
            b"var s = new ActiveXObject('WScript.Shell');\n",
            "rename",
            safe_extension="txt",
        ),
        Sample("html", "cv.html", b"<!doctype html><html><body>" + script, "refuse", "niet aan"),
        Sample(
            "svg-script",
            "foto.svg",
            b'<svg xmlns="http://www.w3.org/2000/svg">' + script + b"</svg>",
            "refuse",
            "niet aan",
        ),
        Sample("exe", "cv.pdf.exe", b"MZ\x90\x00\x03" + b"\x00" * 200, "refuse", "niet aan"),
        Sample("pdf-as-exe", "cv.exe", make_pdf([CV_TEXT]), "rename", safe_extension="pdf"),
        Sample("zero", "leeg-cv.pdf", b"", "refuse", "leeg"),
        Sample("long-name", LONG_NAME, make_pdf([CV_TEXT]), "rename", safe_extension="pdf"),
        Sample("encrypted-pdf", "beveiligd.pdf", encrypted_pdf(), "refuse", "wachtwoord"),
        Sample("many-pages", "dik.pdf", many_page_pdf(), "refuse", "pagina"),
        Sample("zip-bomb", "bom.docx", zip_bomb_docx(), "refuse", "veilig"),
        Sample(
            "traversal",
            "../../../../etc/passwd%00.pdf",
            make_pdf([CV_TEXT]),
            "rename",
            safe_extension="pdf",
        ),
        Sample("rtl", "cv\u202etxt.exe", CV_TEXT.encode(), "rename", safe_extension="txt"),
        Sample(
            "docx-ok",
            "cv.docx",
            make_docx(["Jan Jansen", CV_TEXT]),
            "rename",
            safe_extension="docx",
        ),
    )


def make_fifo(folder: Path, name: str = "pijp.pdf") -> Path:
    """A named pipe: opening it for reading blocks until a writer comes (which never does)."""
    path = folder / name
    os.mkfifo(path)
    return path
