"""The forms of the candidate's profile: skills, read entries, education, experience, languages."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from talentbrug.formstyle import style

from ..constants import (
    EducationLevel,
    EducationSource,
    LanguageEvidence,
    LanguageSkillChoice,
    MboPath,
)
from ..models.candidate import CEFR_CHOICES
from ..uploads import (
    CheckedFile,
    UploadRejected,
    check_credential,
)
from .fields import no_future_date


def skill_choice_label(skill: Any) -> Any:
    """A found skill with the words it was found in, so the candidate can judge it (#20)."""
    from django.utils.html import format_html

    # The label is ESCO's Dutch one (stored with the skill): marked as Dutch on a page in
    # another language (WCAG 3.1.2), isolated for right-to-left pages.
    if skill.evidence_text and not skill.confirmed:
        return format_html(
            '<bdi lang="nl">{}</bdi> <span class="tb-evidence">{} “<bdi data-user-text>{}</bdi>”</span>',
            skill.label,
            _("– gevonden in:"),
            skill.evidence_text,
        )
    return format_html('<bdi lang="nl">{}</bdi>', skill.label)


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
