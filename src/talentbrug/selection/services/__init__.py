"""Everything that changes selection state, one module per noun. Views and tasks call these;
every change is audited. Callers import the module they need (``from talentbrug.selection.services
import moves``); this package re-exports nothing.

- ``pipeline``: a vacancy's stages (made with the vacancy), each application's place in them
- ``reasons``: the organisation's rejection reasons
- ``moves``: moving applications between stages (one at a time or in bulk; lost updates refused)
- ``candidate``: what the candidate reads about their step (reads only)
- ``blind``: blind review (hiding and revealing the candidate's identity)
- ``scorecards``: scorecards, anchor texts of the scale, grading work samples
- ``offers``: the offer and the hire
- ``board``: what the board and the lists read (reads only)

The candidate's e-mail about a step is built and queued in :mod:`talentbrug.selection.emails`;
what a move sets off is in :mod:`talentbrug.selection.effects`. Refusals raise
:class:`talentbrug.selection.workflow.SelectionError`.
"""
