from django.urls import path

from . import views

app_name = "onboarding"

S = "medewerkers/inwerken/"
P = "medewerkers/inwerken/<int:pk>/"

urlpatterns = [
    path(S, views.overview, name="overview"),
    path(f"{S}mijn-nieuwe-collegas/", views.mine, name="mine"),
    path(f"{S}agenda/", views.calendar, name="calendar"),
    path(f"{S}verbazingen/", views.surprise_figures, name="figures"),
    path(f"{S}nieuw/", views.plan_create, name="plan_create"),
    path(f"{S}sjablonen/", views.template_list, name="template_list"),
    path(f"{S}sjablonen/<int:pk>/", views.template_detail, name="template_detail"),
    path(f"{S}sjablonen/<int:pk>/taken/", views.template_task_add, name="template_task_add"),
    path(
        f"{S}sjablonen/<int:pk>/taken/<int:task_pk>/verwijder/",
        views.template_task_remove,
        name="template_task_remove",
    ),
    path(P, views.plan_detail, name="plan_detail"),
    path(f"{P}bewerken/", views.plan_edit, name="plan_edit"),
    path(f"{P}status/", views.plan_transition, name="plan_transition"),
    path(f"{P}link/", views.plan_link, name="plan_link"),
    path(f"{P}begeleiders/", views.supporter_save, name="supporter_save"),
    path(f"{P}overdragen/", views.plan_reassign, name="plan_reassign"),
    path(f"{P}verwachtingen/", views.plan_expectations, name="plan_expectations"),
    path(f"{P}evaluatie/<str:moment>/", views.evaluation, name="evaluation"),
    path(f"{P}doelen/", views.goal_add, name="goal_add"),
    path(f"{P}doelen/<int:goal_pk>/", views.goal_update, name="goal_update"),
    path(f"{P}taken/nieuw/", views.task_add, name="task_add"),
    path(f"{P}taken/<int:task_pk>/", views.task_edit, name="task_edit"),
    path(f"{P}taken/<int:task_pk>/status/", views.task_transition, name="task_transition"),
    # Log-out and the supporter's page come before the new hire's: they are not tokens.
    path("inwerken/uitloggen/", views.portal_logout, name="portal_logout"),
    path("inwerken/begeleider/<str:token>/", views.supporter_portal, name="supporter_portal"),
    path(
        "inwerken/begeleider/<str:token>/taken/<int:task_pk>/klaar/",
        views.supporter_task_done,
        name="supporter_task_done",
    ),
    path("inwerken/<str:token>/", views.portal, name="portal"),
    path("inwerken/<str:token>/intake/", views.portal_intake, name="portal_intake"),
    path("inwerken/<str:token>/hoe-gaat-het/", views.portal_checkin, name="portal_checkin"),
    path("inwerken/<str:token>/wat-viel-je-op/", views.portal_surprises, name="portal_surprises"),
    path("inwerken/<str:token>/doelen/", views.portal_goals, name="portal_goals"),
    path(
        "inwerken/<str:token>/wat-was-lastig/<str:moment>/",
        views.portal_obstacles,
        name="portal_obstacles",
    ),
    path(
        "inwerken/<str:token>/evaluatie/<str:moment>/",
        views.portal_evaluation,
        name="portal_evaluation",
    ),
    path(
        "inwerken/<str:token>/taken/<int:task_pk>/klaar/",
        views.portal_task_done,
        name="portal_task_done",
    ),
]
