"""The observer's reminder of a group day, in the observer's language (Dutch or English).

Apart from :mod:`.emails` on purpose: that module's strings are checked in every candidate
language; these are read by staff only. The e-mail names the day, the times and the place,
never a candidate (the grid link needs a log-in).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.conf import settings
from django.core.mail import EmailMessage
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from talentbrug.interviews.emails import staff_language, when

from .models import Session


def observer_reminder_message(sessions: Sequence[Session], user: Any) -> EmailMessage | None:
    """One reminder for the sessions of one group day on one date; None without an address."""
    if not sessions or not getattr(user, "email", ""):
        return None
    day = sessions[0].day
    with translation.override(staff_language(user)):
        subject = _("Herinnering: u bent waarnemer op de groepsdag %(title)s") % {
            "title": day.title
        }
        times = [
            "- "
            + _("%(start)s tot %(end)s")
            % {
                "start": when(session.starts_at),
                "end": formats.time_format(timezone.localtime(session.ends_at), "H:i"),
            }
            for session in sessions
        ]
        grid = settings.SITE_URL + reverse("assessments:grid", kwargs={"pk": day.pk})
        parts = [
            _("Hallo,"),
            _("Binnenkort is de groepsdag. U beoordeelt de kandidaten op:")
            + "\n"
            + "\n".join(times),
            _("Waar: %(address)s") % {"address": day.address_text},
            _("Het beoordelingsformulier staat in Talentbrug:") + "\n" + grid,
        ]
        return EmailMessage(
            subject=subject,
            body="\n\n".join(parts) + "\n",
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[user.email],
        )
