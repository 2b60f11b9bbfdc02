"""The vacancy text's vector (issue #20): computed in a task after the vacancy is saved and
stored, used by both rankings without embedding in the request, and filled in for what was
stored before by ``manage.py build_text_vectors``."""

from __future__ import annotations

from io import StringIO

import numpy as np
import pytest
from django.core.management import call_command
from django.template import Context, Template

from talentbrug.applications.models import Document, Experience
from talentbrug.applications.tests.factories import ApplicationFactory
from talentbrug.matches import reader, services, textvectors
from talentbrug.matches.models import TextVector, VacancyVector
from talentbrug.matching.embeddings import HashingEmbedder
from talentbrug.matching.reading import TextMeaning
from talentbrug.vacancies.models import Vacancy

from .helpers import SUPPORT, TICKET, make_candidate, make_vacancy

pytestmark = pytest.mark.django_db

SERVICEDESK = (
    "<p>Je helpt collega's met storingen aan hun laptop en telefoon, je registreert meldingen "
    "in het ticketsysteem en je lost problemen met accounts en printers op.</p>"
)
GARDEN = (
    "<p>Je maait het gras, snoeit de heggen en plant bloembollen in de parken van de gemeente.</p>"
)


class CountingEmbedder(HashingEmbedder):
    """The suite's deterministic fake model, counting what it embeds."""

    def __init__(self) -> None:
        super().__init__()
        self.queries: list[str] = []

    def embed_queries(self, texts):  # type: ignore[no-untyped-def]
        self.queries.extend(texts)
        return super().embed_queries(texts)


@pytest.fixture
def model(monkeypatch):
    """The reader with a ready (fake) model in this process, like a Celery worker's."""
    emb = CountingEmbedder()

    def query_vector(text: str):  # type: ignore[no-untyped-def]
        return emb.embed_queries([text])[0]

    monkeypatch.setattr(reader, "model_enabled", lambda: True)
    monkeypatch.setattr(reader, "model_ready", lambda: True)
    monkeypatch.setattr(reader, "model_name", lambda: emb.name)
    monkeypatch.setattr(reader, "query_vector", query_vector)
    monkeypatch.setattr(
        reader, "text_meaning", lambda text: TextMeaning(emb.embed_passages([text])[0], 0.05)
    )
    monkeypatch.setattr(textvectors, "_vacancy_cache", type(textvectors._vacancy_cache)())
    monkeypatch.setitem(reader._warm, "wait", reader._warm["wait"])  # the command sets it
    return emb


