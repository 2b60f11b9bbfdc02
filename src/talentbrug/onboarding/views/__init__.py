"""Staff pages of onboarding and the new hire's portal, one module per noun. Thin: parse, authorise,
call a service. ``urls`` imports the module it routes to; this package re-exports nothing.

- ``scoping``: the shared lookups (plans and their parts within the user's organisation and scope)
- ``overviews``: all plans with their health, my plans, the calendar
- ``plans``: one plan (making, showing, editing, its status, link, supporters, hand-over)
- ``evaluations``: a plan's evaluations and development goals
- ``plan_tasks``: a plan's tasks
- ``templates``: the onboarding templates
- ``portal``: the new hire's portal (a signed, expiring, revocable link)
- ``supporter_portal``: the supporter's page
"""
