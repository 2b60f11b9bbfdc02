"""Language metadata Django lacks (Tigrinya) and which languages are right-to-left."""

from django.conf.locale import LANG_INFO

EXTRA_LANG_INFO = {
    "ti": {"bidi": False, "code": "ti", "name": "Tigrinya", "name_local": "ትግርኛ"},
}
RTL_LANGUAGES = frozenset({"ar", "fa", "he", "ur"})


def register_extra_languages() -> None:
    for code, info in EXTRA_LANG_INFO.items():
        LANG_INFO.setdefault(code, info)
