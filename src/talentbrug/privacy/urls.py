from django.urls import path

from . import views

app_name = "privacy"

urlpatterns = [
    path("medewerkers/privacy/", views.index, name="index"),
    path("medewerkers/privacy/beleid/", views.policy, name="policy"),
    path(
        "medewerkers/privacy/vacatures/<int:pk>/termijn/",
        views.vacancy_term,
        name="vacancy_term",
    ),
    path("medewerkers/privacy/verzoeken/", views.requests, name="requests"),
    path(
        "medewerkers/privacy/verzoeken/<int:pk>/uitvoeren/",
        views.carry_out,
        name="carry_out",
    ),
    path("medewerkers/privacy/blokkades/", views.holds, name="holds"),
    path("medewerkers/privacy/blokkades/nieuw/", views.hold_add, name="hold_add"),
    path("medewerkers/privacy/blokkades/<int:pk>/opheffen/", views.hold_lift, name="hold_lift"),
    path("medewerkers/privacy/bezwaren/", views.objections, name="objections"),
    path("medewerkers/privacy/bezwaren/nieuw/", views.objection_add, name="objection_add"),
    path(
        "medewerkers/privacy/bezwaren/<int:pk>/besluiten/",
        views.objection_decide,
        name="objection_decide",
    ),
    path("medewerkers/privacy/inzage/", views.access, name="access"),
    path(
        "medewerkers/privacy/inzage/<int:pk>/gegevens.zip",
        views.access_download,
        name="access_download",
    ),
]
