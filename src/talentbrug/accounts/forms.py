from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.utils.translation import gettext_lazy as _


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
