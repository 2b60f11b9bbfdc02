from django.urls import path

from . import views

app_name = "vacancies"

urlpatterns = [
    path("medewerkers/vacatures/", views.vacancy_list, name="list"),
    path("medewerkers/vacatures/nieuw/", views.vacancy_create, name="create"),
    path("medewerkers/vacatures/toets/", views.vacancy_check, name="check"),
    path("medewerkers/vacatures/vaardigheden/", views.skill_search, name="skill_search"),
    path("medewerkers/vacatures/snijden/", views.carve_start, name="carve_start"),
    path("medewerkers/vacatures/snijden/<str:source>/<int:source_pk>/", views.carve, name="carve"),
    path("medewerkers/vacatures/<int:pk>/", views.vacancy_detail, name="detail"),
    path("medewerkers/vacatures/<int:pk>/bewerken/", views.vacancy_edit, name="edit"),
    path("medewerkers/vacatures/<int:pk>/status/", views.vacancy_transition, name="transition"),
    path("medewerkers/vacatures/<int:pk>/onderbouwing/", views.vacancy_justify, name="justify"),
    path("medewerkers/vacatures/<int:pk>/kopie/", views.vacancy_duplicate, name="duplicate"),
    path("medewerkers/vacatures/<int:pk>/eisen/", views.requirement_add, name="requirement_add"),
    path(
        "medewerkers/vacatures/<int:pk>/eisen/<int:requirement_pk>/verwijder/",
        views.requirement_remove,
        name="requirement_remove",
    ),
    path("medewerkers/vacatures/<int:pk>/taaleisen/", views.language_add, name="language_add"),
    path(
        "medewerkers/vacatures/<int:pk>/taaleisen/<int:language_pk>/verwijder/",
        views.language_remove,
        name="language_remove",
    ),
]
