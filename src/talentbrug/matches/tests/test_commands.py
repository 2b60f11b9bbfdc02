from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db


def test_seed_scale_smoke_is_deterministic_and_refuses_a_second_run():
    from talentbrug.applications.models import Application, Candidate, CandidateSkill, Consent
    from talentbrug.matches import engine
    from talentbrug.vacancies.models import Requirement, Vacancy

    out = StringIO()
    call_command("seed_scale", candidates=200, vacancies=20, applications=300, seed=7, stdout=out)
    text = out.getvalue()
    assert "total" in text and "candidates" in text and "applications" in text
    assert Candidate.objects.count() == 200
    assert (
        Vacancy.objects.count() == 20
        and Requirement.objects.filter(skill__isnull=False).count() >= 80
    )
    assert Application.objects.count() == 300
    assert CandidateSkill.objects.filter(confirmed=True).count() > 200
    assert Consent.objects.exists()
    first = list(
        CandidateSkill.objects.order_by("candidate__email", "esco_id").values_list(
            "esco_id", flat=True
        )[:50]
    )
    # Same seed, same data: the candidates' skills are the same after a fresh start.
    CandidateSkill.objects.all().delete()
    Application.objects.all().delete()
    Candidate.objects.all().delete()
    call_command(
        "seed_scale", candidates=200, vacancies=20, applications=300, seed=7, stdout=StringIO()
    )
    again = list(
        CandidateSkill.objects.order_by("candidate__email", "esco_id").values_list(
            "esco_id", flat=True
        )[:50]
    )
    assert first == again
    with pytest.raises(CommandError):
        call_command(
            "seed_scale", candidates=10, vacancies=2, applications=0, seed=7, stdout=StringIO()
        )
    # The index builds from this data and ranks a vacancy.
    from talentbrug.matches.services import rank_candidates

    vacancy = Vacancy.objects.filter(applications__isnull=False).first()
    engine.reset_index()
    results, _free = rank_candidates(vacancy, store=False)
    assert results and results[0].score >= results[-1].score


def test_build_embeddings_is_resumable_with_the_fake_embedder(settings, tmp_path):
    settings.VAR_DIR = tmp_path
    out = StringIO()
    call_command("build_embeddings", fake=True, limit=300, chunk_size=100, stdout=out)
    assert "300/300" in out.getvalue() and "300 x 256" in out.getvalue()
    files = list((tmp_path / "cache" / "embeddings").glob("*.npy"))
    assert len(files) == 1
    again = StringIO()
    call_command("build_embeddings", fake=True, limit=300, chunk_size=100, stdout=again)
    assert "300/300" in again.getvalue()
