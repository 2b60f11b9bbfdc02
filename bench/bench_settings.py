"""Settings for bench/bench_careers.py: production settings plus a trivial "floor" view.

The URL map adds /bench-floor/ (``bench.bench_urls``), so the floor view goes through the same
middleware, WSGI server and workers as the careers pages; static files are symlinked instead of
compressed (see below). Everything else is production. Not a benchmark itself:
``python -m bench`` runs every ``bench_*.py`` file, so running this file directly does nothing.
"""

if __name__ == "__main__":  # pragma: no cover - `python -m bench` runs every bench_*.py
    raise SystemExit(0)

from talentbrug.conf.production import *  # noqa: F403

ROOT_URLCONF = "bench.bench_urls"
# The bench sends no mail and has no public https address: it skips the production settings
# check (conf/checks.py), which would otherwise (rightly) refuse to start gunicorn.
TALENTBRUG_PRODUCTION = False

# Static files are not measured. Production compresses them on collectstatic (gzip + brotli of
# 48 MB of node_modules: about 3 minutes here); the bench symlinks them instead. {% static %}
# URLs are the same for both storages, so the pages render exactly as in production.
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
