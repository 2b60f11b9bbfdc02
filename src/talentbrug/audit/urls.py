from django.urls import path

from . import views

app_name = "audit"

urlpatterns = [
    path("medewerkers/logboek/", views.event_list, name="list"),
    path("medewerkers/logboek/download/", views.export, name="export"),
]
