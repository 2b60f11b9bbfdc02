from django.contrib.sitemaps.views import sitemap
from django.urls import path

from . import views
from .sitemaps import SITEMAPS

app_name = "publishing"

urlpatterns = [
    # Careers site (public)
    path("vacatures/", views.vacancy_list, name="list"),
    path("vacatures/feed.atom", views.feed_atom, name="feed_atom"),
    path("vacatures/feed.json", views.feed_json, name="feed_json"),
    path("vacatures/werkenvoornederland.xml", views.wvn_export, name="wvn_export"),
    path("vacatures/<int:pk>/", views.vacancy_redirect, name="vacancy_redirect"),
    path("vacatures/<int:pk>/<str:slug>/", views.vacancy_detail, name="vacancy"),
    path("organisaties/<slug:org_slug>/vacatures/feed.atom", views.feed_atom, name="org_feed_atom"),
    path("organisaties/<slug:org_slug>/vacatures/feed.json", views.feed_json, name="org_feed_json"),
    path(
        "organisaties/<slug:org_slug>/vacatures/werkenvoornederland.xml",
        views.wvn_export,
        name="org_wvn_export",
    ),
    path("v/<str:code>", views.track, name="track"),
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots"),
    # Staff
    path("medewerkers/uitzetten/", views.overview, name="overview"),
    path("medewerkers/vacatures/<int:pk>/kanalen/", views.channels, name="channels"),
    path(
        "medewerkers/vacatures/<int:pk>/kanalen/nieuw/", views.channel_create, name="channel_create"
    ),
    path(
        "medewerkers/vacatures/<int:pk>/kanalen/<int:channel_pk>/stop/",
        views.channel_stop,
        name="channel_stop",
    ),
    path(
        "medewerkers/vacatures/<int:pk>/kanalen/<int:channel_pk>/flyer/",
        views.flyer_print,
        name="flyer",
    ),
    path(
        "medewerkers/vacatures/<int:pk>/kanalen/<int:channel_pk>/flyer.pdf",
        views.flyer_pdf,
        name="flyer_pdf",
    ),
]
