"""seed_scale's history: every application gets a place in the pipeline and a past, so the
Insights figures at scale are real (time in each stage, pass-through, offers, onboarding)."""

from __future__ import annotations

import random
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import F
from django.utils import timezone

from talentbrug.insights import services, tables
from talentbrug.insights.constants import Period
from talentbrug.insights.figures import onboarding as onboarding_figures
from talentbrug.insights.figures import selection as selection_figures
from talentbrug.insights.scale import FUNNEL, story

pytestmark = pytest.mark.django_db


def _rows(table, label):
    row = next(r for r in tables.localised(table)["rows"] if r["label"] == label)
    return [c["v"] for c in row["cells"]]


def test_seed_scale_gives_every_application_its_selection_and_onboarding_history():
    from talentbrug.applications.models import Application
    from talentbrug.assessments.models import DiversityResponse
    from talentbrug.audit.models import AuditEvent
    from talentbrug.insights.scale import seed_history
    from talentbrug.matches.management.commands.seed_scale import FastInsert
    from talentbrug.onboarding.models import CheckIn, OnboardingPlan
    from talentbrug.selection.models import ApplicationProgress, Offer, Stage
    from talentbrug.vacancies.models import Vacancy

    out = StringIO()
    call_command("seed_scale", candidates=600, vacancies=40, applications=2500, seed=3, stdout=out)
    assert "selection and onboarding history" in out.getvalue()
    now = timezone.now()
    # Times over 18 months, not all 'now'.
    published = list(
        Vacancy.objects.filter(published_at__isnull=False).values_list("published_at", flat=True)
    )
    assert min(published) < now - timedelta(days=365) and max(published) > now - timedelta(days=90)
    submitted = list(Application.objects.values_list("submitted_at", flat=True))
    assert min(submitted) < now - timedelta(days=365)
    # Every application has its place, in a stage of its own vacancy.
    assert ApplicationProgress.objects.count() == Application.objects.count() == 2500
    assert not ApplicationProgress.objects.exclude(stage__vacancy_id=F("vacancy_id")).exists()
    withdrawn = Application.objects.filter(status="withdrawn").count()
    assert ApplicationProgress.objects.filter(stage__kind="withdrawn").count() == withdrawn
    for kind in ("rejected", "hired", "new", "screening"):
        assert ApplicationProgress.objects.filter(stage__kind=kind).exists(), kind
    # Logged moves, as move_application writes them: from a stage of the same vacancy.
    moves = AuditEvent.objects.filter(event_type="selection.moved")
    assert moves.count() > 2500
    move = moves.order_by("pk").first()
    progress = ApplicationProgress.objects.get(pk=int(move.object_id))
    assert Stage.objects.get(pk=move.data["from_stage"]).vacancy_id == progress.vacancy_id
    assert move.created_at >= progress.application.submitted_at
    # Offers for those who reached the offer; a plan for hires whose first day has come.
    hired = ApplicationProgress.objects.filter(stage__kind="hired").count()
    assert Offer.objects.filter(status="accepted").count() == hired
    assert OnboardingPlan.objects.exists() and CheckIn.objects.exists()
    assert DiversityResponse.objects.exists()

    # The Insights figures of the Rijk over 18 months come out of it.
    scope = services.scope_for(None, Period.MONTHS_18)
    selection = {t["key"]: t for t in selection_figures.selection_tables(scope)}
    assert _rows(selection["doorstroom"], "Opleiding: totaal")[0] == 2500
    assert _rows(selection["tijd-per-fase"], "Nieuw")[0] > 1000
    assert _rows(selection["tijd-tot-aanname"], "Alle manieren")[1] > 10
    onboarding = {t["key"]: t for t in onboarding_figures.onboarding_tables(scope)}
    assert onboarding["check-ins"]["rows"]

    # Run again: nothing left without a history, nothing added.
    before = (ApplicationProgress.objects.count(), moves.count(), Offer.objects.count())
    counts = seed_history(FastInsert, seed=3)
    assert counts.get("progress", 0) == 0
    assert (ApplicationProgress.objects.count(), moves.count(), Offer.objects.count()) == before


def test_a_story_never_lies_in_the_future_and_a_withdrawal_ends_it():
    rng = random.Random(5)
    now = timezone.now()
    for i in range(400):
        submitted = now - timedelta(days=rng.randint(0, 540))
        withdrawn = submitted + timedelta(days=3) if i % 5 == 0 else None
        status = "withdrawn" if withdrawn else "submitted"
        s = story(rng, (i, 1, 1, i, status, submitted, withdrawn), "", now)
        moments = [when for _before, _after, when in s.moves]
        assert moments == sorted(moments) and all(submitted <= m <= now for m in moments)
        path = [FUNNEL[0]] + [after for _before, after, _when in s.moves]
        assert s.final == path[-1]
        if withdrawn:
            assert s.final == "withdrawn" and s.furthest != "hired"
        if s.final == "hired":
            assert s.offer is not None and s.offer[0] == "accepted"
        if s.final not in ("hired", "rejected", "withdrawn"):  # still open: not stale
            assert (moments[-1] if moments else submitted) >= now - timedelta(days=30)
