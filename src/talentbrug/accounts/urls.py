from django.urls import path

from . import people_views, views

app_name = "accounts"

urlpatterns = [
    path("account/inloggen/", views.TalentbrugLoginView.as_view(), name="login"),
    path("account/uitloggen/", views.logout_view, name="logout"),
    path("account/tweestaps/", views.two_factor, name="two_factor"),
    path("account/tweestaps/instellen/", views.setup, name="setup"),
    path("account/tweestaps/code/", views.verify, name="verify"),
    path("account/uitnodiging/<str:token>/", people_views.invitation, name="invitation"),
    path("medewerkers/organisatie/wissel/", views.switch_organisation, name="switch_organisation"),
    path("medewerkers/organisatie/medewerkers/", people_views.members, name="members"),
    path("medewerkers/organisatie/rollen/", people_views.roles, name="roles"),
    path("medewerkers/organisatie/uitnodigen/", people_views.invite, name="invite"),
    path(
        "medewerkers/organisatie/instellingen/",
        people_views.organisation_settings,
        name="organisation_settings",
    ),
    path("organisaties/<slug:slug>/logo", people_views.organisation_logo, name="organisation_logo"),
    path("medewerkers/organisatie/medewerkers/<int:pk>/", people_views.person, name="person"),
    path(
        "medewerkers/organisatie/medewerkers/<int:pk>/rol-geven/",
        people_views.role_grant,
        name="role_grant",
    ),
    path(
        "medewerkers/organisatie/medewerkers/<int:pk>/rol-afnemen/",
        people_views.role_revoke,
        name="role_revoke",
    ),
    path(
        "medewerkers/organisatie/medewerkers/<int:pk>/opnieuw-uitnodigen/",
        people_views.resend,
        name="resend_invitation",
    ),
    path(
        "medewerkers/organisatie/medewerkers/<int:pk>/ontgrendelen/",
        people_views.unlock,
        name="unlock",
    ),
    path(
        "medewerkers/organisatie/medewerkers/<int:pk>/uitschakelen/",
        people_views.deactivate,
        name="deactivate",
    ),
    path(
        "medewerkers/organisatie/medewerkers/<int:pk>/tweestaps-herstellen/",
        people_views.reset_request,
        name="reset_request",
    ),
    path(
        "medewerkers/organisatie/herstel/<int:pk>/bevestigen/",
        people_views.reset_confirm,
        name="reset_confirm",
    ),
    path(
        "medewerkers/organisatie/herstel/<int:pk>/intrekken/",
        people_views.reset_cancel,
        name="reset_cancel",
    ),
]
