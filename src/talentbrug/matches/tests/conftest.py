import pytest


@pytest.fixture(autouse=True)
def _fresh_index():
    """Every test starts without a warm index (it is per process)."""
    from talentbrug.matches import engine

    engine.reset_index()
    yield
    engine.reset_index()
