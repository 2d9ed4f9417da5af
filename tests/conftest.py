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


TINY_ARTICLES = {
    # The second sentence is hard-wrapped, so its quote (nif:anchorOf) holds a line break.
    "gift.txt": "Putin gives Kim a rifle in Pyongyang\n\n"
                "Russian President Vladimir Putin gave North Korean\n"
                "leader Kim Jong Un a rifle on Tuesday.\n",
    "meeting.md": "# Kim meets Putin in Moscow for talks\n\n"
                  "**Kim Jong Un** met Vladimir Putin in Moscow on 13 September 2023.\n",
}


@pytest.fixture(scope="session")
def tiny_corpus_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two short articles (plain text and Markdown), for tests that need a real build."""
    folder = tmp_path_factory.mktemp("tiny_corpus")
    for name, text in TINY_ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def tiny_build(tiny_corpus_dir: Path):
    import kg

    return kg.build_result([tiny_corpus_dir])
