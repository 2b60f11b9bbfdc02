"""Pages answer from snapshots; a choice without one answers fast anyway (never a 35 s page).

The periodic job stores a snapshot for every choice the filters offer. Without one (before
the job's first run, an organisation made since) the page computes what is cheap, and the
heavy tables of a big scope come from the nearest snapshot of the page (said so, with its
period and time) or say that the job computes them. A page view stores nothing.
"""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from talentbrug.accounts.constants import Role
from talentbrug.accounts.tests.factories import UserFactory
from talentbrug.applications.tests.factories import PublishedVacancyFactory
from talentbrug.conftest import verified_client
from talentbrug.insights import services
from talentbrug.insights.constants import Period, Section
from talentbrug.insights.figures import scope as scope_figures
from talentbrug.insights.figures import selection as selection_figures
from talentbrug.insights.figures import vacancies as vacancy_figures
from talentbrug.insights.forms import FilterForm
from talentbrug.insights.models import Snapshot

pytestmark = pytest.mark.django_db

LIVE_NOTE = "nog niet vooraf berekend"
PENDING_NOTE = "De periodieke taak berekent hem bij de volgende ronde"


def _pipeline(organisation, vacancy, count):
    from talentbrug.selection.tests.factories import application_in_pipeline

    for _i in range(count):
        application_in_pipeline(organisation, vacancy=vacancy)


def _vacancies(organisation, count):
    for _i in range(count):
        vacancy = PublishedVacancyFactory(organisation=organisation)
        vacancy.published_at = timezone.now() - timedelta(days=20)
        vacancy.save(update_fields=["published_at"])


def _table(result, key):
    return next(t for t in result.tables if t["key"] == key)


def _refuse(*_args, **_kwargs):
    raise AssertionError("a heavy table was computed while the viewer waited")


def test_a_big_scope_without_a_snapshot_never_computes_its_heavy_tables(organisation, monkeypatch):
    from talentbrug.selection.tests.factories import vacancy_with_requirements

    _pipeline(organisation, vacancy_with_requirements(organisation), 7)
    _vacancies(organisation, 6)
    # The scope is 'big' here: more rows than a request may work on.
    monkeypatch.setitem(scope_figures.LIVE_LIMITS, "applications", 5)
    monkeypatch.setitem(scope_figures.LIVE_LIMITS, "vacancies", 3)
    # The work that made the whole-Rijk page take 35 s may not run in the request at all.
    monkeypatch.setattr(vacancy_figures, "check_vacancy", _refuse)
    monkeypatch.setattr(selection_figures, "progress_rows", _refuse)
    monkeypatch.setattr(selection_figures, "stage_time_table", _refuse)

    selection = services.figures_for(Section.SELECTION, None)
    assert selection.live
    for key in ("doorstroom", "statushouders", "tijd-per-fase"):
        table = _table(selection, key)
        assert table["pending"] and not table["rows"] and PENDING_NOTE in table["note"]
    # The cheap tables are computed (offers and time to hire: grouped queries).
    assert not _table(selection, "aanbod").get("pending")
    vacancies = services.figures_for(Section.VACANCIES, None)
    assert _table(vacancies, "vacaturecheck")["pending"]
    published = _table(vacancies, "vacatures")["rows"][0]["cells"][0]["v"]
    assert published is not None and published >= 6  # the counts: one grouped query
    assert not Snapshot.objects.exists()  # a page view stores nothing


def test_a_pending_table_is_taken_from_the_nearest_snapshot_with_its_period_and_time(
    organisation, monkeypatch
):
    from talentbrug.selection.tests.factories import vacancy_with_requirements

    _pipeline(organisation, vacancy_with_requirements(organisation), 7)
    # The job ran once, for the last 3 and 18 months only (say: before the 6 was offered).
    services.store_snapshot(Section.SELECTION, None, Period.MONTHS_3, "")
    services.store_snapshot(Section.SELECTION, None, Period.MONTHS_18, "")
    Snapshot.objects.filter(key__endswith="|18|-").update(
        computed_at=timezone.now() - timedelta(hours=2)
    )
    monkeypatch.setitem(scope_figures.LIVE_LIMITS, "applications", 5)
    monkeypatch.setattr(selection_figures, "progress_rows", _refuse)

    shown = services.figures_for(Section.SELECTION, None, Period.MONTHS_6)
    table = _table(shown, "doorstroom")
    assert not table.get("pending") and table["borrowed"]["period"] == Period.MONTHS_3
    assert "laatste 3 maanden, alle vakgebieden, bijgewerkt op" in table["note"]
    assert table["rows"][0]["cells"][0]["v"] == 7
    # The page and the download both say so.
    client = verified_client(UserFactory(is_programme_team=True))
    page = client.get(reverse("insights:selection"), {"periode": "6"}).content.decode()
    assert LIVE_NOTE in page and "laatste 3 maanden, alle vakgebieden" in page
    download = client.get(
        reverse("insights:export"),
        {"deel": "selectie", "periode": "6", "tabel": "doorstroom", "formaat": "csv"},
    ).content.decode("utf-8-sig")
    assert "laatste 3 maanden, alle vakgebieden" in download


def test_a_small_scope_without_a_snapshot_is_computed_whole_and_equals_the_job(organisation):
    from talentbrug.selection.tests.factories import vacancy_with_requirements

    _pipeline(organisation, vacancy_with_requirements(organisation), 7)
    _vacancies(organisation, 3)
    for section in Section.values:
        live = services.figures_for(section, organisation)
        assert live.live and not any(t.get("pending") for t in live.tables)
        stored = services.store_snapshot(section, organisation, Period.MONTHS_12, "")
        assert live.tables == [services._noted(services.t.localised(t)) for t in stored.tables]


