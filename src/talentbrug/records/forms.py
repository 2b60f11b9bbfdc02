"""Forms of the records app. Labels and help texts come from the models where possible."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from talentbrug.accounts.models import User

from .constants import Decision
from .models import Collection, RecordsSettings, SelectielijstCategory


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data: Any, initial: Any = None) -> list[Any]:
        single = super().clean
        if isinstance(data, (list, tuple)):
            return [single(d, initial) for d in data if d]
        return [single(data, initial)] if data else []


class StyledMixin:
    """NL Design System classes on every widget."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.style()

    def style(self) -> None:
        for field in self.fields.values():  # type: ignore[attr-defined]
            widget = field.widget
            if isinstance(widget, forms.CheckboxInput):
                css = "utrecht-checkbox utrecht-checkbox--html-input"
            elif isinstance(widget, forms.Select):
                css = "utrecht-select utrecht-select--html-select"
            elif isinstance(widget, forms.Textarea):
                css = "utrecht-textarea utrecht-textarea--html-textarea"
            elif isinstance(widget, forms.FileInput):
                css = "tb-file"
            else:
                css = "utrecht-textbox utrecht-textbox--html-input"
            widget.attrs.setdefault("class", css)


def _categories(organisation: Any) -> Any:
    return SelectielijstCategory.objects.filter(organisation=organisation)


