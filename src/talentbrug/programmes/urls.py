from django.urls import path

from .views import cohorts, overview, placements, rijk, schools, tracks

app_name = "programmes"

S = "medewerkers/programmas/"

urlpatterns = [
    path(S, overview.index, name="index"),
    path(f"{S}rijk/lichtingen/", rijk.rijk_cohorts, name="rijk_cohorts"),
    path(f"{S}rijk/leerplekken/", rijk.rijk_places, name="rijk_places"),
    path(f"{S}cijfers/", overview.figures_view, name="figures"),
    path(f"{S}lichtingen/", cohorts.cohort_list, name="cohorts"),
    path(f"{S}lichtingen/nieuw/", cohorts.cohort_create, name="cohort_create"),
    path(f"{S}lichtingen/<int:pk>/", cohorts.cohort_detail, name="cohort_detail"),
    path(f"{S}lichtingen/<int:pk>/bewerken/", cohorts.cohort_edit, name="cohort_edit"),
    path(
        f"{S}lichtingen/<int:pk>/deelnemers/", cohorts.cohort_member_add, name="cohort_member_add"
    ),
    path(
        f"{S}lichtingen/<int:pk>/deelnemers/<int:plan_pk>/verwijder/",
        cohorts.cohort_member_remove,
        name="cohort_member_remove",
    ),
    path(f"{S}lichtingen/<int:pk>/rotaties/", cohorts.rotation_add, name="rotation_add"),
    path(f"{S}leerplekken/", placements.placements, name="placements"),
    path(f"{S}leerplekken/nieuw/", placements.placement_create, name="placement_create"),
    path(f"{S}leerplekken/<int:pk>/", placements.placement_detail, name="placement_detail"),
    path(f"{S}leerplekken/<int:pk>/bewerken/", placements.placement_edit, name="placement_edit"),
    path(f"{S}leerplekken/<int:pk>/bezetting/", placements.placement_fill, name="placement_fill"),
    path(
        f"{S}leerplekken/<int:pk>/vacature/", placements.placement_vacancy, name="placement_vacancy"
    ),
    path(
        f"{S}leerplekken/<int:pk>/evaluaties/",
        placements.placement_evaluation_add,
        name="placement_evaluation_add",
    ),
    path(f"{S}scholen/", schools.school_list, name="schools"),
    path(f"{S}scholen/nieuw/", schools.school_create, name="school_create"),
    path(f"{S}scholen/<int:pk>/", schools.school_detail, name="school_detail"),
    path(f"{S}scholen/<int:pk>/bewerken/", schools.school_edit, name="school_edit"),
    path(f"{S}scholen/<int:pk>/opdrachten/", schools.assignment_add, name="assignment_add"),
    path(
        f"{S}opdrachten/<int:pk>/status/",
        schools.assignment_transition,
        name="assignment_transition",
    ),
    path(f"{S}leerwerktrajecten/", tracks.track_list, name="tracks"),
    path(f"{S}leerwerktrajecten/nieuw/", tracks.track_create, name="track_create"),
    path(f"{S}leerwerktrajecten/<int:pk>/bewerken/", tracks.track_edit, name="track_edit"),
]
