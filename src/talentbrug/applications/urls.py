from django.urls import path

from . import route_views
from .views import portal, profile, public, staff

app_name = "applications"

urlpatterns = [
    # Applying (public)
    path("vacatures/<int:pk>/solliciteren/", public.apply, name="apply"),
    path("vacatures/<int:pk>/solliciteren/klaar/<uuid:key>/", public.apply_done, name="done"),
    path("vacatures/<int:pk>/solliciteren/<slug:route>/", public.apply_route, name="apply_route"),
    path("solliciteren/bevestigen/<str:token>/", public.confirm_application, name="confirm"),
    # Candidate portal (magic link, no password)
    path("mijn/link/", portal.link_request, name="link_request"),
    path("mijn/link/verstuurd/", portal.link_sent, name="link_sent"),
    path("mijn/inloggen/<str:token>/", portal.portal_login, name="portal_login"),
    path("mijn/", portal.portal, name="portal"),
    path("mijn/uitloggen/", portal.portal_logout, name="portal_logout"),
    path("mijn/profiel/", profile.portal_profile, name="portal_profile"),
    path(
        "mijn/profiel/<slug:kind>/<int:pk>/verwijderen/",
        profile.portal_profile_remove,
        name="portal_profile_remove",
    ),
    path(
        "mijn/profiel/taal/<int:pk>/klopt/",
        profile.portal_profile_confirm_language,
        name="portal_profile_confirm_language",
    ),
    path("mijn/sollicitaties/<int:pk>/", portal.portal_application, name="portal_application"),
    path("mijn/sollicitaties/<int:pk>/bestand/", portal.portal_upload, name="portal_upload"),
    path("mijn/sollicitaties/<int:pk>/tijdslot/", portal.portal_slot, name="portal_slot"),
    path("mijn/sollicitaties/<int:pk>/intrekken/", portal.portal_withdraw, name="portal_withdraw"),
    path("mijn/documenten/<int:pk>/", portal.portal_document, name="portal_document"),
    path("mijn/vragen/<int:pk>/", portal.portal_question, name="portal_question"),
    path("mijn/gegevens.zip", portal.portal_export, name="portal_export"),
    path("mijn/verwijderen/", portal.portal_delete, name="portal_delete"),
    path("mijn/talentpool/", portal.portal_consent, name="portal_consent"),
    # Staff
    path("medewerkers/sollicitaties/", staff.staff_list, name="staff_list"),
    path("medewerkers/sollicitaties/zoeken/", staff.staff_search, name="staff_search"),
    path("medewerkers/sollicitaties/vacature/<int:pk>/", staff.staff_vacancy, name="staff_vacancy"),
    path("medewerkers/sollicitaties/<int:pk>/", staff.staff_detail, name="staff_detail"),
    path(
        "medewerkers/sollicitaties/<int:pk>/documenten/<int:document_pk>/",
        staff.staff_document,
        name="staff_document",
    ),
    path("medewerkers/sollicitaties/<int:pk>/samenvoegen/", staff.staff_merge, name="staff_merge"),
    path("medewerkers/sollicitaties/<int:pk>/vragen/", staff.staff_ask, name="staff_ask"),
    # Staff: the work-sample and recruitment-day routes of a vacancy
    path("medewerkers/vacatures/<int:pk>/manieren/", route_views.routes_page, name="routes"),
    path(
        "medewerkers/vacatures/<int:pk>/manieren/opdracht/",
        route_views.assignment_edit,
        name="routes_assignment",
    ),
    path(
        "medewerkers/vacatures/<int:pk>/manieren/wervingsdag/nieuw/",
        route_views.day_edit,
        name="routes_day_new",
    ),
    path(
        "medewerkers/vacatures/<int:pk>/manieren/wervingsdag/<int:day_pk>/",
        route_views.day_edit,
        name="routes_day",
    ),
    path(
        "medewerkers/vacatures/<int:pk>/manieren/wervingsdag/<int:day_pk>/tijd/",
        route_views.slot_add,
        name="routes_slot_add",
    ),
    path(
        "medewerkers/vacatures/<int:pk>/manieren/tijd/<int:slot_pk>/",
        route_views.slot_edit,
        name="routes_slot",
    ),
    path(
        "medewerkers/vacatures/<int:pk>/manieren/tijd/<int:slot_pk>/weghalen/",
        route_views.slot_remove,
        name="routes_slot_remove",
    ),
    path(
        "vacatures/<int:pk>/solliciteren/opdracht/bijlage/",
        route_views.assignment_attachment,
        name="assignment_attachment",
    ),
]
