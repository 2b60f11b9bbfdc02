from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from talentbrug.formstyle import style


class DigestForm(forms.Form):
    daily_digest = forms.BooleanField(
        label=_("Stuur me elke ochtend één e-mail met de meldingen die ik nog niet las"),
        help_text=_("De e-mail noemt geen namen van kandidaten. Niets nieuws? Dan geen e-mail."),
        required=False,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        style(self)
