"""Which extractor reads which document type."""

from __future__ import annotations

from ..model import DocType
from . import archives, mail, office, pdf, text
from .sink import Extractor

EXTRACTORS: dict[DocType, Extractor] = {
    DocType.PDF: pdf.extract_pdf,
    DocType.DOCX: office.extract_docx,
    DocType.XLSX: office.extract_xlsx,
    DocType.PPTX: office.extract_pptx,
    DocType.ODT: office.extract_odf,
    DocType.ODS: office.extract_odf,
    DocType.ODP: office.extract_odf,
    DocType.TXT: text.extract_text_file,
    DocType.MD: text.extract_text_file,
    DocType.CSV: text.extract_text_file,
    DocType.HTML: text.extract_html,
    DocType.RTF: text.extract_rtf,
    DocType.EML: mail.extract_eml,
    DocType.MSG: mail.extract_msg,
    DocType.ZIP: archives.extract_zip,
}
