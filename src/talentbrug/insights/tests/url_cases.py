"""Every Insights URL and who may use it (collected by tests/test_authorisation.py).

The programme team (User.is_programme_team, no organisation role) also gets these pages for
the whole Rijk; that rule is tested in insights/tests/test_views.py.
"""

from talentbrug.tests.authz import LOGIN, STAFF, UrlCase, scoped

URL_CASES = [
    UrlCase("insights:vacancies", STAFF, "insights.view"),
    UrlCase("insights:applications", STAFF, "insights.view"),
    UrlCase("insights:selection", STAFF, "insights.view"),
    UrlCase("insights:onboarding", STAFF, "insights.view"),
    UrlCase("insights:programmes", STAFF, "insights.view"),
    UrlCase(
        "insights:export",
        STAFF,
        "insights.view",
        data={"deel": "sollicitaties", "formaat": "csv"},
    ),
    # Only User.is_programme_team (the Rijk's figures, no organisation): anonymous goes to
    # log-in; 200 for the team and 403 for every organisation role: insights/tests/test_report.py.
    UrlCase("insights:reports", LOGIN),
    UrlCase("insights:report_download", LOGIN, make_kwargs=lambda organisation: {"pk": 1}),
]

# Snapshots hold counts only and are read for the active organisation (or, for the programme
# team, the Rijk); no URL takes a snapshot id.
ISOLATION = {"insights.Snapshot": scoped("insights:vacancies")}
