from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from talentbrug.formstyle import style

OFF = "off"
DAILY = "daily"


class DigestForm(forms.Form):
    """The optional e-mail digest: off (the bell and this page only) or daily."""

    digest = forms.ChoiceField(
        label=_("E-mail met meldingen"),
        help_text=_("De e-mail noemt geen namen van kandidaten. Niets nieuws? Dan geen e-mail."),
        choices=[
            (OFF, _("Uit: ik zie mijn meldingen hier en bij de bel")),
            (DAILY, _("Dagelijks: elke ochtend één e-mail met de meldingen die ik nog niet las")),
        ],
        widget=forms.RadioSelect,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        style(self)

    @classmethod
    def for_setting(cls, daily: bool) -> "DigestForm":
        return cls(initial={"digest": DAILY if daily else OFF})

    def daily(self) -> bool:
        return self.cleaned_data["digest"] == DAILY
