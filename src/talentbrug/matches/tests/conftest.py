import pytest


@pytest.fixture(autouse=True)
def _fresh_index(settings, tmp_path):
    """Every test starts without a warm index (it is per process), without embeddings from a
    local var/ cache and with its own snapshot folder, so results do not depend on var/."""
    from talentbrug.matches import engine

    settings.TALENTBRUG_MATCH_EMBEDDINGS = False
    settings.TALENTBRUG_MATCH_INDEX_DIR = str(tmp_path / "match_index")
    engine.similarity.cache_clear()
    engine.reset_index()
    yield
    engine.reset_index()
    engine.similarity.cache_clear()
