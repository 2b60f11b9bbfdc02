from django.urls import path

from . import views

app_name = "assessments"

P = "medewerkers/groepsdagen/"

urlpatterns = [
    path(P, views.index, name="index"),
    path(f"{P}nieuw/", views.create, name="create"),
    path(f"{P}diversiteitsvragen/", views.diversity_settings, name="diversity_settings"),
    path(f"{P}<int:pk>/", views.detail, name="detail"),
    path(f"{P}<int:pk>/wijzigen/", views.edit, name="edit"),
    path(f"{P}<int:pk>/sessies/", views.add_session, name="add_session"),
    path(f"{P}<int:pk>/sessies/<int:session>/", views.edit_session, name="edit_session"),
    path(
        f"{P}<int:pk>/sessies/<int:session>/verwijderen/",
        views.delete_session,
        name="delete_session",
    ),
    path(f"{P}<int:pk>/beoordelen/", views.grid, name="grid"),
    path(f"{P}<int:pk>/uitslag/", views.results, name="results"),
    path(f"{P}<int:pk>/beoordelen/cel/", views.cell, name="cell"),
    path(
        f"{P}<int:pk>/beoordelen/<int:application>/",
        views.grid_candidate,
        name="grid_candidate",
    ),
    path(f"{P}taaltoets/<int:pk>/", views.language, name="language"),
    # Candidate portal (session from the personal link)
    path("mijn/sollicitaties/<int:pk>/groepsdag/", views.portal_book, name="portal_book"),
    path(
        "mijn/sollicitaties/<int:pk>/groepsdag/annuleren/",
        views.portal_cancel,
        name="portal_cancel",
    ),
    path(
        "mijn/sollicitaties/<int:pk>/diversiteit/",
        views.portal_diversity,
        name="portal_diversity",
    ),
]
