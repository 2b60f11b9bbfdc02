"""Analysis of one document for the records triage tool ("bewaren of weggooien").

Pure Python, no Django. Main entry point: :func:`analyse`.

>>> result = analyse(b"Hallo wereld", name="notitie.txt")
>>> result.detected_type.value, result.size, result.preview
('txt', 12, 'Hallo wereld')
"""

from .analyse import analyse, make_preview
from .detect import detect_bytes, detect_type
from .model import DEFAULT_LIMITS, DocType, DocumentAnalysis, Limits, PersonalDataSigns
from .personal import find_bsns, find_ibans, is_valid_bsn, is_valid_iban, personal_data_signs
from .similarity import (
    Match,
    NearDuplicateIndex,
    jaccard,
    minhash_signature,
    signature_from_hex,
    signature_to_hex,
    similarity,
)
from .temporary import temporary_reason

__all__ = [
    "DEFAULT_LIMITS",
    "DocType",
    "DocumentAnalysis",
    "Limits",
    "Match",
    "NearDuplicateIndex",
    "PersonalDataSigns",
    "analyse",
    "detect_bytes",
    "detect_type",
    "find_bsns",
    "find_ibans",
    "is_valid_bsn",
    "is_valid_iban",
    "jaccard",
    "make_preview",
    "minhash_signature",
    "personal_data_signs",
    "signature_from_hex",
    "signature_to_hex",
    "similarity",
    "temporary_reason",
]
