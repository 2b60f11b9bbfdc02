"""E-mails to candidates: one template pair per event, rendered in the candidate's language."""

from __future__ import annotations

from datetime import UTC, datetime

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import timezone, translation

from .models import Application, Booking, Candidate
from .tokens import portal_url

EVENTS = (
    "application_received",
    "portal_link",
    "booking_confirmed",
    "application_withdrawn",
    "question_asked",
)


def _ics_escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def _ics_time(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def booking_ics(booking: Booking, summary: str) -> str:
    slot = booking.slot
    day = slot.day
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Talentbrug//Wervingsdag//NL",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        f"UID:booking-{booking.pk}@talentbrug",
        f"DTSTAMP:{_ics_time(timezone.now())}",
        f"DTSTART:{_ics_time(slot.starts_at)}",
        f"DTEND:{_ics_time(slot.ends_at)}",
        f"SUMMARY:{_ics_escape(summary)}",
        f"LOCATION:{_ics_escape(day.address_text)}",
        f"DESCRIPTION:{_ics_escape(day.address_text)}",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return "\r\n".join(lines) + "\r\n"


def build_email(
    candidate: Candidate,
    event: str,
    application: Application | None = None,
    booking: Booking | None = None,
) -> EmailMessage:
    if event not in EVENTS:
        raise ValueError(f"unknown e-mail event {event!r}")
    language = candidate.preferred_language or settings.LANGUAGE_CODE
    with translation.override(language):
        context = {
            "candidate": candidate,
            "application": application,
            "vacancy": application.vacancy if application else None,
            "booking": booking,
            "slot": booking.slot if booking else None,
            "day": booking.slot.day if booking else None,
            "portal_url": portal_url(candidate),
            "LANGUAGE_CODE": language,
        }
        subject = render_to_string(f"applications/email/{event}_subject.txt", context)
        body = render_to_string(f"applications/email/{event}.txt", context)
        message = EmailMessage(
            subject=" ".join(subject.split()),
            body=body.strip() + "\n",
            to=[candidate.email],
        )
        if booking is not None:
            message.attach(
                "wervingsdag.ics",
                booking_ics(booking, booking.slot.day.title),
                "text/calendar; charset=utf-8; method=PUBLISH",
            )
    return message
