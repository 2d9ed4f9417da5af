"""Progress reports: each step starts, advances and finishes once, in pipeline order."""

from __future__ import annotations

import io

import pytest

import kg
from kg.progress import LogLines, log_line, step


class Recorder:
    def __init__(self) -> None:
        self.events: list[tuple[str, ...]] = []

    def start(self, name: str, total: int | None = None) -> None:
        self.events.append(("start", name, str(total)))

    def advance(self, name: str, done: int) -> None:
        self.events.append(("advance", name, str(done)))

    def finish(self, name: str, summary: str, seconds: float) -> None:
        assert seconds >= 0
        self.events.append(("finish", name, summary))


def test_the_pipeline_reports_parse_extract_resolve_and_graph(tiny_corpus_dir):
    recorder = Recorder()

    result = kg.build_result([tiny_corpus_dir], progress=recorder)

    finished = [(name, summary) for kind, name, summary in recorder.events if kind == "finish"]
    assert [name for name, _ in finished] == ["parse", "extract", "resolve", "graph"]
    assert finished[0][1] == "2 documents"
    assert finished[2][1] == (f"{len(result.corpus.entities)} entities, "
                              f"{len(result.corpus.facts)} fact readings")
    assert finished[3][1] == f"{len(result.dataset):,} quads"
    assert ("start", "parse", "2") in recorder.events
    assert [e[2] for e in recorder.events if e[:2] == ("advance", "parse")] == ["1", "2"]
    assert [e[2] for e in recorder.events if e[:2] == ("advance", "extract")] == ["1", "2"]


def test_a_step_that_fails_is_not_reported_finished():
    recorder = Recorder()

    with pytest.raises(ValueError), step(recorder, "write") as summary:
        summary.append("never")
        raise ValueError("disk full")

    assert recorder.events == [("start", "write", "None")]


def test_log_lines_are_one_line_per_finished_step():
    stream = io.StringIO()
    logger = LogLines(stream)

    with step(logger, "validate", total=None) as summary:
        summary.append("conforms")

    (line,) = stream.getvalue().splitlines()
    assert line.startswith("kg: validate: conforms in ") and line.endswith(" s")
    assert log_line("parse", "5 documents", 1.25) == "kg: parse: 5 documents in 1.2 s"
