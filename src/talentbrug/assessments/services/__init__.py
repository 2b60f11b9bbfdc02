"""Everything that changes group days, grid scores, language tests and diversity answers, one
module per noun. Views call these; each change is audited with ids only. Callers import the
module they need (``from talentbrug.assessments.services import bookings``); this package
re-exports nothing.

- ``errors``: the refusals (``AssessmentError``, ``SessionFull``, ``NotObserver``)
- ``mail``: mail to candidates and observers through the outbox; ``recount`` of a session
- ``days``: group days and their sessions (observers are invited and told of changes)
- ``bookings``: booking a place from the portal (never overbooks), cancelling
- ``reminders``: the day-before reminders to candidates and observers (claim, then send)
- ``grid``: the observer grid (idempotent cell upserts) and the results per candidate
- ``language``: language-test results and the overview against the requirements
- ``diversity``: the voluntary diversity form
"""
