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

import gc
import multiprocessing
import os
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from functools import partial
from itertools import islice
from typing import Generic, TypeVar

from pydantic import BaseModel, ConfigDict

from kg.extract import extract_document
from kg.gazetteer import load_tables
from kg.model import Document, ExtractionResult, Fact, Mention, Sentence
from kg.nlp import (
    DocumentTimeout,
    die_with_parent,
    load_pipeline,
    parse_document,
    parse_groups,
    parse_together,
    time_limit,
)

BATCH_DOCUMENTS = 8  # most documents per batch; fewer when the corpus is small
# Most documents per batch read (parsed and extracted): a batch's documents are parsed together
# (kg.nlp.parse_together), so spaCy works on up to this many texts at once.
READ_BATCH_DOCUMENTS = 32
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
    with one worker, and on a cluster's workers). The documents are parsed a group at a time
    (``kg.nlp.parse_groups``), then read one by one."""
    nlp = load_pipeline(job.model)
    readings: list[Reading] = []
    for group in parse_groups(documents):
        readings += _read_group(nlp, group, job) if len(group) > 1 else \
            [_read_one(nlp, group[0], job)]
    return readings


def _read_group(nlp: object, group: list[Document], job: ReadingJob) -> list[Reading]:
    """The group parsed together within one document's time limit (a few seconds for dozens of
    articles); over it, each document is parsed again alone with its own limit, so a slow one
    is skipped alone as before. Each document's share of the parse, by its length, counts
    against its limit and its parse time."""
    began = time.perf_counter()
    try:
        with time_limit(job.seconds):
            docs = parse_together(nlp, group)
    except DocumentTimeout:
        return [_read_one(nlp, document, job) for document in group]
    seconds = time.perf_counter() - began
    characters = sum(len(document.body) for document in group) or 1
    return [_read_parsed(document, doc, seconds * len(document.body) / characters, job)
            for document, doc in zip(group, docs, strict=True)]


def _read_one(nlp: object, document: Document, job: ReadingJob) -> Reading:
    began = time.perf_counter()
    parsed = began
    try:
        with time_limit(job.seconds):
            doc = parse_document(nlp, document)
            parsed = time.perf_counter()
            result = extract_document(document, doc)
    except DocumentTimeout:
        return _over_time(document, job, parsed - began, time.perf_counter() - parsed)
    return _reading(result, job, parsed - began, time.perf_counter() - parsed)


def _read_parsed(document: Document, doc: object, parse_seconds: float,
                 job: ReadingJob) -> Reading:
    """Extract from a document parsed with others, in what its time limit leaves after its
    share of the parse."""
    left = job.seconds
    if left is not None and left > 0:
        left = max(left - parse_seconds, 1e-6)
    began = time.perf_counter()
    try:
        with time_limit(left):
            result = extract_document(document, doc)
    except DocumentTimeout:
        return _over_time(document, job, parse_seconds, time.perf_counter() - began)
    return _reading(result, job, parse_seconds, time.perf_counter() - began)


def _over_time(document: Document, job: ReadingJob, parse_seconds: float,
               extract_seconds: float) -> Reading:
    return Reading(skipped=f"{document.source}: reading took more than {job.seconds:g} s; "
                           "document skipped",
                   parse_seconds=parse_seconds, extract_seconds=extract_seconds)


def _reading(result: ExtractionResult, job: ReadingJob, parse_seconds: float,
             extract_seconds: float) -> Reading:
    return Reading(sentences=result.sentences, mentions=result.mentions,
                   facts=tuple(f for f in result.facts
                               if f.evidence.confidence >= job.min_confidence),
                   parse_seconds=parse_seconds, extract_seconds=extract_seconds)


def batch_size_for(total: int, workers: int, most: int = BATCH_DOCUMENTS) -> int:
    """Documents per batch: ``most``, fewer for a small corpus so that every worker gets
    several batches (a batch is the unit of balance between workers)."""
    return max(1, min(most, total // (workers * IN_FLIGHT_PER_WORKER)))


def batches(documents: Iterable[Document], size: int) -> Iterator[list[Document]]:
    iterator = iter(documents)
    while batch := list(islice(iterator, size)):
        yield batch


def read_in_workers(documents: Iterable[Document], job: ReadingJob, *, workers: int,
                   batch_size: int = READ_BATCH_DOCUMENTS) -> Iterator[tuple[Document, Reading]]:
    """Each document with its reading, in input order; ``workers`` processes (1: in this
    process, for tests and debugging). ``documents`` is read lazily, a few batches ahead."""
    if workers <= 1:
        for batch in batches(documents, batch_size):
            yield from zip(batch, read_batch(batch, job), strict=True)
        return
    load_pipeline(job.model)  # once, before the fork: the children share it
    load_tables()  # and the gazetteer's, which each child read again on its first place
    pool = _ProcessPool(workers, partial(read_batch, job=job))

    def read_again(batch: list[Document]) -> list[Reading]:
        """A worker died while ``batch`` was out (not necessarily reading it): read it again
        in the new pool one document at a time; a document whose worker dies again is
        skipped."""
        readings: list[Reading] = []
        for document in batch:
            try:
                readings.append(pool.submit([document]).result()[0])
            except BrokenProcessPool:
                readings.append(Reading(skipped=f"{document.source}: the worker process "
                                                "reading it died (killed, out of memory or a "
                                                "crash); document skipped"))
                pool.replace()
        return readings

    for batch, readings in _made_in_order(pool, batches(documents, batch_size), read_again):
        yield from zip(batch, readings, strict=True)


def map_in_forked_workers(make: Callable[[Item], Made], items: Iterable[Item], *,
                          workers: int) -> Iterator[Made]:
    """``make(item)`` for each item, in order, in ``workers`` processes forked now: they see
    this process's state as it is (what ``make`` reads from module globals set before the
    call), so only the items and what ``make`` returns are pickled. At most a few items per
    worker are in flight. If a worker dies, the item in hand is made in this process (never
    lost) and the others in a new pool. ``make`` must be a module-level function; 1 worker:
    no fork."""
    if workers <= 1:
        yield from map(make, items)
        return
    with _heap_frozen():
        for _, made in _made_in_order(_ProcessPool(workers, make), items, make):
            yield made


@contextmanager
def _heap_frozen() -> Iterator[None]:
    """The objects made so far out of the cyclic collector's sight while workers are forked
    and run (``gc.freeze``, as Python's documentation advises before a fork): a worker's
    collections walked every container it inherited, writing to each, so copying every page
    of the parent's heap, which grows with the corpus (the write workers' private memory
    grew with it: issue 14). Objects made later are collected as before; all are again
    when the pool is done."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def _made_in_order(pool: _ProcessPool[Item, Made], items: Iterable[Item],
                   made_after_a_death: Callable[[Item], Made]
                   ) -> Iterator[tuple[Item, Made]]:
    """Each item with what ``pool`` made of it, in order, items pulled lazily so that
    ``IN_FLIGHT_PER_WORKER`` per worker are out at a time. When a worker dies (the pool is
    broken), the pool is replaced, the item in hand is made by ``made_after_a_death`` and
    the items out that did not come back are sent to the new pool. The pool is shut down
    when the iteration ends or is abandoned."""
    try:
        pending: deque[tuple[Item, Future[Made]]] = deque()
        waiting = iter(items)
        window = pool.workers * IN_FLIGHT_PER_WORKER
        for item in islice(waiting, window):
            pending.append((item, pool.submit(item)))
        while pending:
            item, future = pending.popleft()
            try:
                made = future.result()
            except BrokenProcessPool:
                pool.replace()
                made = made_after_a_death(item)
                pending = deque((i, f if _succeeded(f) else pool.submit(i)) for i, f in pending)
            yield item, made
            for item in islice(waiting, window - len(pending)):
                pending.append((item, pool.submit(item)))
    finally:
        pool.shutdown()


