from datetime import timedelta

import factory
from django.utils import timezone

from talentbrug.accounts.tests.factories import OrganisationFactory
from talentbrug.taxonomy.models import Skill
from talentbrug.vacancies.models import Vacancy

CLEAN_TEXT = {
    "tasks_text": "<ul><li>Je helpt collega's met vragen over hun laptop.</li><li>Je zet laptops klaar.</li>"
    "<li>Je legt vragen vast.</li></ul>",
    "requirements_text": "<p>Je legt dingen rustig uit. Je werkt graag samen.</p>",
    "offer_text": "<p>Je krijgt een contract voor een jaar. Je werkt 32 tot 36 uur per week.</p>",
    "guidance_text": "<p>Je krijgt een buddy en een taalcoach.</p>",
    "workplace_text": "<p>Je werkt in een team van twaalf mensen.</p>",
}


class VacancyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Vacancy

    organisation = factory.SubFactory(OrganisationFactory)
    title = factory.Sequence(lambda n: f"Servicedeskmedewerker {n}")
    hours_min = 32
    hours_max = 36
    scale_min = 6
    scale_max = 8
    contact_name = "Sanne de Vries, HR-adviseur"
    closing_date = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=30))
    tasks_text = CLEAN_TEXT["tasks_text"]
    requirements_text = CLEAN_TEXT["requirements_text"]
    offer_text = CLEAN_TEXT["offer_text"]
    guidance_text = CLEAN_TEXT["guidance_text"]
    workplace_text = CLEAN_TEXT["workplace_text"]


class SkillFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Skill

    esco_id = factory.Sequence(lambda n: f"00000000-0000-0000-0000-{n:012d}")
    label_nl = factory.Sequence(lambda n: f"vaardigheid {n}")
    label_en = factory.Sequence(lambda n: f"skill {n}")
    search_text = factory.LazyAttribute(lambda s: f"{s.label_nl}\n{s.label_en}")
