"""Everything that changes onboarding state, one module per noun. Views and tasks call these; each
move is audited. Callers import the module they need (``from talentbrug.onboarding.services import
plans``); this package re-exports nothing.

- ``guards``: the refusal (:class:`guards.TransitionError`) and the checks every change makes
- ``people``: who may be named in a plan, who has left, handing over a departed colleague's tasks
- ``templates``: onboarding templates (the shipped defaults, their tasks, the vacancy's preview)
- ``supporters``: buddy, manager and the other supporters; arranging a promised person
- ``plans``: starting a plan, its start date, its statuses
- ``plan_tasks``: the tasks of a plan and their statuses
- ``checkins``: intake, manager expectations, check-ins, surprises
- ``evaluations``: evaluations, the new hire's self-review, development goals
- ``links``: the portal links (revoking, recording that one was sent)
- ``wellbeing``: mood, missing check-ins, health (reads only)
- ``obstacles``: the obstacle survey
"""
