from django.urls import path

from .views import categories, collections, destruction, documents, lists, triage

app_name = "records"

P = "medewerkers/archief/"

urlpatterns = [
    path(P, collections.index, name="index"),
    path(f"{P}selectielijst/", categories.categories, name="categories"),
    path(f"{P}instellingen/", categories.settings_view, name="settings"),
    path(f"{P}verzamelingen/nieuw/", collections.collection_create, name="collection_create"),
    path(f"{P}verzamelingen/<int:pk>/", collections.collection_detail, name="collection_detail"),
    path(
        f"{P}verzamelingen/<int:pk>/voortgang/",
        collections.collection_progress,
        name="collection_progress",
    ),
    path(
        f"{P}verzamelingen/<int:pk>/toevoegen/",
        collections.collection_upload,
        name="collection_upload",
    ),
    path(f"{P}verzamelingen/<int:pk>/beoordelen/", triage.triage, name="triage"),
    path(f"{P}verzamelingen/<int:pk>/beoordelen/kaart/", triage.triage_card, name="triage_card"),
    path(
        f"{P}verzamelingen/<int:pk>/map-toevoegen/",
        collections.collection_import_folder,
        name="collection_import_folder",
    ),
    path(
        f"{P}verzamelingen/<int:pk>/documenten/<int:document_pk>/beslissen/",
        triage.decide,
        name="decide",
    ),
    path(f"{P}verzamelingen/<int:pk>/ongedaan-maken/", triage.undo, name="undo"),
    path(f"{P}verzamelingen/<int:pk>/vernietigingslijst/", lists.list_create, name="list_create"),
    path(f"{P}verzamelingen/<int:pk>/mdto-export/", collections.export_mdto, name="export_mdto"),
    path(f"{P}documenten/<int:pk>/", documents.document_detail, name="document_detail"),
    path(f"{P}documenten/<int:pk>/bestand/", documents.document_download, name="document_download"),
    path(f"{P}documenten/<int:pk>/blokkade/", documents.legal_hold, name="legal_hold"),
    path(f"{P}documenten/<int:pk>/datums/", documents.document_dates, name="document_dates"),
    path(
        f"{P}documenten/<int:pk>/uitzondering/", documents.override_request, name="override_request"
    ),
    path(
        f"{P}documenten/<int:pk>/uitzondering/<int:override_pk>/",
        documents.override_decide,
        name="override_decide",
    ),
    path(f"{P}vernietigingslijsten/", lists.lists, name="lists"),
    path(f"{P}vernietigingslijsten/<int:pk>/", lists.list_detail, name="list_detail"),
    path(f"{P}vernietigingslijsten/<int:pk>/aanbieden/", lists.list_submit, name="list_submit"),
    path(f"{P}vernietigingslijsten/<int:pk>/goedkeuren/", lists.list_approve, name="list_approve"),
    path(f"{P}vernietigingslijsten/<int:pk>/wijzigingen/", lists.list_changes, name="list_changes"),
    path(
        f"{P}vernietigingslijsten/<int:pk>/archivaris/", lists.list_archivist, name="list_archivist"
    ),
    path(
        f"{P}vernietigingslijsten/<int:pk>/archivaris/wijzigingen/",
        lists.list_archivist_changes,
        name="list_archivist_changes",
    ),
    path(f"{P}vernietigingslijsten/<int:pk>/afbreken/", lists.list_abort, name="list_abort"),
    path(
        f"{P}vernietigingslijsten/<int:pk>/vernietigen/",
        destruction.list_destroy,
        name="list_destroy",
    ),
    path(
        f"{P}vernietigingslijsten/<int:pk>/documenten/<int:item_pk>/goedkeuren/",
        lists.item_approve,
        name="item_approve",
    ),
    path(
        f"{P}vernietigingslijsten/<int:pk>/documenten/<int:item_pk>/uitzonderen/",
        lists.item_exclude,
        name="item_exclude",
    ),
    path(
        f"{P}vernietigingslijsten/<int:pk>/documenten/<int:item_pk>/van-de-lijst/",
        lists.item_remove,
        name="item_remove",
    ),
    path(
        f"{P}vernietigingslijsten/<int:pk>/documenten/<int:item_pk>/terugzetten/",
        lists.item_restore,
        name="item_restore",
    ),
    path(
        f"{P}vernietigingslijsten/<int:pk>/verklaring.csv",
        destruction.declaration_csv,
        name="declaration_csv",
    ),
    path(
        f"{P}vernietigingslijsten/<int:pk>/verklaring.xlsx",
        destruction.declaration_xlsx,
        name="declaration_xlsx",
    ),
    path(
        f"{P}vernietigingslijsten/<int:pk>/verklaring.pdf",
        destruction.declaration_pdf,
        name="declaration_pdf",
    ),
]
