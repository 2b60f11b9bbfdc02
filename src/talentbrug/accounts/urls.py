from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("account/inloggen/", views.TalentbrugLoginView.as_view(), name="login"),
    path("account/uitloggen/", views.logout_view, name="logout"),
    path("account/tweestaps/", views.two_factor, name="two_factor"),
    path("account/tweestaps/instellen/", views.setup, name="setup"),
    path("account/tweestaps/code/", views.verify, name="verify"),
    path("medewerkers/organisatie/wissel/", views.switch_organisation, name="switch_organisation"),
    path("medewerkers/organisatie/medewerkers/", views.members, name="members"),
]
