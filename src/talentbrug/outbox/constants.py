from django.db import models
from django.utils.translation import gettext_lazy as _


class MailStatus(models.TextChoices):
    QUEUED = "queued", _("wacht op verzenden")
    SENDING = "sending", _("wordt verzonden")
    SENT = "sent", _("verzonden")
    FAILED = "failed", _("niet gelukt")
    CANCELLED = "cancelled", _("niet meer nodig")


# Attempts before a mail is given up (status failed); the wait doubles after each attempt.
MAX_ATTEMPTS = 8
FIRST_RETRY_SECONDS = 60
MAX_RETRY_SECONDS = 6 * 3600
# A mail "sending" for longer than this was taken by a worker that died: it is tried again.
STALE_SENDING_SECONDS = 15 * 60
# Sent, failed and cancelled rows are removed after this many days (they name a person).
KEEP_DAYS = 30
# Headers built from user text: no line breaks, at most this many characters.
MAX_SUBJECT_LENGTH = 200


# What HR reads about the last failure (the kind of error stays visible for the functional admin).
_UNREACHABLE = _("Mailserver niet bereikbaar")
ERROR_LABELS = {
    "ConnectionRefusedError": _UNREACHABLE,
    "ConnectionResetError": _UNREACHABLE,
    "TimeoutError": _UNREACHABLE,
    "OSError": _UNREACHABLE,
    "SMTPConnectError": _UNREACHABLE,
    "SMTPServerDisconnected": _UNREACHABLE,
    "SMTPRecipientsRefused": _("De mailserver weigerde het adres van de ontvanger"),
    "SMTPSenderRefused": _("De mailserver weigerde de afzender"),
    "SMTPAuthenticationError": _("Inloggen bij de mailserver lukte niet"),
    "SMTPDataError": _("De mailserver weigerde de e-mail"),
}
OTHER_ERROR = _("Andere fout: zie het logboek van de server")
