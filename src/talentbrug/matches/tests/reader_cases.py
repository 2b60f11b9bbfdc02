"""CVs in the six candidate languages for the reader tests, with what must be found.

The e5 vectors of every text the reader embeds for them are recorded in
``data/reader_vectors.npz`` (float16), so the tests run the product path without loading the
model. After changing a text here or ``taxonomy/data/skill_prototypes.json``, record again:

    PYTHONPATH=src .venv/bin/python -m talentbrug.matches.tests.record_reader_vectors
"""

from __future__ import annotations

SUPPORT_USERS = "db36f7f1-5900-45bd-9ffb-f2b19c4362ac"
TROUBLESHOOT = "744442ac-c157-4350-8be0-ce454df4f5c5"
INSTALL_OS = "c330db31-7fa9-4a8c-8ad6-baa957bcfed1"
REPAIR = "b4877620-c375-45f3-a678-2ddb4dae6a29"
PYTHON = "ccd0a1d9-afda-43d9-b901-96344886e14d"
SQL = "598de5b0-5b58-4ea7-8058-a4bc4d18c742"
CUSTOMER_SERVICE = "15a33d76-4640-438d-ae64-fdc0c1d3eebc"
TEAMWORK = "60c78287-22eb-4103-9c8c-28deaa460da0"

# (language, text, skills that must be found, (language, level) pairs that must be found)
CASES: list[tuple[str, str, set[str], set[tuple[str, str]]]] = [
    (
        "nl",
        "Werkervaring\n2021 – heden  Medewerker servicedesk, Gemeente Breda\n"
        "- Storingen aan laptops en printers oplossen voor collega's\n"
        "- Klanten vriendelijk te woord staan aan de telefoon\n\n"
        "Talen\nNederlands: Staatsexamen NT2 II\nArabisch: moedertaal\n",
        {TROUBLESHOOT},
        {("nl", "B2"), ("ar", "C2")},
    ),
    (
        "en",
        "EXPERIENCE\n2019 - present  IT support, City Hospital, Lagos\n"
        "- Helping staff with their computer problems\n"
        "- Repaired desktops, printers and laptops\n\n"
        "LANGUAGES\nEnglish (native), Dutch A2\n",
        {SUPPORT_USERS, REPAIR},
        {("en", "C2"), ("nl", "A2")},
    ),
    (
        "ar",
        "الخبرة العملية\n2017 - 2022 فني دعم تقني، وزارة التربية، دمشق\n"
        "- دعم مستخدمي أنظمة الحاسوب وحل مشاكلهم التقنية\n"
        "- تثبيت أنظمة التشغيل على الحواسيب\n\n"
        "اللغات\nالعربية: اللغة الأم\nالهولندية: B1\n",
        {SUPPORT_USERS, INSTALL_OS},
        {("ar", "C2"), ("nl", "B1")},
    ),
    (
        "tr",
        "İş Deneyimi\n2018 - 2023 Bilgi İşlem Destek Uzmanı, Ankara Belediyesi\n"
        "- Kullanıcılara bilgisayar sorunlarında destek verdim\n"
        "- Python ve SQL ile raporlar hazırladım\n\n"
        "Diller\nTürkçe: ana dil\nHollandaca: A2\n",
        {SUPPORT_USERS, PYTHON, SQL},
        {("tr", "C2"), ("nl", "A2")},
    ),
    (
        "fa",
        "سوابق کاری\n۱۳۹۵ - ۱۴۰۰ کارشناس پشتیبانی فناوری اطلاعات، تهران\n"
        "- پشتیبانی از کاربران سیستم‌های کامپیوتری\n"
        "- نصب سیستم عامل و نرم‌افزار\n\n"
        "زبان‌ها\nفارسی: زبان مادری\nهلندی: A2\n",
        {SUPPORT_USERS, INSTALL_OS},
        {("fa", "C2"), ("nl", "A2")},
    ),
    (
        "ti",
        "ተሞክሮ ስራሕ\n2014 - 2018 ቴክኒሻን ኮምፒተር፣ ኣስመራ\n"
        "- ንተጠቀምቲ ኮምፒተር ሓገዝ ምሃብ\n"
        "- ብPython ፕሮግራም ምጽሓፍ\n\n"
        "ቋንቋታት\nትግርኛ: ቋንቋ ኣደ\nሆላንድኛ: NT2 B1\n",
        {SUPPORT_USERS, PYTHON},
        {("ti", "C2"), ("nl", "B1")},
    ),
]

# A trap: words overlap with ICT ("installer", "systems"), the work does not.
TRAP = (
    "Work experience\n2015 - 2023 Ceiling installer, BouwGroep Noord\n"
    "Installed suspended ceiling systems and partition walls in offices.\n"
)

# Everyday words a recruiter types in the skill picker -> the skill that must come first.
SEARCHES: list[tuple[str, str]] = [
    ("storing", TROUBLESHOOT),
    ("storingen oplossen", TROUBLESHOOT),
    ("klantgericht", CUSTOMER_SERVICE),
    ("servicedesk", SUPPORT_USERS),
    ("helpdesk", SUPPORT_USERS),
]
