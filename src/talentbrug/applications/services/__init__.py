"""The only place that changes applications, candidates, bookings and consent, one module per
noun. Views parse input, check access and call these verbs. Each write happens in one
transaction and records an audit event with ids only. Callers import the module they need
(``from talentbrug.applications.services import submission``); this package re-exports nothing.

- ``submission``: applying (the data of an application, routes, storing it)
- ``pending``: an application from the public form waiting for its e-mail confirmation
- ``extraction``: skills, languages, education and experience read from a CV or text
- ``profile``: the candidate's profile (what an organisation may see, confirming, editing)
- ``documents``: storing documents a candidate hands in
- ``booking``: times (slots) on recruitment days
- ``lifecycle``: withdrawing, freeing the seats of a closed application
- ``questions``: questions from HR and the candidate's answers
- ``consent``: consent to keep the candidate's data
- ``portal``: log-in links to the portal, requests to be deleted
- ``mail``: the candidate's e-mail about their application
- ``errors``: ``ApplyError``, ``SlotFull``, ``InvalidTransition``

Workflow of ``Application.status`` (extended by the selection issue):

    submitted --withdraw_application--> withdrawn

Every other move raises :class:`errors.InvalidTransition`. What a candidate reads about their
application: ``talentbrug.selection.journey`` (one truth).
"""
