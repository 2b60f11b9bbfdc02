"""Local development: SQLite under var/, tasks in-process, mails on the console."""

from .base import *  # noqa: F403
from .env import env_str

DEBUG = True
SECRET_KEY = env_str("DJANGO_SECRET_KEY", "dev-only-not-secret-" + "x" * 40)
