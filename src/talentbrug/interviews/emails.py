"""Interview e-mails with a calendar file, each in the reader's own language.

The candidate reads B1 Dutch ("je") or their preferred language; staff read Dutch or English.
Texts are rendered inside ``translation.override`` so dates, month names and sentences follow
the reader's language. Interviewers see the pseudonym while the candidate's identity is hidden.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from talentbrug.applications.tokens import portal_url
from talentbrug.selection.services import blind as selection_blind
from talentbrug.selection.services import pipeline as selection_pipeline

from . import ics
from .models import Interview

CANDIDATE_EVENTS = ("invitation", "planned", "rescheduled", "cancelled", "reminder")
INTERVIEWER_EVENTS = ("planned", "rescheduled", "cancelled", "reminder")


def candidate_language(candidate: Any) -> str:
    codes = {code for code, _name in settings.LANGUAGES}
    language = getattr(candidate, "preferred_language", "") or ""
    return language if language in codes else settings.LANGUAGE_CODE


def staff_language(user: Any) -> str:
    language = getattr(user, "preferred_language", "") or ""
    return language if language in settings.STAFF_LANGUAGES else settings.LANGUAGE_CODE


def when(moment: datetime) -> str:
    """'dinsdag 1 december 2026, 10:00' in the active language and the site's time zone."""
    local = timezone.localtime(moment)
    return f"{formats.date_format(local, 'l j F Y')}, {formats.time_format(local, 'H:i')}"


def candidate_label_for_application(application: Any) -> str:
    """The candidate's name, or the pseudonym while identity is hidden (blind review)."""

    progress = selection_pipeline.progress_for(application)
    if selection_blind.identity_hidden(
        progress, selection_pipeline.stages_for(application.vacancy)
    ):
        return progress.pseudonym
    return application.candidate.name


def candidate_label(interview: Interview) -> str:
    return candidate_label_for_application(interview.application)


def _signature(interview: Interview) -> str:
    return _("Met vriendelijke groet,\n%(organisation)s") % {
        "organisation": interview.organisation.name
    }


def _attach(
    message: EmailMessage,
    interview: Interview,
    *,
    starts_at: datetime,
    summary: str,
    description: str,
    email: str,
    name: str = "",
    cancel: bool = False,
) -> None:
    content = ics.calendar(
        interview_pk=interview.pk,
        sequence=interview.sequence,
        starts_at=starts_at,
        ends_at=starts_at + timedelta(minutes=interview.duration_minutes),
        summary=summary,
        location=interview.location,
        description=description,
        attendee_email=email,
        attendee_name=name,
        cancel=cancel,
    )
    method = "CANCEL" if cancel else "REQUEST"
    message.attach("gesprek.ics", content, f"text/calendar; charset=utf-8; method={method}")


def _candidate_texts(
    interview: Interview, event: str, old_start: datetime | None, *, can_reply: bool = True
) -> tuple[str, list[str]]:
    vacancy = interview.application.vacancy
    title = vacancy.title
    start = interview.starts_at
    link = portal_url(interview.application.candidate)
    where = _("Waar: %(location)s") % {"location": interview.location}
    if event == "invitation":
        subject = _("Kies een tijd voor je gesprek: %(title)s") % {"title": title}
        parts = [
            _("We willen graag met je praten over de vacature %(title)s.") % {"title": title},
            _("Kies een tijd die jou past. Dat doe je op je persoonlijke pagina:"),
            link,
            _("Het gesprek duurt %(minutes)s minuten.") % {"minutes": interview.duration_minutes},
            where,
        ]
    elif event == "planned":
        assert start is not None
        subject = _("Je gesprek is gepland: %(title)s") % {"title": title}
        parts = [
            _("Je gesprek is op %(when)s.") % {"when": when(start)},
            where,
            _("In de bijlage staat een afspraak voor je agenda."),
            _("Kun je toch niet? Beantwoord deze e-mail. Dan zoeken we een andere tijd.")
            if can_reply
            else _("Kun je toch niet? Kijk op je persoonlijke pagina hoe je ons bereikt."),
        ]
    elif event == "rescheduled":
        subject = _("Kies een nieuwe tijd voor je gesprek: %(title)s") % {"title": title}
        parts = []
        if old_start is not None:
            parts.append(_("Het gesprek op %(when)s gaat niet door.") % {"when": when(old_start)})
        parts += [
            _("We hebben nieuwe tijden voor je. Kies een tijd op je persoonlijke pagina:"),
            link,
            where,
        ]
    elif event == "cancelled":
        subject = _("Je gesprek gaat niet door: %(title)s") % {"title": title}
        parts = [
            _("Het gesprek op %(when)s gaat niet door.") % {"when": when(old_start)}
            if old_start
            else _("Het gesprek gaat niet door. Je hoeft geen tijd meer te kiezen."),
            _("Heb je een vraag? Beantwoord deze e-mail. Dan helpen we je.")
            if can_reply
            else _("Heb je een vraag? Kijk op je persoonlijke pagina hoe je ons bereikt."),
        ]
    else:  # reminder
        assert start is not None
        subject = _("Morgen is je gesprek: %(title)s") % {"title": title}
        parts = [
            _("Denk je aan je gesprek? Het is op %(when)s.") % {"when": when(start)},
            where,
        ]
    if interview.message and event in ("invitation", "planned", "rescheduled", "reminder"):
        parts.append(interview.message)
    return subject, parts


