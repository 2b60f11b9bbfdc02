"""Forms of the group-day pages. They parse input; services decide what is allowed."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from talentbrug.accounts.models import User
from talentbrug.taxonomy.constants import CefrLevel, LanguageSkill
from talentbrug.vacancies.models import Vacancy

from .constants import AgeGroup, BornAbroad, Disability, Gender, Refugee
from .models import Session

TEXTBOX = "utrecht-textbox utrecht-textbox--html-input"
SELECT = "utrecht-select utrecht-select--html-select"
TEXTAREA = "utrecht-textarea utrecht-textarea--html-textarea"


class StyledForm(forms.Form):
    """NL Design System classes; help and error texts linked to their field."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            widget = field.widget
            if isinstance(widget, forms.CheckboxSelectMultiple | forms.RadioSelect):
                continue
            if isinstance(widget, forms.CheckboxInput):
                widget.attrs.setdefault("class", "utrecht-checkbox utrecht-checkbox--html-input")
            elif isinstance(widget, forms.Select):
                widget.attrs.setdefault("class", SELECT)
            elif isinstance(widget, forms.Textarea):
                widget.attrs.setdefault("class", TEXTAREA)
                widget.attrs.setdefault("rows", 3)
            else:
                widget.attrs.setdefault("class", TEXTBOX)
            if field.help_text:
                widget.attrs["aria-describedby"] = f"id_{self.add_prefix(name)}-help"

    def full_clean(self) -> None:
        super().full_clean()
        for name in self.errors:
            if name not in self.fields:
                continue
            widget = self.fields[name].widget
            if isinstance(widget, forms.CheckboxSelectMultiple | forms.RadioSelect):
                continue
            described = [widget.attrs.get("aria-describedby", ""), f"id_{name}-error"]
            widget.attrs["aria-describedby"] = " ".join(d for d in described if d)
            widget.attrs["aria-invalid"] = "true"


def members_of(organisation: Any) -> Any:
    return (
        User.objects.filter(memberships__organisation=organisation, is_active=True)
        .distinct()
        .order_by("first_name", "last_name", "username")
    )


class DayForm(StyledForm):
    title = forms.CharField(
        label=_("Titel"), max_length=200, help_text=_("Zoals 'Groepsdag servicedesk'.")
    )
    description = forms.CharField(
        label=_("Wat gebeurt er"),
        required=False,
        widget=forms.Textarea,
        help_text=_("Het programma in gewone woorden. De kandidaat leest dit."),
    )
    address_text = forms.CharField(
        label=_("Adres in gewone woorden"),
        widget=forms.Textarea,
        help_text=_("Adres en hoe je er komt. Bijvoorbeeld: 'Ingang aan de achterkant, bel aan'."),
    )
    vacancies = forms.ModelMultipleChoiceField(
        queryset=Vacancy.objects.none(),
        label=_("Vacatures"),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Kies minstens één vacature.")},
    )
    observers = forms.ModelMultipleChoiceField(
        queryset=User.objects.none(),
        label=_("Waarnemers"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Zij beoordelen de kandidaten op de dag."),
    )

    def __init__(self, *args: Any, organisation: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["vacancies"].queryset = Vacancy.objects.filter(
            organisation=organisation
        ).order_by("title")
        self.fields["observers"].queryset = members_of(organisation)


class SessionForm(StyledForm):
    starts_at = forms.DateTimeField(
        label=_("Begint om"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
        help_text=_("Datum en tijd, bijvoorbeeld 2026-03-12 09:30."),
    )
    ends_at = forms.DateTimeField(
        label=_("Eindigt om"),
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        input_formats=["%Y-%m-%dT%H:%M", "%Y-%m-%d %H:%M"],
    )
    capacity = forms.IntegerField(
        label=_("Plaatsen"), min_value=1, max_value=200, initial=8, help_text=_("1 tot en met 200.")
    )


class BookForm(StyledForm):
    session = forms.ModelChoiceField(
        queryset=Session.objects.none(),
        label=_("Kies een tijd"),
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Kies een tijd."),
            "invalid_choice": _("Deze tijd is net vol geraakt. Kies een andere tijd."),
        },
    )

    def __init__(self, *args: Any, sessions: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["session"]
        field.queryset = sessions
        field.label_from_instance = _session_label


def _session_label(session: Session) -> str:
    from django.utils import formats, timezone

    start = timezone.localtime(session.starts_at)
    end = timezone.localtime(session.ends_at)
    return _("%(day)s: %(date)s, %(start)s–%(end)s (nog %(free)s plaatsen)") % {
        "day": session.day.title,
        "date": formats.date_format(start, "l j F Y"),
        "start": formats.time_format(start, "H:i"),
        "end": formats.time_format(end, "H:i"),
        "free": session.free,
    }


LEVEL_CHOICES = [("", _("niet getoetst")), *CefrLevel.choices]


class LanguageForm(StyledForm):
    test_name = forms.CharField(
        label=_("Toets"),
        max_length=120,
        required=False,
        help_text=_("Zoals 'B2-toets op de groepsdag'."),
    )
    taken_on = forms.DateField(
        label=_("Gedaan op"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Bijvoorbeeld 2026-03-12."),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for skill, label in LanguageSkill.choices:
            self.fields[f"level_{skill}"] = forms.ChoiceField(
                label=label, choices=LEVEL_CHOICES, required=False
            )
            self.fields[f"level_{skill}"].widget.attrs["class"] = SELECT

    def levels(self) -> dict[str, str]:
        return {
            skill: self.cleaned_data.get(f"level_{skill}", "") for skill in LanguageSkill.values
        }


class DiversitySettingForm(StyledForm):
    enabled = forms.BooleanField(
        label=_("Stel kandidaten de vrijwillige diversiteitsvragen"),
        required=False,
        help_text=_(
            "Kandidaten vullen de vragen apart van hun sollicitatie in. Niemand ziet de "
            "antwoorden per persoon. U ziet alleen cijfers van groepen van 5 of meer."
        ),
    )


def _radio(label: Any, choices: Any) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        choices=choices.choices,
        initial=choices.NOT_SAID,
        widget=forms.RadioSelect,
        required=False,
    )


class DiversityForm(StyledForm):
    """Candidate-facing, B1 Dutch. Every question may stay on 'Zeg ik liever niet'."""

    gender = _radio(_("Wat is je gender?"), Gender)
    age_group = _radio(_("Hoe oud ben je?"), AgeGroup)
    born_abroad = _radio(_("Ben jij of is een van je ouders geboren buiten Nederland?"), BornAbroad)
    refugee = _radio(
        _("Ben je naar Nederland gevlucht en heb je een verblijfsvergunning asiel?"), Refugee
    )
    disability = _radio(_("Heb je een arbeidsbeperking?"), Disability)