def _succeeded(future: Future[Made]) -> bool:
    return future.done() and not future.cancelled() and future.exception() is None


class _ProcessPool(Generic[Item, Made]):
    """A ``ProcessPoolExecutor`` of forked workers that run ``make``, replaced when one of
    them dies. Its workers get SIGKILL when this process dies (``die_with_parent``)."""

    def __init__(self, workers: int, make: Callable[[Item], Made]) -> None:
        die_with_parent()
        self.workers, self.make = workers, make
        self.executor = self._new_executor()

    def _new_executor(self) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("fork"))

    def submit(self, item: Item) -> Future[Made]:
        return self.executor.submit(self.make, item)

    def replace(self) -> None:
        self.executor.shutdown(wait=False, cancel_futures=True)
        self.executor = self._new_executor()

    def shutdown(self) -> None:
        """Let the workers finish the item in hand and exit; nothing new is started. (An
        interrupted build does not wait for them: they die with it.)"""
        self.executor.shutdown(wait=False, cancel_futures=True)


def timed_steps(wall: float, parse: float, extract: float) -> tuple[float, float]:
    """The wall-clock ``wall`` of reading split between parse and extract in proportion to
    the workers' seconds in each, so the two steps add up to the time the user waited."""
    spent = parse + extract
    parsing = wall * (parse / spent) if spent > 0 else wall
    return parsing, wall - parsing
