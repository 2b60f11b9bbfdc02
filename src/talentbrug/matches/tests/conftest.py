import pytest


@pytest.fixture(autouse=True)
def _fresh_index(settings):
    """Every test starts without a warm index (it is per process) and without embeddings
    from a local var/ cache, so results do not depend on the machine."""
    from talentbrug.matches import engine

    settings.TALENTBRUG_MATCH_EMBEDDINGS = False
    engine.similarity.cache_clear()
    engine.reset_index()
    yield
    engine.reset_index()
    engine.similarity.cache_clear()
