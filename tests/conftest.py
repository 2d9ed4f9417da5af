"""Shared fixtures: one spaCy pipeline and one build of the seeds per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "seeds"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def seed_build():
    import kg

    return kg.build_result([SEEDS])


@pytest.fixture(scope="session")
def nlp():
    from kg.nlp import choose_model, load_pipeline

    return load_pipeline(choose_model())
