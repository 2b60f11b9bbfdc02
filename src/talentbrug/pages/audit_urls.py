"""URL of the audit log page; the namespace stays ``audit`` (``audit:list``)."""

from django.urls import path

from . import audit_log

app_name = "audit"

urlpatterns = [path("medewerkers/logboek/", audit_log.event_list, name="list")]
