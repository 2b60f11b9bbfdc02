"""Test settings: fast hashing, in-process tasks, mails in memory.

DATABASE_URL may point at PostgreSQL (as .ci/run does); the default is SQLite.
"""

from .base import *  # noqa: F403
from .env import env_str

SECRET_KEY = env_str("DJANGO_SECRET_KEY", "test-only-not-secret-" + "x" * 40)
DEBUG = False
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True

# Uploaded files of tests go to a throw-away folder, never to var/media.
import tempfile  # noqa: E402

# The integration tests share one folder with the Celery worker they start.
MEDIA_ROOT = env_str("TALENTBRUG_TEST_MEDIA_ROOT", "") or tempfile.mkdtemp(
    prefix="talentbrug-test-media-"
)
if STORAGES["default"]["BACKEND"] == "django.core.files.storage.FileSystemStorage":  # noqa: F405
    STORAGES["default"]["OPTIONS"] = {"location": MEDIA_ROOT}  # noqa: F405

# Test-only: a job reaching a hold point waits while <dir>/<name>.hold exists (core.jobs).
TALENTBRUG_JOB_HOLD_DIR = env_str("TALENTBRUG_JOB_HOLD_DIR", "")

# The e5 model stays out of tests unless a test puts it in (matches/tests/test_reader.py uses
# recorded vectors): loading it would slow every test that reads a text.
TALENTBRUG_EXTRACTION_MODEL = False
