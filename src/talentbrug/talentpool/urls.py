from django.urls import path

from . import views

app_name = "talentpool"

urlpatterns = [
    path("medewerkers/talentpool/", views.pool_list, name="list"),
    path("medewerkers/talentpool/verzoeken/", views.request_list, name="requests"),
    path("medewerkers/talentpool/cijfers/", views.figures, name="figures"),
    path("medewerkers/talentpool/profiel/<str:token>/", views.pool_profile, name="profile"),
    path(
        "medewerkers/talentpool/profiel/<str:token>/contact/", views.contact_request, name="contact"
    ),
    path("talentpool/verzoek/<str:token>/", views.answer, name="answer"),
]
