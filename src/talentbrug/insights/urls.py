from django.urls import path

from . import views
from .constants import Section

app_name = "insights"

P = "medewerkers/inzicht/"

urlpatterns = [
    path(f"{P}", views.section_view, {"section": Section.VACANCIES}, name="vacancies"),
    path(
        f"{P}sollicitaties/",
        views.section_view,
        {"section": Section.APPLICATIONS},
        name="applications",
    ),
    path(f"{P}selectie/", views.section_view, {"section": Section.SELECTION}, name="selection"),
    path(f"{P}inwerken/", views.section_view, {"section": Section.ONBOARDING}, name="onboarding"),
    path(f"{P}programmas/", views.section_view, {"section": Section.PROGRAMMES}, name="programmes"),
    path(f"{P}export/", views.export, name="export"),
    path(f"{P}kwartaalrapporten/", views.reports, name="reports"),
    path(f"{P}kwartaalrapporten/<int:pk>/download/", views.report_download, name="report_download"),
]
