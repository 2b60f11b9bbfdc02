"""Organisations (tenants), people and their roles per organisation."""

from __future__ import annotations

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from .branding import (
    DEFAULT_HOUSE_COLOUR,
    HOUSE_COLOURS,
    validate_house_colour,
    validate_wordmark,
)
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
    wordmark = models.TextField(
        _("woordmerk"),
        blank=True,
        validators=[validate_wordmark],
        help_text=_(
            "De naam naast het Rijkslint, zoals in het logo: hoogstens 3 regels van elk "
            "hoogstens 32 tekens. Leeg: de volledige naam."
        ),
    )
    logo = models.FileField(
        _("eigen logo"),
        upload_to="organisation-logos/",
        max_length=200,
        blank=True,
        help_text=_(
            "Alleen als uw organisatie een eigen logo mag voeren: een PNG, JPG of WebP van "
            "hoogstens 1 MB. Het staat dan bovenaan de pagina's in plaats van het lint met het "
            "woordmerk."
        ),
    )
    house_colour = models.CharField(
        _("huiskleur"),
        max_length=20,
        choices=HOUSE_COLOURS,
        default=DEFAULT_HOUSE_COLOUR,
        validators=[validate_house_colour],
        help_text=_(
            "Een kleur uit het Rijkshuisstijl-palet, voor accenten op de werkenbij-pagina's. "
            "Alleen kleuren waarop witte tekst goed leesbaar is."
        ),
    )
    contact_email = models.EmailField(
        _("e-mailadres voor vragen"),
        blank=True,
        help_text=_(
            "Staat in e-mails aan kandidaten en op de werkenbij-pagina's; antwoorden op e-mails "
            "gaan hierheen als er geen apart antwoordadres is."
        ),
    )
    contact_phone = models.CharField(
        _("telefoonnummer voor vragen"),
        max_length=30,
        blank=True,
        help_text=_("Staat in e-mails aan kandidaten en op de werkenbij-pagina's."),
    )
    mail_sender_name = models.CharField(
        _("naam afzender e-mail"),
        max_length=80,
        blank=True,
        help_text=_(
            "De naam die mensen zien als afzender, zoals 'Werken bij DICTU'. Het adres zelf "
            "blijft het adres van de server (zo komt de e-mail aan)."
        ),
    )
    reply_to_email = models.EmailField(
        _("antwoordadres e-mail"),
        blank=True,
        help_text=_("Als iemand op een e-mail antwoordt, gaat het antwoord naar dit adres."),
    )
    selectielijst = models.CharField(
        _("selectielijst"),
        max_length=200,
        blank=True,
        help_text=_(
            "De vastgestelde selectielijst die deze organisatie gebruikt, met jaar. De "
            "categorieën ervan staan bij Bewaren of weggooien."
        ),
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

    @property
    def logo_version(self) -> str:
        """Changes with every new logo (the stored name holds part of its hash): the logo URL
        carries it, so a browser never shows an old logo from its cache."""
        name = str(self.logo.name or "")
        return name.rsplit("/", 1)[-1].rsplit(".", 1)[0][-12:]


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
    invited_at = models.DateTimeField(
        _("uitgenodigd op"),
        null=True,
        blank=True,
        help_text=_("Wanneer de laatste uitnodiging is verstuurd; leeg als er geen was."),
    )
    invitation_accepted_at = models.DateTimeField(
        _("uitnodiging aangenomen op"),
        null=True,
        blank=True,
        help_text=_("Wanneer de medewerker een wachtwoord koos via de uitnodiging."),
    )
    token_version = models.PositiveIntegerField(
        _("versie van de uitnodigingslink"),
        default=1,
        help_text=_("Hoger maken maakt eerdere uitnodigingslinks ongeldig."),
    )
    deactivated_at = models.DateTimeField(
        _("uitgeschakeld op"),
        null=True,
        blank=True,
        help_text=_("Wanneer het account is uitgeschakeld; de geschiedenis blijft bewaard."),
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


class SecondFactorReset(models.Model):
    """Four eyes on a lost second factor: one admin asks, a second admin confirms identity."""

    class Status(models.TextChoices):
        REQUESTED = "requested", _("Wacht op tweede beheerder")
        DONE = "done", _("Uitgevoerd")
        CANCELLED = "cancelled", _("Ingetrokken")

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisatie"),
        on_delete=models.CASCADE,
        related_name="second_factor_resets",
        help_text=_("De organisatie waarvan de beheerders dit afhandelen."),
    )
    user = models.ForeignKey(
        User,
        verbose_name=_("medewerker"),
        on_delete=models.CASCADE,
        related_name="second_factor_resets",
        help_text=_("De medewerker die de tweede stap kwijt is."),
    )
    requested_by = models.ForeignKey(
        User,
        verbose_name=_("gevraagd door"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("De eerste beheerder."),
    )
    identity_check = models.CharField(
        _("controle van de identiteit"),
        max_length=300,
        help_text=_(
            "Hoe de eerste beheerder zeker wist dat het om deze medewerker gaat, zonder "
            "nummers van documenten (bijvoorbeeld: 'persoonlijk gesproken, rijbewijs gezien')."
        ),
    )
    confirmed_by = models.ForeignKey(
        User,
        verbose_name=_("bevestigd door"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("De tweede beheerder, die de identiteit zelf ook controleerde."),
    )
    confirm_check = models.CharField(
        _("controle door tweede beheerder"),
        max_length=300,
        blank=True,
        help_text=_("Hoe de tweede beheerder de identiteit controleerde."),
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=Status.choices,
        default=Status.REQUESTED,
        help_text=_("Waar het verzoek staat."),
    )
    created_at = models.DateTimeField(
        _("gevraagd op"), auto_now_add=True, help_text=_("Wanneer de eerste beheerder het vroeg.")
    )
    done_at = models.DateTimeField(
        _("afgehandeld op"), null=True, blank=True, help_text=_("Wanneer het is afgehandeld.")
    )

    class Meta:
        verbose_name = _("herstel tweestapsverificatie")
        verbose_name_plural = _("herstel tweestapsverificatie")
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"SecondFactorReset {self.pk}"
