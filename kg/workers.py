"""Parse and extract in worker processes: documents go out in batches, only the small extraction
records come back, in input order.

Parsing alone in workers left extraction serial in the main process, which then set the pace
(issue 14). Here each worker runs the whole per-document job (:func:`read_batch`: parse, extract,
drop the facts under the confidence floor) and sends back a :class:`Reading` per document, which
holds neither the spaCy ``Doc`` nor the document's text (the caller has the document already).
At most a few batches per worker are in flight, so memory does not grow with the corpus here.

A worker is a forked child (the parent has loaded the spaCy pipeline, so a child starts in
milliseconds and shares the model's memory) that gets SIGKILL when the parent dies
(:func:`kg.nlp.die_with_parent`). A document over its time limit is skipped inside its worker
(SIGALRM works there: a worker runs its jobs in its main thread). A worker that dies (killed,
out of memory, a crash in native code) breaks the pool: a new pool reads the batches that were
lost, one document at a time, and a document whose worker dies twice is skipped and reported.
"""

from __future__ import annotations

import multiprocessing
import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from typing import TypeVar

from pydantic import BaseModel, ConfigDict

from kg.extract import extract_document
from kg.model import Document, ExtractionResult, Fact, Mention, Sentence
from kg.nlp import DocumentTimeout, die_with_parent, load_pipeline, parse_document, time_limit

BATCH_DOCUMENTS = 8  # most documents per batch; fewer when the corpus is small
IN_FLIGHT_PER_WORKER = 3  # batches submitted ahead per worker: enough to keep each one busy

Item = TypeVar("Item")
Made = TypeVar("Made")


class ReadingJob(BaseModel):
    """What every worker needs besides the documents: the pipeline and the build's limits."""

    model_config = ConfigDict(frozen=True)

    model: str
    seconds: float | None = None
    min_confidence: float = 0.0


class Reading(BaseModel):
    """What comes back for one document: its sentences, mentions and facts, or why it was
    skipped, and the seconds its parse and extraction took (for the steps' times)."""

    model_config = ConfigDict(frozen=True)

    sentences: tuple[Sentence, ...] = ()
    mentions: tuple[Mention, ...] = ()
    facts: tuple[Fact, ...] = ()
    skipped: str | None = None
    parse_seconds: float = 0.0
    extract_seconds: float = 0.0

    def result(self, document: Document) -> ExtractionResult:
        """The extraction result of ``document`` (the one this reading was made from); not
        validated again, every part was validated when the worker made it."""
        return ExtractionResult.model_construct(document=document, sentences=self.sentences,
                                                mentions=self.mentions, facts=self.facts)


