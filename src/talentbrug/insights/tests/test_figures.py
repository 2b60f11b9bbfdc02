"""Each definition pinned on a small hand-made data set (counts of 5+ shown, under 5 hidden)."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from talentbrug.applications.tests.factories import ApplicationFactory, PublishedVacancyFactory
from talentbrug.insights import services
from talentbrug.insights import tables as tables_
from talentbrug.insights.constants import Period, Section
from talentbrug.insights.figures import applications as application_figures
from talentbrug.insights.figures import onboarding as onboarding_figures
from talentbrug.insights.figures import programmes as programme_figures
from talentbrug.insights.figures import scope as scope_figures
from talentbrug.insights.figures import selection as selection_figures
from talentbrug.insights.figures import vacancies as vacancy_figures
from talentbrug.vacancies.constants import Evidence, RequirementKind, Vakgebied, WerkDenkniveau
from talentbrug.vacancies.models import Requirement

pytestmark = pytest.mark.django_db


def _table(tables, key):
    return tables_.localised(next(t for t in tables if t["key"] == key))


def _cells(table, label):
    table = tables_.localised(table)
    return next(r["cells"] for r in table["rows"] if r["label"] == label)


def _values(table, label):
    return [c["v"] if not c["s"] else "<5" for c in _cells(table, label)]


def _scope(organisation=None, period=Period.MONTHS_12, family=""):
    return services.scope_for(organisation, period, family)


def _vacancy(organisation, days_ago=10, **kwargs):
    vacancy = PublishedVacancyFactory(organisation=organisation, **kwargs)
    vacancy.published_at = timezone.now() - timedelta(days=days_ago)
    vacancy.save(update_fields=["published_at"])
    return vacancy


def test_vacancy_figures_count_what_the_definition_says(organisation, other_organisation):
    for _i in range(6):
        _vacancy(organisation, werk_denkniveau=WerkDenkniveau.MBO, nt2_welcome=True)
    for _i in range(4):
        _vacancy(organisation, werk_denkniveau=WerkDenkniveau.HBO, nt2_welcome=False)
    diploma = _vacancy(organisation, werk_denkniveau=WerkDenkniveau.HBO, nt2_welcome=False)
    Requirement.objects.create(
        vacancy=diploma,
        free_text="hbo-diploma",
        kind=RequirementKind.MUST_HAVE,
        evidence=[Evidence.DIPLOMA],
        position=0,
    )
    # Not counted: published before the period, a template, never published.
    _vacancy(organisation, days_ago=400, werk_denkniveau=WerkDenkniveau.MBO)
    _vacancy(organisation, is_template=True, werk_denkniveau=WerkDenkniveau.MBO)
    PublishedVacancyFactory(organisation=organisation, werk_denkniveau=WerkDenkniveau.MBO)
    # Another organisation: only in the Rijk column.
    for _i in range(9):
        _vacancy(other_organisation, werk_denkniveau=WerkDenkniveau.HBO, nt2_welcome=True)

    table = _table(vacancy_figures.vacancy_tables(_scope(organisation)), "vacatures")
    assert _values(table, "Gepubliceerde vacatures")[0] == 11
    assert _values(table, "Op mbo-niveau geschreven") == ["<5" if False else 6, 55, 30]
    assert _values(table, "Met de zin 'Nederlands als tweede taal welkom'")[:2] == [6, 55]
    assert _values(table, "Zonder eis die alleen met een diploma kan")[:2] == [10, 91]
    # No carved job: 0 is under 5, so hidden like any small number.
    assert _values(table, "Gesneden functie (job carving)") == ["<5", "<5", "<5"]
    rijk = _table(vacancy_figures.vacancy_tables(_scope()), "vacatures")
    assert _values(rijk, "Gepubliceerde vacatures")[0] == 20
    assert len(rijk["columns"]) == 2  # the Rijk itself has no Rijk column


def test_family_filter_counts_only_that_vakgebied(organisation):
    for _i in range(5):
        _vacancy(organisation, vakgebied=Vakgebied.ICT)
    for _i in range(7):
        _vacancy(organisation, vakgebied=Vakgebied.DOCUMENTATION)
    table = _table(vacancy_figures.vacancy_tables(_scope(family=Vakgebied.ICT)), "vacatures")
    assert _values(table, "Gepubliceerde vacatures")[0] == 5


def test_applications_per_route_hide_a_group_of_four_and_the_group_that_reveals_it(
    organisation,
):
    vacancy = PublishedVacancyFactory(organisation=organisation)
    ApplicationFactory.create_batch(8, vacancy=vacancy, route="cv")
    ApplicationFactory.create_batch(4, vacancy=vacancy, route="no_cv")
    table = _table(
        application_figures.application_tables(_scope(organisation)), "sollicitaties-route"
    )
    assert _values(table, "Zonder cv")[:2] == ["<5", "<5"]
    # 12 - 8 = 4: the cv group is hidden too, the total stays.
    assert _values(table, "Met cv")[:2] == ["<5", "<5"]
    assert _values(table, "Totaal")[0] == 12
    ApplicationFactory.create_batch(6, vacancy=vacancy, route="video")
    table = _table(
        application_figures.application_tables(_scope(organisation)), "sollicitaties-route"
    )
    # 18 - 8 - 6 = 4 would still give the hidden groups away: the 6 goes too.
    assert _values(table, "Met een video")[:2] == ["<5", "<5"]
    ApplicationFactory.create_batch(3, vacancy=vacancy, route="work_sample")
    table = _table(
        application_figures.application_tables(_scope(organisation)), "sollicitaties-route"
    )
    # Hidden together: 4 + 3 = 7, which tells nothing about one group.
    assert _values(table, "Met cv")[:2] == [8, 38]
    assert _values(table, "Met een video")[:2] == [6, 29]
    assert _values(table, "Met een opdracht")[:2] == ["<5", "<5"]


def _pipeline(organisation, vacancy, count, *, foreign=False, advance_to=None, answers=None):
    from talentbrug.applications.models import Education
    from talentbrug.assessments.models import DiversityResponse
    from talentbrug.selection.models import ApplicationProgress
    from talentbrug.selection.tests.factories import application_in_pipeline, stage_of

    for _i in range(count):
        progress = application_in_pipeline(organisation, vacancy=vacancy)
        if foreign:
            Education.objects.create(
                candidate=progress.application.candidate,
                programme="Informatica",
                country="Syrië",
                level="6",
            )
        if advance_to:
            ApplicationProgress.objects.filter(pk=progress.pk).update(
                furthest_order=stage_of(vacancy, advance_to).order
            )
        if answers is not None:
            DiversityResponse.objects.create(
                organisation=organisation, application=progress.application, **answers
            )


def test_pass_through_per_group_with_the_voluntary_form_only_where_answered(organisation):
    from talentbrug.assessments.models import DiversitySetting
    from talentbrug.selection.tests.factories import vacancy_with_requirements

    DiversitySetting.objects.create(organisation=organisation, enabled=True)
    vacancy = vacancy_with_requirements(organisation)
    _pipeline(
        organisation,
        vacancy,
        6,
        foreign=True,
        advance_to="interview",
        answers={"born_abroad": "self"},
    )
    _pipeline(organisation, vacancy, 5, advance_to="screening", answers={"born_abroad": "no"})
    _pipeline(organisation, vacancy, 4, answers={"born_abroad": "not_said"})
    _pipeline(organisation, vacancy, 3)
    table = _table(selection_figures.selection_tables(_scope(organisation)), "doorstroom")
    labels = [r["label"] for r in table["rows"]]
    # Education: 6 abroad reached the interview; 12 gave nothing, 5 of them passed screening.
    assert _values(table, "Opleiding: totaal") == [18, 11, 6, 6, "<5", "<5", "<5"]
    assert _values(table, "Opleiding: niets opgegeven")[:3] == [12, 5, "<5"]
    # In the assessment column 'nothing given' is 0 (hidden), so 6 of 6 would give it away.
    assert _values(table, "Opleiding: opleiding buiten Nederland")[:3] == [6, 6, "<5"]
    # Voluntary: only 'ja, ikzelf' (6) and 'nee' (5); 'zeg ik liever niet' and no form left out.
    assert _values(table, "Geboren buiten Nederland (vrijwillig): Ja, ikzelf")[:2] == [6, 6]
    assert _values(table, "Geboren buiten Nederland (vrijwillig): Nee")[:2] == [5, 5]
    assert _values(table, "Geboren buiten Nederland (vrijwillig): totaal")[:3] == [11, 11, 6]
    assert not any("Zeg ik liever niet" in label for label in labels)
    assert "Nederlands: niets opgegeven" in labels and "Kanaal: onbekend" in labels
    # An organisation that stopped asking: its answers are no longer counted.
    DiversitySetting.objects.filter(organisation=organisation).update(enabled=False)
    table = _table(selection_figures.selection_tables(_scope(organisation)), "doorstroom")
    assert not any("vrijwillig" in r["label"] for r in table["rows"])


def test_pass_through_hides_a_group_of_four_and_the_one_its_total_reveals(organisation):
    from talentbrug.selection.tests.factories import vacancy_with_requirements

    vacancy = vacancy_with_requirements(organisation)
    _pipeline(organisation, vacancy, 8, foreign=True)
    _pipeline(organisation, vacancy, 4)
    table = _table(selection_figures.selection_tables(_scope(organisation)), "doorstroom")
    assert _values(table, "Opleiding: niets opgegeven")[0] == "<5"
    assert _values(table, "Opleiding: opleiding buiten Nederland")[0] == "<5"
    assert _values(table, "Opleiding: totaal")[0] == 12
    assert table["suppressed"]


def test_offers_and_time_to_hire(organisation):
    from talentbrug.selection.constants import OfferStatus
    from talentbrug.selection.models import Offer
    from talentbrug.selection.tests.factories import application_in_pipeline
    from talentbrug.vacancies.models import SalaryScale

    scale = SalaryScale.objects.create(year=2026, scale=8, minimum=2950, maximum=4450)

    def offer(status, days):
        progress = application_in_pipeline(organisation)
        decided = progress.application.submitted_at + timedelta(days=days)
        return Offer.objects.create(
            organisation=organisation,
            progress=progress,
            salary_scale=scale,
            step=1,
            contract_type="permanent",
            start_date=timezone.localdate() + timedelta(days=30),
            hours=36,
            status=status,
            decided_at=decided if status != OfferStatus.MADE else None,
        )

    for days in (10, 20, 30, 40, 50, 60):
        offer(OfferStatus.ACCEPTED, days)
    for _i in range(5):
        offer(OfferStatus.MADE, 0)
    offer(OfferStatus.DECLINED, 5)
    tables = selection_figures.selection_tables(_scope(organisation))
    offers = _table(tables, "aanbod")
    assert _values(offers, "Geaccepteerd")[:2] == [6, 50]
    # One declined (hidden): 12 - 6 - 5 would give it away, so the 5 is hidden as well.
    assert _values(offers, "Gedaan")[:2] == ["<5", "<5"]
    assert _values(offers, "Afgewezen door kandidaat")[0] == "<5"
    assert _values(offers, "Totaal")[0] == 12
    hire = _table(tables, "tijd-tot-aanname")
    assert _values(hire, "Alle manieren") == [6, 35]
    # All six came in with a cv: showing 6 of 6 would say the other routes had none.
    assert _values(hire, "Met cv") == ["<5", "<5"]


def test_retention_hides_the_few_who_left_and_the_number_that_reveals_them(organisation):
    from talentbrug.onboarding.constants import PlanStatus
    from talentbrug.onboarding.models import OnboardingPlan
    from talentbrug.onboarding.tests.factories import make_plan

    today = timezone.localdate()
    for i in range(7):
        make_plan(organisation, start_date=today - timedelta(days=200), name=f"P{i}")
    stopped = OnboardingPlan.objects.first()
    OnboardingPlan.objects.filter(pk=stopped.pk).update(
        status=PlanStatus.STOPPED, updated_at=timezone.now() - timedelta(days=150)
    )
    table = onboarding_figures.retention_table(_scope(organisation), today)
    # 7 started, 1 left within six months: 7 - 6 would give the 1 away.
    assert _values(table, "Na 6 maanden") == [7, "<5", "<5", "<5"]
    assert _values(table, "Na 12 maanden")[0] == "<5"  # nobody started a year ago
    for i in range(5):
        make_plan(organisation, start_date=today - timedelta(days=220), name=f"Q{i}")
    OnboardingPlan.objects.filter(name__in=["Q0", "Q1", "Q2", "Q3"]).update(
        status=PlanStatus.STOPPED, updated_at=timezone.now() - timedelta(days=100)
    )
    table = onboarding_figures.retention_table(_scope(organisation), today)
    assert _values(table, "Na 6 maanden") == [12, 7, 5, 58]


def test_surprises_are_counted_per_person_and_theme_without_texts(organisation):
    from talentbrug.onboarding.services import checkins as onboarding_checkins
    from talentbrug.onboarding.tests.factories import make_plan

    for index in range(5):
        plan = make_plan(organisation, name=f"Persoon {index}")
        onboarding_checkins.submit_surprises(plan, ["Veel afkortingen", "Nog meer vaktermen"])
    plan = make_plan(organisation, name="Persoon 6")
    onboarding_checkins.submit_surprises(plan, ["Vergaderingen beginnen precies op tijd"])
    table = onboarding_figures.surprise_table(_scope(organisation))
    assert _values(table, "Mensen met een verbazing")[0] == 6
    assert _values(table, "Taal, afkortingen en vaktermen")[:2] == [5, 83]
    assert _values(table, "Tijd en afspraken")[0] == "<5"
    assert "afkortingen" not in str(table["rows"]).replace("Taal, afkortingen", "")


def test_learning_places_hide_the_part_that_places_minus_the_rest_would_reveal(organisation):
    from talentbrug.onboarding.tests.factories import make_plan
    from talentbrug.programmes.tests.factories import PlacementFactory

    plan = make_plan(organisation)
    for _i in range(3):
        PlacementFactory(organisation=organisation, filled_by=plan)
    for _i in range(9):
        PlacementFactory(organisation=organisation)
    table = _table(programme_figures.programme_tables(_scope(organisation)), "leerplekken")
    # 12 places, 3 filled (hidden), 9 open: 12 - 9 = 3, so 'open' is hidden as well.
    assert _values(table, "BBL-plek (leren en werken)")[:5] == [12, "<5", "<5", "<5", "<5"]


def test_snapshots_are_stored_by_the_job_read_by_pages_and_say_when(organisation):
    from talentbrug.core import periodic
    from talentbrug.insights.models import Snapshot

    vacancy = PublishedVacancyFactory(organisation=organisation)
    ApplicationFactory.create_batch(5, vacancy=vacancy, route="cv")
    # No snapshot yet: computed while asked for, said so, and nothing stored by a page view.
    live = services.figures_for(Section.APPLICATIONS, organisation)
    assert live.live
    assert _values(_table(live.tables, "sollicitaties-route"), "Totaal")[0] == 5
    assert not Snapshot.objects.exists()

    assert "insights.refresh_snapshots" in periodic.PERIODIC_JOBS
    periodic.run_all(["insights.refresh_snapshots"])
    first = services.figures_for(Section.APPLICATIONS, organisation)
    ApplicationFactory.create_batch(5, vacancy=vacancy, route="cv")
    cached = services.figures_for(Section.APPLICATIONS, organisation)
    assert not cached.live and cached.computed_at == first.computed_at
    assert _values(_table(cached.tables, "sollicitaties-route"), "Totaal")[0] == 5
    periodic.run_all(["insights.refresh_snapshots"])
    fresh = services.figures_for(Section.APPLICATIONS, organisation)
    assert fresh.computed_at > first.computed_at
    assert _values(_table(fresh.tables, "sollicitaties-route"), "Totaal")[0] == 10


def test_months_are_counted_on_the_calendar():
    from datetime import date

    assert scope_figures.add_months(date(2026, 8, 31), 6) == date(2027, 2, 28)
    assert scope_figures.add_months(date(2026, 12, 8), -12) == date(2025, 12, 8)
    assert scope_figures.add_months(date(2024, 2, 29), 12) == date(2025, 2, 28)
    start, end = services.period_bounds(Period.MONTHS_6, timezone.now())
    assert (end - start).days in range(181, 185)


def test_languages_are_named_in_dutch(organisation):
    from talentbrug.applications.models import Candidate

    vacancy = PublishedVacancyFactory(organisation=organisation)
    for i in range(5):
        candidate = Candidate.objects.create(
            email=f"ar{i}@voorbeeld.nl", name=f"K{i}", preferred_language="ar"
        )
        ApplicationFactory(vacancy=vacancy, candidate=candidate)
    table = _table(
        application_figures.application_tables(_scope(organisation)), "sollicitaties-language"
    )
    assert [r["label"] for r in table["rows"]] == ["Arabisch", "Totaal"]


def test_education_told_to_another_organisation_is_not_read(organisation, other_organisation):
    """Twelve candidates applied here and at another organisation. Six told only the other
    organisation (with that application) about a diploma from abroad: this organisation's figure
    does not know it. Six typed it in their own portal profile: that counts everywhere."""
    from talentbrug.applications.models import Education
    from talentbrug.selection.tests.factories import (
        application_in_pipeline,
        vacancy_with_requirements,
    )

    here = vacancy_with_requirements(organisation)
    there = vacancy_with_requirements(other_organisation)
    for index in range(12):
        progress = application_in_pipeline(organisation, vacancy=here)
        candidate = progress.application.candidate
        elsewhere = application_in_pipeline(other_organisation, vacancy=there)
        elsewhere.application.candidate = candidate
        elsewhere.application.save(update_fields=["candidate"])
        Education.objects.create(
            candidate=candidate,
            application=elsewhere.application if index < 6 else None,
            programme="Informatica",
            country="Syrië",
            level="6",
        )
    table = _table(selection_figures.selection_tables(_scope(organisation)), "doorstroom")
    assert _values(table, "Opleiding: niets opgegeven")[0] == 6
    assert _values(table, "Opleiding: opleiding buiten Nederland")[0] == 6
    theirs = _table(selection_figures.selection_tables(_scope(other_organisation)), "doorstroom")
    assert _values(theirs, "Opleiding: opleiding buiten Nederland")[0] == 12


def test_stored_figures_are_translated_when_shown_not_when_computed(organisation):
    """The periodic job stores Dutch message ids; an English page shows English titles."""
    from django.utils import translation

    from talentbrug.insights.models import Snapshot
    from talentbrug.selection.tests.factories import vacancy_with_requirements

    _pipeline(organisation, vacancy_with_requirements(organisation), 6)
    with translation.override("en"):
        services.store_snapshot(Section.SELECTION, organisation, Period.MONTHS_12, "")
        stored = Snapshot.objects.get().tables
        shown = services.figures_for(Section.SELECTION, organisation).tables
    assert stored[0]["title"] == "Doorstroom per fase, per groep"  # stored in the source
    assert shown[0]["title"] == "Pass-through per stage, per group"
    labels = [r["label"] for r in shown[0]["rows"]]
    assert "Opleiding: totaal" not in labels and any(lbl.endswith(": total") for lbl in labels)
    offers = next(table for table in shown if table["key"] == "aanbod")
    assert "Total" in [r["label"] for r in offers["rows"]]
    with translation.override("nl"):
        dutch = services.figures_for(Section.SELECTION, organisation).tables
    assert dutch[0]["title"] == "Doorstroom per fase, per groep"
    assert "Opleiding: totaal" in [r["label"] for r in dutch[0]["rows"]]


def test_months_and_languages_are_named_in_the_readers_language():
    from django.utils import translation

    from talentbrug.insights import tables as t

    with translation.override("en"):
        assert t.text(t.month(2026, 3)) == "March 2026"
        assert t.text(t.language("ar")) == "Arabic"
    with translation.override("nl"):
        assert t.text(t.month(2026, 3)) == "maart 2026"
        assert t.text(t.language("ar")) == "Arabisch"


def test_statushouders_only_from_the_voluntary_form_with_small_groups_hidden(organisation):
    from talentbrug.assessments.models import DiversitySetting
    from talentbrug.selection.tests.factories import vacancy_with_requirements

    DiversitySetting.objects.create(organisation=organisation, enabled=True)
    vacancy = vacancy_with_requirements(organisation)
    _pipeline(organisation, vacancy, 5, advance_to="interview", answers={"refugee": "yes"})
    _pipeline(organisation, vacancy, 2, advance_to="hired", answers={"refugee": "yes"})
    _pipeline(organisation, vacancy, 6, answers={"refugee": "no"})
    _pipeline(organisation, vacancy, 4, advance_to="hired", answers={"refugee": "not_said"})
    _pipeline(organisation, vacancy, 3, advance_to="hired")  # no form at all
    tables = selection_figures.selection_tables(_scope(organisation))
    table = _table(tables, "statushouders")
    # 7 said yes, 6 said no; 'zeg ik liever niet' and no form are not counted.
    assert _values(table, "Gesolliciteerd") == [13, 7, 6, 54]
    # 7 reached an interview, all of them 'yes', 0 'no': showing 7 next to a total of 7
    # would reveal the hidden 0, so the 'yes' is hidden as well.
    assert _values(table, "Op gesprek geweest") == [7, "<5", "<5", "<5"]
    assert _values(table, "Aangenomen") == ["<5", "<5", "<5", "<5"]
    passing = _table(tables, "doorstroom")
    assert _values(passing, "Statushouder (vrijwillig): Ja")[0] == 7
    assert _values(passing, "Statushouder (vrijwillig): totaal")[0] == 13
    assert "statushouder" not in (
        __import__("talentbrug.assessments.forms", fromlist=["DiversityForm"])
        .DiversityForm()
        .fields["refugee"]
        .label.lower()
    )  # candidates never read the label


def test_time_in_each_stage_from_the_moves_with_small_groups_hidden(organisation, make_staff):
    """Five applications wait 4 days in 'Nieuw' and 10 in 'Eerste selectie'; four of them
    then wait 3 days in the next stage (a group of four: hidden)."""
    from freezegun import freeze_time

    from talentbrug.accounts.constants import Role
    from talentbrug.selection.constants import StageKind
    from talentbrug.selection.services import moves as selection_moves
    from talentbrug.selection.tests.factories import stage_of, vacancy_with_requirements

    hr = make_staff(organisation, Role.HR_ADVISER)
    roles = frozenset({Role.HR_ADVISER.value})
    vacancy = vacancy_with_requirements(organisation)
    day = timezone.now() - timedelta(days=40)
    with freeze_time(day):
        progresses = []
        for _i in range(5):
            progresses.append(_pipeline_one(organisation, vacancy))
    with freeze_time(day + timedelta(days=4)):
        for progress in progresses:
            selection_moves.move_application(
                progress, stage_of(vacancy, StageKind.SCREENING), hr, roles, 1
            )
    with freeze_time(day + timedelta(days=14)):
        for progress in progresses[:4]:
            selection_moves.move_application(
                progress, stage_of(vacancy, StageKind.ASSESSMENT), hr, roles, 2
            )
        selection_moves.move_application(
            progresses[4],
            stage_of(vacancy, StageKind.REJECTED),
            hr,
            roles,
            2,
            reason=_a_reason(organisation),
        )
    with freeze_time(day + timedelta(days=17)):
        for progress in progresses[:4]:
            selection_moves.move_application(
                progress, stage_of(vacancy, StageKind.INTERVIEW), hr, roles, 3
            )
    table = _table(selection_figures.selection_tables(_scope(organisation)), "tijd-per-fase")
    labels = [r["label"] for r in table["rows"]]
    assert _values(table, labels[0]) == [5, 4]  # Nieuw: 5 stays, median 4 days
    assert _values(table, labels[1]) == [5, 10]  # left for the next stage or rejected
    assert _values(table, labels[2]) == ["<5", "<5"]  # only four: hidden, the median too
    assert _values(table, labels[3]) == ["<5", "<5"]  # still in the interview: no stay yet


def _pipeline_one(organisation, vacancy):
    from talentbrug.selection.tests.factories import application_in_pipeline

    return application_in_pipeline(organisation, vacancy=vacancy)


def _a_reason(organisation):
    from talentbrug.selection.models import RejectionReason

    return RejectionReason.objects.filter(organisation=organisation).first()


def test_obstacles_reported_as_the_magazine_does_with_small_counts_hidden(organisation):
    from talentbrug.onboarding.models import ObstacleSurvey
    from talentbrug.onboarding.tests.factories import make_plan

    chosen = [
        ["guidance", "language"],
        ["guidance", "language", "culture"],
        ["language", "culture"],
        ["language", "culture"],
        ["language", "culture"],
        [],  # nothing was hard: counts as an answer
    ]
    for i, obstacles in enumerate(chosen):
        plan = make_plan(organisation, name=f"Nieuw {i}")
        ObstacleSurvey.objects.create(plan=plan, moment="3", obstacles=obstacles)
    make_plan(organisation, name="Sloeg over")  # skipped it: not counted
    table = _table(onboarding_figures.onboarding_tables(_scope(organisation)), "obstakels")
    assert [c["label"] for c in table["columns"]][:2] == [
        "Na 3 maanden: aantal",
        "Na 3 maanden: aandeel",
    ]
    assert _values(table, "Vragenlijst ingevuld") == [6, None, "<5", None]
    assert _values(table, "Taal") == [5, 83, "<5", "<5"]  # 5 of 6 named language
    assert _values(table, "Cultuur") == ["<5", "<5", "<5", "<5"]  # four: hidden
    assert _values(table, "Begeleiding") == ["<5", "<5", "<5", "<5"]


def test_the_job_stores_every_filter_combination_with_the_same_figures_as_computed_fresh(
    organisation, other_organisation, make_staff
):
    """With the work shared over combinations, each snapshot still equals the page computed
    on its own; every (owner, page, period, family) a viewer can ask for is stored."""
    from talentbrug.assessments.models import DiversitySetting
    from talentbrug.insights.models import Snapshot
    from talentbrug.onboarding.tests.factories import make_plan
    from talentbrug.selection.tests.factories import vacancy_with_requirements

    DiversitySetting.objects.create(organisation=organisation, enabled=True)
    vacancy = vacancy_with_requirements(organisation, vakgebied=Vakgebied.ICT)
    _pipeline(organisation, vacancy, 6, foreign=True, answers={"refugee": "yes"})
    _pipeline(other_organisation, vacancy_with_requirements(other_organisation), 7)
    _vacancy(organisation, werk_denkniveau=WerkDenkniveau.MBO)
    make_plan(organisation)
    Snapshot.objects.create(key="999|vacatures|12|-", tables=[], computed_at=timezone.now())
    written = services.refresh_snapshots()
    combinations = services.filter_combinations()
    assert written == len(combinations) == Snapshot.objects.count()
    assert not Snapshot.objects.filter(key="999|vacatures|12|-").exists()  # stale: removed
    assert len(combinations) == 3 * len(Section) * len(Period) * (1 + len(Vakgebied))
    for owner, section, period, family in combinations:
        stored = Snapshot.objects.get(
            key=services.snapshot_key(owner.pk if owner else None, section, period, family)
        ).tables
        fresh = services.compute(section, services.scope_for(owner, period, family))
        assert stored == fresh, (owner, section, period, family)


def test_education_told_to_another_organisation_is_not_read_also_in_the_job(
    organisation, other_organisation
):
    """Main's rule (81935d1), kept in the shared lookups of the periodic job: six candidates
    told only the other organisation about a diploma from abroad, six typed it in their own
    profile. This organisation's figure knows only the six; the job stores the same."""
    from talentbrug.applications.models import Education
    from talentbrug.insights.models import Snapshot
    from talentbrug.selection.tests.factories import (
        application_in_pipeline,
        vacancy_with_requirements,
    )

    here = vacancy_with_requirements(organisation)
    there = vacancy_with_requirements(other_organisation)
    for index in range(12):
        progress = application_in_pipeline(organisation, vacancy=here)
        candidate = progress.application.candidate
        elsewhere = application_in_pipeline(other_organisation, vacancy=there)
        elsewhere.application.candidate = candidate
        elsewhere.application.save(update_fields=["candidate"])
        Education.objects.create(
            candidate=candidate,
            application=elsewhere.application if index < 6 else None,
            programme="Informatica",
            country="Syrië",
            level="6",
        )
    table = _table(selection_figures.selection_tables(_scope(organisation)), "doorstroom")
    assert _values(table, "Opleiding: niets opgegeven")[0] == 6
    assert _values(table, "Opleiding: opleiding buiten Nederland")[0] == 6
    theirs = _table(selection_figures.selection_tables(_scope(other_organisation)), "doorstroom")
    assert _values(theirs, "Opleiding: opleiding buiten Nederland")[0] == 12
    services.refresh_snapshots()
    key = services.snapshot_key(organisation.pk, Section.SELECTION, "12", "")
    stored = next(t for t in Snapshot.objects.get(key=key).tables if t["key"] == "doorstroom")
    assert _values(stored, "Opleiding: opleiding buiten Nederland")[0] == 6
