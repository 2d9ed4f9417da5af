"""Where kg build's main process spends memory, stage by stage (issue 14).

Usage:
  python benchmarks/probe_memory.py extract FOLDER RECORDS.pkl [--workers 2]
  python benchmarks/probe_memory.py write RECORDS.pkl COUNT [--out graph.nq] [--held]
                                         [--workers 2]
  python benchmarks/probe_memory.py phases RECORDS.pkl COUNT
  python benchmarks/probe_memory.py write-traced RECORDS.pkl COUNT [--out graph.nq]

``extract`` parses and extracts FOLDER with kg's workers (as ``kg build`` does), printing the
main process's RSS every 100 documents, and pickles the records. ``write`` takes the first
COUNT records, hands them over in batches of 8 pickled by this code (as the workers send
them) into a record spool on disk (``--held``: a list in memory, as before), resolves them
and writes the streamed, validated N-Quads (``kg.graphstream``: the document parts made in
``--workers`` forked processes, as ``kg build`` makes them), printing the RSS above
the starting point after each stage, every 100 document parts and around the final check
of the corpus chunks, with the peak (sampled every 50 ms), and the largest write worker's
RSS. No spaCy model is loaded in
``write``, so a real build's main process holds about 150 MB more.
``write-traced`` resolves as ``write`` does and traces the write step alone with
``tracemalloc``: what it holds as the corpus part and the document parts go by, and where.
``resolve`` resolves the first COUNT records from a spool as a streamed build does, with
Python's ``tracemalloc`` on: the memory its objects hold when it ends (the lean corpus it
returns) and at its peak (what it holds while it runs, records included), which the RSS alone
cannot split (the allocator keeps freed pages).
``phases`` resolves the first COUNT records as a streamed build does, step by step, printing
each step's CPU seconds and the RSS after it (reading the names, clustering them, the second
pass, the entities, the readings grouped): what grows faster than the corpus shows here.
Numbers, not tests: nothing here asserts anything.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import multiprocessing
import os
import pickle
import sys
import tempfile
import threading
import time
from pathlib import Path


def rss_mb(pid: str = "self") -> int:
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS"):
                return int(line.split()[1]) // 1024
    return 0


def private_mb(pid: str) -> int:
    """The memory ``pid`` holds alone (private clean + dirty pages, its USS): a forked
    worker's RSS also counts the pages it still shares with the process that forked it."""
    private = 0
    with open(f"/proc/{pid}/smaps_rollup") as rollup:
        for line in rollup:
            if line.startswith(("Private_Clean", "Private_Dirty")):
                private += int(line.split()[1])
    return private // 1024


class Peak:
    """The highest RSS seen since started, sampled in a thread."""

    def __init__(self) -> None:
        self.base = rss_mb()
        self.high = self.base
        self.worker_high = 0  # the largest child process (the write step's workers)
        self.worker_private = 0  # the most memory a child held alone (not shared)
        threading.Thread(target=self._sample, daemon=True).start()

    def _sample(self) -> None:
        while True:
            self.high = max(self.high, rss_mb())
            for pid in Path("/proc/self/task/").glob("*/children"):
                for child in pid.read_text().split():
                    with contextlib.suppress(OSError):  # a child that just ended
                        self.worker_high = max(self.worker_high, rss_mb(child))
                        self.worker_private = max(self.worker_private, private_mb(child))
            time.sleep(0.05)

    def mark(self, what: str) -> None:
        print(f"{time.strftime('%H:%M:%S')} {what}: rss +{rss_mb() - self.base} MB, "
              f"peak +{self.high - self.base} MB (absolute {self.high} MB); this process's "
              f"CPU {time.process_time():.1f} s, load {os.getloadavg()[0]:.1f}", flush=True)


def extract(folder: Path, records: Path, workers: int) -> None:
    from kg.pipeline import extract_paths

    peak = Peak()

    class Log:
        def start(self, name: str, total: int | None = None) -> None: ...

        def advance(self, name: str, done: int) -> None:
            if name == "parse" and done % 100 == 0:
                peak.mark(f"{done} documents read")

        def finish(self, name: str, summary: str, seconds: float) -> None:
            print(f"{name}: {summary} in {seconds:.1f} s", flush=True)

    extraction = extract_paths([folder], progress=Log(), workers=workers)
    records.write_bytes(pickle.dumps({"model": extraction.model,
                                      "results": list(extraction.results)}))