def no_embedding(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """From here on, embedding anything fails the test (a request must not)."""

    def fail(text: str) -> None:
        pytest.fail(f"embedded in the request: {text[:40]}")

    monkeypatch.setattr(reader, "query_vector", fail)
    monkeypatch.setattr(reader, "text_meaning", fail)


def saved_vacancy(organisation, capture, **kwargs):  # type: ignore[no-untyped-def]
    with capture(execute=True):
        return make_vacancy(organisation, [TICKET, SUPPORT], [], **kwargs)


def text_row(candidate, vector, text: str = "tekst") -> TextVector:  # type: ignore[no-untyped-def]
    return TextVector.objects.create(
        candidate=candidate,
        text_hash=textvectors.text_hash(text),
        model_name="hashing-fake-256",
        vector=np.asarray(vector, np.float16).tobytes(),
        ict_margin=0.05,
    )


def test_saving_a_vacancy_stores_the_vector_of_its_text(
    organisation, model, django_capture_on_commit_callbacks
):
    vacancy = saved_vacancy(
        organisation, django_capture_on_commit_callbacks, tasks_text=SERVICEDESK
    )
    row = VacancyVector.objects.get(vacancy=vacancy)
    text = textvectors.vacancy_text(vacancy)
    assert row.text_hash == textvectors.text_hash(text)
    assert row.model_name == "hashing-fake-256" and row.computed_at is not None
    # the same text, the same e5 "query" embedding as before (float16 stored)
    expected = HashingEmbedder().embed_queries([text])[0]
    assert np.allclose(textvectors.vector_of(row.vector), expected, atol=2e-3)
    assert model.queries == [text]


def test_a_second_save_with_the_same_text_computes_nothing(
    organisation, model, django_capture_on_commit_callbacks
):
    vacancy = saved_vacancy(
        organisation, django_capture_on_commit_callbacks, tasks_text=SERVICEDESK
    )
    before = VacancyVector.objects.get(vacancy=vacancy).computed_at
    with django_capture_on_commit_callbacks(execute=True) as queued:
        vacancy.save()
        vacancy.status = vacancy.status
        vacancy.save(update_fields=["status"])
    assert not [c for c in queued if c.__module__.startswith("talentbrug.matches")]
    assert len(model.queries) == 1
    assert VacancyVector.objects.get(vacancy=vacancy).computed_at == before


def test_a_changed_text_is_computed_again(organisation, model, django_capture_on_commit_callbacks):
    vacancy = saved_vacancy(
        organisation, django_capture_on_commit_callbacks, tasks_text=SERVICEDESK
    )
    first = VacancyVector.objects.get(vacancy=vacancy)
    vacancy.tasks_text = GARDEN
    with django_capture_on_commit_callbacks(execute=True):
        vacancy.save(update_fields=["tasks_text"])
    row = VacancyVector.objects.get(vacancy=vacancy)
    assert row.text_hash == textvectors.text_hash(textvectors.vacancy_text(vacancy))
    assert row.text_hash != first.text_hash
    assert "gras" in model.queries[-1] and len(model.queries) == 2
    assert not np.allclose(textvectors.vector_of(row.vector), textvectors.vector_of(first.vector))


def test_rank_candidates_uses_the_stored_vector_and_embeds_nothing(
    organisation, make_staff, model, monkeypatch, django_capture_on_commit_callbacks
):
    vacancy = saved_vacancy(
        organisation, django_capture_on_commit_callbacks, tasks_text=SERVICEDESK
    )
    stored = textvectors.vector_of(VacancyVector.objects.get(vacancy=vacancy).vector)
    alike = make_candidate([], consent=True)
    text_row(alike, stored)
    no_embedding(monkeypatch)
    results, _free = services.rank_candidates(vacancy, actor=make_staff(organisation))
    (top,) = [r for r in results if r.candidate_id == alike.pk]
    assert top.explanation["weights"]["text"] == pytest.approx(0.4)
    assert top.explanation["text"]["similarity"] == pytest.approx(1.0, abs=1e-2)
    assert top.explanation["text"]["evidence"] is True
    # a text changed without a signal (a bulk update): the stored vector is not used, and
    # without a model ready here the ranking has no text part (nothing embedded or written)
    Vacancy.objects.filter(pk=vacancy.pk).update(tasks_text=GARDEN)
    vacancy.refresh_from_db()
    monkeypatch.setattr(reader, "query_vector", lambda text: None)
    results, _free = services.rank_candidates(vacancy, store=False)
    assert results and all("text" not in r.explanation["weights"] for r in results)
    assert VacancyVector.objects.get(vacancy=vacancy).text_hash != textvectors.text_hash(
        textvectors.vacancy_text(vacancy)
    )


def test_build_text_vectors_fills_what_is_missing_and_is_idempotent(
    organisation, model, monkeypatch
):
    # stored before the task existed, or while no model was loaded: no vectors
    vacancy = make_vacancy(organisation, [TICKET], [], tasks_text=SERVICEDESK)
    cand = make_candidate([])
    application = ApplicationFactory(vacancy=vacancy, candidate=cand, route="no_cv")
    Document.objects.create(
        candidate=cand,
        application=application,
        kind="cv",
        file="cv.pdf",
        original_name="cv.pdf",
        detected_type="pdf",
        content_type="application/pdf",
        size=10,
        sha256="0" * 64,
        extraction_status="done",
        extracted_text="Ik werkte drie jaar op een servicedesk.",
    )
    Experience.objects.create(
        candidate=cand,
        application=application,
        title="Werk",
        description="Ik repareerde telefoons op de markt.",
    )
    assert not TextVector.objects.exists() and not VacancyVector.objects.exists()

    out = StringIO()
    call_command("build_text_vectors", "--limit", "1", stdout=out)
    assert TextVector.objects.count() == 1 and not VacancyVector.objects.exists()
    assert "run again to continue" in out.getvalue()

    out = StringIO()
    call_command("build_text_vectors", stdout=out)
    rows = {r.text_hash: r for r in TextVector.objects.filter(candidate=cand)}
    cv_hash = textvectors.text_hash("Ik werkte drie jaar op een servicedesk.")
    typed_hash = textvectors.text_hash("Ik repareerde telefoons op de markt.")
    assert set(rows) == {cv_hash, typed_hash}
    assert rows[cv_hash].application_id == application.pk  # scoped like the task scopes it
    assert rows[typed_hash].application_id == application.pk
    row = VacancyVector.objects.get(vacancy=vacancy)
    assert row.text_hash == textvectors.text_hash(textvectors.vacancy_text(vacancy))
    assert "candidate texts: 1 computed, 1 already stored" in out.getvalue()
    assert "vacancies: 1 computed, 0 already stored" in out.getvalue()

    no_embedding(monkeypatch)  # a third run computes nothing
    out = StringIO()
    call_command("build_text_vectors", stdout=out)
    assert "candidate texts: 0 computed, 2 already stored" in out.getvalue()
    assert "vacancies: 0 computed, 1 already stored" in out.getvalue()
    assert TextVector.objects.count() == 2 and VacancyVector.objects.count() == 1


def test_build_text_vectors_one_side_only(organisation, model):
    make_vacancy(organisation, [TICKET], [], tasks_text=SERVICEDESK)
    call_command("build_text_vectors", "--candidates-only", stdout=StringIO())
    assert not VacancyVector.objects.exists()
    call_command("build_text_vectors", "--vacancies-only", stdout=StringIO())
    assert VacancyVector.objects.count() == 1


def test_the_portal_ranks_by_text_from_stored_vectors_only(
    organisation, model, monkeypatch, django_capture_on_commit_callbacks
):
    """A candidate without a single skill, whose CV resembles the servicedesk vacancy, sees
    it, with the text part in its explanation; a vacancy with no evidence at all is not shown."""
    servicedesk = saved_vacancy(
        organisation, django_capture_on_commit_callbacks, tasks_text=SERVICEDESK
    )
    garden = saved_vacancy(
        organisation, django_capture_on_commit_callbacks, title="Hovenier", tasks_text=GARDEN
    )
    cand = make_candidate([])
    text_row(cand, textvectors.vector_of(VacancyVector.objects.get(vacancy=servicedesk).vector))
    no_embedding(monkeypatch)
    results = services.rank_vacancies(cand)
    assert [r.vacancy.pk for r in results] == [servicedesk.pk]
    assert garden.pk not in {r.vacancy.pk for r in results}
    (top,) = results
    assert top.explanation["text"]["evidence"] is True
    assert top.explanation["weights"]["text"] == pytest.approx(0.4)
    assert top.explanation["components"]["text"] == pytest.approx(1.0)
    assert ("Tekst lijkt op de vacature", 100, 40) in top.described.components
    html = Template("{% load matches %}{% vacancies_for_you candidate %}").render(
        Context({"candidate": cand})
    )
    assert servicedesk.title in html and "Hovenier" not in html
    assert "Wat je schreef lijkt op deze vacature" in html


def test_the_portal_gives_a_skill_match_the_text_part_too(
    organisation, model, monkeypatch, django_capture_on_commit_callbacks
):
    """With skills and a text, a vacancy found through the skills is scored with the text part
    as well (the same weights as for HR); without a text, as before (no text part)."""
    vacancy = saved_vacancy(organisation, django_capture_on_commit_callbacks, tasks_text=GARDEN)
    with_text = make_candidate([TICKET])
    text_row(with_text, model.embed_passages(["Ik hielp collega's met hun computer."])[0])
    without_text = make_candidate([TICKET])
    no_embedding(monkeypatch)
    (row,) = services.rank_vacancies(with_text)
    assert row.vacancy.pk == vacancy.pk
    assert row.explanation["weights"]["text"] == pytest.approx(0.4)
    assert row.explanation["text"]["similarity"] < 0.84  # evidence is the skill here
    (plain,) = services.rank_vacancies(without_text)
    assert "text" not in plain.explanation["weights"]


def test_the_portal_finds_a_vacancy_by_contrast_once_the_reference_is_there(
    organisation, model, monkeypatch, django_capture_on_commit_callbacks
):
    """A CV in a language e5 puts further from every Dutch text (cosine below 0.84 with the
    vacancy) is still led to the vacancy it is about, once this process's warm-up computed the
    reference: it is clearly closer to this vacancy than to ICT work in general."""
    vacancy = saved_vacancy(
        organisation, django_capture_on_commit_callbacks, tasks_text=SERVICEDESK
    )
    job = textvectors.vector_of(VacancyVector.objects.get(vacancy=vacancy).vector)
    rng = np.random.default_rng(7)
    noise = rng.standard_normal(job.shape).astype(np.float32)
    noise -= (noise @ job) * job  # orthogonal to the job
    noise /= np.linalg.norm(noise)
    cv = 0.8 * job + 0.6 * noise  # cosine 0.80 with the vacancy
    reference = 0.7 * job + 0.71 * noise[::-1]  # "ICT work in general": near the job, not the CV
    cand = make_candidate([])
    text_row(cand, cv)
    no_embedding(monkeypatch)
    monkeypatch.setattr(reader, "_reference", {})
    assert services.rank_vacancies(cand) == []  # no reference yet: 0.80 is not evidence
    monkeypatch.setattr(reader, "_reference", {"fake": reference})
    (row,) = services.rank_vacancies(cand)
    assert row.vacancy.pk == vacancy.pk
    text = row.explanation["text"]
    assert text["similarity"] < 0.84 and text["contrast"] >= 0.03 and text["evidence"] is True


def test_the_portal_does_not_suggest_a_vacancy_the_candidate_applied_to(
    organisation, model, monkeypatch, django_capture_on_commit_callbacks
):
    """A vacancy the candidate applied to is listed under their applications, not suggested
    again; after a withdrawal it may be suggested once more."""
    from talentbrug.applications.constants import ApplicationStatus

    servicedesk = saved_vacancy(
        organisation, django_capture_on_commit_callbacks, tasks_text=SERVICEDESK
    )
    cand = make_candidate([TICKET])
    text_row(cand, textvectors.vector_of(VacancyVector.objects.get(vacancy=servicedesk).vector))
    no_embedding(monkeypatch)
    assert [r.vacancy.pk for r in services.rank_vacancies(cand)] == [servicedesk.pk]
    application = ApplicationFactory(candidate=cand, vacancy=servicedesk)
    assert services.rank_vacancies(cand) == []
    application.status = ApplicationStatus.WITHDRAWN
    application.save(update_fields=["status"])
    assert [r.vacancy.pk for r in services.rank_vacancies(cand)] == [servicedesk.pk]
