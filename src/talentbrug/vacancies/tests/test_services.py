"""Creating, sanitising, requirements, language levels, duplicating and carving vacancies."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from talentbrug.accounts.constants import Role
from talentbrug.taxonomy.constants import SkillKind
from talentbrug.taxonomy.models import Occupation, OccupationSkill
from talentbrug.vacancies import carving, services
from talentbrug.vacancies.checking import check_vacancy, sanitise_html
from talentbrug.vacancies.constants import RequirementKind
from talentbrug.vacancies.models import Requirement, SalaryScale, Vacancy

from .factories import SkillFactory, VacancyFactory

HR = [Role.HR_ADVISER]


@pytest.fixture
def hr_user(make_staff, organisation):
    return make_staff(organisation, Role.HR_ADVISER)


def test_sanitise_drops_script_style_and_event_handlers():
    dirty = (
        '<p onclick="steal()">Hallo <script>alert(1)</script><style>p{}</style>'
        '<a href="javascript:alert(1)">x</a> <strong>wereld</strong></p><img src=x onerror=alert(1)>'
    )
    clean = sanitise_html(dirty)
    for bad in ("script", "style", "onclick", "onerror", "javascript:", "<img"):
        assert bad not in clean
    assert "<strong>wereld</strong>" in clean


def test_sanitise_keeps_word_lists():
    html = '<ul class="MsoList"><li style="mso-x">Eén</li><li>Twee</li></ul>'
    assert sanitise_html(html) == "<ul><li>Eén</li><li>Twee</li></ul>"


@pytest.mark.django_db
def test_create_sanitises_and_audits(organisation, hr_user):
    vacancy = services.create_vacancy(
        organisation=organisation,
        user=hr_user,
        roles=HR,
        data={"title": "Servicedeskmedewerker", "tasks_text": "<p>Werk<script>x()</script></p>"},
    )
    assert vacancy.tasks_text == "<p>Werk</p>"
    assert vacancy.created_by == hr_user


@pytest.mark.django_db
def test_text_over_20000_words_is_refused_and_nothing_is_saved(organisation, hr_user):
    with pytest.raises(ValidationError, match="te lang"):
        services.create_vacancy(
            organisation=organisation,
            user=hr_user,
            roles=HR,
            data={"title": "Lang", "tasks_text": "<p>" + "woord " * 20_001 + "</p>"},
        )
    assert not Vacancy.objects.exists()


@pytest.mark.django_db
def test_language_requirement_above_b1_needs_justification(organisation, hr_user):
    vacancy = VacancyFactory(organisation=organisation)
    with pytest.raises(ValidationError):
        services.add_language_requirement(
            vacancy,
            user=hr_user,
            roles=HR,
            language="nl",
            skill="writing",
            level="B2",
            timing="at_start",
        )
    requirement = services.add_language_requirement(
        vacancy,
        user=hr_user,
        roles=HR,
        language="nl",
        skill="writing",
        level="B2",
        timing="at_start",
        justification="Je schrijft brieven aan burgers die juridisch moeten kloppen.",
    )
    assert requirement.level == "B2"
    services.add_language_requirement(
        vacancy,
        user=hr_user,
        roles=HR,
        language="nl",
        skill="speaking",
        level="B1",
        timing="with_coach",
    )
    assert vacancy.language_requirements.count() == 2


@pytest.mark.django_db
def test_unjustified_language_level_is_a_blocking_finding(organisation):
    from talentbrug.vacancies.models import LanguageRequirement

    vacancy = VacancyFactory(organisation=organisation)
    LanguageRequirement.objects.create(vacancy=vacancy, skill="writing", level="C1")
    rules = {f.rule_id for f in check_vacancy(vacancy).blocking}
    assert any(rule.startswith("excl.") or "language" in rule for rule in rules), rules


@pytest.mark.django_db
def test_requirement_needs_skill_or_text_and_no_duplicates(organisation, hr_user):
    vacancy = VacancyFactory(organisation=organisation)
    skill = SkillFactory()
    with pytest.raises(ValidationError):
        services.add_requirement(vacancy, user=hr_user, roles=HR)
    services.add_requirement(
        vacancy, user=hr_user, roles=HR, skill=skill, kind=RequirementKind.LEARNABLE
    )
    with pytest.raises(ValidationError):
        services.add_requirement(vacancy, user=hr_user, roles=HR, skill=skill)
    assert vacancy.requirements.get().kind == RequirementKind.LEARNABLE


@pytest.mark.django_db
def test_more_than_six_must_haves_is_flagged(organisation, hr_user):
    vacancy = VacancyFactory(organisation=organisation)
    for i in range(7):
        services.add_requirement(vacancy, user=hr_user, roles=HR, free_text=f"Competentie {i}")
    rules = {f.rule_id for f in check_vacancy(vacancy).all_findings}
    assert any("must" in rule for rule in rules), rules


@pytest.mark.django_db
def test_clean_vacancy_has_no_blocking_findings(organisation):
    vacancy = VacancyFactory(organisation=organisation)
    assert check_vacancy(vacancy).blocking == []


@pytest.mark.django_db
def test_salary_comes_from_the_newest_table(organisation):
    SalaryScale.objects.create(year=2025, scale=6, minimum=2500, maximum=3400)
    SalaryScale.objects.create(year=2026, scale=6, minimum=2600, maximum=3550)
    SalaryScale.objects.create(year=2026, scale=8, minimum=2950, maximum=4450)
    vacancy = VacancyFactory(organisation=organisation, scale_min=6, scale_max=8)
    low, high = vacancy.salary_range()
    assert (int(low), int(high)) == (2600, 4450)


@pytest.mark.django_db
def test_duplicate_copies_texts_and_requirements_as_new_concept(organisation, hr_user):
    source = VacancyFactory(organisation=organisation, status="published")
    Requirement.objects.create(vacancy=source, free_text="Samenwerken")
    copy = services.duplicate_vacancy(source, user=hr_user, roles=HR)
    assert copy.status == "concept"
    assert copy.title.startswith("Kopie van")
    assert copy.tasks_text == source.tasks_text
    assert list(copy.requirements.values_list("free_text", flat=True)) == ["Samenwerken"]
    assert copy.organisation == organisation


@pytest.mark.django_db
def test_carving_from_vacancy_links_and_warns(organisation, hr_user):
    source = VacancyFactory(organisation=organisation)
    items = carving.items_from_vacancy(source)
    assert [i.kind for i in items] == ["task", "task", "task"]
    one = [items[0]]
    warnings = carving.carving_warnings(one, {}, len(items))
    assert any("minder dan 3" in w for w in warnings)
    same_level = carving.carving_warnings(items, {i.key: "mbo4" for i in items}, len(items) + 1)
    assert any("één niveau" in w for w in same_level)
    mixed = carving.carving_warnings(
        items, {items[0].key: "mbo3", items[1].key: "mbo4", items[2].key: "mbo4"}, 5
    )
    assert mixed == []
    carved = carving.carve_vacancy(
        organisation=organisation,
        user=hr_user,
        roles=HR,
        title="Medewerker laptops",
        items=items,
        chosen_keys={i.key for i in items[:2]},
        levels={},
        source_vacancy=source,
    )
    assert carved.carved_from == source
    assert "Je zet laptops klaar." in carved.tasks_text
    assert carved.werk_denkniveau == "CWD.12"


@pytest.mark.django_db
@pytest.mark.parametrize(("levels", "nlqf"), [(("mbo3", "mbo3"), "3"), (("mbo3", "mbo4"), "4")])
def test_carving_keeps_what_was_agreed_for_the_work(organisation, hr_user, levels, nlqf):
    """The carved role keeps the scale, the contract (Vast stays Vast), the NT2 welcome, the
    apply routes and the language requirements; mbo 3 and mbo 4 stay apart."""
    from talentbrug.vacancies.constants import ContractType
    from talentbrug.vacancies.models import LanguageRequirement

    source = VacancyFactory(
        organisation=organisation,
        scale_min=7,
        scale_max=8,
        contract_type=ContractType.PERMANENT,
        nt2_welcome=True,
        apply_routes=["cv", "no_cv", "video"],
    )
    LanguageRequirement.objects.create(
        vacancy=source, language="nl", skill="speaking", level="B1", timing="with_coach"
    )
    items = carving.items_from_vacancy(source)
    carved = carving.carve_vacancy(
        organisation=organisation,
        user=hr_user,
        roles=HR,
        title="Medewerker laptops",
        items=items,
        chosen_keys={i.key for i in items[:2]},
        levels={items[0].key: levels[0], items[1].key: levels[1]},
        source_vacancy=source,
    )
    assert (carved.scale_min, carved.scale_max) == (7, 8)
    assert carved.contract_type == ContractType.PERMANENT
    assert carved.nt2_welcome and carved.apply_routes == ["cv", "no_cv", "video"]
    assert carved.min_education_level == nlqf and carved.equivalent_by_experience
    assert [
        (r.language, r.skill, r.level, r.timing) for r in carved.language_requirements.all()
    ] == [("nl", "speaking", "B1", "with_coach")]


@pytest.mark.django_db
def test_carving_from_occupation_uses_esco_skills(organisation, hr_user):
    occupation = Occupation.objects.create(
        esco_id="occ-1",
        isco_code="3512",
        label_en="ICT user support technician",
        label_nl="ICT-ondersteuner",
        is_ict=True,
    )
    skills = [SkillFactory(kind=SkillKind.SKILL) for _ in range(4)]
    for i, skill in enumerate(skills):
        OccupationSkill.objects.create(
            occupation=occupation, skill=skill, relation="essential" if i < 3 else "optional"
        )
    items = carving.items_from_occupation(occupation)
    assert len(items) == 4 and all(i.suggested_level == "mbo4" for i in items)
    carved = carving.carve_vacancy(
        organisation=organisation,
        user=hr_user,
        roles=HR,
        title="Ondersteuner ICT",
        items=items,
        chosen_keys={i.key for i in items},
        levels={},
        source_occupation=occupation,
    )
    kinds = sorted(carved.requirements.values_list("kind", flat=True))
    assert kinds == ["learnable", "must_have", "must_have", "must_have"]
    with pytest.raises(ValidationError):
        carving.carve_vacancy(
            organisation=organisation,
            user=hr_user,
            roles=HR,
            title="Leeg",
            items=items,
            chosen_keys=set(),
            levels={},
            source_occupation=occupation,
        )
