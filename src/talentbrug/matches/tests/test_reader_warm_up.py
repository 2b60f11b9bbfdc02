"""No model load on a request (issue #20): while the e5 model is not warm, reading and the
skill search answer at once with words only and the model loads in a background thread; a
Celery worker (``wait_for_model``) waits for it instead."""

from __future__ import annotations

import threading

import numpy as np
import pytest

from talentbrug.applications.services import extraction
from talentbrug.matches import reader
from talentbrug.taxonomy.services import search_skills  # noqa: F401 (the registered search)


class SlowEmbedder:
    """An embedder whose first use blocks until the test lets it go (a model that loads)."""

    name = "slow-test-embedder"
    dim = 4

    def __init__(self) -> None:
        self.release = threading.Event()
        self.started = threading.Event()

    def embed_queries(self, texts):
        self.started.set()
        assert self.release.wait(30), "the test never released the model"
        return np.ones((len(texts), self.dim), dtype=np.float32) / 2.0

    def embed_passages(self, texts):  # pragma: no cover - the reader embeds queries only
        return self.embed_queries(texts)


@pytest.fixture
def slow_model(settings, tmp_path, monkeypatch):
    settings.TALENTBRUG_EXTRACTION_MODEL = True
    settings.VAR_DIR = tmp_path
    slow = SlowEmbedder()
    monkeypatch.setattr(reader, "_embedder", lambda: slow)
    reader.profile_reader.cache_clear()
    reader.wait_for_model(False)
    yield slow
    slow.release.set()
    thread = reader._warm["thread"]
    if thread is not None:
        thread.join(30)
    reader.profile_reader.cache_clear()
    reader.wait_for_model(False)


def test_a_request_never_waits_for_the_model(slow_model):
    # the words-only reader answers while the model is still loading
    found = extraction.extract_skills("Ik programmeer in Python en schrijf SQL.")
    assert {f.label for f in found} >= {"SQL"}
    assert slow_model.started.wait(30)  # the warm-up thread runs
    assert reader.current_reader().uses_model is False  # still loading: words only
    assert reader.search_meaning("Python", 5)  # the skill picker answers too
    slow_model.release.set()
    reader._warm["thread"].join(30)
    assert reader.current_reader().uses_model is True  # warm: the model is in the loop


def test_a_worker_waits_for_the_model(slow_model):
    reader.wait_for_model()
    slow_model.release.set()
    assert reader.current_reader().uses_model is True


def test_worker_start_warms_the_reader(slow_model):
    from celery import signals as celery_signals

    celery_signals.worker_process_init.send(sender=None)  # what a starting worker process sends
    assert reader._warm["wait"] is True
    assert slow_model.started.wait(30)
    slow_model.release.set()
    reader._warm["thread"].join(30)
    assert reader.profile_reader.cache_info().currsize == 1
