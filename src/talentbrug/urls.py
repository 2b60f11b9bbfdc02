"""URL map. Staff pages live under /medewerkers/, public pages at the root."""

from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from talentbrug.applications.views.portal import set_language

urlpatterns = [
    # Django's set_language, which also remembers the choice of a logged-in candidate.
    path("i18n/setlang/", set_language, name="set_language"),
    path("beheer/", admin.site.urls),
    path("", include("talentbrug.accounts.urls")),
    path("", include("talentbrug.pages.audit_urls")),
    path("", include("talentbrug.pages.urls")),
    path("", include("talentbrug.vacancies.urls")),
    path(
        "", include("talentbrug.applications.urls")
    ),  # before publishing: /vacatures/<pk>/solliciteren/
    path("", include("talentbrug.publishing.urls")),
    path("", include("talentbrug.records.urls")),
    path("", include("talentbrug.matches.urls")),
    path("", include("talentbrug.talentpool.urls")),
    path("", include("talentbrug.privacy.urls")),
    path("", include("talentbrug.onboarding.urls")),
    path("", include("talentbrug.programmes.urls")),
    path("", include("talentbrug.selection.urls")),
    path("", include("talentbrug.interviews.urls")),
    path("", include("talentbrug.assessments.urls")),
    path("", include("talentbrug.insights.urls")),
    path("", include("talentbrug.notifications.urls")),
]

if settings.OIDC_ENABLED:
    urlpatterns.insert(0, path("oidc/", include("mozilla_django_oidc.urls")))

handler400 = "talentbrug.pages.errors.bad_request"
handler403 = "talentbrug.pages.errors.forbidden"
handler404 = "talentbrug.pages.errors.not_found"
# A database error outside a view (a middleware loading the session) also gets the 503 page.
handler500 = "talentbrug.pages.errors.server_error"
