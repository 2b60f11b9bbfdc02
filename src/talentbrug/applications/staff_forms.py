"""Forms of the staff pages (staff language: nl/en)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from talentbrug.vacancies.forms import style


class MergeForm(forms.Form):
    other_application = forms.IntegerField(
        label=_("Nummer van de andere sollicitatie"),
        help_text=_("Van dezelfde persoon met een ander e-mailadres, in uw organisatie."),
        min_value=1,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        style(self)
