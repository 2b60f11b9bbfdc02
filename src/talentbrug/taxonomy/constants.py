from django.db import models
from django.utils.translation import gettext_lazy as _


class SkillKind(models.TextChoices):
    SKILL = "skill", _("Vaardigheid")
    KNOWLEDGE = "knowledge", _("Kennis")
    UNKNOWN = "", _("Onbekend")


class SkillRelation(models.TextChoices):
    ESSENTIAL = "essential", _("Essentieel")
    OPTIONAL = "optional", _("Optioneel")


class CefrLevel(models.TextChoices):
    A1 = "A1", "A1"
    A2 = "A2", "A2"
    B1 = "B1", "B1"
    B2 = "B2", "B2"
    C1 = "C1", "C1"
    C2 = "C2", "C2"


CEFR_ORDER = {level: index for index, level in enumerate(CefrLevel.values)}


class LanguageSkill(models.TextChoices):
    READING = "reading", _("Lezen")
    LISTENING = "listening", _("Luisteren")
    WRITING = "writing", _("Schrijven")
    SPEAKING = "speaking", _("Spreken")


class NlqfLevel(models.TextChoices):
    L1 = "1", _("NLQF 1 (mbo 1, vmbo-bb)")
    L2 = "2", _("NLQF 2 (mbo 2, vmbo-kb/gl/tl)")
    L3 = "3", _("NLQF 3 (mbo 3)")
    L4 = "4", _("NLQF 4 (mbo 4, havo)")
    L4PLUS = "4+", _("NLQF 4+ (vwo)")
    L5 = "5", _("NLQF 5 (Associate degree)")
    L6 = "6", _("NLQF 6 (bachelor)")
    L7 = "7", _("NLQF 7 (master)")
    L8 = "8", _("NLQF 8 (doctoraat)")
