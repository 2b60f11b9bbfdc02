"""E-mail: .eml messages and Outlook .msg files."""

from __future__ import annotations

import base64
import email
import email.policy
import email.utils
import quopri
from typing import BinaryIO

from ..model import Limits
from .sink import Extracted, TextSink, as_aware, clean_value
from .text import html_to_text

# --------------------------------------------------------------------------- e-mail


def _header(msg: email.message.Message, name: str) -> str | None:
    try:
        value = msg.get(name)
    except Exception:
        return None
    return clean_value(value)


def extract_eml(stream: BinaryIO, sink: TextSink, meta: Extracted, limits: Limits) -> None:
    stream.seek(0)
    msg = email.message_from_binary_file(stream, policy=email.policy.default)
    subject = _header(msg, "Subject")
    sender = _header(msg, "From")
    meta.title = subject
    meta.author = sender
    date = _header(msg, "Date")
    if date:
        try:
            meta.created = as_aware(email.utils.parsedate_to_datetime(date))
        except (TypeError, ValueError, IndexError):
            meta.errors.append(f"eml: unparsable Date header {date[:60]!r}")
    for key in ("From", "To", "Cc", "Date", "Subject", "Message-ID"):
        value = _header(msg, key)
        if value:
            meta.properties[key.lower()] = value
            sink.line(f"{key}: {value}")
    sink.line("")
    body_text = ""
    if isinstance(msg, email.message.EmailMessage):
        body = msg.get_body(preferencelist=("plain", "html"))
        if body is not None:
            content = body.get_content()
            if isinstance(content, str):
                body_text = (
                    html_to_text(content)[0] if body.get_content_subtype() == "html" else content
                )
    else:  # pragma: no cover - policy.default always gives EmailMessage
        payload = msg.get_payload()
        body_text = payload if isinstance(payload, str) else ""
    sink.line(body_text.replace("\r\n", "\n"))
    if isinstance(msg, email.message.EmailMessage):
        for n, part in enumerate(msg.iter_attachments(), 1):
            if len(meta.attachments) >= limits.max_children:
                meta.errors.append("eml: too many attachments, rest skipped")
                break
            filename = part.get_filename() or f"bijlage-{n}"
            if part.get_content_type() == "message/rfc822":
                inner = part.get_content()
                data = inner.as_bytes() if isinstance(inner, email.message.Message) else b""
                cte = str(part.get("Content-Transfer-Encoding", "")).strip().lower()
                if cte == "base64":  # not allowed by RFC 2046, but seen in the wild
                    data = base64.b64decode(data, validate=False)
                elif cte == "quoted-printable":
                    data = quopri.decodestring(data)
                if not filename.lower().endswith(".eml"):
                    filename += ".eml"
            else:
                raw = part.get_payload(decode=True)
                data = raw if isinstance(raw, bytes) else b""
            if len(data) > limits.max_child_bytes:
                meta.errors.append(f"eml: attachment {filename!r} too large, skipped")
                continue
            meta.attachments.append((filename, data))


def extract_msg(stream: BinaryIO, sink: TextSink, meta: Extracted, limits: Limits) -> None:
    import extract_msg as xmsg

    stream.seek(0)
    data = stream.read()
    msg = xmsg.openMsg(data, delayAttachments=False)
    try:
        meta.title = clean_value(getattr(msg, "subject", None))
        meta.author = clean_value(getattr(msg, "sender", None))
        meta.created = as_aware(getattr(msg, "date", None))
        if meta.created is None:  # no PR_CLIENT_SUBMIT_TIME: use the transport headers
            header = getattr(msg, "header", None)
            date_value = header.get("Date") if header is not None else None
            if date_value:
                try:
                    meta.created = as_aware(email.utils.parsedate_to_datetime(str(date_value)))
                except (TypeError, ValueError, IndexError):
                    meta.errors.append(f"msg: unparsable Date header {str(date_value)[:60]!r}")
        for key, attr in (("From", "sender"), ("To", "to"), ("Cc", "cc"), ("Subject", "subject")):
            value = clean_value(getattr(msg, attr, None))
            if value:
                meta.properties[key.lower()] = value
                sink.line(f"{key}: {value}")
        if meta.created:
            sink.line(f"Date: {meta.created.isoformat()}")
        sink.line("")
        body = getattr(msg, "body", None)
        if not body:
            html_body = getattr(msg, "htmlBody", None)
            if isinstance(html_body, bytes):
                body = html_to_text(html_body.decode("utf-8", "replace"))[0]
        if isinstance(body, bytes):
            body = body.decode("utf-8", "replace")
        if isinstance(body, str):
            sink.line(body.replace("\r\n", "\n"))
        for n, att in enumerate(getattr(msg, "attachments", []) or [], 1):
            if len(meta.attachments) >= limits.max_children:
                meta.errors.append("msg: too many attachments, rest skipped")
                break
            filename = (
                getattr(att, "longFilename", None)
                or getattr(att, "shortFilename", None)
                or getattr(att, "name", None)
                or f"bijlage-{n}"
            )
            payload = getattr(att, "data", None)
            if payload is not None and not isinstance(payload, bytes):
                export = getattr(payload, "exportBytes", None)  # embedded message
                payload = export() if callable(export) else None
                filename = str(filename) + ("" if str(filename).endswith(".msg") else ".msg")
            if not isinstance(payload, bytes):
                continue
            if len(payload) > limits.max_child_bytes:
                meta.errors.append(f"msg: attachment {filename!r} too large, skipped")
                continue
            meta.attachments.append((str(filename), payload))
    finally:
        msg.close()
