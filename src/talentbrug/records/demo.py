"""Demo data: a shared drive of the recruitment team of DICTU, 2019–2023. Fictitious only.

The documents are generated (deterministic), imported through the same service as uploads
and analysed in-process. They include exact duplicates, a near-duplicate, a temporary file,
an empty file, a Word document and one note with (fake) personal data.
"""

from __future__ import annotations

import io
import re
from datetime import UTC, datetime
from typing import Any

from django.core.files.base import ContentFile

from .constants import Waardering
from .models import Document, SelectielijstCategory
from .services.collections import create_collection, update_records_settings
from .services.uploads import import_files

CATEGORIES = [
    (
        "1.1",
        "Werving en selectie: vacature en selectieprocedure",
        Waardering.VERNIETIGEN,
        5,
        "na afloop van de procedure",
    ),
    (
        "1.2",
        "Sollicitatiebrieven en cv's van niet-aangenomen kandidaten",
        Waardering.VERNIETIGEN,
        1,
        "na afloop van de procedure",
    ),
    ("1.3", "Beleid werving en arbeidsmarktcommunicatie", Waardering.BEWAREN, None, ""),
    ("1.4", "Verslagen wervingsoverleg", Waardering.VERNIETIGEN, 7, "na afloop van het jaar"),
]

ROLES = [
    "Junior developer",
    "Cloud engineer",
    "Informatieanalist",
    "Security officer",
    "Data engineer",
    "Scrum master",
]


def _docx(paragraphs: list[str]) -> bytes:
    import docx

    document = docx.Document()
    document.core_properties.created = datetime(2021, 3, 1, 9, 0, tzinfo=UTC)
    document.core_properties.modified = datetime(2021, 3, 15, 9, 0, tzinfo=UTC)
    document.core_properties.title = paragraphs[0]
    document.core_properties.author = "Team Werving"
    for text in paragraphs:
        document.add_paragraph(text)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _files() -> list[tuple[str, bytes]]:
    files: list[tuple[str, bytes]] = []
    for index, role in enumerate(ROLES):
        year = 2019 + index % 5
        slug = role.lower().replace(" ", "-")
        files.append(
            (
                f"Werving {year}/{slug}/vacaturetekst.txt",
                (
                    f"Vacature {role} bij DICTU ({year}).\nWat ga je doen: je bouwt mee aan "
                    f"digitale diensten voor de Rijksoverheid. Wat neem je mee: zin om te leren. "
                    f"Schaal {9 + index % 3}. Sluitingsdatum 1 maart {year}."
                ).encode(),
            )
        )
        files.append(
            (
                f"Werving {year}/{slug}/selectieverslag.txt",
                (
                    f"Selectieverslag {role} {year}. Commissie: twee leden van het team en een "
                    f"HR-adviseur. Er waren {4 + index} gesprekken. Besluit: voorstel tot "
                    f"aanstelling van kandidaat {index + 1}. Afwijzingen zijn verstuurd."
                ).encode(),
            )
        )
        files.append(
            (
                f"Werving {year}/{slug}/planning gesprekken.txt",
                (
                    f"Planning gesprekken {role}: dinsdag en donderdag, zaal 4.{index}. "
                    "Neem de beoordelingsformulieren mee."
                ).encode(),
            )
        )
    for year in range(2019, 2024):
        files.append(
            (
                f"Overleg/verslag wervingsoverleg {year}.txt",
                (
                    f"Verslag wervingsoverleg {year}. Aanwezig: team Werving. Onderwerpen: "
                    "arbeidsmarktcampagne, instroom traineeship, doorlooptijd van vacatures. "
                    "Actiepunten: campagne evalueren, wervingsdag plannen."
                ).encode(),
            )
        )
    # Near-duplicate of the 2022 meeting notes (one word changed).
    files.append(
        (
            "Overleg/verslag wervingsoverleg 2022 (concept).txt",
            (
                b"Verslag wervingsoverleg 2022. Aanwezig: team Werving. Onderwerpen: "
                b"arbeidsmarktcampagne, instroom traineeship, doorlooptijd van vacatures. "
                b"Actiepunten: campagne evalueren, wervingsdag organiseren."
            ),
        )
    )
    # Exact duplicates.
    files.append(("Kopie van Werving 2019/junior-developer/vacaturetekst.txt", files[0][1]))
    files.append(("Kopie van Werving 2019/junior-developer/selectieverslag.txt", files[1][1]))
    # Policy document (B) as Word.
    files.append(
        (
            "Beleid/Wervingsbeleid DICTU 2021-2025.docx",
            _docx(
                [
                    "Wervingsbeleid DICTU 2021-2025",
                    "We werven op vaardigheden, niet op diploma's.",
                    "Iedere vacature heeft een leerroute en een buddy.",
                ]
            ),
        )
    )
    # Personal data (fake: test BSN and example IBAN, reserved example domain).
    files.append(
        (
            "Werving 2020/sollicitaties/notitie kandidaat.txt",
            (
                b"Notitie telefonisch gesprek met kandidaat. E-mail: kandidaat@example.org, "
                b"telefoon 06-12345678, BSN 111222333, rekening NL91ABNA0417164300. "
                b"Kandidaat trekt zich terug."
            ),
        )
    )
    files.append(("Werving 2021/~$lectieverslag.docx", b"\x00lock"))
    files.append(("Werving 2021/Thumbs.db", b"\x00\x01\x02thumbs"))
    files.append(("Werving 2022/leeg.txt", b""))
    files.append(("Werving 2023/onbekend.bin", bytes(range(256)) * 4))
    return files


def seed(context: dict[str, Any]) -> None:
    organisation = context["organisations"]["dictu"]
    users = context["users"]
    manager = users["archief.dictu"]
    categories = {}
    for code, name, waardering, years, trigger in CATEGORIES:
        categories[code] = SelectielijstCategory.objects.create(
            organisation=organisation,
            code=code,
            name=name,
            waardering=waardering,
            bewaartermijn_years=years,
            trigger=trigger,
        )
    collection = create_collection(
        organisation,
        manager,
        name="Gedeelde schijf team Werving 2019–2023",
        description="Kopie van de gedeelde schijf van het team Werving, aangeleverd in 2026.",
        default_category=categories["1.1"],
        owner=manager,
    )
    uploads = []
    for path, data in _files():
        upload = ContentFile(data, name=path)
        # As on a file share: the last-modified time, here the year in the folder name.
        found = re.search(r"20(19|2[0-3])", path)
        year = int(found.group(0)) if found else 2021
        upload.modified = datetime(min(year, 2023), 11, 30, 12, 0, tzinfo=UTC)  # type: ignore[attr-defined]
        uploads.append(upload)
    import_files(collection, manager, uploads)
    # Folders that the records manager classified up front (prefilled on the cards).
    for prefix, code in (
        ("Beleid/", "1.3"),
        ("Overleg/", "1.4"),
        ("Werving 2020/sollicitaties/", "1.2"),
    ):
        Document.objects.filter(collection=collection, path__startswith=prefix).update(
            category=categories[code]
        )
    # Review as in Open Archiefbeheer: a second records manager (archief2.dictu) reviews,
    # the archivist (archivaris.dictu) gives the last approval before the cooling-off period.
    update_records_settings(organisation, manager, cooling_off_days=7, archivist_required=True)
    context["records_collection"] = collection
