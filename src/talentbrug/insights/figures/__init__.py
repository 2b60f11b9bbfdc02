"""The figures of Insights, computed from the apps' own data for one scope, one module per noun.

Every function takes a :class:`~.scope.Scope` and returns tables (see :mod:`..tables`). Their
texts are Dutch message ids (``gettext_noop``), translated when a page shows them. Each table
carries its written definition: what is counted, from when, what is excluded. These are the
computations that used to live on the figure pages of selection (fairness per stage),
programmes (cohorts and learning places) and onboarding (the 'verbazingen' themes).
Callers import the module they need (``from talentbrug.insights.figures import selection``);
this package re-exports nothing.

- ``scope``: what a set of figures is about; the periodic job's shared work; live limits
- ``vacancies``: mbo level, NT2, diploma-only, carved jobs; vacancy-check findings per rule
- ``applications``: per route, channel and language
- ``groups``: the groups of the pass-through figures (education, Dutch, voluntary answers)
- ``selection``: pass-through per stage per group, statushouders, time to hire, offers
- ``onboarding``: plans on track, check-ins, retention, 'verbazingen'
- ``survey``: the obstacle questionnaire at 3 and 6 months
- ``programmes``: cohorts, BBL places and internships
- ``sections``: which tables make up each page
"""
