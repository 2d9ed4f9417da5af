"""Progress of the long steps of a build (parse, extract, resolve, graph, validate, write) and
of a load into a store (load, counted in graphs).

The pipeline and the CLI report to a :class:`Progress`: ``start`` a step (with a total when it
counts documents), ``advance`` it, ``finish`` it with a summary of what it made and the seconds
it took. Where the reports go is the caller's choice: :class:`Bars` draws rich progress bars on a
terminal, :class:`LogLines` writes one plain line per finished step (for logs and CI, where bars
would be residue), :class:`Silent` says nothing (``--quiet``, and the Python API by default).
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from types import TracebackType
from typing import Protocol, TextIO

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    TaskID,
    TextColumn,
)
from rich.progress import Progress as RichProgress

STEP_VERBS = {"parse": "parsing", "extract": "extracting", "resolve": "resolving",
              "graph": "building the graph", "validate": "validating", "write": "writing",
              "load": "loading"}


class Progress(Protocol):
    """What a long-running stage tells its caller."""

    def start(self, step: str, total: int | None = None) -> None: ...

    def advance(self, step: str, done: int) -> None: ...

    def finish(self, step: str, summary: str, seconds: float) -> None: ...


class Silent:
    """No reports: the Python API's default and ``--quiet``."""

    def start(self, step: str, total: int | None = None) -> None:
        pass

    def advance(self, step: str, done: int) -> None:
        pass

    def finish(self, step: str, summary: str, seconds: float) -> None:
        pass


@dataclass
class LogLines:
    """One line per finished step, 'kg: parse: 5 documents in 2.1 s', for a stream that is not
    a terminal."""

    stream: TextIO

    def start(self, step: str, total: int | None = None) -> None:
        pass

    def advance(self, step: str, done: int) -> None:
        pass

    def finish(self, step: str, summary: str, seconds: float) -> None:
        self.stream.write(log_line(step, summary, seconds) + "\n")
        self.stream.flush()


def log_line(step: str, summary: str, seconds: float) -> str:
    return f"kg: {step}: {summary} in {seconds:.1f} s"


class Bars:
    """A rich progress bar per step on a terminal: counted steps fill, the others pulse; each
    bar is left showing what it made and the seconds it took."""

    def __init__(self, console: Console) -> None:
        # No elapsed-time column: parsing and extraction take turns, so wall time since a bar
        # started would count the other's turns; each bar ends with its own measured seconds.
        self._bars = RichProgress(TextColumn("{task.description:<20}"), BarColumn(),
                                  MofNCompleteColumn(), TextColumn("{task.fields[summary]}"),
                                  console=console)
        self._tasks: dict[str, TaskID] = {}
        self._totals: dict[str, int | None] = {}

    def __enter__(self) -> Bars:
        self._bars.start()
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self._bars.stop()

    def start(self, step: str, total: int | None = None) -> None:
        self._tasks[step] = self._bars.add_task(STEP_VERBS.get(step, step), total=total,
                                                summary="")
        self._totals[step] = total

    def advance(self, step: str, done: int) -> None:
        self._bars.update(self._tasks[step], completed=done)

    def finish(self, step: str, summary: str, seconds: float) -> None:
        task, total = self._tasks[step], self._totals[step] or 1
        self._bars.update(task, total=total, completed=total,
                          summary=f"{summary} ({seconds:.1f} s)")
        self._bars.stop_task(task)


@contextmanager
def step(progress: Progress, name: str, total: int | None = None) -> Iterator[list[str]]:
    """Time one step: ``with step(progress, "write") as summary: ...; summary.append("2 files")``
    reports the step finished with that summary, only if the body did not raise."""
    summary: list[str] = []
    began = time.perf_counter()
    progress.start(name, total)
    yield summary
    progress.finish(name, ", ".join(summary), time.perf_counter() - began)
