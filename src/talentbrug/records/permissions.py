"""Who may do what in the records app.

Triage (deciding keep or discard, card by card) is open to records managers, organisation
admins and HR advisers: HR advisers know the recruitment files best. Managing collections,
legal holds and destruction lists is for records managers and organisation admins. Reviewing
a destruction list (the second pair of eyes) and deciding on an override of the selectielijst
is for records managers only. The archivist (a role of its own, as in Open Archiefbeheer)
sees the lists and gives or refuses the archivist's approval.
"""

from talentbrug.accounts.access import ADMIN, ARCHIVIST, HR, RECORDS, register_permissions

register_permissions(
    {
        "records.view": {RECORDS, ADMIN, HR, ARCHIVIST},
        "records.triage": {RECORDS, ADMIN, HR},
        "records.manage": {RECORDS, ADMIN},
        "records.review": {RECORDS},
        "records.archivist": {ARCHIVIST},
    }
)
