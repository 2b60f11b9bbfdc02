"""The organisation's own stage mails, per stage and language, with validated placeholders.

An organisation may write its own subject and text for each stage mail (assessment, interview,
offer, hired, rejected) in each of the six candidate languages. Placeholders fill in the
candidate's real data: ``{naam}``, ``{vacature}``, ``{organisatie}``, ``{stap}`` (the step in
plain words, with the reason where it may go in a mail), ``{vragen}`` (how to reach us) and
``{link}`` (the personal link; a preview shows ``[[link]]``). An unknown placeholder is refused
when saving, so a mail never goes out with ``{voornaam}`` in it.

Fallback: a candidate whose language has no text of the organisation gets the product's text
in that language (:func:`default_texts`), never the organisation's text in another language, so
one message never mixes languages. The stage-mail builder
(:func:`talentbrug.selection.emails.build_stage_email`) asks :func:`custom_stage_text` first.
"""

from __future__ import annotations

import string
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from talentbrug.applications.tokens import portal_url
from talentbrug.audit.services import record_event

from .constants import StageKind
from .emails import MAIL_KINDS, candidate_language, reply_to_for
from .models import ApplicationProgress, MessageTemplate
from .workflow import SelectionError

PLACEHOLDERS = {
    "naam": gettext_lazy("de naam van de kandidaat"),
    "vacature": gettext_lazy("de titel van de vacature"),
    "organisatie": gettext_lazy("de naam van uw organisatie"),
    "stap": gettext_lazy("de stap in gewone woorden, met de reden als die in de e-mail mag"),
    "vragen": gettext_lazy("hoe de kandidaat ons bereikt (antwoorden op de e-mail of het portaal)"),
    "link": gettext_lazy("de persoonlijke link naar het portaal"),
}
MAX_SUBJECT = 200
MAX_BODY = 10_000
# The stage kinds with a mail, in the order of the procedure (for the editor's table).
KINDS = [
    k
    for k in (
        StageKind.ASSESSMENT,
        StageKind.INTERVIEW,
        StageKind.OFFER,
        StageKind.HIRED,
        StageKind.REJECTED,
    )
    if k in MAIL_KINDS
]


def languages() -> list[tuple[str, str]]:
    return [(code, str(name)) for code, name in settings.LANGUAGES]


def check_placeholders(text: str) -> None:
    """Refuse a text with an unknown placeholder, a format trick or a lone brace."""
    try:
        parts = list(string.Formatter().parse(text))
    except ValueError:
        raise SelectionError(
            _("Een accolade staat los. Schrijf een invulveld als {naam}, of schrijf {{ voor {.")
        ) from None
    for _literal, field, spec, conversion in parts:
        if field is None:
            continue
        if field not in PLACEHOLDERS or spec or conversion:
            raise SelectionError(
                _("Onbekend invulveld: {%(field)s}. Gebruik alleen: %(known)s.")
                % {
                    "field": field
                    + (f"!{conversion}" if conversion else "")
                    + (f":{spec}" if spec else ""),
                    "known": ", ".join("{" + name + "}" for name in PLACEHOLDERS),
                }
            )


def check_texts(subject: str, body: str) -> tuple[str, str]:
    subject = " ".join(subject.split())
    body = body.replace("\r\n", "\n").strip()
    if not subject or not body:
        raise SelectionError(_("Vul een onderwerp en een tekst in."))
    if len(subject) > MAX_SUBJECT:
        raise SelectionError(_("Het onderwerp is te lang: hoogstens 200 tekens."))
    if len(body) > MAX_BODY:
        raise SelectionError(_("De tekst is te lang: hoogstens 10.000 tekens."))
    check_placeholders(subject)
    check_placeholders(body)
    return subject, body


def default_texts(kind: str, language: str) -> tuple[str, str]:
    """The product's subject and text of a stage mail in ``language``, with placeholders."""
    with translation.override(language):
        subject = _("Nieuws over je sollicitatie: %(title)s") % {"title": "{vacature}"}
        body = "\n\n".join(
            [
                _("Hallo,"),
                "{stap}",
                _("Kijk op je persoonlijke pagina hoe het verder gaat:"),
                "{link}",
                "{vragen}",
                _("Met vriendelijke groet,\n%(organisation)s") % {"organisation": "{organisatie}"},
            ]
        )
    return subject, body


def template_for(organisation: Any, kind: str, language: str) -> MessageTemplate | None:
    return MessageTemplate.objects.filter(
        organisation=organisation, stage_kind=kind, language=language
    ).first()


