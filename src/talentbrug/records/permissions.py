"""Who may do what in the records app.

Triage (deciding keep or discard, card by card) is open to records managers, organisation
admins and HR advisers: HR advisers know the recruitment files best. Managing collections,
legal holds and destruction lists is for records managers and organisation admins. Reviewing
a destruction list (the second pair of eyes) is for records managers only.
"""

from talentbrug.accounts.access import ADMIN, HR, RECORDS, register_permissions

register_permissions(
    {
        "records.view": {RECORDS, ADMIN, HR},
        "records.triage": {RECORDS, ADMIN, HR},
        "records.manage": {RECORDS, ADMIN},
        "records.review": {RECORDS},
    }
)
