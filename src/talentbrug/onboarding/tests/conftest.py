from typing import Any

import pytest

from talentbrug.conftest import PersonClient


@pytest.fixture
def client() -> Any:
    """The new hire's browser: presses the button of the page a mailed link opens."""
    return PersonClient()
