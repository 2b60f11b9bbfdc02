"""List the strings that still need a translation, per language, as the translation tests see them.

English: every entry of the catalogs. ar, ti, tr, fa: the candidate-facing strings (the files
named in pages/tests/test_translations.py and applications/tests/test_translations.py).

    PYTHONPATH=src .venv/bin/python scripts/untranslated.py [--json var/untranslated.json]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path


class _Chdir:
    def chdir(self, path: Path) -> None:
        os.chdir(path)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--json", help="write {language: [msgid, ...]} to this file")
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "talentbrug.conf.test")
    import django

    django.setup()
    from talentbrug.applications.tests import test_translations as apps_t
    from talentbrug.pages.tests import test_translations as pages_t

    here = Path.cwd()
    with tempfile.TemporaryDirectory() as one, tempfile.TemporaryDirectory() as two:
        wanted = pages_t.candidate_msgids(Path(one), _Chdir())  # type: ignore[arg-type]
        os.chdir(here)
        wanted |= apps_t.candidate_msgids(Path(two), _Chdir())  # type: ignore[arg-type]
        os.chdir(here)
    wanted |= pages_t.task_texts()
    result: dict[str, list[str]] = {}
    english: list[str] = []
    for path in pages_t.catalogs("en"):
        for (_, msgid), (strs, fuzzy) in pages_t.parse_po(path).items():
            if not pages_t.translated(strs, fuzzy):
                english.append(msgid)
    result["en"] = sorted(set(english))
    for language in ("ar", "ti", "tr", "fa"):
        result[language] = pages_t.untranslated(wanted, language)
    for language, ids in result.items():
        print(f"{language}: {len(ids)} to translate")
    if args.json:
        Path(args.json).write_text(json.dumps(result, ensure_ascii=False, indent=1), "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
