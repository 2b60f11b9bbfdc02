"""Forms of the staff pages (staff language: nl/en)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from talentbrug.formstyle import style


class MergeForm(forms.Form):
    other_application = forms.IntegerField(
        label=_("Nummer van de andere sollicitatie"),
        help_text=_("Van dezelfde persoon met een ander e-mailadres, in uw organisatie."),
        min_value=1,
    )
    confirm = forms.BooleanField(
        label=_("Ja, dit is dezelfde persoon: voeg samen wat hierboven staat"),
        required=False,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        style(self)

    def confirmed(self) -> bool:
        """Merging needs the tick; without it the field says so (looking first needs none)."""
        if self.cleaned_data.get("confirm"):
            return True
        self.add_error("confirm", _("Vink aan dat u wilt samenvoegen."))
        return False


class QuestionForm(forms.Form):
    text = forms.CharField(
        label=_("Vraag aan de kandidaat"),
        help_text=_(
            "Schrijf in gewone woorden (B1). De kandidaat krijgt een e-mail en antwoordt op de "
            "persoonlijke pagina. Vraag nooit naar BSN, nationaliteit, verblijfsvergunning, "
            "gezondheid of geboortedatum."
        ),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Schrijf een vraag.")},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        style(self)
