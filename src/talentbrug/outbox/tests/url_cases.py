"""The outbox has no pages of its own (collected by tests/test_authorisation.py)."""

from talentbrug.tests.authz import internal

URL_CASES: list = []

ISOLATION = {
    # Rows are shown only as status lines (never the text) on applications:staff_detail, filtered
    # on request.organisation and the application's candidate; tested in
    # applications/tests/test_mail_failures.py (another organisation's mails are not listed).
    "outbox.OutboxMail": internal("status lines on the application page, organisation-filtered"),
}