class CollectionForm(StyledMixin, forms.ModelForm):
    class Meta:
        model = Collection
        fields = ["name", "description", "default_category", "owner"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args: Any, organisation: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["default_category"].queryset = _categories(organisation)
        self.fields["owner"].queryset = User.objects.filter(
            memberships__organisation=organisation
        ).distinct()
        self.fields["owner"].required = False


class UploadForm(StyledMixin, forms.Form):
    files = MultipleFileField(
        label=_("Bestanden"),
        required=False,
        help_text=_("Kies een of meer bestanden."),
    )
    archive = forms.FileField(
        label=_("ZIP-bestand"),
        required=False,
        help_text=_("Mappen in het ZIP-bestand blijven zichtbaar als pad."),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if not data.get("files") and not data.get("archive"):
            raise forms.ValidationError(_("Kies bestanden of een ZIP-bestand."))
        return data


class FolderImportForm(StyledMixin, forms.Form):
    """A server folder to import: one of the roots the administrator allowed, and a sub-path."""

    root = forms.ChoiceField(
        label=_("Vrijgegeven map"),
        help_text=_("Alleen mappen die de beheerder heeft vrijgegeven (RECORDS_IMPORT_ROOTS)."),
    )
    subpath = forms.CharField(
        label=_("Map daarbinnen (niet verplicht)"),
        required=False,
        max_length=500,
        help_text=_("Bijvoorbeeld 'Werving/2019'. Leeg: de hele vrijgegeven map."),
    )

    def __init__(self, *args: Any, roots: dict[str, str], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["root"].choices = [(name, name) for name in sorted(roots)]

    def clean_subpath(self) -> str:
        value = self.cleaned_data["subpath"].strip().replace("\\", "/")
        parts = [p for p in value.split("/") if p not in ("", ".")]
        if value.startswith("/") or ".." in parts or (len(value) > 1 and value[1] == ":"):
            raise forms.ValidationError(
                _("Geef een map binnen de vrijgegeven map, zonder '..' en niet vanaf '/'.")
            )
        return "/".join(parts)


class CategoryForm(StyledMixin, forms.ModelForm):
    class Meta:
        model = SelectielijstCategory
        fields = [
            "code",
            "name",
            "waardering",
            "bewaartermijn_years",
            "trigger",
            "start_date_rule",
            "informatiecategorie",
        ]


class SettingsForm(StyledMixin, forms.ModelForm):
    class Meta:
        model = RecordsSettings
        fields = ["cooling_off_days", "archivist_required"]


class DecideForm(StyledMixin, forms.Form):
    decision = forms.ChoiceField(
        label=_("Beslissing"),
        choices=[(v, label) for v, label in Decision.choices if v != Decision.UNDECIDED],
    )
    category = forms.ModelChoiceField(
        label=_("Selectielijstcategorie"),
        queryset=SelectielijstCategory.objects.none(),
        required=False,
        help_text=_("Nodig bij bewaren. Al ingevuld met de standaardcategorie."),
    )
    note = forms.CharField(
        label=_("Notitie"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Bijvoorbeeld waarom u twijfelt of weggooit."),
    )
    duplicates = forms.BooleanField(required=False)

    def __init__(self, *args: Any, organisation: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["category"].queryset = _categories(organisation)


class LegalHoldForm(StyledMixin, forms.Form):
    hold = forms.BooleanField(label=_("Niet vernietigen (juridische blokkade)"), required=False)
    reference = forms.CharField(
        label=_("Kenmerk"),
        required=False,
        max_length=200,
        help_text=_("Kenmerk van het Woo-verzoek of geschil."),
    )


class ReasonForm(StyledMixin, forms.Form):
    reason = forms.CharField(
        label=_("Reden"), max_length=2000, widget=forms.Textarea(attrs={"rows": 2})
    )


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


class DocumentDatesForm(StyledMixin, forms.Form):
    """The dates from which the bewaartermijn runs, set by hand on the document."""

    document_date = forms.DateField(
        label=_("Documentdatum"),
        required=False,
        widget=DateInput(),
        help_text=_("De datum van het document zelf, bijvoorbeeld de datum in de brief."),
    )
    trigger_date = forms.DateField(
        label=_("Datum aanleiding"),
        required=False,
        widget=DateInput(),
        help_text=_(
            "Bijvoorbeeld het einde van de procedure. Nodig als de categorie vanaf de "
            "aanleiding telt."
        ),
    )


class OverrideRequestForm(StyledMixin, forms.Form):
    use_required_attribute = False  # checked on the server; no red field before typing
    justification = forms.CharField(
        label=_("Onderbouwing"),
        min_length=20,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Waarom mag dit document toch weg? Bijvoorbeeld een later besluit van de "
            "archiefdienst. Minstens 20 tekens."
        ),
    )
    reference = forms.CharField(
        label=_("Kenmerk besluit"),
        required=False,
        max_length=200,
        help_text=_("Kenmerk van het besluit, als dat er is."),
    )


class CommentForm(StyledMixin, forms.Form):
    comment = forms.CharField(
        label=_("Opmerking"),
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class SubmitListForm(StyledMixin, forms.Form):
    reviewers = forms.ModelMultipleChoiceField(
        label=_("Beoordelaars"),
        queryset=User.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Kies wie de lijst beoordeelt. Zij krijgen een e-mail."),
        error_messages={"required": _("Kies minstens één collega die de lijst beoordeelt.")},
    )

    def __init__(self, *args: Any, reviewers: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["reviewers"].queryset = reviewers
        self.fields["reviewers"].widget.attrs["class"] = (
            "utrecht-checkbox utrecht-checkbox--html-input"
        )


class DestroyConfirmForm(StyledMixin, forms.Form):
    """Type the list's name to confirm destruction: no destruction by a slip of the mouse."""

    use_required_attribute = False  # checked on the server; no red field before typing

    name = forms.CharField(
        label=_("Typ de naam van de lijst"),
        max_length=200,
        help_text=_("Zo weet u zeker dat u de goede lijst vernietigt."),
    )

    def __init__(self, *args: Any, expected: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.expected = expected
        self.fields["name"].widget.attrs["autocomplete"] = "off"

    def clean_name(self) -> str:
        typed = " ".join(self.cleaned_data["name"].split())
        if typed != " ".join(self.expected.split()):
            raise forms.ValidationError(
                _("De naam klopt niet. Typ precies: %(name)s") % {"name": self.expected}
            )
        return typed
