"""Choices and fixed numbers of onboarding (inwerken)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

# A portal link works this long after it was made; every reminder mail carries a fresh one.
PORTAL_LINK_MAX_AGE = 45 * 24 * 60 * 60
# Seconds the portal session a link opens lasts without activity (the link itself works once).
PORTAL_SESSION_AGE = 60 * 60
# Figures (themes, cohort counts) show a group only from this many people on.
MIN_GROUP_SIZE = 5
MAX_SURPRISES = 10
# Overdue tasks are reminded at most once per this many days.
OVERDUE_REMINDER_EVERY_DAYS = 7
# Weekday (Monday = 0) from which a missing weekly check-in is reminded.
CHECKIN_REMINDER_WEEKDAY = 3
# Dates of a plan may lie this far around the start date.
PLAN_DAYS_BEFORE_START = 60
PLAN_DAYS_AFTER_START = 400


class Phase(models.TextChoices):
    BEFORE_START = "before_start", _("Voor de eerste dag")
    WEEK_1 = "week_1", _("Week 1")
    MONTH_1 = "month_1", _("Maand 1")
    MONTH_3 = "month_3", _("Maand 3")
    MONTH_6 = "month_6", _("Maand 6")


class OwnerRole(models.TextChoices):
    MANAGER = "manager", _("Leidinggevende")
    BUDDY = "buddy", _("Buddy")
    LANGUAGE_COACH = "language_coach", _("Taalcoach")
    HR = "hr", _("HR")
    BBL_SUPERVISOR = "bbl_supervisor", _("Praktijkopleider")
    NEW_HIRE = "new_hire", _("Nieuwe medewerker")


# Roles that a supporter (person or external coach) fills on a plan.
SUPPORTER_ROLES = (OwnerRole.BUDDY, OwnerRole.LANGUAGE_COACH, OwnerRole.BBL_SUPERVISOR)


class FormKind(models.TextChoices):
    INTAKE = "intake", _("Intake")
    CHECKIN = "checkin", _("Wekelijks gesprek (check-in)")
    SURPRISES = "surprises", _("Tien verbazingen")
    EVALUATION_3 = "evaluation_3", _("Evaluatie na 3 maanden")
    EVALUATION_6 = "evaluation_6", _("Evaluatie na 6 maanden")
    GOALS = "goals", _("Ontwikkeldoelen")


class ProgrammeKind(models.TextChoices):
    STANDARD = "standard", _("Standaard")
    BBL = "bbl", _("BBL-student")
    TRAINEE = "trainee", _("Trainee")
    LANGUAGE_COACH = "language_coach", _("Met taalcoach")
    BOL = "bol", _("Stagiair (BOL)")


class PlanStatus(models.TextChoices):
    PLANNED = "planned", _("Nog niet begonnen")
    ACTIVE = "active", _("Loopt")
    COMPLETED = "completed", _("Afgerond")
    STOPPED = "stopped", _("Gestopt")


class TaskStatus(models.TextChoices):
    OPEN = "open", _("Open")
    DONE = "done", _("Klaar")
    SKIPPED = "skipped", _("Overgeslagen")


class Health(models.TextChoices):
    ON_TRACK = "on_track", _("Op schema")
    ATTENTION = "attention", _("Vraagt aandacht")
    OVERDUE = "overdue", _("Achter op schema")


class Need(models.TextChoices):
    LANGUAGE = "language", _("Hulp bij de Nederlandse taal")
    DYSLEXIA = "dyslexia", _("Hulp bij lezen en schrijven (bijvoorbeeld bij dyslexie)")
    PRAYER_ROOM = "prayer_room", _("Een rustige ruimte om te bidden")
    HOURS = "hours", _("Andere werktijden of minder uren")
    WORKPLACE = "workplace", _("Een aangepaste werkplek")
    OTHER = "other", _("Iets anders")


class EvaluationMoment(models.TextChoices):
    MONTH_3 = "3", _("Na 3 maanden")
    MONTH_6 = "6", _("Na 6 maanden")


class Obstacle(models.TextChoices):
    """What made the first months hard: the magazine's three (begeleiding, taal, cultuur)."""

    GUIDANCE = "guidance", _("Begeleiding: ik kreeg te weinig hulp of uitleg")
    LANGUAGE = "language", _("Taal: het Nederlands op het werk")
    CULTURE = "culture", _("Cultuur: hoe het hier gaat, hoe mensen met elkaar omgaan")


# The short questionnaire about obstacles stays open this many days after 3 or 6 months.
OBSTACLE_SURVEY_DAYS = 56


class EvaluationOutcome(models.TextChoices):
    CONTINUE = "continue", _("We gaan door zoals afgesproken")
    ADJUST = "adjust", _("We gaan door met aanpassingen")
    DISCUSS = "discuss", _("We hebben een extra gesprek nodig")


class GoalStatus(models.TextChoices):
    OPEN = "open", _("Bezig")
    ACHIEVED = "achieved", _("Gehaald")
    DROPPED = "dropped", _("Gestopt")


class ReminderKind(models.TextChoices):
    TASK_DUE = "task_due", _("Taak vandaag")
    TASK_OVERDUE = "task_overdue", _("Taak te laat")
    CHECKIN = "checkin", _("Check-in nog niet ingevuld")
    DIGEST = "digest", _("Weekoverzicht voor leidinggevende")


MOOD_LABELS = {
    1: _("Heel slecht"),
    2: _("Niet zo goed"),
    3: _("Gaat wel"),
    4: _("Goed"),
    5: _("Heel goed"),
}
