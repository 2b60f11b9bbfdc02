"""The first ranking after a start: a saved index loads instead of a rebuild; a large index
without one is built in the background while the page says so (no 20 s wait)."""

from __future__ import annotations

import threading

import pytest
from django.urls import reverse

from talentbrug.matches import engine, services

from .helpers import SUPPORT, TICKET, apply, make_candidate, make_vacancy

pytestmark = pytest.mark.django_db


def _no_db_build() -> None:
    raise AssertionError("the index was rebuilt from the database")


def test_large_index_is_saved_and_loaded_by_content_version(
    organisation, settings, monkeypatch, django_capture_on_commit_callbacks
):
    settings.TALENTBRUG_MATCH_INDEX_LARGE = 1
    vacancy = make_vacancy(organisation, [TICKET, SUPPORT])
    for skills in ([TICKET, SUPPORT], [TICKET]):
        apply(make_candidate(skills), vacancy)
    first, _ = services.rank_candidates(vacancy, store=False)
    assert engine.snapshot_path().exists()

    engine.reset_index()  # a new process
    real_build = engine.build_index
    monkeypatch.setattr(engine, "build_index", _no_db_build)
    again, _ = services.rank_candidates(vacancy, store=False)
    assert [(r.candidate_id, r.score, r.explanation) for r in again] == [
        (r.candidate_id, r.score, r.explanation) for r in first
    ]

    # a change to a candidate makes the snapshot stale: it is deleted, the warm index updated
    with django_capture_on_commit_callbacks(execute=True):
        newcomer = make_candidate([TICKET, SUPPORT], name="Nieuw")
    apply(newcomer, vacancy)
    assert not engine.snapshot_path().exists()
    engine.reset_index()
    monkeypatch.setattr(engine, "build_index", real_build)
    ids = {r.candidate_id for r in services.rank_candidates(vacancy, store=False)[0]}
    assert newcomer.pk in ids


def test_a_snapshot_of_another_version_is_not_used(organisation, settings, monkeypatch):
    settings.TALENTBRUG_MATCH_INDEX_LARGE = 1
    vacancy = make_vacancy(organisation, [TICKET])
    apply(make_candidate([TICKET]), vacancy)
    services.rank_candidates(vacancy, store=False)
    engine.reset_index()
    apply(make_candidate([TICKET]), vacancy)  # no on-commit here: only the fingerprint changes
    builds = []
    real_build = engine.build_index
    monkeypatch.setattr(engine, "build_index", lambda: builds.append(1) or real_build())
    results, _ = services.rank_candidates(vacancy, store=False)
    assert builds == [1] and len(results) == 2


def test_page_says_index_is_being_built_instead_of_blocking(
    staff_client, organisation, settings, monkeypatch
):
    settings.TALENTBRUG_MATCH_INDEX_LARGE = 1
    vacancy = make_vacancy(organisation, [TICKET])
    apply(make_candidate([TICKET], name="Fatima Yilmaz"), vacancy)
    ready = engine.build_index()  # built here: the test database is not shared with threads
    release = threading.Event()

    def slow_build():
        assert release.wait(10)
        return ready

    monkeypatch.setattr(engine, "build_index", slow_build)
    monkeypatch.setattr(engine, "content_version", lambda: "v-test")
    monkeypatch.setattr(engine, "_candidate_count", lambda: 100_000)
    client = staff_client(organisation)
    url = reverse("matches:vacancy_matches", kwargs={"pk": vacancy.pk})
    response = client.get(url)
    html = response.content.decode()
    assert response.status_code == 200 and response["Retry-After"] == "5"
    assert 'id="index-building"' in html and "wordt opgebouwd" in html
    assert "Fatima Yilmaz" not in html
    assert engine.is_building()

    release.set()
    builder = engine._state["builder"]
    if builder is not None:
        builder.join(10)
    assert engine.is_warm() and not engine.is_building()
    html = client.get(url).content.decode()
    assert "Fatima Yilmaz" in html and "index-building" not in html


def test_changes_during_a_background_build_are_applied_to_the_new_index(
    organisation, settings, monkeypatch
):
    vacancy = make_vacancy(organisation, [TICKET])
    cand = make_candidate([TICKET])
    apply(cand, vacancy)
    ready = engine.build_index()
    release = threading.Event()
    monkeypatch.setattr(engine, "build_index", lambda: release.wait(10) and ready)
    monkeypatch.setattr(engine, "content_version", lambda: "v-test")
    monkeypatch.setattr(engine, "_candidate_count", lambda: 100_000)
    assert engine.get_index(wait=False) is None
    refreshed = []
    monkeypatch.setattr(engine, "candidate_input", lambda cid: refreshed.append(cid))
    engine.candidate_changed(cand.pk)  # committed while the builder reads the database
    release.set()
    engine._state["builder"].join(10)
    assert refreshed == [cand.pk]
    assert str(cand.pk) not in engine.get_index()  # candidate_input said "gone"


def test_build_match_index_command_saves_a_loadable_index(organisation, monkeypatch):
    from django.core.management import call_command

    vacancy = make_vacancy(organisation, [TICKET])
    apply(make_candidate([TICKET]), vacancy)
    call_command("build_match_index")
    assert engine.snapshot_path().exists()
    monkeypatch.setattr(engine, "build_index", _no_db_build)
    assert len(services.rank_candidates(vacancy, store=False)[0]) == 1
