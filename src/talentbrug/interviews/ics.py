"""iCalendar (RFC 5545) invitations for interviews, one file per recipient.

The same UID is used for every version of an interview; SEQUENCE goes up with each change, so
calendar programs update or cancel the event they already have (RFC 5546, iTIP).
Only the recipient is listed as attendee: an interviewer's file carries no candidate e-mail.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parseaddr
from urllib.parse import urlsplit

from django.conf import settings
from django.utils import timezone

LINE_LIMIT = 75  # octets, without the CRLF


def escape(value: str) -> str:
    """Escape a TEXT value (RFC 5545, 3.3.11)."""
    return (
        value.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def utc(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def fold(line: str) -> str:
    """Fold a content line at 75 octets, never inside a UTF-8 character (RFC 5545, 3.1)."""
    out: list[str] = []
    current = ""
    size = 0
    limit = LINE_LIMIT
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            out.append(current)
            current, size = " ", 1  # a continuation line starts with one space
        current += char
        size += width
    out.append(current)
    return "\r\n".join(out)


def _host() -> str:
    return urlsplit(settings.SITE_URL).hostname or "talentbrug"


def uid(interview_pk: int) -> str:
    return f"interview-{interview_pk}@{_host()}"


def calendar(
    *,
    interview_pk: int,
    sequence: int,
    starts_at: datetime,
    ends_at: datetime,
    summary: str,
    location: str,
    description: str,
    attendee_email: str,
    attendee_name: str = "",
    cancel: bool = False,
) -> str:
    """One VCALENDAR with one VEVENT: METHOD:REQUEST, or METHOD:CANCEL for a cancellation."""
    organizer = parseaddr(settings.DEFAULT_FROM_EMAIL)[1] or "noreply@talentbrug.example"
    attendee = "ATTENDEE"
    if attendee_name:
        attendee += f';CN="{attendee_name.replace(chr(34), "")}"'
    attendee += ";ROLE=REQ-PARTICIPANT"
    if not cancel:
        attendee += ";PARTSTAT=NEEDS-ACTION;RSVP=FALSE"
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Talentbrug//Gesprekken//NL",
        "CALSCALE:GREGORIAN",
        f"METHOD:{'CANCEL' if cancel else 'REQUEST'}",
        "BEGIN:VEVENT",
        f"UID:{uid(interview_pk)}",
        f"SEQUENCE:{sequence}",
        f"DTSTAMP:{utc(timezone.now())}",
        f"DTSTART:{utc(starts_at)}",
        f"DTEND:{utc(ends_at)}",
        f"SUMMARY:{escape(summary)}",
        f"LOCATION:{escape(location)}",
        f"DESCRIPTION:{escape(description)}",
        f"STATUS:{'CANCELLED' if cancel else 'CONFIRMED'}",
        "TRANSP:OPAQUE",
        f"ORGANIZER:mailto:{organizer}",
        f"{attendee}:mailto:{attendee_email}",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return "".join(fold(line) + "\r\n" for line in lines)


@dataclass(frozen=True)
class FeedEvent:
    """One event of a staff member's own calendar file (the agenda download)."""

    uid: str
    sequence: int
    starts_at: datetime
    ends_at: datetime
    summary: str
    location: str
    description: str


def feed(events: Iterable[FeedEvent]) -> str:
    """One VCALENDAR (METHOD:PUBLISH) with a VEVENT per item: a download, not an invitation.

    The UIDs are those of the invitations, so a calendar that already has an event updates it.
    """
    stamp = utc(timezone.now())
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Talentbrug//Agenda//NL",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ]
    for event in events:
        lines += [
            "BEGIN:VEVENT",
            f"UID:{event.uid}",
            f"SEQUENCE:{event.sequence}",
            f"DTSTAMP:{stamp}",
            f"DTSTART:{utc(event.starts_at)}",
            f"DTEND:{utc(event.ends_at)}",
            f"SUMMARY:{escape(event.summary)}",
            f"LOCATION:{escape(event.location)}",
            f"DESCRIPTION:{escape(event.description)}",
            "STATUS:CONFIRMED",
            "TRANSP:OPAQUE",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)
