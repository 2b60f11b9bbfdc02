from collections.abc import Sequence
from typing import Any

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _

from talentbrug.formstyle import style

from .branding import check_logo
from .models import Organisation
from .terms import ORGANISATION_TERMS


class LoginForm(AuthenticationForm):
    username = forms.CharField(
        label=_("Gebruikersnaam"),
        max_length=150,
        widget=forms.TextInput(
            attrs={
                "autocomplete": "username",
                "autofocus": True,
                "class": "utrecht-textbox utrecht-textbox--html-input",
            }
        ),
    )
    password = forms.CharField(
        label=_("Wachtwoord"),
        strip=False,
        max_length=1024,
        widget=forms.PasswordInput(
            attrs={
                "autocomplete": "current-password",
                "class": "utrecht-textbox utrecht-textbox--html-input",
            }
        ),
    )
    error_messages = {
        "invalid_login": _(
            "Deze combinatie van gebruikersnaam en wachtwoord klopt niet. Let op hoofdletters."
        ),
        "inactive": _("Dit account is uitgeschakeld. Neem contact op met de beheerder."),
    }


class TokenForm(forms.Form):
    token = forms.CharField(
        label=_("Code"),
        max_length=16,
        help_text=_("De 6 cijfers uit uw authenticator-app, of een herstelcode."),
        widget=forms.TextInput(
            attrs={
                "autocomplete": "one-time-code",
                "inputmode": "text",
                "class": "utrecht-textbox utrecht-textbox--html-input tb-code",
            }
        ),
    )

    def clean_token(self) -> str:
        token = "".join(self.cleaned_data["token"].split()).lower()
        if not token.isalnum():
            raise forms.ValidationError(_("Een code bestaat alleen uit cijfers en letters."))
        return token


class SwitchOrganisationForm(forms.Form):
    organisation = forms.IntegerField(min_value=1)


# --- People and roles (organisation admin) ---------------------------------------------------


class InviteForm(forms.Form):
    first_name = forms.CharField(label=_("Voornaam"), max_length=150)
    last_name = forms.CharField(label=_("Achternaam"), max_length=150)
    email = forms.EmailField(
        label=_("E-mailadres op het werk"),
        help_text=_("Hier komt de uitnodiging. Dit adres is later ook de gebruikersnaam."),
        widget=forms.EmailInput(attrs={"autocomplete": "off"}),
    )
    role = forms.ChoiceField(
        label=_("Eerste rol"),
        help_text=_("Meer rollen geeft u daarna op de pagina van de persoon."),
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        from .constants import Role

        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["role"].choices = [("", _("Kies een rol")), *Role.choices]  # type: ignore[attr-defined]
        style(self)


class RoleForm(forms.Form):
    role = forms.ChoiceField(label=_("Rol"))

    def __init__(self, *args: object, exclude: object = (), **kwargs: object) -> None:
        from .constants import Role

        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["role"].choices = [  # type: ignore[attr-defined]
            ("", _("Kies een rol")),
            *[(code, label) for code, label in Role.choices if code not in exclude],  # type: ignore[operator]
        ]
        style(self)


class IdentityCheckForm(forms.Form):
    check = forms.CharField(
        label=_("Hoe heeft u de identiteit gecontroleerd?"),
        max_length=300,
        help_text=_(
            "Bijvoorbeeld: 'persoonlijk gesproken en rijbewijs gezien' of 'teruggebeld op het "
            "nummer uit de smoelenboek'. Schrijf geen nummers van documenten op."
        ),
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        style(self)


class DeactivateForm(forms.Form):
    """One choice per kind of open work: who takes it over."""

    confirm = forms.BooleanField(
        label=_("Ik weet dat deze persoon hierna niet meer kan inloggen voor deze organisatie."),
    )

    def __init__(self, *args: object, work: Sequence[object] = (), **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.work = list(work)
        for item in self.work:
            kind = item.kind  # type: ignore[attr-defined]
            choices = [(str(u.pk), str(u)) for u in item.candidates]  # type: ignore[attr-defined]
            self.fields[f"to_{kind.key}"] = forms.ChoiceField(
                label=_("Wie neemt de %(work)s over? (%(count)s)")
                % {"work": kind.label, "count": len(item.items)},  # type: ignore[attr-defined]
                choices=[("", _("Kies een collega")), *choices],
                help_text=""
                if choices
                else _("Niemand heeft de rol die hiervoor nodig is. Geef eerst iemand die rol."),
            )
        # The confirmation comes last, after the choices.
        self.fields["confirm"] = self.fields.pop("confirm")
        style(self)

    def hand_over(self) -> dict[str, object]:
        chosen = {}
        for item in self.work:
            kind = item.kind  # type: ignore[attr-defined]
            pk = self.cleaned_data.get(f"to_{kind.key}")
            chosen[kind.key] = next(
                (u for u in item.candidates if str(u.pk) == pk),  # type: ignore[attr-defined]
                None,
            )
        return chosen


class OrganisationSettingsForm(forms.ModelForm):  # type: ignore[type-arg]
    website = forms.URLField(
        label=_("Website"),
        required=False,
        assume_scheme="https",
        help_text=_("Openbare website, begint met https://."),
    )
    logo_upload = forms.FileField(
        label=_("Eigen logo"),
        required=False,
        help_text=_(
            "Alleen als uw organisatie een eigen logo mag voeren: een PNG, JPG of WebP van "
            "hoogstens 1 MB (geen SVG). Het staat dan bovenaan de pagina's in plaats van het lint "
            "met het woordmerk. Het Rijkswapen hoort hier niet: dat voert Talentbrug niet."
        ),
        widget=forms.FileInput(attrs={"accept": "image/png,image/jpeg,image/webp"}),
    )
    remove_logo = forms.BooleanField(
        label=_("Eigen logo weghalen (weer het lint met het woordmerk tonen)"),
        required=False,
        help_text=_("Het logo dat er nu staat, verdwijnt van alle pagina's."),
    )
    # The logo next to the woordmerk it replaces; the other fields in the order of Meta.
    field_order = ["name", "short_name", "wordmark", "logo_upload", "remove_logo"]

    class Meta:
        model = Organisation
        fields = [
            "name",
            "short_name",
            "wordmark",
            "house_colour",
            "website",
            "contact_email",
            "contact_phone",
            "mail_sender_name",
            "reply_to_email",
            "selectielijst",
        ]
        widgets = {"wordmark": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        # The terms other apps own (cooling-off time, retention after rejection): accounts.terms
        for term in ORGANISATION_TERMS:
            self.fields[term.key] = term.field()
        style(self)
        if not (self.instance and self.instance.logo):
            del self.fields["remove_logo"]

    def clean_logo_upload(self) -> Any:
        upload = self.cleaned_data.get("logo_upload")
        if upload:
            check_logo(upload)  # refused here, next to the field; checked again when saved
            upload.seek(0)
        return upload

    def clean_mail_sender_name(self) -> str:
        value = " ".join(str(self.cleaned_data.get("mail_sender_name", "")).split())
        if any(ch in value for ch in '<>@",;'):
            raise forms.ValidationError(
                _('Gebruik alleen een naam, zonder e-mailadres of tekens als < > @ " , ;')
            )
        return value
