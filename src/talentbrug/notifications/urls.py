from django.urls import path

from . import views

app_name = "notifications"

urlpatterns = [
    path("medewerkers/meldingen/", views.notification_list, name="list"),
    path("medewerkers/meldingen/<int:pk>/open/", views.notification_open, name="open"),
    path("medewerkers/meldingen/alles-gelezen/", views.mark_all_read, name="mark_all_read"),
    path("medewerkers/meldingen/e-mail/", views.digest, name="digest"),
]
