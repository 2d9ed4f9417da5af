"""The Python API: the stages joined in order, ingest -> nlp -> extract -> resolve -> rdf.

Notebook use is ``kg.build(paths)``; the CLI calls ``build_result`` to also get counts and the
documents skipped, and passes a :class:`kg.progress.Progress` for its bars or log lines.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from rdflib import Dataset, Graph

from kg.confidence import FLOOR
from kg.errors import InputError
from kg.ingest import read_documents
from kg.language import language_name
from kg.leancorpus import for_resolution, resolved_on_disk, whole
from kg.model import Document, ExtractionResult, ResolvedCorpus
from kg.nlp import DOCUMENT_SECONDS, choose_model, model_description, model_language
from kg.progress import Progress, Silent, step
from kg.rdf import build_dataset, union_graph
from kg.recordspool import RecordSpool
from kg.resolve import resolve_corpus
from kg.validate import ValidationReport, validate_graph
from kg.workers import (
    READ_BATCH_DOCUMENTS,
    ReadingJob,
    batch_size_for,
    default_workers,
    read_in_workers,
    timed_steps,
)

if TYPE_CHECKING:
    from distributed import Client


class BuildResult:
    """A build: the resolved corpus and its graph, and what was not read. The graph is made
    when first asked for unless ``finish_build`` made it (a build that streams its graph part
    by part, ``kg.graphstream``, never asks).

    With ``records`` (a build that streams its graph), ``corpus`` holds no text
    (``kg.leancorpus``): the write step reads each document's text from ``records``, and
    ``whole_corpus`` reads them all back."""

    def __init__(self, dataset: Dataset | None, corpus: ResolvedCorpus,
                 skipped: tuple[str, ...], model: str, ignored: tuple[str, ...] = (),
                 records: RecordSpool | None = None) -> None:
        self._dataset = dataset
        self.corpus, self.skipped, self.model, self.ignored = corpus, skipped, model, ignored
        self.records = records

    def whole_corpus(self) -> ResolvedCorpus:
        """The resolved corpus with every text (read back from the records if left out)."""
        return self.corpus if self.records is None else whole(self.corpus, self.records)

    @property
    def dataset(self) -> Dataset:
        if self._dataset is None:
            self._dataset = build_dataset(self.whole_corpus(), self.model)
        return self._dataset


def build_result(paths: Iterable[str | Path], *, model: str | None = None,
                 progress: Progress | None = None, strict: bool = False,
                 min_confidence: float = FLOOR, follow_links: bool = False,
                 document_seconds: float | None = DOCUMENT_SECONDS,
                 workers: int | None = None, cluster: Client | None = None,
                 keep_apart: Iterable[tuple[str, str]] = (), graph: bool = True
                 ) -> BuildResult:
    """Run every stage, reporting the parse, extract, resolve and graph steps to ``progress``.

    ``strict`` reads UTF-8 only instead of guessing other encodings. A document written in a
    language the pipeline does not read is skipped (and reported), never parsed into garbage.
    Facts whose calibrated confidence is below ``min_confidence`` are not stated (0 keeps
    every reading the extractor found). Symbolic links are followed out of an input folder only
    with ``follow_links``. A document that takes more than ``document_seconds`` to parse and
    read is skipped (and reported); the build goes on. ``keep_apart``: pairs of names no
    merge may join (``kg.resolve.resolve_corpus``).

    Documents are parsed and read in ``workers`` processes (default: one per core; 1 reads in
    this process), or, given a Dask ``distributed.Client``, on its cluster's workers; the
    graph is the same either way. ``graph=False``: see ``finish_build``.
    """
    extraction = extract_paths(paths, model=model, progress=progress, strict=strict,
                               min_confidence=min_confidence, follow_links=follow_links,
                               document_seconds=document_seconds, workers=workers,
                               cluster=cluster)
    return finish_build(extraction.results, extraction.model, progress,
                        skipped=extraction.skipped, ignored=extraction.ignored,
                        keep_apart=keep_apart, graph=graph)


@dataclass(frozen=True)
class Extraction:
    """The per-document records of a set of paths, before resolution: kept on disk
    (``kg.recordspool``) and read back one at a time, so they do not fill memory."""

    results: RecordSpool
    model: str
    skipped: tuple[str, ...] = ()
    ignored: tuple[str, ...] = ()


def extract_paths(paths: Iterable[str | Path], *, model: str | None = None,
                  progress: Progress | None = None, strict: bool = False,
                  min_confidence: float = FLOOR, follow_links: bool = False,
                  document_seconds: float | None = DOCUMENT_SECONDS,
                  known: Callable[[Document], ExtractionResult | None] | None = None,
                  workers: int | None = None, cluster: Client | None = None
                  ) -> Extraction:
    """Read ``paths`` and parse and extract each document (see ``build_result`` for the
    options). ``known`` may return a document's record from an earlier run: that document is
    not parsed again (``kg build --update`` skips unchanged articles this way)."""
    if workers is not None and workers < 1:
        raise InputError(f"workers must be at least 1, not {workers}")
    report = read_documents(paths, strict=strict, follow_links=follow_links)
    name = choose_model(model)
    documents, language_skips = readable_documents(report.documents, model_language(name))
    skipped = list(report.skipped + language_skips)
    if not documents:
        raise InputError("no documents in a language the pipeline reads: " + "; ".join(skipped))
    progress = progress or Silent()
    found = RecordSpool()
    for document in documents:
        if known is not None and (record := known(document)) is not None:
            found.add(record)
    last = {e.doc_id: e for e in found.entries}  # a document id's last record, in first place
    spool = found.chosen(last.values())
    todo = tuple(d for d in documents if d.doc_id not in last)
    if todo:
        _parse_and_extract(todo, name, min_confidence, progress, document_seconds, skipped,
                           spool, workers, cluster)
    if not spool:
        raise InputError("no document could be read in time: " + "; ".join(skipped))
    return Extraction(spool, name, tuple(skipped), report.ignored)


def finish_build(extracted: Iterable[ExtractionResult], model: str,
                 progress: Progress | None = None, *, skipped: tuple[str, ...] = (),
                 ignored: tuple[str, ...] = (),
                 keep_apart: Iterable[tuple[str, str]] = (), graph: bool = True
                 ) -> BuildResult:
    """Resolve the records of a whole corpus and make its graph; ``model`` is the spaCy
    pipeline's name. Resolution reads every record, so the graph is the same whichever run
    extracted each one. ``keep_apart``: pairs of names no merge may join. ``graph=False``
    leaves the graph to be made when asked for (or streamed); when ``extracted`` is a
    record spool the corpus is then kept without its texts (``kg.leancorpus``), which the
    write step reads back from the spool one document at a time, with its facts and entities
    on disk, never all held (``kg.leancorpus.resolved_on_disk``), and resolution reads the
    spool twice instead of holding every record (``kg.resolve.Resolution``)."""
    progress = progress or Silent()
    records = extracted if not graph and isinstance(extracted, RecordSpool) else None
    with step(progress, "resolve") as summary:
        if records is None:
            corpus = resolve_corpus(extracted, keep_apart=keep_apart)
        else:
            by_id = records.ordered_by(lambda entry: entry.doc_id)
            corpus = resolved_on_disk(lambda: for_resolution(by_id), keep_apart)
        summary.append(f"{len(corpus.entities)} entities, {len(corpus.facts)} fact readings")
    description = model_description(model)
    if not graph:
        return BuildResult(None, corpus, skipped, description, ignored, records)
    with step(progress, "graph") as summary:
        dataset = build_dataset(corpus, description)
        summary.append(f"{len(dataset):,} quads")
    return BuildResult(dataset, corpus, skipped, description, ignored)


def _parse_and_extract(documents: tuple[Document, ...], model: str, min_confidence: float,
                       progress: Progress, document_seconds: float | None,
                       skipped: list[str], spool: RecordSpool, workers: int | None = None,
                       cluster: Client | None = None) -> None:
    """Parse and extract every document in ``workers`` processes (or on ``cluster``), in
    input order, into ``spool``. Each step's time is its share of the wall-clock time by the
    workers' time in each (they run together). A document over its time (parse and reading
    together) or whose worker died is skipped with a line in ``skipped``."""
    total = len(documents)
    job = ReadingJob(model=model, seconds=document_seconds, min_confidence=min_confidence)
    count = default_workers() if workers is None else workers
    if cluster is not None:
        from kg.cluster import read_on_cluster

        stream = read_on_cluster(cluster, documents, job)
    else:
        size = batch_size_for(total, count, READ_BATCH_DOCUMENTS)
        # No more workers than batches: one short document is read here, with no fork.
        stream = read_in_workers(documents, job, workers=min(count, -(-total // size)),
                                 batch_size=size)
    progress.start("parse", total)
    progress.start("extract", total)
    readings_count = 0
    parse_seconds = extract_seconds = 0.0
    began = time.perf_counter()
    for done, (document, reading) in enumerate(stream, start=1):
        parse_seconds += reading.parse_seconds
        extract_seconds += reading.extract_seconds
        if reading.skipped is not None:
            skipped.append(reading.skipped)
        else:
            spool.add(reading.result(document))
            readings_count += len(reading.facts)
        progress.advance("parse", done)
        progress.advance("extract", done)
    parsing, extracting = timed_steps(time.perf_counter() - began, parse_seconds,
                                      extract_seconds)
    progress.finish("parse", f"{total} documents", parsing)
    progress.finish("extract", f"{readings_count} fact readings", extracting)


def readable_documents(documents: Iterable[Document], language: str
                       ) -> tuple[tuple[Document, ...], tuple[str, ...]]:
    """The documents in ``language`` (or too short to tell), and a one-line reason for each
    of the others."""
    kept: list[Document] = []
    skipped: list[str] = []
    for document in documents:
        if document.language is None or document.language == language:
            kept.append(document)
        else:
            skipped.append(f"{document.source}: written in {language_name(document.language)} "
                           f"({document.language}); the {language_name(language)} pipeline "
                           "cannot read it")
    return tuple(kept), tuple(skipped)


def build(paths: Iterable[str | Path], *, model: str | None = None) -> Dataset:
    """Build the knowledge graph of the articles under ``paths`` (files or folders)."""
    return build_result(paths, model=model).dataset


def validate(graph: Graph | Dataset) -> ValidationReport:
    """SHACL-validate a graph (a Dataset is validated as the union of its graphs)."""
    return validate_graph(union_graph(graph) if isinstance(graph, Dataset) else graph)
