from django.urls import path

from . import views

app_name = "programmes"

S = "medewerkers/programmas/"

urlpatterns = [
    path(S, views.index, name="index"),
    path(f"{S}rijk/lichtingen/", views.rijk_cohorts, name="rijk_cohorts"),
    path(f"{S}rijk/leerplekken/", views.rijk_places, name="rijk_places"),
    path(f"{S}cijfers/", views.figures_view, name="figures"),
    path(f"{S}lichtingen/", views.cohort_list, name="cohorts"),
    path(f"{S}lichtingen/nieuw/", views.cohort_create, name="cohort_create"),
    path(f"{S}lichtingen/<int:pk>/", views.cohort_detail, name="cohort_detail"),
    path(f"{S}lichtingen/<int:pk>/bewerken/", views.cohort_edit, name="cohort_edit"),
    path(f"{S}lichtingen/<int:pk>/deelnemers/", views.cohort_member_add, name="cohort_member_add"),
    path(
        f"{S}lichtingen/<int:pk>/deelnemers/<int:plan_pk>/verwijder/",
        views.cohort_member_remove,
        name="cohort_member_remove",
    ),
    path(f"{S}lichtingen/<int:pk>/rotaties/", views.rotation_add, name="rotation_add"),
    path(f"{S}leerplekken/", views.placements, name="placements"),
    path(f"{S}leerplekken/nieuw/", views.placement_create, name="placement_create"),
    path(f"{S}leerplekken/<int:pk>/", views.placement_detail, name="placement_detail"),
    path(f"{S}leerplekken/<int:pk>/bewerken/", views.placement_edit, name="placement_edit"),
    path(f"{S}leerplekken/<int:pk>/bezetting/", views.placement_fill, name="placement_fill"),
    path(f"{S}leerplekken/<int:pk>/vacature/", views.placement_vacancy, name="placement_vacancy"),
    path(
        f"{S}leerplekken/<int:pk>/evaluaties/",
        views.placement_evaluation_add,
        name="placement_evaluation_add",
    ),
    path(f"{S}scholen/", views.school_list, name="schools"),
    path(f"{S}scholen/nieuw/", views.school_create, name="school_create"),
    path(f"{S}scholen/<int:pk>/", views.school_detail, name="school_detail"),
    path(f"{S}scholen/<int:pk>/bewerken/", views.school_edit, name="school_edit"),
    path(f"{S}scholen/<int:pk>/opdrachten/", views.assignment_add, name="assignment_add"),
    path(
        f"{S}opdrachten/<int:pk>/status/", views.assignment_transition, name="assignment_transition"
    ),
    path(f"{S}leerwerktrajecten/", views.track_list, name="tracks"),
    path(f"{S}leerwerktrajecten/nieuw/", views.track_create, name="track_create"),
    path(f"{S}leerwerktrajecten/<int:pk>/bewerken/", views.track_edit, name="track_edit"),
]
