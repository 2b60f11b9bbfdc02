"""Mail backends for tests: one that cannot reach the server, like SMTP when it is down."""

from __future__ import annotations

from typing import Any

from django.core.mail.backends.base import BaseEmailBackend


class UnreachableBackend(BaseEmailBackend):
    """Every send fails the way smtplib fails when nothing listens on the port."""

    def send_messages(self, email_messages: Any) -> int:
        raise ConnectionRefusedError(111, "Connection refused")
