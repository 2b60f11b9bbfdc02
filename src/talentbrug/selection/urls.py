from django.urls import path

from . import offer_views, views

app_name = "selection"

P = "medewerkers/selectie/"

urlpatterns = [
    path(P, views.index, name="index"),
    path(f"{P}redenen/", views.reasons, name="reasons"),
    path(f"{P}vacatures/<int:pk>/", views.board, name="board"),
    path(f"{P}vacatures/<int:pk>/lijst/", views.application_list, name="list"),
    path(f"{P}vacatures/<int:pk>/lijst/verplaatsen/", views.bulk_move_view, name="bulk_move"),
    path(f"{P}vacatures/<int:pk>/fasen/", views.stages, name="stages"),
    path(f"{P}vacatures/<int:pk>/ankerteksten/", views.anchors, name="anchors"),
    path(f"{P}vacatures/<int:pk>/cijfers/", views.fairness, name="fairness"),
    path(f"{P}fasen/<int:pk>/verwijderen/", views.stage_delete, name="stage_delete"),
    path(f"{P}sollicitaties/<int:pk>/", views.application_detail, name="application"),
    path(f"{P}sollicitaties/<int:pk>/verplaatsen/", views.move, name="move"),
    path(f"{P}sollicitaties/<int:pk>/identiteit/", views.reveal, name="reveal"),
    path(f"{P}sollicitaties/<int:pk>/beoordelen/", views.scorecard, name="scorecard"),
    path(f"{P}sollicitaties/<int:pk>/opdracht/", views.work_sample, name="work_sample"),
    path(f"{P}sollicitaties/<int:pk>/aanbod/", views.offer, name="offer"),
    path(f"{P}sollicitaties/<int:pk>/aanbod/besluit/", views.offer_decision, name="offer_decision"),
    path(f"{P}sollicitaties/<int:pk>/aanbod/brief.pdf", offer_views.offer_pdf, name="offer_pdf"),
    path(f"{P}aanbodbrief/", offer_views.letter_template, name="letter_template"),
    path(f"{P}berichten/", offer_views.message_template_list, name="message_templates"),
    path(f"{P}berichten/tekst/", offer_views.message_template_edit, name="message_template"),
    # Candidate portal (the session a personal link gives; see core.portal.candidate_required)
    path("mijn/aanbod/<int:pk>/", offer_views.portal_offer, name="portal_offer"),
    path(
        "mijn/aanbod/<int:pk>/antwoord/",
        offer_views.portal_offer_answer,
        name="portal_offer_answer",
    ),
    path("mijn/aanbod/<int:pk>/brief.pdf", offer_views.portal_offer_pdf, name="portal_offer_pdf"),
]