def default_workers() -> int:
    """The cores this process may run on (a container's limit, not the host's count)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def read_batch(documents: Sequence[Document], job: ReadingJob) -> list[Reading]:
    """Parse and extract each document in this process: the job a worker runs (also in-process
    with one worker, and on a cluster's workers)."""
    nlp = load_pipeline(job.model)
    return [_read_one(nlp, document, job) for document in documents]


def _read_one(nlp: object, document: Document, job: ReadingJob) -> Reading:
    began = time.perf_counter()
    parsed = began
    try:
        with time_limit(job.seconds):
            doc = parse_document(nlp, document)
            parsed = time.perf_counter()
            result = extract_document(document, doc)
    except DocumentTimeout:
        return Reading(skipped=f"{document.source}: reading took more than {job.seconds:g} s; "
                               "document skipped",
                       parse_seconds=parsed - began,
                       extract_seconds=time.perf_counter() - parsed)
    return Reading(sentences=result.sentences, mentions=result.mentions,
                   facts=tuple(f for f in result.facts
                               if f.evidence.confidence >= job.min_confidence),
                   parse_seconds=parsed - began, extract_seconds=time.perf_counter() - parsed)


def batch_size_for(total: int, workers: int) -> int:
    """Documents per batch: ``BATCH_DOCUMENTS``, fewer for a small corpus so that every
    worker gets several batches (a batch is the unit of balance between workers)."""
    return max(1, min(BATCH_DOCUMENTS, total // (workers * IN_FLIGHT_PER_WORKER)))


def batches(documents: Iterable[Document], size: int) -> Iterator[list[Document]]:
    iterator = iter(documents)
    while batch := list(islice(iterator, size)):
        yield batch


def read_in_workers(documents: Iterable[Document], job: ReadingJob, *, workers: int,
                   batch_size: int = BATCH_DOCUMENTS) -> Iterator[tuple[Document, Reading]]:
    """Each document with its reading, in input order; ``workers`` processes (1: in this
    process, for tests and debugging). ``documents`` is read lazily, a few batches ahead."""
    if workers <= 1:
        for batch in batches(documents, batch_size):
            yield from zip(batch, read_batch(batch, job), strict=True)
        return
    load_pipeline(job.model)  # once, before the fork: the children share it
    die_with_parent()
    pool = _ProcessPool(workers, job)
    try:
        pending: deque[tuple[list[Document], Future[list[Reading]]]] = deque()
        waiting = batches(documents, batch_size)
        window = workers * IN_FLIGHT_PER_WORKER
        for batch in islice(waiting, window):
            pending.append((batch, pool.submit(batch)))
        while pending:
            batch, future = pending.popleft()
            try:
                readings = future.result()
            except BrokenProcessPool:
                readings = pool.reread_after_a_death(batch)
                pending = deque((b, f if _succeeded(f) else pool.submit(b)) for b, f in pending)
            yield from zip(batch, readings, strict=True)
            for batch in islice(waiting, window - len(pending)):
                pending.append((batch, pool.submit(batch)))
    finally:
        pool.shutdown()


def _succeeded(future: Future[list[Reading]]) -> bool:
    return future.done() and not future.cancelled() and future.exception() is None


class _ProcessPool:
    """A ``ProcessPoolExecutor`` of forked workers that is replaced when one of them dies."""

    def __init__(self, workers: int, job: ReadingJob) -> None:
        self.workers, self.job = workers, job
        self.executor = self._new_executor()

    def _new_executor(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("fork"))

    def submit(self, batch: list[Document]) -> Future[list[Reading]]:
        return self.executor.submit(read_batch, batch, self.job)

    def _replace(self) -> None:
        self.executor.shutdown(wait=False, cancel_futures=True)
        self.executor = self._new_executor()

    def reread_after_a_death(self, batch: list[Document]) -> list[Reading]:
        """A worker died while ``batch`` was out (not necessarily reading it): read it again
        in a new pool one document at a time; a document whose worker dies again is skipped."""
        readings: list[Reading] = []
        self._replace()
        for document in batch:
            try:
                readings.append(self.submit([document]).result()[0])
            except BrokenProcessPool:
                readings.append(Reading(skipped=f"{document.source}: the worker process "
                                                "reading it died (killed, out of memory or a "
                                                "crash); document skipped"))
                self._replace()
        return readings

    def shutdown(self) -> None:
        """Let the workers finish the batch in hand and exit; nothing new is started. (An
        interrupted build does not wait for them: they die with it.)"""
        self.executor.shutdown(wait=False, cancel_futures=True)


def map_in_forked_workers(make: Callable[[Item], Made], items: Iterable[Item], *,
                           workers: int) -> Iterator[Made]:
    """``make(item)`` for each item, in order, in ``workers`` processes forked now: they see
    this process's state as it is (what ``make`` reads from module globals set before the
    call), so only the items and what ``make`` returns are pickled. At most a few items per
    worker are in flight. If a worker dies, the items not yet made are made in this process
    (slower, never lost). ``make`` must be a module-level function; 1 worker: no fork."""
    if workers <= 1:
        yield from map(make, items)
        return
    die_with_parent()
    executor = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"))
    try:
        pending: deque[tuple[Item, Future[Made]]] = deque()
        waiting = iter(items)
        window = workers * IN_FLIGHT_PER_WORKER
        for item in islice(waiting, window):
            pending.append((item, executor.submit(make, item)))
        while pending:
            item, future = pending.popleft()
            try:
                made = future.result()
            except BrokenProcessPool:
                yield make(item)
                yield from (make(i) for i, _ in pending)
                yield from map(make, waiting)
                return
            yield made
            for item in islice(waiting, window - len(pending)):
                pending.append((item, executor.submit(make, item)))
    finally:
        executor.shutdown(wait=False, cancel_futures=True)


def timed_steps(wall: float, parse: float, extract: float) -> tuple[float, float]:
    """The wall-clock ``wall`` of reading split between parse and extract in proportion to
    the workers' seconds in each, so the two steps add up to the time the user waited."""
    spent = parse + extract
    parsing = wall * (parse / spent) if spent > 0 else wall
    return parsing, wall - parsing
