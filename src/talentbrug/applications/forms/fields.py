"""What the candidate forms share: choices, accepted file types, the anti-bot fields, the
diploma fields and the choice of a time.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .. import antibot
from ..constants import (
    EducationLevel,
    EducationSource,
)
from ..models.profile import DUTCH_COUNTRY_NAMES
from ..slots import slot_choice_label
from ..uploads import (
    UploadRejected,
    check_credential,
    clean_text,
)


def no_future_date(form: forms.Form, name: str) -> None:
    """A date that cannot lie ahead (a diploma evaluation): the browser's date picker stops at
    today; the form refuses a later date too."""
    if name in form.fields:
        form.fields[name].widget.attrs["max"] = timezone.localdate().isoformat()


YES_NO = [("yes", _("Ja")), ("no", _("Nee"))]
FILE_ACCEPT = ".pdf,.docx,.odt,.rtf,.txt,application/pdf"
VIDEO_ACCEPT = "video/webm,video/mp4,.webm,.mp4"

TALENT_POOL_TEXT = _(
    "Ik geef toestemming dat andere organisaties van de Rijksoverheid mijn profiel mogen zien. "
    "Ze mogen mij dan vragen om te solliciteren. Dit duurt 12 maanden. "
    "Ik kan dit altijd stoppen in mijn persoonlijke pagina."
)


class AntiBotMixin(forms.Form):
    website = forms.CharField(
        label=_("Laat dit veld leeg"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data
        if cleaned.get("website"):
            # Shown again with everything typed (minus the hidden field): a person who sees
            # this sends it once more and gets through; a bot fills the field again.
            self.data = self.data.copy()  # type: ignore[attr-defined]
            self.data[self.add_prefix(antibot.HONEYPOT_FIELD)] = ""  # type: ignore[index]
            raise forms.ValidationError(
                _(
                    "We konden je formulier niet versturen. Kijk je gegevens na en verstuur opnieuw."
                ),
                code="bot",
            )
        return cleaned


DIPLOMA_ORIGINS = [("nl", _("In Nederland")), ("abroad", _("In een ander land"))]
# What the candidate says about the evaluation of a foreign diploma, as the level's source.
EVALUATION_CHOICES = [
    (EducationSource.SELF_DECLARED, _("Nee, nog niet")),
    (EducationSource.IDW_REQUESTED, _("Ik heb hem aangevraagd, hij is er nog niet")),
    (EducationSource.IDW_RECEIVED, _("Ja, ik heb een diplomawaardering van IDW")),
    (EducationSource.INDICATION, _("Ja, ik heb een Indicatie Onderwijsniveau")),
]
EVALUATED = (EducationSource.IDW_RECEIVED, EducationSource.INDICATION)
# The diploma fields of the apply form (optional; one fieldset in the route's step).
DIPLOMA_FIELDS = (
    "diploma_programme",
    "diploma_level",
    "diploma_origin",
    "diploma_country",
    "diploma_evaluation",
    "evaluation_reference",
    "evaluation_date",
    "evaluation_file",
)
ABROAD_FIELDS = DIPLOMA_FIELDS[3:]


class DiplomaFieldsMixin(forms.Form):
    """The highest diploma, optional: name, level, Dutch or foreign, and for a foreign diploma
    its IDW (Nuffic) evaluation with reference, date and the PDF."""

    checked: dict[str, Any]  # the checked uploads, filled by the form that mixes this in

    diploma_programme = forms.CharField(
        label=_("Wat is je hoogste diploma?"),
        help_text=_("Bijvoorbeeld: mbo ICT-beheer, of bachelor informatica."),
        max_length=200,
        required=False,
    )
    diploma_level = forms.ChoiceField(
        label=_("Welk Nederlands niveau heeft het?"),
        choices=[("", _("Weet ik niet")), *EducationLevel.choices],
        required=False,
    )
    diploma_origin = forms.ChoiceField(
        label=_("Waar heb je dit diploma gehaald?"),
        choices=DIPLOMA_ORIGINS,
        required=False,
        widget=forms.RadioSelect,
    )
    diploma_country = forms.CharField(label=_("In welk land?"), max_length=100, required=False)
    diploma_evaluation = forms.ChoiceField(
        label=_("Heb je een diplomawaardering van IDW (Nuffic)?"),
        help_text=_("Daarop staat welk Nederlands niveau je diploma heeft."),
        choices=EVALUATION_CHOICES,
        required=False,
        widget=forms.RadioSelect,
    )
    evaluation_reference = forms.CharField(
        label=_("Kenmerk van je diplomawaardering"),
        max_length=40,
        required=False,
        help_text=_("Dit staat bovenaan de brief of de pdf van IDW."),
    )
    evaluation_date = forms.DateField(
        label=_("Datum van je diplomawaardering"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": _("Vul een datum in, bijvoorbeeld 2026-03-15.")},
    )
    evaluation_file = forms.FileField(
        label=_("De pdf van je diplomawaardering"),
        help_text=_("Niet verplicht. Alleen PDF, maximaal 10 MB."),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,application/pdf"}),
    )

    def clean_diploma(self, cleaned: dict[str, Any]) -> None:
        """Check the diploma fields together; sets ``cleaned["diploma"]`` (or None)."""
        programme = clean_text(cleaned.get("diploma_programme") or "", 200)
        country = clean_text(cleaned.get("diploma_country") or "", 100)
        origin = cleaned.get("diploma_origin") or ""
        evaluation = cleaned.get("diploma_evaluation") or ""
        reference = clean_text(cleaned.get("evaluation_reference") or "", 40)
        upload = cleaned.get("evaluation_file")
        cleaned["diploma"] = None
        anything = programme or cleaned.get("diploma_level") or country or reference or upload
        if not (anything or origin or evaluation):
            return
        if not programme:
            self.add_error("diploma_programme", _("Vul de naam van je diploma in."))
        foreign = origin == "abroad" or bool(country and country.lower() not in DUTCH_COUNTRY_NAMES)
        if foreign and not country:
            self.add_error("diploma_country", _("Vul in in welk land je het diploma haalde."))
        source = evaluation if foreign and evaluation else EducationSource.SELF_DECLARED
        if not foreign and cleaned.get("diploma_level"):
            source = EducationSource.DUTCH_DIPLOMA
        if source in EVALUATED and not cleaned.get("diploma_level"):
            self.add_error("diploma_level", _("Kies het niveau dat op je diplomawaardering staat."))
        if source == EducationSource.IDW_RECEIVED and not reference:
            self.add_error(
                "evaluation_reference",
                _("Vul het kenmerk van je diplomawaardering in. Het staat bovenaan de brief."),
            )
        when = cleaned.get("evaluation_date")
        if when and when > timezone.localdate():
            self.add_error("evaluation_date", _("Deze datum ligt in de toekomst."))
        if upload and source not in EVALUATED:
            self.add_error(
                "evaluation_file",
                _("Een pdf hoort bij een diplomawaardering. Kies eerst: ja, ik heb er een."),
            )
        elif upload:
            try:
                self.checked["evaluation_file"] = check_credential(upload)
            except UploadRejected as exc:
                self.add_error("evaluation_file", exc.message)
        cleaned["diploma"] = {
            "programme": programme,
            "level": cleaned.get("diploma_level") or "",
            "country": country if foreign else (country or "Nederland"),
            "level_source": source,
            "evaluation_reference": reference if source in EVALUATED else "",
            "evaluation_date": when if source in EVALUATED else None,
        }


class SlotChoiceField(forms.ModelChoiceField[Any]):
    """A recruitment-day time by its date, hours and place (never "tijdslot 1")."""

    def label_from_instance(self, obj: Any) -> Any:
        return slot_choice_label(obj)