def values_for(progress: ApplicationProgress, *, link: str = "") -> dict[str, str]:
    """The placeholders' values for this candidate, in the active language."""
    # local import: selection.emails imports this module lazily; keep the load order one-way
    from .services.candidate import candidate_message

    candidate = progress.application.candidate
    vacancy = progress.vacancy
    return {
        "naam": candidate.name,
        "vacature": vacancy.title,
        "organisatie": vacancy.organisation.name,
        "stap": candidate_message(progress),
        "vragen": _("Heb je een vraag? Beantwoord deze e-mail. Dan helpen we je.")
        if reply_to_for(vacancy)
        else _("Heb je een vraag? Kijk op je persoonlijke pagina hoe je ons bereikt."),
        "link": link or portal_url(candidate),
    }


def fill(subject: str, body: str, values: dict[str, str]) -> tuple[str, str]:
    """The texts with the placeholders filled in (checked again: a row may predate a rule)."""
    check_placeholders(subject)
    check_placeholders(body)
    return subject.format(**values), body.format(**values)


def custom_stage_text(progress: ApplicationProgress, *, link: str = "") -> tuple[str, str] | None:
    """The organisation's own text of this stage mail in the candidate's language, filled in;
    None when it has none in that language (the product's text is used)."""
    if progress.stage.kind not in MAIL_KINDS:
        return None
    language = candidate_language(progress.application.candidate)
    row = template_for(progress.vacancy.organisation, progress.stage.kind, language)
    if row is None:
        return None
    with translation.override(language):
        try:
            return fill(row.subject, row.body, values_for(progress, link=link))
        except SelectionError:  # an invalid stored text never blocks a move: the default goes
            return None


@dataclass
class Sample:
    subject: str
    body: str
    language: str
    candidate_label: str


def preview(
    progress: ApplicationProgress, kind: str, language: str, subject: str, body: str
) -> Sample:
    """The texts filled in with a real candidate's data, as if they were in step ``kind`` and
    read ``language``; no row is written and the personal link is shown as ``[[link]]``."""
    import copy

    subject, body = check_texts(subject, body)
    would = copy.copy(progress)
    stage = copy.copy(progress.stage)
    stage.kind = kind
    would.stage = stage
    if kind != StageKind.REJECTED:
        would.rejection_reason = None
        would.rejection_feedback = ""
    with translation.override(language):
        filled_subject, filled_body = fill(subject, body, values_for(would, link="[[link]]"))
    return Sample(filled_subject, filled_body, language, progress.pseudonym)


@transaction.atomic
def save_template(
    organisation: Any, kind: str, language: str, *, subject: str, body: str, user: Any
) -> MessageTemplate:
    if kind not in KINDS or language not in dict(settings.LANGUAGES):
        raise SelectionError(_("Deze stap of taal bestaat niet."))
    subject, body = check_texts(subject, body)
    row, created = MessageTemplate.objects.update_or_create(
        organisation=organisation,
        stage_kind=kind,
        language=language,
        defaults={"subject": subject, "body": body, "updated_by": user},
    )
    record_event(
        "selection.message_template_saved",
        actor=user,
        organisation=organisation,
        obj=row,
        stage_kind=kind,
        language=language,
        created=created,
    )
    return row


@transaction.atomic
def reset_template(organisation: Any, kind: str, language: str, *, user: Any) -> bool:
    """Back to the product's text; True when there was an own text."""
    deleted, _rows = MessageTemplate.objects.filter(
        organisation=organisation, stage_kind=kind, language=language
    ).delete()
    if deleted:
        record_event(
            "selection.message_template_reset",
            actor=user,
            organisation=organisation,
            stage_kind=kind,
            language=language,
        )
    return bool(deleted)


def overview(organisation: Any) -> list[dict[str, Any]]:
    """One row per stage kind: for each language whether the organisation wrote its own text."""
    own = set(
        MessageTemplate.objects.filter(organisation=organisation).values_list(
            "stage_kind", "language"
        )
    )
    return [
        {
            "kind": kind,
            "label": StageKind(kind).label,
            "languages": [
                {"code": code, "name": name, "own": (kind, code) in own}
                for code, name in languages()
            ],
        }
        for kind in KINDS
    ]


def sample_progresses(organisation: Any, limit: int = 50) -> Any:
    """Applications of the organisation to preview with (newest first; read only)."""
    return (
        ApplicationProgress.objects.filter(organisation=organisation)
        .select_related("stage", "vacancy__organisation", "application__candidate")
        .order_by("-application__submitted_at", "-pk")[:limit]
    )
