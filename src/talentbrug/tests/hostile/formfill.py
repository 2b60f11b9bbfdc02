"""Find the forms on a rendered page and fill them (used by the hostile suite and the log test)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import lxml.html

# Forms that change the session rather than data: submitting them would end the test client's login.
DATE_VALUES = {
    "date": "2027-01-15",
    "datetime-local": "2027-01-15T10:00",
    "time": "10:00",
    "month": "2027-01",
}
SKIP_ACTIONS = ("/uitloggen", "/i18n/", "/organisatie", "/logout", "/mijn/uitloggen/")


@dataclass
class FoundForm:
    action: str
    method: str
    fields: dict[str, Any]  # name -> default value (hidden values kept)
    text_fields: list[str] = field(default_factory=list)
    email_fields: list[str] = field(default_factory=list)
    number_fields: list[str] = field(default_factory=list)
    date_fields: dict[str, str] = field(default_factory=dict)  # name -> a valid value
    file_fields: list[str] = field(default_factory=list)
    maxlengths: dict[str, int] = field(default_factory=dict)  # as a browser cuts typed text
    multipart: bool = False


def forms_on(html: str, page_url: str) -> list[FoundForm]:
    if not html.strip():
        return []
    doc = lxml.html.fromstring(html)
    found = []
    for form in doc.forms:
        method = (form.get("method") or "get").lower()
        action = form.get("action") or page_url
        if not action.startswith("/"):
            action = urlsplit(page_url).path if action in ("", "#") else action
        if any(part in action for part in SKIP_ACTIONS):
            continue
        result = FoundForm(action=action, method=method, fields={})
        result.multipart = (form.get("enctype") or "") == "multipart/form-data"
        for element in form.inputs:
            name = element.get("name")
            if not name:
                continue
            tag = element.tag
            kind = (element.get("type") or "text").lower() if tag == "input" else tag
            if kind in ("submit", "button", "image", "reset"):
                continue
            if kind == "hidden":
                result.fields[name] = element.get("value") or ""
            elif kind in ("checkbox", "radio"):
                if name not in result.fields:
                    result.fields[name] = element.get("value") or "on"
            elif kind == "select":
                options = [o.get("value") for o in element.findall(".//option")]
                options = [o for o in options if o]
                result.fields[name] = options[0] if options else ""
            elif kind == "file":
                result.file_fields.append(name)
            elif kind == "email":
                result.email_fields.append(name)
            elif kind == "number":
                result.number_fields.append(name)
            elif kind in DATE_VALUES:
                # A valid date, so the hostile text in the other fields reaches the service.
                result.date_fields[name] = (
                    element.get("value") or element.get("max") or DATE_VALUES[kind]
                )
            elif kind in ("text", "textarea", "search", "tel", "url", "password"):
                if name == "website":  # the honeypot stays empty
                    result.fields[name] = ""
                    continue
                result.text_fields.append(name)
                if (element.get("maxlength") or "").isdigit():
                    result.maxlengths[name] = int(element.get("maxlength"))
        found.append(result)
    return found


def fill(
    form: FoundForm, text: Any, email: str = "tb@example.org", number: str = "5"
) -> dict[str, Any]:
    data = dict(form.fields)
    for name in form.text_fields:
        limit = form.maxlengths.get(name)
        data[name] = text[:limit] if limit and isinstance(text, str) else text
    for name in form.email_fields:
        data[name] = email
    for name in form.number_fields:
        data[name] = number
    data.update(form.date_fields)
    return data
