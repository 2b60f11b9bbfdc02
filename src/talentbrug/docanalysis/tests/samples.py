"""Generators of real sample documents for the tests and the benchmark."""

from __future__ import annotations

import io
from datetime import datetime
from email.message import EmailMessage

import docx
import openpyxl
from odf import dc, meta
from odf.opendocument import OpenDocumentText
from odf.text import H, P
from pptx import Presentation
from pptx.util import Inches


def _pdf_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def make_pdf(lines: list[str], *, title: str = "Testdocument", author: str = "Tester") -> bytes:
    """A minimal, valid one-page PDF with real text (Helvetica, WinAnsi)."""
    body = " ".join(f"({_pdf_escape(line)}) Tj T*" for line in lines)
    content = f"BT /F1 12 Tf 72 720 Td 14 TL {body} ET".encode("cp1252")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        (
            f"<< /Title ({_pdf_escape(title)}) /Author ({_pdf_escape(author)}) "
            "/CreationDate (D:20230115103000+01'00') /ModDate (D:20240201120000Z) >>"
        ).encode("cp1252"),
    ]
    return pdf_from_objects(objects, info=6)


def pdf_from_objects(objects: list[bytes], *, info: int | None = None) -> bytes:
    """A PDF file of numbered objects (1 is the catalog) with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, obj in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + obj + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    info_ref = b" /Info %d 0 R" % info if info else b""
    out += b"trailer\n<< /Size %d /Root 1 0 R%s >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        info_ref,
        xref,
    )
    return bytes(out)


def make_docx(paragraphs: list[str], *, title: str = "Notitie", author: str = "J. Jansen") -> bytes:
    document = docx.Document()
    document.add_heading(paragraphs[0] if paragraphs else "Leeg", level=1)
    for text in paragraphs[1:]:
        document.add_paragraph(text)
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Kolom A"
    table.cell(0, 1).text = "Kolom B"
    table.cell(1, 0).text = "waarde 1"
    table.cell(1, 1).text = "waarde 2"
    props = document.core_properties
    props.title = title
    props.author = author
    props.created = datetime(2022, 5, 17, 9, 30)
    props.modified = datetime(2023, 6, 1, 14, 0)
    buf = io.BytesIO()
    document.save(buf)
    return buf.getvalue()


def make_xlsx(
    rows: list[list[object]], *, title: str = "Begroting", author: str = "Financiën"
) -> bytes:
    wb = openpyxl.Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Blad1"
    for row in rows:
        ws.append(row)
    wb.create_sheet("Leeg")
    wb.properties.title = title
    wb.properties.creator = author
    wb.properties.created = datetime(2021, 1, 4, 8, 0)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def make_pptx(slides: list[tuple[str, str]], *, title: str = "Presentatie") -> bytes:
    prs = Presentation()
    layout = prs.slide_layouts[1]
    for heading, body in slides:
        slide = prs.slides.add_slide(layout)
        slide.shapes.title.text = heading
        slide.placeholders[1].text = body
        box = slide.shapes.add_textbox(Inches(1), Inches(5), Inches(4), Inches(1))
        box.text_frame.text = "Extra tekstvak"
        slide.notes_slide.notes_text_frame.text = f"Notities bij {heading}"
    prs.core_properties.title = title
    prs.core_properties.author = "P. Presentator"
    buf = io.BytesIO()
    prs.save(buf)
    return buf.getvalue()


def make_odt(
    paragraphs: list[str], *, title: str = "ODT-notitie", author: str = "O. Open"
) -> bytes:
    doc = OpenDocumentText()
    doc.meta.addElement(dc.Title(text=title))
    doc.meta.addElement(meta.InitialCreator(text=author))
    doc.meta.addElement(meta.CreationDate(text="2020-02-20T10:00:00"))
    doc.text.addElement(H(outlinelevel=1, text=paragraphs[0] if paragraphs else "Leeg"))
    for text in paragraphs[1:]:
        doc.text.addElement(P(text=text))
    buf = io.BytesIO()
    doc.write(buf)
    return buf.getvalue()


def make_eml(
    body: str,
    *,
    subject: str = "Sollicitatie ICT-beheerder",
    attachments: list[tuple[str, bytes, str]] | None = None,
) -> bytes:
    msg = EmailMessage()
    msg["From"] = "Fatima Yilmaz <fatima.yilmaz@example.org>"
    msg["To"] = "werving@minbzk.example.nl"
    msg["Subject"] = subject
    msg["Date"] = "Tue, 14 Mar 2023 10:15:00 +0100"
    msg["Message-ID"] = "<abc123@example.org>"
    msg.set_content(body)
    for filename, data, mime in attachments or []:
        maintype, subtype = mime.split("/", 1)
        msg.add_attachment(data, maintype=maintype, subtype=subtype, filename=filename)
    return msg.as_bytes()


def _utf16(text: str) -> bytes:
    return text.encode("utf-16-le")


def make_msg(
    *,
    subject: str = "Verslag overleg archief",
    body: str = "Beste collega,\r\n\r\nHierbij het verslag.\r\n",
    sender: str = "Jan Jansen <jan.jansen@example.nl>",
    to: str = "archief@example.nl",
    date: str = "Mon, 06 Mar 2023 09:00:00 +0100",
    attachments: list[tuple[str, bytes]] | None = None,
) -> bytes:
    """An Outlook .msg file (CFB container with MAPI property streams)."""
    import struct

    from .cfb import Tree, build_cfb

    attachments = attachments or []
    headers = f"From: {sender}\r\nTo: {to}\r\nSubject: {subject}\r\nDate: {date}\r\n\r\n"
    tree: Tree = {
        "__substg1.0_001A001F": _utf16("IPM.Note"),
        "__substg1.0_0037001F": _utf16(subject),
        "__substg1.0_1000001F": _utf16(body),
        "__substg1.0_0C1A001F": _utf16(sender.split(" <")[0]),
        "__substg1.0_0E04001F": _utf16(to),
        "__substg1.0_007D001F": _utf16(headers),
        "__properties_version1.0": b"\x00" * 8
        + struct.pack("<IIII", 0, len(attachments), 0, len(attachments))
        + b"\x00" * 8,
        "__nameid_version1.0": {
            "__substg1.0_00020102": b"",
            "__substg1.0_00030102": b"",
            "__substg1.0_00040102": b"",
        },
    }
    for n, (filename, data) in enumerate(attachments):
        tree[f"__attach_version1.0_#{n:08X}"] = {
            "__properties_version1.0": b"\x00" * 8
            + struct.pack("<IIQ", 0x37050003, 6, 1)  # PR_ATTACH_METHOD = ATTACH_BY_VALUE
            + struct.pack("<IIQ", 0x0E210003, 6, n),  # PR_ATTACH_NUM
            "__substg1.0_3707001F": _utf16(filename),
            "__substg1.0_3704001F": _utf16(filename[:12]),
            "__substg1.0_3001001F": _utf16(filename),
            "__substg1.0_37010102": data,
        }
    return build_cfb(tree)
