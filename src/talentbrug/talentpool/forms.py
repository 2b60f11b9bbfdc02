from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from talentbrug.matches.constants import REGIONS
from talentbrug.vacancies.models import Vacancy

from .constants import MAX_MESSAGE_CHARS


class PoolSearchForm(forms.Form):
    vaardigheid = forms.CharField(
        label=_("Vaardigheid"),
        required=False,
        max_length=100,
        help_text=_("Nederlands of Engels, zoals 'netwerkbeheer' of 'Python'."),
    )
    regio = forms.ChoiceField(
        label=_("Regio"),
        required=False,
        choices=[("", _("Alle regio's"))] + [(r, r) for r in REGIONS],
    )


class ContactRequestForm(forms.Form):
    message = forms.CharField(
        label=_("Uw bericht aan de kandidaat"),
        max_length=MAX_MESSAGE_CHARS,
        widget=forms.Textarea(
            attrs={"rows": 5, "class": "utrecht-textarea utrecht-textarea--html-textarea"}
        ),
        help_text=_("Kort en in B1-Nederlands: wie u bent, welk werk, waarom deze kandidaat."),
    )
    vacancy = forms.ModelChoiceField(
        label=_("Over welke vacature (niet verplicht)"),
        queryset=None,
        required=False,
        widget=forms.Select(attrs={"class": "utrecht-select utrecht-select--html-select"}),
    )

    def __init__(self, *args: Any, vacancies: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)

        self.fields["vacancy"].queryset = (
            vacancies if vacancies is not None else Vacancy.objects.none()
        )  # type: ignore[attr-defined]
