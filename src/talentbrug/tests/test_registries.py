"""The registries a lower app offers are filled at start-up by the apps above it.

A lower app (accounts, applications) may not import a later one, so the later one registers
its part in its ``AppConfig.ready()``. If a ready() stops registering (an import moved, a line
deleted), the page would silently lose a kind of open work, a setting or the status truth:
these tests name every expected registration, and the empty registries refuse loudly.
"""

from __future__ import annotations

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.mail import EmailMessage

from talentbrug.accounts import mail as accounts_mail
from talentbrug.accounts.forms import OrganisationSettingsForm
from talentbrug.accounts.terms import ORGANISATION_TERMS
from talentbrug.accounts.workload import WORK_KINDS
from talentbrug.applications import status
from talentbrug.audit.registry import value_label
from talentbrug.outbox import services as outbox
from talentbrug.pages.navigation import NAV_ITEMS
from talentbrug.selection import journey


def test_every_kind_of_open_work_is_registered_in_app_order():
    assert [kind.key for kind in WORK_KINDS] == [
        "records_reviews",
        "onboarding_tasks",
        "onboarding_plans",
        "interviews",
        "assessment_days",
    ]


def test_the_log_shows_each_kind_of_work_in_words():
    for kind in WORK_KINDS:
        assert value_label("accounts.work_reassigned", "kind", kind.key) == kind.label


def test_the_settings_page_shows_the_terms_of_records_and_privacy():
    assert [term.key for term in ORGANISATION_TERMS] == ["cooling_off_days", "rejected_days"]
    fields = list(OrganisationSettingsForm().fields)
    assert fields[-2:] == ["cooling_off_days", "rejected_days"]


def test_selection_is_the_status_source_of_applications():
    assert status.status_source() is journey.STATUS_SOURCE


def test_the_outbox_sends_the_mail_of_accounts():
    assert [outbox.queue_mail] == accounts_mail._QUEUE


def test_the_members_page_is_in_the_menu():
    assert "accounts:members" in {item.url_name for item in NAV_ITEMS}


def test_without_a_status_source_the_pages_fail_loudly(monkeypatch):
    monkeypatch.setattr(status, "_SOURCE", [])
    with pytest.raises(ImproperlyConfigured, match="selection app's ready"):
        status.status_source()


def test_without_a_mail_queue_accounts_refuses_to_send(monkeypatch):
    monkeypatch.setattr(accounts_mail, "_QUEUE", [])
    with pytest.raises(ImproperlyConfigured, match="outbox app's ready"):
        accounts_mail.queue_mail(
            EmailMessage(subject="x", body="y", to=["a@example.org"]), kind="x"
        )
