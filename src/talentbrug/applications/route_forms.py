"""Forms of the staff pages where HR sets up the work-sample and recruitment-day routes."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from talentbrug.formstyle import style

from .uploads import UploadRejected, check_document


class AssignmentForm(forms.Form):
    title = forms.CharField(
        label=_("Titel van de opdracht"),
        help_text=_("Kort, zoals 'Los een storingsmelding op'."),
        max_length=200,
        error_messages={"required": _("Geef de opdracht een titel.")},
    )
    instructions = forms.CharField(
        label=_("Wat moet de kandidaat doen?"),
        help_text=_(
            "In B1-Nederlands: korte zinnen, één stap per zin. Zeg hoe lang het ongeveer duurt."
        ),
        widget=forms.Textarea(attrs={"rows": 6}),
        max_length=10000,
        error_messages={"required": _("Schrijf wat de kandidaat moet doen.")},
    )
    rubric = forms.CharField(
        label=_("Waar letten de beoordelaars op?"),
        help_text=_("Eén punt per regel. De kandidaat ziet deze punten ook."),
        widget=forms.Textarea(attrs={"rows": 4}),
        max_length=5000,
        required=False,
    )
    deadline_date = forms.DateField(
        label=_("Inleveren voor (datum)"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "required": _("Kies tot welke datum de kandidaat kan inleveren."),
            "invalid": _("Schrijf de datum als dd-mm-jjjj."),
        },
    )
    deadline_time = forms.TimeField(
        label=_("Inleveren voor (tijd)"),
        initial="17:00",
        widget=forms.TimeInput(attrs={"type": "time"}),
        error_messages={
            "required": _("Kies tot hoe laat de kandidaat kan inleveren."),
            "invalid": _("Schrijf de tijd als uu:mm, zoals 17:00."),
        },
    )
    attachment = forms.FileField(
        label=_("Bijlage"),
        help_text=_("Niet verplicht. PDF, Word (docx), ODT of tekst, maximaal 10 MB."),
        required=False,
    )
    remove_attachment = forms.BooleanField(label=_("Haal de bijlage weg"), required=False)

    def __init__(self, *args: Any, has_attachment: bool = False, **kwargs: Any) -> None:
        # Set before style(), which reads the errors and so already cleans a bound form.
        self.checked: Any = None
        super().__init__(*args, **kwargs)
        if not has_attachment:
            del self.fields["remove_attachment"]
        style(self)

    def clean_attachment(self) -> Any:
        upload = self.cleaned_data.get("attachment")
        if upload:
            try:
                self.checked = check_document(upload)
            except UploadRejected as exc:
                raise forms.ValidationError(str(exc)) from None
        return upload


class DayForm(forms.Form):
    title = forms.CharField(
        label=_("Naam van de wervingsdag"),
        help_text=_("Zoals 'Wervingsdag servicedesk'."),
        max_length=200,
        error_messages={"required": _("Geef de wervingsdag een naam.")},
    )
    address_text = forms.CharField(
        label=_("Plaats en hoe je er komt"),
        help_text=_(
            "Eerste regel: de plaats, zoals 'Apeldoorn, Laan van Westenenk 500'. Kandidaten zien "
            "die regel bij elke tijd. Daaronder: hoe je er komt en waar je je meldt."
        ),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        error_messages={"required": _("Schrijf waar de wervingsdag is.")},
    )
    description = forms.CharField(
        label=_("Wat gebeurt er?"),
        help_text=_("Het programma in gewone woorden. Niet verplicht."),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=5000,
        required=False,
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        style(self)


class SlotSetupForm(forms.Form):
    date = forms.DateField(
        label=_("Datum"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={
            "required": _("Kies een datum."),
            "invalid": _("Schrijf de datum als dd-mm-jjjj."),
        },
    )
    start = forms.TimeField(
        label=_("Begintijd"),
        widget=forms.TimeInput(attrs={"type": "time"}),
        error_messages={
            "required": _("Kies een begintijd."),
            "invalid": _("Schrijf de tijd als uu:mm, zoals 09:30."),
        },
    )
    end = forms.TimeField(
        label=_("Eindtijd"),
        widget=forms.TimeInput(attrs={"type": "time"}),
        error_messages={
            "required": _("Kies een eindtijd."),
            "invalid": _("Schrijf de tijd als uu:mm, zoals 12:00."),
        },
    )
    capacity = forms.IntegerField(
        label=_("Aantal plaatsen"),
        min_value=1,
        max_value=500,
        initial=10,
        error_messages={
            "required": _("Geef het aantal plaatsen."),
            "min_value": _("Er moet minstens 1 plaats zijn."),
            "invalid": _("Schrijf het aantal plaatsen als getal."),
        },
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        style(self)
