"""Onboarding plans: the plan of one new hire, its supporters, dated tasks and reminders."""

from __future__ import annotations

from datetime import date

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from talentbrug.vacancies.models import FirstDayArrangements

from ..constants import (
    FormKind,
    OwnerRole,
    Phase,
    PlanStatus,
    ProgrammeKind,
    ReminderKind,
    TaskStatus,
)
from .templates import OnboardingTemplate


class OnboardingPlan(FirstDayArrangements):
    """The plan of one new hire: a copy of a template with real dates."""

    organisation = models.ForeignKey(
        "accounts.Organisation",
        on_delete=models.PROTECT,
        related_name="onboarding_plans",
        verbose_name=_("organisatie"),
        help_text=_("De organisatie waar de nieuwe medewerker begint."),
    )
    template = models.ForeignKey(
        OnboardingTemplate,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="plans",
        verbose_name=_("sjabloon"),
        help_text=_("Het sjabloon waar dit plan mee begon. Het plan houdt zijn eigen kopie."),
    )
    template_name = models.CharField(
        _("naam sjabloon"), max_length=120, blank=True, help_text=_("Kopie van de naam.")
    )
    programme = models.CharField(
        _("programma"),
        max_length=20,
        choices=ProgrammeKind.choices,
        default=ProgrammeKind.STANDARD,
        help_text=_("Soort traject; om op te filteren."),
    )
    # Hook for selection: the application this hire came from (start_onboarding(application=…)).
    application = models.ForeignKey(
        "applications.Application",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="onboarding_plans",
        verbose_name=_("sollicitatie"),
        help_text=_("De sollicitatie waaruit deze medewerker is aangenomen."),
    )
    name = models.CharField(
        _("naam"), max_length=200, help_text=_("Naam van de nieuwe medewerker.")
    )
    email = models.EmailField(
        _("e-mailadres"), help_text=_("Hier komt de persoonlijke link naar het inwerkplan.")
    )
    preferred_language = models.CharField(
        _("taal"),
        max_length=5,
        choices=settings.LANGUAGES,
        default="nl",
        help_text=_("Taal van de persoonlijke pagina en de berichten."),
    )
    job_title = models.CharField(
        _("functie"), max_length=200, blank=True, help_text=_("Functienaam.")
    )
    team = models.CharField(_("team"), max_length=200, blank=True, help_text=_("Team of afdeling."))
    start_date = models.DateField(_("eerste werkdag"), help_text=_("De eerste werkdag."))
    guidance_promised = models.TextField(
        _("begeleiding uit de vacature"),
        blank=True,
        help_text=_(
            "Wat de vacature beloofde over begeleiding en inwerken. Komt mee bij aannemen."
        ),
    )
    hours_per_week = models.PositiveSmallIntegerField(
        _("uren per week"),
        null=True,
        blank=True,
        help_text=_("Zoals afgesproken in het aanbod."),
    )
    hours_wished = models.PositiveSmallIntegerField(
        _("gevraagde uren per week"),
        null=True,
        blank=True,
        help_text=_("Wat de kandidaat bij de sollicitatie vroeg."),
    )
    accommodations = models.TextField(
        _("aanpassingen"),
        blank=True,
        help_text=_(
            "Wat de kandidaat bij de sollicitatie vroeg en wilde delen. Alleen deze organisatie "
            "ziet het."
        ),
    )
    manager = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="managed_onboarding_plans",
        verbose_name=_("leidinggevende"),
        help_text=_("De leidinggevende die het plan bijhoudt."),
    )
    hr_contact = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="hr_onboarding_plans",
        verbose_name=_("contactpersoon HR"),
        help_text=_("Doet de HR-taken van dit plan."),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=PlanStatus.choices,
        default=PlanStatus.PLANNED,
        help_text=_("Waar het plan staat."),
    )
    status_note = models.CharField(
        _("toelichting status"), max_length=300, blank=True, help_text=_("Waarom gestopt.")
    )
    token_version = models.PositiveIntegerField(
        _("versie van de link"),
        default=1,
        help_text=_("Hoger maken maakt alle oude persoonlijke links ongeldig."),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("aangemaakt door"),
        help_text="",
    )
    created_at = models.DateTimeField(_("aangemaakt op"), auto_now_add=True, help_text="")
    updated_at = models.DateTimeField(_("gewijzigd op"), auto_now=True, help_text="")

    class Meta:
        verbose_name = _("inwerkplan")
        verbose_name_plural = _("inwerkplannen")
        ordering = ["-start_date", "name"]

    def __str__(self) -> str:
        return self.name

    @property
    def is_open(self) -> bool:
        return self.status in (PlanStatus.PLANNED, PlanStatus.ACTIVE)

    def progress(self) -> int:
        """Percentage of tasks done or skipped."""
        tasks = list(self.tasks.all())
        if not tasks:
            return 0
        finished = sum(1 for t in tasks if t.status != TaskStatus.OPEN)
        return round(100 * finished / len(tasks))

    def supporter(self, role: str) -> Supporter | None:
        for supporter in self.supporters.all():
            if supporter.role == role:
                return supporter
        return None


