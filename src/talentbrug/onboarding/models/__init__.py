"""Onboarding templates, plans with dated tasks, supporters, and the built-in forms, one module per
noun. Django finds the models here, so this package imports every model class (the one exception to
"callers import the submodule they need").

- ``templates``: onboarding templates and their tasks
- ``plans``: plans, supporters, plan tasks, reminders
- ``answers``: intake, check-ins, surprises, the obstacle survey
- ``evaluations``: evaluations, the new hire's self-review, development goals
"""

from .answers import CheckIn, Intake, ObstacleSurvey, Surprise
from .evaluations import DevelopmentGoal, Evaluation, EvaluationSelfReview
from .plans import OnboardingPlan, PlanTask, Reminder, Supporter
from .templates import OnboardingTemplate, TemplateTask

__all__ = [
    "CheckIn",
    "DevelopmentGoal",
    "Evaluation",
    "EvaluationSelfReview",
    "Intake",
    "ObstacleSurvey",
    "OnboardingPlan",
    "OnboardingTemplate",
    "PlanTask",
    "Reminder",
    "Supporter",
    "Surprise",
    "TemplateTask",
]
