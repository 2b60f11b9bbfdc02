from django.urls import path

from .views import (
    evaluations,
    overviews,
    plan_tasks,
    plans,
    portal,
    supporter_portal,
    templates,
)

app_name = "onboarding"

S = "medewerkers/inwerken/"
P = "medewerkers/inwerken/<int:pk>/"

urlpatterns = [
    path(S, overviews.overview, name="overview"),
    path(f"{S}mijn-nieuwe-collegas/", overviews.mine, name="mine"),
    path(f"{S}agenda/", overviews.calendar, name="calendar"),
    path(f"{S}verbazingen/", overviews.surprise_figures, name="figures"),
    path(f"{S}nieuw/", plans.plan_create, name="plan_create"),
    path(f"{S}sjablonen/", templates.template_list, name="template_list"),
    path(f"{S}sjablonen/<int:pk>/", templates.template_detail, name="template_detail"),
    path(f"{S}sjablonen/<int:pk>/taken/", templates.template_task_add, name="template_task_add"),
    path(
        f"{S}sjablonen/<int:pk>/taken/<int:task_pk>/verwijder/",
        templates.template_task_remove,
        name="template_task_remove",
    ),
    path(P, plans.plan_detail, name="plan_detail"),
    path(f"{P}bewerken/", plans.plan_edit, name="plan_edit"),
    path(f"{P}status/", plans.plan_transition, name="plan_transition"),
    path(f"{P}link/", plans.plan_link, name="plan_link"),
    path(f"{P}begeleiders/", plans.supporter_save, name="supporter_save"),
    path(f"{P}overdragen/", plans.plan_reassign, name="plan_reassign"),
    path(f"{P}verwachtingen/", plans.plan_expectations, name="plan_expectations"),
    path(f"{P}evaluatie/<str:moment>/", evaluations.evaluation, name="evaluation"),
    path(f"{P}doelen/", evaluations.goal_add, name="goal_add"),
    path(f"{P}doelen/<int:goal_pk>/", evaluations.goal_update, name="goal_update"),
    path(f"{P}taken/nieuw/", plan_tasks.task_add, name="task_add"),
    path(f"{P}taken/<int:task_pk>/", plan_tasks.task_edit, name="task_edit"),
    path(f"{P}taken/<int:task_pk>/status/", plan_tasks.task_transition, name="task_transition"),
    # Log-out and the supporter's page come before the new hire's: they are not tokens.
    path("inwerken/uitloggen/", portal.portal_logout, name="portal_logout"),
    path(
        "inwerken/begeleider/<str:token>/",
        supporter_portal.supporter_portal,
        name="supporter_portal",
    ),
    path(
        "inwerken/begeleider/<str:token>/taken/<int:task_pk>/klaar/",
        supporter_portal.supporter_task_done,
        name="supporter_task_done",
    ),
    path("inwerken/<str:token>/", portal.portal, name="portal"),
    path("inwerken/<str:token>/intake/", portal.portal_intake, name="portal_intake"),
    path("inwerken/<str:token>/hoe-gaat-het/", portal.portal_checkin, name="portal_checkin"),
    path(
        "inwerken/<str:token>/wat-viel-je-op/",
        portal.portal_surprises,
        name="portal_surprises",
    ),
    path("inwerken/<str:token>/doelen/", portal.portal_goals, name="portal_goals"),
    path(
        "inwerken/<str:token>/wat-was-lastig/<str:moment>/",
        portal.portal_obstacles,
        name="portal_obstacles",
    ),
    path(
        "inwerken/<str:token>/evaluatie/<str:moment>/",
        portal.portal_evaluation,
        name="portal_evaluation",
    ),
    path(
        "inwerken/<str:token>/taken/<int:task_pk>/klaar/",
        portal.portal_task_done,
        name="portal_task_done",
    ),
]
