from django.urls import path

from . import views

app_name = "interviews"

P = "medewerkers/gesprekken/"

urlpatterns = [
    path(P, views.index, name="index"),
    path("medewerkers/agenda/", views.agenda, name="agenda"),
    path("medewerkers/agenda/mijn-agenda.ics", views.agenda_ics, name="agenda_ics"),
    path(f"{P}sollicitaties/<int:pk>/plannen/", views.propose, name="propose"),
    path(f"{P}<int:pk>/verzetten/", views.reschedule, name="reschedule"),
    path(f"{P}<int:pk>/annuleren/", views.cancel, name="cancel"),
    # Candidate portal (the session a magic link gives; see core.portal.candidate_required)
    path("mijn/gesprekken/<int:pk>/", views.portal_interview, name="portal_interview"),
    path("mijn/gesprekken/<int:pk>/agenda.ics", views.portal_ics, name="portal_ics"),
]