class Supporter(models.Model):
    """A buddy, language coach or praktijkopleider: a colleague, or an external coach."""

    plan = models.ForeignKey(
        OnboardingPlan,
        on_delete=models.CASCADE,
        related_name="supporters",
        verbose_name=_("inwerkplan"),
        help_text="",
    )
    role = models.CharField(
        _("rol"),
        max_length=20,
        choices=OwnerRole.choices,
        help_text=_("Buddy, taalcoach of praktijkopleider."),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="onboarding_support",
        verbose_name=_("collega"),
        help_text=_("Een collega met een account in Talentbrug."),
    )
    external_name = models.CharField(
        _("naam (extern)"), max_length=200, blank=True, help_text=_("Naam van een externe coach.")
    )
    external_email = models.EmailField(
        _("e-mail (extern)"), blank=True, help_text=_("E-mailadres van een externe coach.")
    )
    language = models.CharField(
        _("taal van berichten"),
        max_length=5,
        choices=settings.LANGUAGES,
        default="nl",
        help_text=_("Taal van herinneringen aan een externe coach."),
    )
    token_version = models.PositiveIntegerField(
        _("versie van de link"), default=1, help_text=_("Hoger maken maakt oude links ongeldig.")
    )

    class Meta:
        verbose_name = _("begeleider")
        verbose_name_plural = _("begeleiders")
        constraints = [
            models.UniqueConstraint(fields=["plan", "role"], name="unique_supporter_role")
        ]

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        if self.user_id:
            return str(self.user)
        return self.external_name

    @property
    def email(self) -> str:
        if self.user_id:
            return self.user.email
        return self.external_email

    @property
    def message_language(self) -> str:
        if self.user_id:
            return self.user.preferred_language
        return self.language


class PlanTask(models.Model):
    """A task in a plan with a real date. Copied from the template; the manager adjusts it."""

    plan = models.ForeignKey(
        OnboardingPlan,
        on_delete=models.CASCADE,
        related_name="tasks",
        verbose_name=_("inwerkplan"),
        help_text="",
    )
    phase = models.CharField(_("fase"), max_length=20, choices=Phase.choices, help_text="")
    title = models.CharField(_("taak"), max_length=200, help_text=_("Kort en met een werkwoord."))
    description = models.TextField(_("uitleg"), blank=True, help_text="")
    owner_role = models.CharField(
        _("wie doet het"), max_length=20, choices=OwnerRole.choices, help_text=""
    )
    owner_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="onboarding_tasks",
        verbose_name=_("uitvoerder"),
        help_text=_("Een vaste collega in plaats van de rol (niet verplicht)."),
    )
    due_date = models.DateField(_("datum"), help_text=_("Uiterlijk op deze dag klaar."))
    form_kind = models.CharField(
        _("formulier"), max_length=20, choices=FormKind.choices, blank=True, help_text=""
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=TaskStatus.choices,
        default=TaskStatus.OPEN,
        help_text="",
    )
    status_note = models.CharField(_("toelichting"), max_length=300, blank=True, help_text="")
    finished_at = models.DateTimeField(_("klaar op"), null=True, blank=True, help_text="")
    order = models.PositiveIntegerField(_("volgorde"), default=0, help_text="")
    arranges_role = models.CharField(
        _("regelt begeleider"),
        max_length=20,
        blank=True,
        choices=OwnerRole.choices,
        help_text=_(
            "Een open taak om een begeleider te vinden. Klaar zodra die begeleider in het plan staat."
        ),
    )
    date_set_by_hand = models.BooleanField(
        _("datum zelf gekozen"),
        default=False,
        help_text=_(
            "Iemand heeft de datum met de hand gekozen. Verschuift de eerste werkdag, "
            "dan blijft deze taak op haar datum staan."
        ),
    )

    class Meta:
        verbose_name = _("taak in inwerkplan")
        verbose_name_plural = _("taken in inwerkplan")
        ordering = ["due_date", "order", "pk"]

    def __str__(self) -> str:
        return self.title

    def is_overdue(self, today: date) -> bool:
        return self.status == TaskStatus.OPEN and self.due_date < today


class Reminder(models.Model):
    """A reminder that was sent; its key makes sending idempotent."""

    organisation = models.ForeignKey(
        "accounts.Organisation", on_delete=models.CASCADE, related_name="+", help_text=""
    )
    kind = models.CharField(_("soort"), max_length=20, choices=ReminderKind.choices, help_text="")
    plan = models.ForeignKey(
        OnboardingPlan,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="reminders",
        help_text="",
    )
    task = models.ForeignKey(
        PlanTask,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="reminders",
        help_text="",
    )
    recipient = models.EmailField(_("ontvanger"), help_text="")
    sent_on = models.DateField(_("verstuurd op"), help_text="")
    key = models.CharField(
        max_length=200, unique=True, help_text=_("Maakt dubbel versturen onmogelijk.")
    )
    created_at = models.DateTimeField(auto_now_add=True, help_text="")

    class Meta:
        verbose_name = _("herinnering")
        verbose_name_plural = _("herinneringen")
        ordering = ["-sent_on"]

    def __str__(self) -> str:
        return f"{self._meta.verbose_name} {self.pk}"
