"""Forms of the careers site (search and filters) and of the staff channel page."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.cache import cache
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext_lazy as _

from talentbrug.accounts.models import Organisation
from talentbrug.vacancies.constants import ContractType, TargetGroup

from .constants import HOURS_CHOICES, MAX_QUERY_LENGTH, ChannelKind, LevelFilter
from .search import open_vacancies

FILTER_FIELDS = ("niveau", "doelgroep", "contract", "regio", "uren", "organisatie", "nt2")


# The regions and organisations offered as filters (those with open vacancies) are the same for
# every visitor: cached for a minute, and forgotten when a vacancy or organisation is saved or
# deleted (signals in apps.py). Computing them took a scan of all open vacancies per request.
FACETS_TIMEOUT = 60


def _facets_key() -> str:
    return f"publishing:filter-facets:{timezone.localdate().isoformat()}"


def filter_facets() -> tuple[list[str], list[tuple[str, str]]]:
    """(regions, [(organisation slug, name)]) of the open vacancies, sorted."""
    key = _facets_key()
    facets = cache.get(key)
    if facets is None:
        open_qs = open_vacancies()
        regions = [
            r for r in open_qs.order_by("region").values_list("region", flat=True).distinct() if r
        ]
        organisations = list(
            Organisation.objects.filter(pk__in=open_qs.values("organisation_id"))
            .order_by("name")
            .values_list("slug", "name")
        )
        facets = (regions, organisations)
        cache.set(key, facets, FACETS_TIMEOUT)
    return facets


def forget_filter_facets(**kwargs: Any) -> None:
    """Signal receiver: a vacancy or organisation changed, so the filter choices may change."""
    cache.delete(_facets_key())


class PlainSelect(forms.Select):
    """A <select> rendered in Python: the same HTML as Django's template-based Select (without
    option groups), at a fraction of the cost. The careers filters have some 70 options; Django
    renders a template include for every one of them on every cache miss of the list."""

    def render(
        self, name: str, value: Any, attrs: dict[str, Any] | None = None, renderer: Any = None
    ) -> SafeString:
        final = self.build_attrs(self.attrs, attrs)
        selected = set(self.format_value(value))
        options = format_html_join(
            "",
            '\n  <option value="{}"{}>{}</option>',
            (
                (str(option), " selected" if str(option) in selected else "", label)
                for option, label in self.choices
            ),
        )
        attributes = format_html_join(
            "",
            "{}{}",
            (
                (f" {key}", "" if val is True else format_html('="{}"', val))
                for key, val in final.items()
                if val is not False and val is not None
            ),
        )
        return format_html('<select name="{}"{}>{}\n</select>', name, attributes, options)


def _blank(label: Any) -> list[tuple[str, Any]]:
    return [("", label)]


class SearchForm(forms.Form):
    """GET form; an unknown value makes that filter invalid (shown), the others still apply."""

    q = forms.CharField(
        label=_("Zoek op woord"),
        required=False,
        max_length=MAX_QUERY_LENGTH,
        help_text=_("Bijvoorbeeld: servicedesk, netwerk of Apeldoorn."),
        widget=forms.TextInput(
            attrs={"type": "search", "class": "utrecht-textbox utrecht-textbox--html-input"}
        ),
    )
    niveau = forms.ChoiceField(label=_("Niveau"), required=False, widget=PlainSelect)
    doelgroep = forms.ChoiceField(label=_("Voor wie"), required=False, widget=PlainSelect)
    contract = forms.ChoiceField(label=_("Soort contract"), required=False, widget=PlainSelect)
    regio = forms.ChoiceField(label=_("Regio"), required=False, widget=PlainSelect)
    uren = forms.ChoiceField(label=_("Uren per week"), required=False, widget=PlainSelect)
    organisatie = forms.ChoiceField(label=_("Organisatie"), required=False, widget=PlainSelect)
    nt2 = forms.BooleanField(
        label=_("Nederlands als tweede taal welkom"),
        required=False,
        widget=forms.CheckboxInput(
            attrs={"class": "utrecht-checkbox utrecht-checkbox--html-input"}
        ),
    )

    def __init__(self, data: Any = None, **kwargs: Any) -> None:
        if data is not None:
            data = data.copy()
            if "q" in data:
                data["q"] = (data.get("q") or "")[:MAX_QUERY_LENGTH]  # cut, never run 10,000 chars
        super().__init__(data, **kwargs)
        regions, organisations = filter_facets()
        any_label = _("Alle")
        fields: dict[str, list[tuple[str, Any]]] = {
            "niveau": _blank(any_label) + list(LevelFilter.choices),
            "doelgroep": _blank(any_label)
            + [(c, label) for c, label in TargetGroup.choices if c != TargetGroup.EVERYONE],
            "contract": _blank(any_label) + list(ContractType.choices),
            "regio": _blank(any_label) + [(r, r) for r in regions],
            "uren": _blank(_("Maakt niet uit")) + list(HOURS_CHOICES),
            "organisatie": _blank(any_label) + list(organisations),
        }
        for name, choices in fields.items():
            field = self.fields[name]
            field.choices = choices  # type: ignore[attr-defined]
            field.widget.attrs["class"] = "utrecht-select utrecht-select--html-select"
        self.fields["niveau"].error_messages["invalid_choice"] = _(
            "Dit niveau kennen we niet. We zoeken zonder dit filter."
        )
        for name in FILTER_FIELDS:
            self.fields[name].error_messages["invalid_choice"] = _(
                "Deze keuze kennen we niet. We zoeken zonder dit filter."
            )

    def filters(self) -> dict[str, Any]:
        """The valid filters; invalid ones are left out (and shown as errors)."""
        self.is_valid()
        cleaned = getattr(self, "cleaned_data", {})
        return {name: cleaned[name] for name in FILTER_FIELDS if cleaned.get(name)}

    def query(self) -> str:
        self.is_valid()
        return str(getattr(self, "cleaned_data", {}).get("q") or "")

    def active(self) -> bool:
        return bool(self.query() or self.filters())


class ChannelForm(forms.Form):
    name = forms.CharField(
        label=_("Naam van het kanaal"),
        max_length=120,
        help_text=_("Bijvoorbeeld 'ROC Rijnland ICT' of 'VluchtelingenWerk regio Noord'."),
        widget=forms.TextInput(attrs={"class": "utrecht-textbox utrecht-textbox--html-input"}),
    )
    kind = forms.ChoiceField(
        label=_("Soort kanaal"),
        choices=ChannelKind.choices,
        widget=forms.Select(attrs={"class": "utrecht-select utrecht-select--html-select"}),
    )
