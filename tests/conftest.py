from __future__ import annotations

import pytest

from detector import Detector


@pytest.fixture(scope="session")
def detector() -> Detector:
    """One detector per test session: loading spaCy and the model is the slow part, as in a worker."""
    return Detector()
