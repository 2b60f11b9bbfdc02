"""Staff pages of programmes, one module per noun: cohorts, places, schools, learn-work tracks, the
programme team's pages. ``urls`` imports the module it routes to; this package re-exports nothing.

- ``shared``: plans and cohorts in the user's scope, the form page the pages share
- ``overview``: the start page (and the old figures address)
- ``cohorts``: cohorts, their members and rotations
- ``placements``: BBL places and internships
- ``schools``: school partners and their assignments
- ``tracks``: learn-work tracks
- ``rijk``: the programme team's pages across the organisations
"""