def write(records: Path, count: int, out: Path, held: bool = False, workers: int = 2) -> None:
    import kg.graphstream as graphstream
    from kg.pipeline import finish_build

    validate = sys.modules["kg.validate"]  # kg.validate is also kg's validate() function
    with tempfile.TemporaryDirectory(prefix="kg-probe-") as folder:
        # The batches are cut in a child: the whole file unpickled here would leave its freed
        # memory to this process, which would then hide what resolution adds.
        with multiprocessing.get_context("fork").Pool(1) as child:
            model, files = child.apply(_cut_batches, (records, count, Path(folder)))
        peak = Peak()
        if held:  # as kg did before the records were spooled (kg.recordspool)
            results: list[object] | RecordSpool = [
                r for f in files for r in pickle.loads(f.read_bytes())]
        else:
            from kg.recordspool import RecordSpool

            results = RecordSpool()
            for file in files:
                for record in pickle.loads(file.read_bytes()):
                    results.add(record)
    gc.collect()
    peak.mark(f"{len(results)} records{' held' if held else ' spooled'}")
    began = time.perf_counter()
    built = finish_build(results, model, graph=False)  # keeps the spool: texts are read back
    del results
    peak.mark(f"resolved in {time.perf_counter() - began:.0f} s")
    # the parts are checked in the workers (or here with --workers 1); this process adds each
    # part's check to the rest, in order
    add_checked, report = validate.PartValidation.add_checked, validate.PartValidation.report
    parts = [0]

    def counted(self: object, part: object) -> None:
        add_checked(self, part)
        parts[0] += 1
        if parts[0] % 100 == 0:
            peak.mark(f"{parts[0]} document parts")

    def marked(self: object) -> object:
        peak.mark("before the final check of the corpus chunks")
        answer = report(self)
        peak.mark("after it")
        return answer

    validate.PartValidation.add_checked, validate.PartValidation.report = counted, marked
    began = time.perf_counter()
    done = graphstream.write_streamed(built.corpus, built.model, {out: "nquads"},
                                      workers=workers, records=built.records)
    peak.mark(f"written in {time.perf_counter() - began:.0f} s: {done.quads} quads, "
              f"conforms {done.report.conforms if done.report else None}")
    print(f"largest write worker's RSS seen (sampled): {peak.worker_high} MB, held alone "
          f"(private pages, not shared with this process): {peak.worker_private} MB", flush=True)


def write_traced(records: Path, count: int, out: Path, workers: int = 2) -> None:
    """The write step alone under ``tracemalloc`` (after resolution, which is not traced):
    what its objects hold once the corpus part has gone by, before the final check of the
    corpus chunks, and at its peak, with the allocations that hold the most at each mark.
    The forked write workers stop tracing (they make the document parts; only this process's
    holdings grow with the corpus)."""
    import tracemalloc

    import kg.graphstream as graphstream
    from kg.pipeline import finish_build

    validate = sys.modules["kg.validate"]
    model, spool = _spooled(records, count)
    built = finish_build(spool, model, graph=False)
    gc.collect()
    peak = Peak()
    peak.mark("resolved (the write step starts)")
    os.register_at_fork(after_in_child=tracemalloc.stop)
    add_checked, report = validate.PartValidation.add_checked, validate.PartValidation.report
    seen = [0]

    def counted(self: object, part: object) -> None:
        if not seen[0]:
            print(f"traced, the fullest corpus chunk: held {fullest[0] / 2**20:.1f} MB\n"
                  f"{fullest[1]}", flush=True)
            _traced_top("the corpus part gone by (first document part)")
            peak.mark("first document part")
        seen[0] += 1
        add_checked(self, part)

    def marked(self: object) -> object:
        _traced_top("every document part gone by (before the final check)")
        peak.mark("before the final check")
        return report(self)

    add_corpus, fullest = validate.PartValidation.add_corpus, [0, ""]

    def noted(self: object, chunk: object) -> None:
        # a chunk complete, not yet dropped: the corpus part's high points
        if (held := tracemalloc.get_traced_memory()[0]) > fullest[0]:
            fullest[:] = [held, _top_lines()]
        add_corpus(self, chunk)

    validate.PartValidation.add_corpus = noted
    validate.PartValidation.add_checked, validate.PartValidation.report = counted, marked
    tracemalloc.start(4)
    done = graphstream.write_streamed(built.corpus, built.model, {out: "nquads"},
                                      workers=workers, records=built.records)
    _traced_top("written")
    tracemalloc.stop()
    peak.mark(f"written: {done.quads} quads")


