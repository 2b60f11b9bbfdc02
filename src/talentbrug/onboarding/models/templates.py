"""Onboarding templates: an organisation's standard plan, its phases and tasks."""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from ..constants import FormKind, OwnerRole, Phase, ProgrammeKind


class OnboardingTemplate(models.Model):
    """An organisation's standard plan: phases with tasks. Plans copy it when they start."""

    organisation = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.CASCADE,
        related_name="onboarding_templates",
        verbose_name=_("organisatie"),
        help_text=_("De organisatie die dit sjabloon gebruikt."),
    )
    name = models.CharField(
        _("naam"), max_length=120, help_text=_("Naam van het sjabloon, zoals 'BBL-student'.")
    )
    kind = models.CharField(
        _("soort programma"),
        max_length=20,
        choices=ProgrammeKind.choices,
        default=ProgrammeKind.STANDARD,
        help_text=_("Voor welk soort nieuwe medewerker dit sjabloon bedoeld is."),
    )
    description = models.TextField(
        _("omschrijving"), blank=True, help_text=_("Waarvoor en voor wie dit sjabloon is.")
    )
    is_default = models.BooleanField(
        _("meegeleverd"),
        default=False,
        help_text=_("Meegeleverd door Talentbrug; u mag het aanpassen."),
    )
    is_active = models.BooleanField(
        _("in gebruik"), default=True, help_text=_("Alleen actieve sjablonen zijn te kiezen.")
    )
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True, help_text="")
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True, help_text="")

    class Meta:
        verbose_name = _("inwerksjabloon")
        verbose_name_plural = _("inwerksjablonen")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "name"], name="unique_onboarding_template_name"
            )
        ]

    def __str__(self) -> str:
        return self.name


class TemplateTask(models.Model):
    """One task of a template: a phase, an owner role, a due offset and maybe a form."""

    template = models.ForeignKey(
        OnboardingTemplate,
        on_delete=models.CASCADE,
        related_name="tasks",
        verbose_name=_("sjabloon"),
        help_text=_("Het sjabloon waar deze taak bij hoort."),
    )
    phase = models.CharField(
        _("fase"), max_length=20, choices=Phase.choices, help_text=_("Wanneer ongeveer.")
    )
    title = models.CharField(_("taak"), max_length=200, help_text=_("Kort en met een werkwoord."))
    description = models.TextField(
        _("uitleg"), blank=True, help_text=_("Wat er precies moet gebeuren, in gewone woorden.")
    )
    owner_role = models.CharField(
        _("wie doet het"),
        max_length=20,
        choices=OwnerRole.choices,
        help_text=_("De rol die deze taak uitvoert."),
    )
    due_offset = models.IntegerField(
        _("werkdagen na de start"),
        validators=[MinValueValidator(-40), MaxValueValidator(260)],
        help_text=_(
            "Aantal werkdagen na de eerste werkdag (0 = de eerste dag, negatief = ervoor). "
            "Weekenden en feestdagen tellen niet mee."
        ),
    )
    form_kind = models.CharField(
        _("formulier"),
        max_length=20,
        choices=FormKind.choices,
        blank=True,
        help_text=_("Een ingebouwd formulier dat bij deze taak hoort (niet verplicht)."),
    )
    order = models.PositiveIntegerField(_("volgorde"), default=0, help_text="")

    class Meta:
        verbose_name = _("sjabloontaak")
        verbose_name_plural = _("sjabloontaken")
        ordering = ["due_offset", "order", "pk"]

    def __str__(self) -> str:
        return self.title
