"""The filters of the Insights pages."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from talentbrug.accounts.models import Organisation
from talentbrug.vacancies.constants import Vakgebied

from .constants import DEFAULT_PERIOD, Period

SELECT = {"class": "utrecht-select utrecht-select--html-select"}


class FilterForm(forms.Form):
    periode = forms.ChoiceField(
        label=_("Periode"),
        choices=Period.choices,
        initial=DEFAULT_PERIOD,
        required=False,
        widget=forms.Select(attrs=SELECT),
    )
    vakgebied = forms.ChoiceField(
        label=_("Vakgebied"),
        choices=[("", _("Alle vakgebieden")), *Vakgebied.choices],
        required=False,
        widget=forms.Select(attrs=SELECT),
    )

    def __init__(self, *args: Any, rijksbreed: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if rijksbreed:
            # Only the programme team chooses an organisation; others always see their own.
            self.fields["organisatie"] = forms.ModelChoiceField(
                label=_("Organisatie"),
                queryset=Organisation.objects.filter(is_active=True).order_by("name"),
                required=False,
                empty_label=_("Het hele Rijk"),
                widget=forms.Select(attrs=SELECT),
            )

    def choices(self) -> dict[str, Any]:
        """The valid choices; anything invalid falls back to the default."""
        data = self.cleaned_data if self.is_valid() else {}
        return {
            "period": data.get("periode") or DEFAULT_PERIOD,
            "family": data.get("vakgebied") or "",
            "organisation": data.get("organisatie"),
        }
