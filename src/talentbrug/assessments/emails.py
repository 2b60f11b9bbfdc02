"""Group-day e-mails with a calendar file, each in the reader's own language.

The candidate reads B1 Dutch ("je") or their preferred language (``translation.override``);
observers read Dutch or English. The calendar files reuse the iCalendar helpers of the
interviews app (escaping, folding, UTC times), so every invitation in Talentbrug looks alike.

One UID per candidate per day (a move keeps the UID and raises SEQUENCE, so the calendar moves
the event); one UID per session for observers. SEQUENCE is the time of sending in seconds:
every later version has a higher number (RFC 5546).
"""

from __future__ import annotations

from datetime import datetime
from email.utils import parseaddr
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from talentbrug.applications.tokens import portal_url
from talentbrug.interviews import ics
from talentbrug.interviews.emails import candidate_language, staff_language, when

from .models import AssessmentDay, DayBooking, Session

CANDIDATE_EVENTS = ("booked", "moved", "cancelled", "closed", "reminder", "changed")
OBSERVER_EVENTS = ("planned", "cancelled")


def booking_uid(day_id: int, application_id: int) -> str:
    return f"groepsdag-{day_id}-{application_id}@{ics._host()}"


def session_uid(session_id: int) -> str:
    return f"groepsdag-sessie-{session_id}@{ics._host()}"


def calendar(
    *,
    uid: str,
    starts_at: datetime,
    ends_at: datetime,
    summary: str,
    location: str,
    description: str,
    attendee_email: str,
    cancel: bool = False,
) -> str:
    """One VCALENDAR with one VEVENT (REQUEST, or CANCEL), built with the interviews helpers."""
    organizer = parseaddr(settings.DEFAULT_FROM_EMAIL)[1] or "noreply@talentbrug.example"
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Talentbrug//Groepsdagen//NL",
        "CALSCALE:GREGORIAN",
        f"METHOD:{'CANCEL' if cancel else 'REQUEST'}",
        "BEGIN:VEVENT",
        f"UID:{uid}",
        f"SEQUENCE:{int(timezone.now().timestamp())}",
        f"DTSTAMP:{ics.utc(timezone.now())}",
        f"DTSTART:{ics.utc(starts_at)}",
        f"DTEND:{ics.utc(ends_at)}",
        f"SUMMARY:{ics.escape(summary)}",
        f"LOCATION:{ics.escape(location)}",
        f"DESCRIPTION:{ics.escape(description)}",
        f"STATUS:{'CANCELLED' if cancel else 'CONFIRMED'}",
        "TRANSP:OPAQUE",
        f"ORGANIZER:mailto:{organizer}",
        f"ATTENDEE;ROLE=REQ-PARTICIPANT:mailto:{attendee_email}",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return "".join(ics.fold(line) + "\r\n" for line in lines)


def _attach(message: EmailMessage, content: str, *, cancel: bool) -> None:
    method = "CANCEL" if cancel else "REQUEST"
    message.attach("groepsdag.ics", content, f"text/calendar; charset=utf-8; method={method}")


def _organisation_name(day: AssessmentDay) -> str:
    return str(day.organisation.name)