def test_every_page_the_filters_offer_is_read_from_a_snapshot_after_the_job(
    organisation, other_organisation, make_staff
):
    """Walk every choice of the filter form, as the programme team and as HR: after one run
    of the job no page is computed while the viewer waits."""
    from talentbrug.selection.tests.factories import vacancy_with_requirements

    _pipeline(organisation, vacancy_with_requirements(organisation), 6)
    services.refresh_snapshots()
    team = verified_client(UserFactory(is_programme_team=True))
    hr = verified_client(make_staff(organisation, Role.HR_ADVISER))
    walked = 0
    for client, rijksbreed in ((team, True), (hr, False)):
        form = FilterForm(rijksbreed=rijksbreed)
        periods = [value for value, _label in form.fields["periode"].choices]
        families = [value for value, _label in form.fields["vakgebied"].choices]
        owners = [""]
        if rijksbreed:
            owners += [str(o.pk) for o in form.fields["organisatie"].queryset]
        for name in ("vacancies", "applications", "selection", "onboarding", "programmes"):
            for period in periods:
                for family in families:
                    for owner in owners:
                        query = {"periode": period, "vakgebied": family}
                        if owner:
                            query["organisatie"] = owner
                        response = client.get(reverse(f"insights:{name}"), query)
                        assert response.status_code == 200
                        body = response.content.decode()
                        assert LIVE_NOTE not in body, (name, query)
                        walked += 1
    assert walked == 5 * 4 * 3 * (3 + 1)
    assert Snapshot.objects.count() == len(services.filter_combinations())


def test_without_its_snapshot_a_page_shows_the_nearest_one_whole_and_says_which(
    organisation, monkeypatch
):
    """One choice missing (a vakgebied or period offered since the job's last run): nothing is
    computed in the request; the nearest snapshot of the page is shown with its choice and
    time, on the page and in the download."""
    from talentbrug.insights.figures import sections
    from talentbrug.vacancies.constants import Vakgebied

    _vacancies(organisation, 3)
    services.store_snapshot(Section.VACANCIES, None, Period.MONTHS_18, "")
    services.store_snapshot(Section.VACANCIES, None, Period.MONTHS_6, Vakgebied.ICT)
    services.store_snapshot(Section.VACANCIES, None, Period.MONTHS_12, Vakgebied.DOCUMENTATION)
    monkeypatch.setattr(sections, "section_tables", _refuse)

    shown = services.figures_for(Section.VACANCIES, None, Period.MONTHS_12, Vakgebied.ICT)
    # The same vakgebied first (6 months, ICT), before the same period of another vakgebied.
    assert not shown.live and shown.nearest["period"] == Period.MONTHS_6
    assert shown.nearest["family"] == Vakgebied.ICT
    assert all(table["borrowed"]["period"] == Period.MONTHS_6 for table in shown.tables)
    assert shown.scope.period_text() == services.scope_for(None, "6").period_text()
    # All vakgebieden asked: the same vakgebied before a nearer period of another one.
    other = services.figures_for(Section.VACANCIES, None, Period.MONTHS_3, "")
    assert other.nearest["period"] == Period.MONTHS_18 and other.nearest["family"] == ""

    client = verified_client(UserFactory(is_programme_team=True))
    query = {"periode": "12", "vakgebied": Vakgebied.ICT}
    page = client.get(reverse("insights:vacancies"), query).content.decode()
    assert "Voor uw keuze (laatste 12 maanden, ICT) waren de cijfers nog niet vooraf berekend" in (
        page
    )
    assert "<strong>laatste 6 maanden, ICT</strong>" in page
    download = client.get(
        reverse("insights:export"), {**query, "deel": "vacatures", "formaat": "csv"}
    ).content.decode("utf-8-sig")
    assert "laatste 6 maanden, ICT, bijgewerkt op" in download
    assert Snapshot.objects.count() == 3  # a page view stores nothing


@pytest.mark.parametrize("section", Section.values)
def test_without_any_snapshot_only_tables_within_the_limits_are_computed(
    organisation, monkeypatch, section
):
    """Before the job's first run: every table is either computed as the job computes it or
    pending (more rows than a request may work on, counted with a LIMIT), never slow."""
    from talentbrug.onboarding.tests.factories import make_plan
    from talentbrug.selection.tests.factories import vacancy_with_requirements

    _pipeline(organisation, vacancy_with_requirements(organisation), 3)
    _vacancies(organisation, 2)
    for name in ("A", "B"):
        make_plan(organisation, start_date=timezone.localdate() - timedelta(days=30), name=name)
    job = {t["key"]: t for t in services.store_snapshot(section, None, Period.MONTHS_12, "").tables}
    Snapshot.objects.all().delete()
    for kind in scope_figures.LIVE_LIMITS:
        monkeypatch.setitem(scope_figures.LIVE_LIMITS, kind, 1)

    live = services.figures_for(section, None)
    assert live.live and not live.nearest
    for table in live.tables:
        if table.get("pending"):
            assert not table["rows"] and PENDING_NOTE in table["note"]
        else:
            assert table == services._noted(services.t.localised(job[table["key"]]))
    if section in (Section.VACANCIES, Section.APPLICATIONS, Section.SELECTION):
        assert any(table.get("pending") for table in live.tables)
    assert not Snapshot.objects.exists()
