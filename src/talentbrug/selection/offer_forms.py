"""Forms of the offer letter, the message templates and the candidate's answer."""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.utils.translation import gettext_lazy as _

from .forms import DecisionForm, OfferForm, styled
from .message_templates import MAX_BODY, MAX_SUBJECT, check_placeholders
from .workflow import SelectionError

RIGHT_TO_WORK = [("yes", _("Ja")), ("no", _("Nee"))]


class _LetterFields(forms.Form):
    answer_by = forms.DateField(
        label=_("Antwoord uiterlijk op"),
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        help_text=_("Tot en met deze dag kan de kandidaat in het portaal ja of nee zeggen."),
        error_messages={"required": _("Kies de dag waarop de kandidaat uiterlijk antwoordt.")},
    )
    right_to_work = forms.ChoiceField(
        choices=RIGHT_TO_WORK,
        widget=forms.RadioSelect,
        label=_("Mag de kandidaat in Nederland werken? (gecontroleerd)"),
        help_text=_("Leg alleen ja of nee vast. Bewaar geen kopie van een document."),
        error_messages={"required": _("Geef aan of de kandidaat in Nederland mag werken.")},
    )

    def clean_right_to_work(self) -> bool:
        return bool(self.cleaned_data["right_to_work"] == "yes")


class OfferLetterForm(OfferForm, _LetterFields):
    """The offer's figures plus what sending the letter needs."""

    def __init__(self, *args: Any, answer_by: Any = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        if answer_by is not None:
            self.fields["answer_by"].initial = answer_by
        styled(self)


class SendLetterForm(_LetterFields):
    """For an offer recorded before letters existed: send its letter now."""

    def __init__(self, *args: Any, answer_by: Any = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        if answer_by is not None:
            self.fields["answer_by"].initial = answer_by
        styled(self)


class DecisionNoteForm(DecisionForm):
    note = forms.CharField(
        label=_("Notitie"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Bijvoorbeeld: 'telefonisch ja gezegd op 3 maart'."),
    )

    def __init__(self, *args: Any, **kwargs: Any):
        # Its own ids: the letter form on the same page asks right-to-work too, and two inputs
        # with one id tie both labels to the first (a screen reader reads the wrong question).
        kwargs.setdefault("auto_id", "besluit_%s")
        super().__init__(*args, **kwargs)
        styled(self)


class LetterTemplateForm(forms.Form):
    opening = forms.CharField(
        label=_("Begin van de brief"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("De eerste alinea, in B1-Nederlands."),
    )
    closing = forms.CharField(
        label=_("Einde van de brief"),
        max_length=3000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Wat er na een ja gebeurt, of wie de kandidaat kan bellen."),
    )
    signed_by = forms.CharField(
        label=_("Ondertekend door"),
        max_length=200,
        required=False,
        help_text=_("Naam en functie. Leeg: de naam van de organisatie."),
    )
    answer_days = forms.IntegerField(
        label=_("Dagen om te antwoorden"),
        min_value=2,
        max_value=60,
        help_text=_("De standaardtermijn, 2 tot en met 60 dagen. Per aanbod aan te passen."),
    )

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        styled(self)


class MessageTemplateForm(forms.Form):
    subject = forms.CharField(label=_("Onderwerp"), max_length=MAX_SUBJECT)
    body = forms.CharField(
        label=_("Tekst"), max_length=MAX_BODY, widget=forms.Textarea(attrs={"rows": 14})
    )
    sample = forms.TypedChoiceField(
        label=_("Voorbeeld met de gegevens van"),
        required=False,
        coerce=int,
        choices=[],
        help_text=_("Een echte sollicitatie van uw organisatie. Er wordt niets verstuurd."),
    )

    def _placeholders(self, name: str) -> str:
        text = self.cleaned_data[name]
        try:
            check_placeholders(text)
        except SelectionError as exc:
            raise forms.ValidationError(exc.messages) from None
        return str(text)

    def clean_subject(self) -> str:
        return self._placeholders("subject")

    def clean_body(self) -> str:
        return self._placeholders("body")

    def __init__(self, *args: Any, samples: Any = (), **kwargs: Any):
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["sample"]).choices = [
            (p.pk, f"{p.application.candidate.name} – {p.vacancy.title}") for p in samples
        ]
        styled(self)


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label=_("Wil je zeggen waarom?"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        styled(self)