def _traced_top(when: str, top: int = 12) -> None:
    """The traced memory now and at its peak, and the ``top`` allocation sites holding most."""
    import tracemalloc

    held, high = tracemalloc.get_traced_memory()
    print(f"traced, {when}: held {held / 2**20:.1f} MB, peak {high / 2**20:.1f} MB", flush=True)
    print(_top_lines(top), flush=True)


def _top_lines(top: int = 12) -> str:
    """The ``top`` allocation sites holding most now, each with its last calls (oldest
    first, the allocating line last)."""
    import tracemalloc

    lines = []
    for stat in tracemalloc.take_snapshot().statistics("traceback")[:top]:
        frames = " -> ".join(f"{Path(f.filename).name}:{f.lineno}" for f in stat.traceback)
        lines.append(f"  {stat.size / 2**20:7.2f} MB {stat.count:8d} blocks  {frames}")
    return "\n".join(lines)


def resolve(records: Path, count: int) -> None:
    import tracemalloc

    from kg.pipeline import finish_build

    model, spool = _spooled(records, count)
    finish_build(spool[:1], model, graph=False)  # data files loaded before measuring
    gc.collect()
    peak = Peak()
    tracemalloc.start()
    began = time.process_time()
    built = finish_build(spool, model, graph=False)
    seconds = time.process_time() - began
    held, high = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    peak.mark(f"{len(spool)} records resolved in {seconds:.1f} s CPU (traced)")
    print(f"traced: corpus held {held / 2**20:.1f} MB, peak while resolving "
          f"{high / 2**20:.1f} MB; {len(built.corpus.entities)} entities, "
          f"{len(built.corpus.facts)} facts", flush=True)


def phases(records: Path, count: int) -> None:
    """The CPU seconds and RSS of each step of a streamed build's resolution
    (``kg.leancorpus.resolved_on_disk``, step by step): reading the names, clustering them,
    the second pass, the entities spooled, the readings filled and grouped."""
    from kg.holders import HolderIndex
    from kg.leancorpus import _fed, _textless_fact, for_resolution
    from kg.rdf import fact_iri
    from kg.recordspool import BatchSpool, EntitySpool, FactSpool
    from kg.resolve import Resolution, _NameEvidence

    _, spool = _spooled(records, count)
    by_id = spool.ordered_by(lambda entry: entry.doc_id)
    gc.collect()
    peak = Peak()
    began = time.process_time()

    def step(what: str) -> None:
        nonlocal began
        peak.mark(f"{what} ({time.process_time() - began:.1f} s CPU)")
        began = time.process_time()

    names = _NameEvidence.gather(for_resolution(by_id))
    step(f"{len(spool)} records read for their names")
    resolution = Resolution(names, ())
    del names
    step("names clustered")
    holders = HolderIndex()
    unfilled: BatchSpool[object] = BatchSpool()
    for result in for_resolution(by_id):
        facts = list(resolution.add_document(result).values())
        for fact in facts:
            holders.add_fact(fact)
        holders.add_document(result.document)
        unfilled.add(facts)
    step("second pass")
    entities = EntitySpool(_fed(resolution.entities(), holders))
    del resolution
    step(f"{len(entities)} entities spooled")
    facts = FactSpool((_textless_fact(holders.fill(f)) for batch in unfilled.batches()
                       for f in batch), fact_iri)
    step(f"{len(facts)} readings filled and grouped")


def _spooled(records: Path, count: int) -> tuple[str, object]:
    """The model name and a RecordSpool of the first ``count`` records. The batches are cut in
    a child: the whole file unpickled here would leave its freed memory to this process, which
    would then hide what resolution adds."""
    from kg.recordspool import RecordSpool

    with tempfile.TemporaryDirectory(prefix="kg-probe-") as folder:
        with multiprocessing.get_context("fork").Pool(1) as child:
            model, files = child.apply(_cut_batches, (records, count, Path(folder)))
        spool = RecordSpool()
        for file in files:
            for record in pickle.loads(file.read_bytes()):
                spool.add(record)
    return model, spool


