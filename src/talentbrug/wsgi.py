import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "talentbrug.conf.production")
application = get_wsgi_application()

# gunicorn runs no system checks: refuse here what `manage.py check` refuses.
from talentbrug.conf.checks import refuse_unsafe_production  # noqa: E402

refuse_unsafe_production()