def candidate_message(booking: DayBooking, event: str) -> EmailMessage | None:
    """The candidate's e-mail about their place; None when there is no address."""
    if event not in CANDIDATE_EVENTS:
        raise ValueError(f"unknown group-day e-mail event {event!r}")
    application = booking.application
    candidate = application.candidate
    if not candidate.email:
        return None
    session = booking.session
    day = booking.day
    with translation.override(candidate_language(candidate)):
        start = when(session.starts_at)
        where = _("Waar: %(address)s") % {"address": day.address_text}
        title = day.title
        if event == "booked":
            subject = _("Je bent ingeschreven voor de groepsdag: %(title)s") % {"title": title}
            parts = [
                _("Je bent ingeschreven. De groepsdag is op %(when)s.") % {"when": start},
                where,
                _("In de bijlage staat een afspraak voor je agenda."),
            ]
        elif event in ("moved", "changed"):
            subject = _("Nieuwe tijd voor je groepsdag: %(title)s") % {"title": title}
            parts = [
                _("Je groepsdag is nu op %(when)s.") % {"when": start},
                where,
                _("De afspraak in je agenda is aangepast. Kijk in de bijlage."),
            ]
        elif event == "cancelled":
            subject = _("Je inschrijving is geannuleerd: %(title)s") % {"title": title}
            parts = [
                _("Je komt niet naar de groepsdag op %(when)s.") % {"when": start},
                _("Wil je toch een tijd kiezen? Dat doe je op je persoonlijke pagina:"),
                portal_url(candidate),
            ]
        elif event == "closed":
            subject = _("Je inschrijving is geannuleerd: %(title)s") % {"title": title}
            parts = [
                _("Je sollicitatie is afgerond of staat nu in een eerdere stap."),
                _("Daarom vervalt je plek op de groepsdag op %(when)s.") % {"when": start},
                _("Kijk op je persoonlijke pagina hoe het verder gaat:"),
                portal_url(candidate),
            ]
        else:  # reminder
            subject = _("Morgen is je groepsdag: %(title)s") % {"title": title}
            parts = [
                _("Denk je aan de groepsdag? Hij is op %(when)s.") % {"when": start},
                where,
            ]
        if event not in ("cancelled", "closed"):
            parts += [
                _("Kun je niet? Annuleer of kies een andere tijd op je persoonlijke pagina:"),
                portal_url(candidate),
            ]
        signature = _("Met vriendelijke groet,\n%(organisation)s") % {
            "organisation": _organisation_name(day)
        }
        body = "\n\n".join([_("Hallo,"), *parts, signature])
        message = EmailMessage(
            subject=subject,
            body=body + "\n",
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[candidate.email],
        )
        if event != "reminder":
            cancel = event in ("cancelled", "closed")
            summary = _("Groepsdag bij %(organisation)s: %(title)s") % {
                "organisation": _organisation_name(day),
                "title": title,
            }
            _attach(
                message,
                calendar(
                    uid=booking_uid(day.pk, application.pk),
                    starts_at=session.starts_at,
                    ends_at=session.ends_at,
                    summary=summary,
                    location=day.address_text,
                    description=day.description or day.address_text,
                    attendee_email=candidate.email,
                    cancel=cancel,
                ),
                cancel=cancel,
            )
    return message


def observer_message(session: Session, user: Any, event: str) -> EmailMessage | None:
    """An observer's invitation (or cancellation) for one session; no candidate data."""
    if event not in OBSERVER_EVENTS:
        raise ValueError(f"unknown observer e-mail event {event!r}")
    if not getattr(user, "email", ""):
        return None
    day = session.day
    cancel = event == "cancelled"
    with translation.override(staff_language(user)):
        start = when(session.starts_at)
        if cancel:
            subject = _("Sessie van de groepsdag gaat niet door: %(title)s") % {"title": day.title}
            text = _("U hoeft niet te komen op %(when)s.") % {"when": start}
        else:
            subject = _("U bent waarnemer op de groepsdag: %(title)s") % {"title": day.title}
            text = _("U beoordeelt de kandidaten op %(when)s.") % {"when": start}
        where = _("Waar: %(address)s") % {"address": day.address_text}
        body = "\n\n".join([_("Hallo,"), text, where])
        message = EmailMessage(
            subject=subject,
            body=body + "\n",
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[user.email],
        )
        _attach(
            message,
            calendar(
                uid=session_uid(session.pk),
                starts_at=session.starts_at,
                ends_at=session.ends_at,
                summary=_("Waarnemer op groepsdag: %(title)s") % {"title": day.title},
                location=day.address_text,
                description=day.description or day.address_text,
                attendee_email=user.email,
                cancel=cancel,
            ),
            cancel=cancel,
        )
    return message
