from django.urls import path

from . import views

app_name = "records"

P = "medewerkers/archief/"

urlpatterns = [
    path(P, views.index, name="index"),
    path(f"{P}selectielijst/", views.categories, name="categories"),
    path(f"{P}instellingen/", views.settings_view, name="settings"),
    path(f"{P}verzamelingen/nieuw/", views.collection_create, name="collection_create"),
    path(f"{P}verzamelingen/<int:pk>/", views.collection_detail, name="collection_detail"),
    path(
        f"{P}verzamelingen/<int:pk>/voortgang/",
        views.collection_progress,
        name="collection_progress",
    ),
    path(
        f"{P}verzamelingen/<int:pk>/toevoegen/", views.collection_upload, name="collection_upload"
    ),
    path(f"{P}verzamelingen/<int:pk>/beoordelen/", views.triage, name="triage"),
    path(f"{P}verzamelingen/<int:pk>/beoordelen/kaart/", views.triage_card, name="triage_card"),
    path(
        f"{P}verzamelingen/<int:pk>/map-toevoegen/",
        views.collection_import_folder,
        name="collection_import_folder",
    ),
    path(
        f"{P}verzamelingen/<int:pk>/documenten/<int:document_pk>/beslissen/",
        views.decide,
        name="decide",
    ),
    path(f"{P}verzamelingen/<int:pk>/ongedaan-maken/", views.undo, name="undo"),
    path(f"{P}verzamelingen/<int:pk>/vernietigingslijst/", views.list_create, name="list_create"),
    path(f"{P}verzamelingen/<int:pk>/mdto-export/", views.export_mdto, name="export_mdto"),
    path(f"{P}documenten/<int:pk>/", views.document_detail, name="document_detail"),
    path(f"{P}documenten/<int:pk>/bestand/", views.document_download, name="document_download"),
    path(f"{P}documenten/<int:pk>/blokkade/", views.legal_hold, name="legal_hold"),
    path(f"{P}documenten/<int:pk>/datums/", views.document_dates, name="document_dates"),
    path(f"{P}documenten/<int:pk>/uitzondering/", views.override_request, name="override_request"),
    path(
        f"{P}documenten/<int:pk>/uitzondering/<int:override_pk>/",
        views.override_decide,
        name="override_decide",
    ),
    path(f"{P}vernietigingslijsten/", views.lists, name="lists"),
    path(f"{P}vernietigingslijsten/<int:pk>/", views.list_detail, name="list_detail"),
    path(f"{P}vernietigingslijsten/<int:pk>/aanbieden/", views.list_submit, name="list_submit"),
    path(f"{P}vernietigingslijsten/<int:pk>/goedkeuren/", views.list_approve, name="list_approve"),
    path(f"{P}vernietigingslijsten/<int:pk>/wijzigingen/", views.list_changes, name="list_changes"),
    path(
        f"{P}vernietigingslijsten/<int:pk>/archivaris/", views.list_archivist, name="list_archivist"
    ),
    path(
        f"{P}vernietigingslijsten/<int:pk>/archivaris/wijzigingen/",
        views.list_archivist_changes,
        name="list_archivist_changes",
    ),
    path(f"{P}vernietigingslijsten/<int:pk>/afbreken/", views.list_abort, name="list_abort"),
    path(f"{P}vernietigingslijsten/<int:pk>/vernietigen/", views.list_destroy, name="list_destroy"),
    path(
        f"{P}vernietigingslijsten/<int:pk>/documenten/<int:item_pk>/goedkeuren/",
        views.item_approve,
        name="item_approve",
    ),
    path(
        f"{P}vernietigingslijsten/<int:pk>/documenten/<int:item_pk>/uitzonderen/",
        views.item_exclude,
        name="item_exclude",
    ),
    path(
        f"{P}vernietigingslijsten/<int:pk>/documenten/<int:item_pk>/van-de-lijst/",
        views.item_remove,
        name="item_remove",
    ),
    path(
        f"{P}vernietigingslijsten/<int:pk>/documenten/<int:item_pk>/terugzetten/",
        views.item_restore,
        name="item_restore",
    ),
    path(
        f"{P}vernietigingslijsten/<int:pk>/verklaring.csv",
        views.declaration_csv,
        name="declaration_csv",
    ),
    path(
        f"{P}vernietigingslijsten/<int:pk>/verklaring.xlsx",
        views.declaration_xlsx,
        name="declaration_xlsx",
    ),
    path(
        f"{P}vernietigingslijsten/<int:pk>/verklaring.pdf",
        views.declaration_pdf,
        name="declaration_pdf",
    ),
]
