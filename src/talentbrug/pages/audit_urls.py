"""URLs of the audit log page and its download; the namespace stays ``audit``."""

from django.urls import path

from . import audit_log

app_name = "audit"

urlpatterns = [
    path("medewerkers/logboek/", audit_log.event_list, name="list"),
    path("medewerkers/logboek/download/", audit_log.export, name="export"),
]
