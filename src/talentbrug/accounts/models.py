"""Organisations (tenants), people and their roles per organisation."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from .constants import OrganisationKind, Role


class Organisation(models.Model):
    """A ministry or agency: the tenant that owns vacancies, candidates and records."""

    name = models.CharField(
        _("naam"), max_length=200, unique=True, help_text=_("Volledige naam, zoals op de website.")
    )
    short_name = models.CharField(
        _("korte naam"), max_length=40, help_text=_("Afkorting die mensen kennen, zoals DICTU.")
    )
    slug = models.SlugField(
        _("slug"),
        unique=True,
        help_text=_("Korte naam voor in webadressen, alleen kleine letters."),
    )
    kind = models.CharField(
        _("soort"),
        max_length=20,
        choices=OrganisationKind.choices,
        default=OrganisationKind.AGENCY,
        help_text=_("Soort organisatie binnen de Rijksoverheid."),
    )
    website = models.URLField(_("website"), blank=True, help_text=_("Openbare website."))
    is_active = models.BooleanField(
        _("actief"), default=True, help_text=_("Een inactieve organisatie kan niet meer werven.")
    )
    created_at = models.DateTimeField(
        _("aangemaakt op"), auto_now_add=True, help_text=_("Moment van aanmaken.")
    )

    class Meta:
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisaties")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.short_name or self.name


class User(AbstractUser):
    """A person who logs in: staff of one or more organisations, or the programme team."""

    preferred_language = models.CharField(
        _("voorkeurstaal"),
        max_length=5,
        default="nl",
        choices=[("nl", "Nederlands"), ("en", "English")],
        help_text=_("Taal van de schermen en berichten voor deze medewerker."),
    )
    is_programme_team = models.BooleanField(
        _("programmateam rijksbreed"),
        default=False,
        help_text=_("Ziet cijfers en de talentpool over alle organisaties heen."),
    )

    class Meta:
        verbose_name = _("gebruiker")
        verbose_name_plural = _("gebruikers")

    def __str__(self) -> str:
        return self.get_full_name() or self.username


class Membership(models.Model):
    """One role of one person in one organisation. A person may hold several."""

    user = models.ForeignKey(
        User,
        verbose_name=_("gebruiker"),
        on_delete=models.CASCADE,
        related_name="memberships",
        help_text=_("De medewerker."),
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisatie"),
        on_delete=models.CASCADE,
        related_name="memberships",
        help_text=_("De organisatie waarin deze rol geldt."),
    )
    role = models.CharField(
        _("rol"),
        max_length=32,
        choices=Role.choices,
        help_text=_("Wat deze persoon hier mag doen."),
    )
    created_at = models.DateTimeField(
        _("aangemaakt op"), auto_now_add=True, help_text=_("Moment van toekennen.")
    )

    class Meta:
        verbose_name = _("rol in organisatie")
        verbose_name_plural = _("rollen in organisaties")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation", "role"], name="unique_membership_role"
            )
        ]
        ordering = ["organisation__name", "role"]

    def __str__(self) -> str:
        return f"{self.user} – {self.organisation} – {self.get_role_display()}"


class UsedLink(models.Model):
    """A single-use link (magic link) that has been opened once: it cannot open a second session.

    Only a digest of the link's random part is kept, never the link itself.
    """

    digest = models.CharField(
        _("kenmerk"),
        max_length=64,
        unique=True,
        help_text=_("SHA-256 van het willekeurige deel van de link; niet de link zelf."),
    )
    used_at = models.DateTimeField(
        _("gebruikt op"), auto_now_add=True, help_text=_("Moment waarop de link is gebruikt.")
    )
    expires_at = models.DateTimeField(
        _("verloopt op"),
        db_index=True,
        help_text=_("Na dit moment is de link hoe dan ook verlopen; de regel mag dan weg."),
    )

    class Meta:
        verbose_name = _("gebruikte link")
        verbose_name_plural = _("gebruikte links")

    def __str__(self) -> str:
        return f"UsedLink {self.pk}"
