from django.urls import path

from . import offer_views
from .views import applications, board, offers, setup

app_name = "selection"

P = "medewerkers/selectie/"

urlpatterns = [
    path(P, board.index, name="index"),
    path(f"{P}redenen/", setup.reasons, name="reasons"),
    path(f"{P}vacatures/<int:pk>/", board.board, name="board"),
    path(f"{P}vacatures/<int:pk>/lijst/", board.application_list, name="list"),
    path(f"{P}vacatures/<int:pk>/lijst/verplaatsen/", board.bulk_move_view, name="bulk_move"),
    path(f"{P}vacatures/<int:pk>/fasen/", setup.stages, name="stages"),
    path(f"{P}vacatures/<int:pk>/ankerteksten/", setup.anchors, name="anchors"),
    path(f"{P}vacatures/<int:pk>/cijfers/", setup.fairness, name="fairness"),
    path(f"{P}fasen/<int:pk>/verwijderen/", setup.stage_delete, name="stage_delete"),
    path(f"{P}sollicitaties/<int:pk>/", applications.application_detail, name="application"),
    path(f"{P}sollicitaties/<int:pk>/verplaatsen/", applications.move, name="move"),
    path(f"{P}sollicitaties/<int:pk>/identiteit/", applications.reveal, name="reveal"),
    path(f"{P}sollicitaties/<int:pk>/beoordelen/", applications.scorecard, name="scorecard"),
    path(f"{P}sollicitaties/<int:pk>/opdracht/", applications.work_sample, name="work_sample"),
    path(f"{P}sollicitaties/<int:pk>/aanbod/", offers.offer, name="offer"),
    path(
        f"{P}sollicitaties/<int:pk>/aanbod/besluit/", offers.offer_decision, name="offer_decision"
    ),
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
