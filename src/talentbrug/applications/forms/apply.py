"""The apply form (all labels B1 and translated); each route shows a part of it."""

from __future__ import annotations

import uuid
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from talentbrug.formstyle import style

from ..constants import (
    MAX_NAME_CHARS,
    Route,
)
from ..models.candidate import LANGUAGE_CHOICES
from ..uploads import (
    UploadRejected,
    check_document,
    check_video,
    clean_text,
)
from .fields import (
    ABROAD_FIELDS,
    DIPLOMA_FIELDS,
    FILE_ACCEPT,
    TALENT_POOL_TEXT,
    VIDEO_ACCEPT,
    YES_NO,
    AntiBotMixin,
    DiplomaFieldsMixin,
    SlotChoiceField,
    no_future_date,
)


class ApplyForm(DiplomaFieldsMixin, AntiBotMixin):
    """One form per route: common fields plus the fields of the chosen route."""

    name = forms.CharField(
        label=_("Je naam"),
        max_length=MAX_NAME_CHARS,
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        error_messages={
            "max_length": _("Je naam is te lang. Gebruik maximaal %(limit_value)d tekens.")
        },
    )
    email = forms.EmailField(
        label=_("Je e-mailadres"),
        help_text=_("Hier sturen we een link naar je persoonlijke pagina."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    phone = forms.CharField(
        label=_("Je telefoonnummer"),
        max_length=30,
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "tel", "type": "tel"}),
    )
    preferred_language = forms.ChoiceField(
        label=_("In welke taal wil je onze e-mails?"), choices=LANGUAGE_CHOICES
    )
    right_to_work = forms.ChoiceField(
        label=_("Mag je in Nederland werken?"),
        choices=YES_NO,
        required=False,
        widget=forms.RadioSelect,
    )
    hours_per_week = forms.IntegerField(
        label=_("Hoeveel uur per week wil je werken?"),
        help_text=_("Niet verplicht. Een getal van 1 tot en met 40."),
        required=False,
        min_value=1,
        max_value=40,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        error_messages={
            "min_value": _("Vul een getal in van 1 tot en met 40."),
            "max_value": _("Vul een getal in van 1 tot en met 40."),
            "invalid": _("Vul een getal in van 1 tot en met 40."),
        },
    )
    available_from = forms.DateField(
        label=_("Vanaf wanneer kun je beginnen?"),
        help_text=_("Niet verplicht. Weet je het nog niet? Laat het dan leeg."),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": _("Vul een datum in, bijvoorbeeld 2027-01-15.")},
    )
    wants_buddy = forms.BooleanField(
        label=_("Ik wil graag een buddy: een collega die mij de weg wijst."), required=False
    )
    wants_language_coach = forms.BooleanField(
        label=_("Ik wil graag hulp van een taalcoach bij Nederlands."), required=False
    )
    accommodations = forms.CharField(
        label=_("Heb je iets nodig om goed te kunnen werken of solliciteren?"),
        help_text=_("Bijvoorbeeld extra tijd, of een rolstoelingang. Dit is niet verplicht."),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    privacy = forms.BooleanField(
        label=_("Ik heb gelezen wat jullie met mijn gegevens doen."),
        error_messages={"required": _("Lees eerst wat we met je gegevens doen.")},
    )
    talent_pool = forms.BooleanField(label=TALENT_POOL_TEXT, required=False)
    idempotency_key = forms.UUIDField(widget=forms.HiddenInput)

    def __init__(self, *args: Any, route: str, slots: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        no_future_date(self, "evaluation_date")
        self.route = route
        self.initial.setdefault("idempotency_key", uuid.uuid4())
        fields = self.route_fields(route, slots)
        self.route_field_names = list(fields)
        for fld in [*fields.values(), self.fields["evaluation_file"]]:
            if isinstance(fld, forms.FileField):
                # An empty file reaches the shared validator, whose message names the file.
                fld.allow_empty_file = True
        # Route fields come after the name and e-mail, then the diploma, then the extra
        # questions (the order of the steps on the page).
        diploma = {name: self.fields[name] for name in DIPLOMA_FIELDS}
        ordered = {}
        for name, fld in self.fields.items():
            if name in diploma:
                continue
            ordered[name] = fld
            if name == "right_to_work":
                ordered.update(fields)
                ordered.update(diploma)
        self.fields = ordered
        style(self)

    @staticmethod
    def route_fields(route: str, slots: Any) -> dict[str, forms.Field]:
        if route == Route.CV:
            return {
                "cv": forms.FileField(
                    label=_("Je cv"),
                    help_text=_("PDF, Word (docx), ODT of tekst. Maximaal 10 MB."),
                    widget=forms.ClearableFileInput(attrs={"accept": FILE_ACCEPT}),
                    error_messages={"required": _("Kies je cv.")},
                ),
                "motivation": forms.CharField(
                    label=_("Wil je nog iets vertellen?"),
                    required=False,
                    max_length=5000,
                    widget=forms.Textarea(attrs={"rows": 4}),
                ),
            }
        if route == Route.NO_CV:
            return {
                "experience_title": forms.CharField(
                    label=_("Welk werk heb je gedaan?"),
                    help_text=_("Ook werk in een ander land telt. Ook werk zonder loon telt."),
                    required=False,
                    max_length=200,
                ),
                "experience_country": forms.CharField(
                    label=_("In welk land was dat?"), required=False, max_length=100
                ),
                "experience_unpaid": forms.BooleanField(
                    label=_("Dit werk was zonder loon, bijvoorbeeld vrijwilligerswerk."),
                    required=False,
                ),
                "experience_text": forms.CharField(
                    label=_("Vertel wat je deed"),
                    required=False,
                    max_length=5000,
                    widget=forms.Textarea(attrs={"rows": 4}),
                ),
                "can_do": forms.CharField(
                    label=_("Wat kun je goed?"),
                    help_text=_("Bijvoorbeeld: computers repareren, klanten helpen, plannen."),
                    max_length=5000,
                    widget=forms.Textarea(attrs={"rows": 4}),
                    error_messages={"required": _("Vertel wat je goed kunt.")},
                ),
                "example": forms.FileField(
                    label=_("Laat een voorbeeld zien"),
                    help_text=_(
                        "Niet verplicht. Een PDF, Word (docx), ODT of tekst. Maximaal 10 MB."
                    ),
                    required=False,
                    widget=forms.ClearableFileInput(attrs={"accept": FILE_ACCEPT}),
                ),
            }
        if route == Route.VIDEO:
            return {
                "video": forms.FileField(
                    label=_("Je video"),
                    help_text=_("Niet verplicht. Maximaal 3 minuten en 200 MB, webm of mp4."),
                    required=False,
                    widget=forms.ClearableFileInput(attrs={"accept": VIDEO_ACCEPT}),
                ),
                "motivation": forms.CharField(
                    label=_("Of vertel het in een tekst"),
                    help_text=_("Een tekst is net zo goed als een video."),
                    required=False,
                    max_length=5000,
                    widget=forms.Textarea(attrs={"rows": 5}),
                ),
            }
        if route == Route.WORK_SAMPLE:
            return {
                "work_text": forms.CharField(
                    label=_("Je antwoord"),
                    required=False,
                    max_length=20000,
                    widget=forms.Textarea(attrs={"rows": 8}),
                ),
                "work_link": forms.URLField(
                    label=_("Of een link naar je werk"), required=False, assume_scheme="https"
                ),
                "work_file": forms.FileField(
                    label=_("Of een bestand"),
                    help_text=_("PDF, Word (docx), ODT of tekst. Maximaal 10 MB."),
                    required=False,
                    widget=forms.ClearableFileInput(attrs={"accept": FILE_ACCEPT}),
                ),
            }
        if route == Route.RECRUITMENT_DAY:
            return {
                "slot": SlotChoiceField(
                    label=_("Kies een tijdslot"),
                    queryset=slots,
                    widget=forms.RadioSelect,
                    empty_label=None,
                    error_messages={
                        "required": _("Kies een tijdslot."),
                        "invalid_choice": _(
                            "Dit tijdslot is net vol geraakt. Kies een ander tijdslot."
                        ),
                    },
                ),
                "motivation": forms.CharField(
                    label=_("Wil je nog iets vertellen?"),
                    required=False,
                    max_length=5000,
                    widget=forms.Textarea(attrs={"rows": 3}),
                ),
            }
        raise ValueError(route)

    def clean_name(self) -> str:
        name = clean_text(self.cleaned_data["name"], MAX_NAME_CHARS)
        if not name:
            raise forms.ValidationError(_("Vul je naam in."))
        return name

    def clean_phone(self) -> str:
        return clean_text(self.cleaned_data.get("phone", ""), 30)

    def clean_accommodations(self) -> str:
        return clean_text(self.cleaned_data.get("accommodations", ""), 1000)

    def _check(self, field: str, checker: Any) -> None:
        upload = self.cleaned_data.get(field)
        if not upload:
            return
        try:
            self.checked[field] = checker(upload)
        except UploadRejected as exc:
            self.add_error(field, exc.message)

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data
        self.checked: dict[str, Any] = {}
        for field in ("cv", "example", "work_file"):
            if field in self.fields:
                self._check(field, check_document)
        if "video" in self.fields:
            self._check("video", check_video)
            nothing = not cleaned.get("video") and not cleaned.get("motivation", "").strip()
            if nothing and "video" not in self.errors:
                raise forms.ValidationError(
                    _("Stuur een video of schrijf een tekst. Een van de twee is genoeg.")
                )
        answered = (
            cleaned.get("work_text", "").strip()
            or cleaned.get("work_link")
            or cleaned.get("work_file")
        )
        self.clean_diploma(cleaned)
        if self.route == Route.WORK_SAMPLE and not answered and "work_file" not in self.errors:
            raise forms.ValidationError(_("Lever een tekst, een link of een bestand in."))
        return cleaned

    @property
    def diploma_open(self) -> bool:
        """Show the (optional, folded) diploma part opened: something in it was filled in or has
        an error. Folded, the step stays short on a phone."""
        if any(name in self.errors for name in DIPLOMA_FIELDS):
            return True
        return self.is_bound and any(
            self.data.get(self.add_prefix(name))
            for name in DIPLOMA_FIELDS
            if name != "diploma_origin"
        )

    @property
    def abroad_open(self) -> bool:
        """Show the foreign-diploma part opened: it was filled in or has an error."""
        if any(name in self.errors for name in ABROAD_FIELDS):
            return True
        return self.is_bound and self.data.get(self.add_prefix("diploma_origin")) == "abroad"
