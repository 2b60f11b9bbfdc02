"""How a recruitment-day time reads for a person: date, time and place in their language.

Never "tijdslot 1": the candidate chooses a moment, so the label names the day, the hours and
where it is. Dates are formatted with the active language (Arabic names of days for an Arabic
page); the place is the organisation's own Dutch text and is marked ``lang="nl"`` in HTML.
"""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from django.utils.formats import date_format, time_format
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import ngettext


def place_line(day: Any) -> str:
    """The place from the day's address text, without the directions: the first line, and of
    a long first line its first sentence ("Kennedylaan 2, Apeldoorn.")."""
    text = (getattr(day, "address_text", "") or "").strip()
    if not text:
        return ""
    line = text.splitlines()[0].strip()
    if len(line) > 60 and ". " in line:
        line = line.split(". ", 1)[0].strip()
    return line.rstrip(".")


def when_text(slot: Any) -> str:
    """'dinsdag 12 januari 2027, 10:00–12:00' in the active language, local time."""
    starts = timezone.localtime(slot.starts_at)
    ends = timezone.localtime(slot.ends_at)
    return _("%(day)s, %(start)s–%(end)s") % {
        "day": date_format(starts, "l j F Y"),
        "start": time_format(starts, "H:i"),
        "end": time_format(ends, "H:i"),
    }


def slot_text(slot: Any) -> str:
    """Plain text: when, and where (for lists, mail subjects and the admin)."""
    day = getattr(slot, "day", None) if slot.day_id or "day" in slot._state.fields_cache else None
    place = place_line(day) if day is not None else ""
    when = when_text(slot)
    return f"{when} · {place}" if place else when


def slot_choice_label(slot: Any) -> SafeString:
    """The radio label a candidate picks: when, where (marked Dutch) and the free seats."""
    free = slot.free
    seats = ngettext("nog %(count)s plaats vrij", "nog %(count)s plaatsen vrij", free) % {
        "count": free
    }
    starts = timezone.localtime(slot.starts_at)
    ends = timezone.localtime(slot.ends_at)
    # The hours stay left-to-right on an Arabic or Persian page ("10:30–12:30", not reversed).
    hours = format_html(
        '<span dir="ltr">{}–{}</span>', time_format(starts, "H:i"), time_format(ends, "H:i")
    )
    when = format_html("{}, {}", date_format(starts, "l j F Y"), hours)
    place = place_line(slot.day)
    if place:
        return format_html('{} · <span lang="nl" dir="ltr">{}</span> · {}', when, place, seats)
    return format_html("{} · {}", when, seats)
