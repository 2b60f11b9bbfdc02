"""The forms of the candidate portal: a log-in link, a document, a time, an answer."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from talentbrug.formstyle import style

from ..models import Document
from ..uploads import (
    UploadRejected,
    check_document,
    check_video,
    clean_text,
)
from .fields import FILE_ACCEPT, AntiBotMixin, SlotChoiceField


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
