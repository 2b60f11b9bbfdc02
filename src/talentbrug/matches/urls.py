from django.urls import path

from . import views

app_name = "matches"

urlpatterns = [
    path(
        "medewerkers/vacatures/<int:pk>/passende-kandidaten/",
        views.vacancy_matches,
        name="vacancy_matches",
    ),
]