def _cut_batches(records: Path, count: int, folder: Path) -> tuple[str, list[Path]]:
    """The first ``count`` records in files of 8 pickled records (as the workers send them).
    More than the file holds: the records again, each copy a new document (``_copied``)."""
    extraction = pickle.loads(records.read_bytes())
    if not isinstance(extraction, dict):  # written by an older probe: a kg Extraction
        extraction = {"model": extraction.model, "results": extraction.results}
    given = [_with_new_fields(r) for r in extraction["results"][:count]]
    files = []
    for start in range(0, count, 8):
        batch = [given[i % len(given)] if i < len(given) else
                 _copied(given[i % len(given)], i // len(given)) for i in range(
                     start, min(start + 8, count))]
        files.append(folder / f"{start:07d}.pickle")
        files[-1].write_bytes(pickle.dumps(batch))
    return extraction["model"], files


def _copied(record: object, copy: int) -> object:
    """A copy of an extraction record as another document: a new document id (a hash of the
    old one and ``copy``) wherever the record names its document (the document, its
    sentences, mentions and readings), and a source under ``copy<N>/``. Its text and names
    are the same words, so its names join the same entities as the original's (as names
    recur across a real corpus), and its readings state the same merged facts; but every
    mention, sentence and reading is its own, and no reading of it is merged away with the
    original's (a reading's key names its document)."""
    import hashlib

    document = record.document  # type: ignore[attr-defined]
    old = document.doc_id
    digest = hashlib.sha256(f"{document.sha256}/{copy}".encode()).hexdigest()
    copied = pickle.loads(pickle.dumps(record))
    _renamed(copied, old, digest[:len(old)])
    object.__setattr__(copied.document, "source", f"copy{copy}/{document.source}")
    object.__setattr__(copied.document, "sha256", digest)
    return copied


def _renamed(value: object, old: str, new: str) -> None:
    """Every string field equal to ``old`` in ``value`` (unpickled, owned) set to ``new``."""
    from pydantic import BaseModel

    if isinstance(value, BaseModel):
        for name in type(value).model_fields:
            field = getattr(value, name)
            if field == old and isinstance(field, str):
                object.__setattr__(value, name, new)
            else:
                _renamed(field, old, new)
    elif isinstance(value, (tuple, list)):
        for item in value:
            _renamed(item, old, new)


def _with_new_fields(value: object) -> object:
    """``value`` (a record, unpickled) with every field kg's model gained since the records
    were made given its default (a Fact's ``position_ended``): the records then read as an
    older extractor read them, and resolve and write with the current code."""
    from pydantic import BaseModel

    if isinstance(value, BaseModel):
        for name, field in type(value).model_fields.items():
            if name not in value.__dict__ and not field.is_required():
                object.__setattr__(value, name, field.get_default(call_default_factory=True))
            else:
                _with_new_fields(getattr(value, name))
    elif isinstance(value, (tuple, list)):
        for item in value:
            _with_new_fields(item)
    return value


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    one = sub.add_parser("extract")
    one.add_argument("folder", type=Path)
    one.add_argument("records", type=Path)
    one.add_argument("--workers", type=int, default=2)
    two = sub.add_parser("write")
    two.add_argument("records", type=Path)
    two.add_argument("count", type=int)
    two.add_argument("--out", type=Path, default=Path("/tmp/kg-probe-graph.nq"))
    two.add_argument("--workers", type=int, default=2,
                     help="processes that make, write and check the document parts")
    two.add_argument("--held", action="store_true",
                     help="hold the records in memory (as kg did before kg.recordspool)")
    traced = sub.add_parser("write-traced")
    traced.add_argument("records", type=Path)
    traced.add_argument("count", type=int)
    traced.add_argument("--out", type=Path, default=Path("/tmp/kg-probe-graph.nq"))
    traced.add_argument("--workers", type=int, default=2)
    three = sub.add_parser("resolve")
    three.add_argument("records", type=Path)
    three.add_argument("count", type=int)
    four = sub.add_parser("phases")
    four.add_argument("records", type=Path)
    four.add_argument("count", type=int)
    args = parser.parse_args()
    if args.command == "phases":
        phases(args.records, args.count)
    elif args.command == "extract":
        extract(args.folder, args.records, args.workers)
    elif args.command == "resolve":
        resolve(args.records, args.count)
    elif args.command == "write-traced":
        write_traced(args.records, args.count, args.out, args.workers)
    else:
        write(args.records, args.count, args.out, args.held, args.workers)


if __name__ == "__main__":
    main()
