"""Candidate forms (all labels B1 and translated) and the small staff forms."""

from __future__ import annotations

import uuid
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from talentbrug.formstyle import style

from . import antibot
from .constants import (
    MAX_NAME_CHARS,
    EducationLevel,
    EducationSource,
    LanguageEvidence,
    LanguageSkillChoice,
    MboPath,
    Route,
)
from .models import Document
from .models.candidate import CEFR_CHOICES, LANGUAGE_CHOICES
from .models.profile import DUTCH_COUNTRY_NAMES
from .slots import slot_choice_label
from .uploads import (
    CheckedFile,
    UploadRejected,
    check_credential,
    check_document,
    check_video,
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


class LinkRequestForm(AntiBotMixin):
    email = forms.EmailField(
        label=_("Je e-mailadres"), widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        style(self)


class UploadForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Wat voor bestand is het?"),
        choices=[
            ("cv", _("Cv")),
            ("work_sample", _("Opdracht")),
            ("video", _("Video")),
            ("other", _("Ander bestand")),
        ],
    )
    file = forms.FileField(
        label=_("Bestand"),
        help_text=_(
            "PDF, Word (docx), ODT of tekst tot 10 MB. Een video (webm of mp4) tot 200 MB."
        ),
        allow_empty_file=True,  # the shared validator names the empty file
    )
    replace = forms.ModelChoiceField(
        label=_("Vervangt dit bestand een ander bestand?"),
        queryset=Document.objects.none(),
        required=False,
        empty_label=_("Nee, het is een nieuw bestand"),
    )

    def __init__(self, *args: Any, documents: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if documents is not None:
            self.fields["replace"].queryset = documents  # type: ignore[attr-defined]
            self.fields["replace"].label_from_instance = lambda doc: doc.original_name  # type: ignore[attr-defined]
        style(self)

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data
        upload = cleaned.get("file")
        if upload:
            try:
                checker = check_video if cleaned.get("kind") == "video" else check_document
                self.checked = checker(upload)
            except UploadRejected as exc:
                self.add_error("file", exc.message)
        return cleaned


class SlotChoiceField(forms.ModelChoiceField[Any]):
    """A recruitment-day time by its date, hours and place (never "tijdslot 1")."""

    def label_from_instance(self, obj: Any) -> Any:
        return slot_choice_label(obj)


class SlotForm(forms.Form):
    slot = SlotChoiceField(
        label=_("Kies een tijdslot"),
        queryset=None,
        widget=forms.RadioSelect,
        empty_label=None,
        error_messages={
            "required": _("Kies een tijdslot."),
            "invalid_choice": _("Dit tijdslot is net vol geraakt. Kies een ander tijdslot."),
        },
    )

    def __init__(self, *args: Any, slots: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["slot"].queryset = slots  # type: ignore[attr-defined]


def skill_choice_label(skill: Any) -> Any:
    """A found skill with the words it was found in, so the candidate can judge it (#20)."""
    from django.utils.html import format_html

    if skill.evidence_text and not skill.confirmed:
        return format_html(
            '<bdi>{}</bdi> <span class="tb-evidence">{} “<bdi data-user-text>{}</bdi>”</span>',
            skill.label,
            _("– gevonden in:"),
            skill.evidence_text,
        )
    return skill.label


class SkillsForm(forms.Form):
    keep = forms.MultipleChoiceField(
        label=_("Welke vaardigheden kloppen?"),
        help_text=_("Haal het vinkje weg als iets niet klopt."),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    new_skill = forms.CharField(
        label=_("Mist er iets? Schrijf een vaardigheid op"), required=False, max_length=200
    )

    def __init__(self, *args: Any, skills: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        keep: forms.ChoiceField = self.fields["keep"]  # type: ignore[assignment]
        keep.choices = [(str(s.pk), skill_choice_label(s)) for s in skills]
        self.initial.setdefault("keep", [str(s.pk) for s in skills])
        style(self)


class EntriesForm(forms.Form):
    """Keep or remove what we read from the CV (education or experience)."""

    keep = forms.MultipleChoiceField(
        label=_("Wat klopt?"),
        help_text=_(
            "Haal het vinkje weg als iets niet klopt. Mist er iets? Voeg het hieronder toe."
        ),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args: Any, entries: Any, describe: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        keep: forms.ChoiceField = self.fields["keep"]  # type: ignore[assignment]
        keep.choices = [(str(e.pk), describe(e)) for e in entries]
        self.initial.setdefault("keep", [str(e.pk) for e in entries])
        style(self)


def describe_education(item: Any) -> str:
    parts = [item.programme]
    if item.institution:
        parts.append(item.institution)
    if item.country:
        parts.append(item.country)
    text = ", ".join(parts)
    if item.level:
        text += f" – {item.get_level_display()}"
    return text


def describe_experience(item: Any) -> str:
    parts = [item.title]
    if item.organisation_name:
        parts.append(item.organisation_name)
    if item.country:
        parts.append(item.country)
    text = ", ".join(parts)
    if item.start_year:
        end = item.end_year or _("nu")
        text += f" ({item.start_year}–{end})"
    return text


class EducationForm(forms.Form):
    programme = forms.CharField(label=_("Naam van de opleiding"), max_length=200)
    institution = forms.CharField(label=_("School"), max_length=200, required=False)
    country = forms.CharField(label=_("Land"), max_length=100, required=False)
    level = forms.ChoiceField(
        label=_("Niveau"),
        choices=[("", _("Weet ik niet")), *EducationLevel.choices],
        required=False,
    )
    level_source = forms.ChoiceField(
        label=_("Hoe weet je het niveau?"), choices=EducationSource.choices
    )
    evaluation_reference = forms.CharField(
        label=_("Kenmerk van je diplomawaardering (alleen bij een diploma uit het buitenland)"),
        max_length=40,
        required=False,
        help_text=_("Dit staat bovenaan de brief of de pdf van IDW."),
    )
    evaluation_date = forms.DateField(
        label=_("Datum van je diplomawaardering"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    evaluation_file = forms.FileField(
        label=_("De pdf van je diplomawaardering"),
        help_text=_("Niet verplicht. Alleen PDF, maximaal 10 MB."),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,application/pdf"}),
    )
    share_with = forms.ChoiceField(
        label=_("Welke organisatie mag de pdf zien?"),
        help_text=_(
            "Alleen nodig als je een pdf meestuurt. Alleen deze organisatie ziet de pdf en deze "
            "opleiding. Mag een andere organisatie de pdf ook zien? Voeg de opleiding dan nog "
            "een keer toe."
        ),
        required=False,
    )
    completed = forms.BooleanField(label=_("Ik heb de opleiding afgerond."), required=False)
    crebo = forms.CharField(
        label=_("Crebo-code (alleen mbo)"),
        max_length=10,
        required=False,
        help_text=_("Dit nummer staat op je diploma of op de website van je school."),
    )
    mbo_path = forms.ChoiceField(
        label=_("Leerweg (alleen mbo)"), choices=[("", "–"), *MboPath.choices], required=False
    )
    expected_graduation = forms.DateField(
        label=_("Wanneer ben je klaar? (alleen als je nog leert)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def __init__(self, *args: Any, applications: Any = (), **kwargs: Any) -> None:
        """``applications``: the candidate's open applications, at most one per organisation
        (the newest). The PDF goes with one of them, so only that organisation sees it (a
        ``Document`` always belongs to an application). Without one, no PDF can be added."""
        super().__init__(*args, **kwargs)
        self.applications = {str(a.pk): a for a in applications}
        self.checked: CheckedFile | None = None
        if self.applications:
            share: forms.ChoiceField = self.fields["share_with"]  # type: ignore[assignment]
            share.choices = [
                ("", "–"),
                *((pk, a.organisation.name) for pk, a in self.applications.items()),
            ]
            if len(self.applications) == 1:
                self.initial.setdefault("share_with", next(iter(self.applications)))
        else:
            del self.fields["evaluation_file"]
            del self.fields["share_with"]
        no_future_date(self, "evaluation_date")
        style(self)

    def clean(self) -> dict[str, Any]:
        super().clean()
        data = self.cleaned_data
        evaluated = data.get("level_source") in (
            EducationSource.IDW_RECEIVED,
            EducationSource.INDICATION,
        )
        upload = data.get("evaluation_file")
        data["application"] = None
        if upload and not evaluated:
            self.add_error(
                "evaluation_file",
                _("Een pdf hoort bij een diplomawaardering. Kies eerst hoe je het niveau weet."),
            )
        elif upload:
            data["application"] = self.applications.get(data.get("share_with") or "")
            if data["application"] is None:
                self.add_error("share_with", _("Kies welke organisatie de pdf mag zien."))
            try:
                self.checked = check_credential(upload)
            except UploadRejected as exc:
                self.add_error("evaluation_file", exc.message)
        if evaluated and not data.get("level"):
            self.add_error("level", _("Kies het niveau dat op je diplomawaardering staat."))
        if (
            data.get("level_source") == EducationSource.IDW_RECEIVED
            and not (data.get("evaluation_reference") or "").strip()
        ):
            self.add_error(
                "evaluation_reference",
                _("Vul het kenmerk van je diplomawaardering in. Het staat bovenaan de brief."),
            )
        when = data.get("evaluation_date")
        if when and when > timezone.localdate():
            self.add_error("evaluation_date", _("Deze datum ligt in de toekomst."))
        return data


class ExperienceForm(forms.Form):
    title = forms.CharField(label=_("Welk werk heb je gedaan?"), max_length=200)
    organisation_name = forms.CharField(label=_("Waar?"), max_length=200, required=False)
    country = forms.CharField(label=_("In welk land was dat?"), max_length=100, required=False)
    unpaid = forms.BooleanField(
        label=_("Dit werk was zonder loon, bijvoorbeeld vrijwilligerswerk."), required=False
    )
    description = forms.CharField(
        label=_("Vertel wat je deed"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        style(self)


class LanguageForm(forms.Form):
    language = forms.ChoiceField(
        label=_("Taal"),
        choices=[("nl", _("Nederlands")), ("en", _("Engels")), ("other", _("Andere taal"))],
    )
    skill = forms.ChoiceField(label=_("Wat"), choices=LanguageSkillChoice.choices)
    level = forms.ChoiceField(
        label=_("Niveau"),
        choices=CEFR_CHOICES,
        help_text=_("A1 is beginner. B1 is: je kunt je redden op je werk. C2 is heel goed."),
    )
    evidence = forms.ChoiceField(label=_("Hoe weet je dat?"), choices=LanguageEvidence.choices)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        style(self)


class AnswerForm(forms.Form):
    """The candidate answers a question from HR: text and/or a file (same checks as a CV)."""

    answer = forms.CharField(
        label=_("Je antwoord"),
        required=False,
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"max_length": _("Je antwoord is te lang. Gebruik maximaal 5000 tekens.")},
    )
    file = forms.FileField(
        label=_("Wil je een bestand meesturen?"),
        help_text=_("Niet verplicht. Een PDF, Word (docx), ODT of tekst. Maximaal 10 MB."),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": FILE_ACCEPT}),
        allow_empty_file=True,  # the shared validator names the empty file
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        style(self)

    def clean_answer(self) -> str:
        return clean_text(self.cleaned_data.get("answer", ""), 5000)

    def clean(self) -> dict[str, Any]:
        super().clean()
        cleaned = self.cleaned_data
        self.checked: Any = None
        upload = cleaned.get("file")
        if upload:
            try:
                self.checked = check_document(upload)
            except UploadRejected as exc:
                self.add_error("file", exc.message)
        if not cleaned.get("answer") and not upload and "file" not in self.errors:
            raise forms.ValidationError(_("Schrijf een antwoord of kies een bestand."))
        return cleaned