def candidate_message(
    interview: Interview, event: str, old_start: datetime | None = None
) -> EmailMessage:
    if event not in CANDIDATE_EVENTS:
        raise ValueError(f"unknown interview e-mail event {event!r}")
    from talentbrug.selection.emails import reply_to_for

    candidate = interview.application.candidate
    # Mail comes from a no-reply address: a reply reaches the vacancy's contact (#18).
    reply_to = reply_to_for(interview.application.vacancy)
    with translation.override(candidate_language(candidate)):
        subject, parts = _candidate_texts(interview, event, old_start, can_reply=bool(reply_to))
        body = "\n\n".join([_("Hallo,"), *parts, _signature(interview)])
        message = EmailMessage(
            subject=subject,
            body=body + "\n",
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[candidate.email],
            reply_to=reply_to,
        )
        summary = _("Gesprek bij %(organisation)s: %(title)s") % {
            "organisation": interview.organisation.name,
            "title": interview.application.vacancy.title,
        }
        if event == "planned" and interview.starts_at:
            _attach(
                message,
                interview,
                starts_at=interview.starts_at,
                summary=summary,
                description=interview.message or interview.location,
                email=candidate.email,
                name=candidate.name,
            )
        elif event in ("rescheduled", "cancelled") and old_start is not None:
            _attach(
                message,
                interview,
                starts_at=old_start,
                summary=summary,
                description=_("Dit gesprek gaat niet door."),
                email=candidate.email,
                name=candidate.name,
                cancel=True,
            )
    return message


def interviewer_message(
    interview: Interview, user: Any, event: str, old_start: datetime | None = None
) -> EmailMessage | None:
    """The e-mail for one interviewer; None if there is nothing to tell them."""
    if event not in INTERVIEWER_EVENTS or not user.email:
        return None
    if event == "rescheduled" and old_start is None:
        return None  # no time was planned yet: nothing in their calendar to change
    start = interview.starts_at
    with translation.override(staff_language(user)):
        label = candidate_label(interview)
        title = interview.application.vacancy.title
        url = settings.SITE_URL + reverse(
            "selection:application", kwargs={"pk": interview.application_id}
        )
        summary = _("Gesprek met %(candidate)s (%(title)s)") % {"candidate": label, "title": title}
        where = _("Waar: %(location)s") % {"location": interview.location}
        if event == "planned":
            assert start is not None
            subject = _("Gesprek gepland: %(summary)s") % {"summary": summary}
            parts = [
                _("De kandidaat koos %(when)s.") % {"when": when(start)},
                where,
                _("De sollicitatie en het beoordelingsformulier: %(url)s") % {"url": url},
            ]
        elif event == "rescheduled":
            subject = _("Gesprek verzet: %(summary)s") % {"summary": summary}
            parts = [
                _("Het gesprek op %(when)s gaat niet door. De kandidaat kiest een nieuwe tijd.")
                % {"when": when(old_start)},  # type: ignore[arg-type]
            ]
        elif event == "cancelled":
            subject = _("Gesprek geannuleerd: %(summary)s") % {"summary": summary}
            parts = [_("Dit gesprek gaat niet door.")]
            if old_start is not None:
                parts = [_("Het gesprek op %(when)s gaat niet door.") % {"when": when(old_start)}]
        else:
            assert start is not None
            subject = _("Herinnering: %(summary)s") % {"summary": summary}
            parts = [_("Het gesprek is op %(when)s.") % {"when": when(start)}, where, url]
        body = "\n\n".join([_("Beste collega,"), *parts, _("Dit bericht komt van Talentbrug.")])
        message = EmailMessage(
            subject=subject,
            body=body + "\n",
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[user.email],
        )
        name = user.get_full_name() or user.get_username()
        if event == "planned" and start is not None:
            _attach(
                message,
                interview,
                starts_at=start,
                summary=summary,
                description=f"{interview.location}\n{url}",
                email=user.email,
                name=name,
            )
        elif event in ("rescheduled", "cancelled") and old_start is not None:
            _attach(
                message,
                interview,
                starts_at=old_start,
                summary=summary,
                description=_("Dit gesprek gaat niet door."),
                email=user.email,
                name=name,
                cancel=True,
            )
    return message


def messages_for(
    interview: Interview, event: str, old_start: datetime | None = None
) -> list[EmailMessage]:
    messages = [candidate_message(interview, event, old_start)]
    if event != "invitation":
        for user in interview.interviewers.all():
            message = interviewer_message(interview, user, event, old_start)
            if message is not None:
                messages.append(message)
    return messages


def reminder_messages(interview: Interview) -> list[EmailMessage]:
    return messages_for(interview, "reminder")
