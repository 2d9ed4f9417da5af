"""The Python API: the stages joined in order, ingest -> nlp -> extract -> resolve -> rdf.

Notebook use is ``kg.build(paths)``; the CLI calls ``build_result`` to also get counts and the
documents skipped, and passes a :class:`kg.progress.Progress` for its bars or log lines.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from rdflib import Dataset, Graph

from kg.confidence import FLOOR
from kg.errors import InputError
from kg.extract import extract_document
from kg.ingest import read_documents
from kg.language import language_name
from kg.model import Document, ExtractionResult, ResolvedCorpus
from kg.nlp import (
    DOCUMENT_SECONDS,
    DocumentTimeout,
    choose_model,
    model_description,
    model_language,
    parse_documents,
    time_limit,
)
from kg.progress import Progress, Silent, step
from kg.rdf import build_dataset, union_graph
from kg.resolve import resolve_corpus
from kg.validate import ValidationReport, validate_graph


@dataclass(frozen=True)
class BuildResult:
    dataset: Dataset
    corpus: ResolvedCorpus
    skipped: tuple[str, ...]
    model: str
    ignored: tuple[str, ...] = ()


def build_result(paths: Iterable[str | Path], *, model: str | None = None,
                 progress: Progress | None = None, strict: bool = False,
                 min_confidence: float = FLOOR, follow_links: bool = False,
                 document_seconds: float | None = DOCUMENT_SECONDS) -> BuildResult:
    """Run every stage, reporting the parse, extract, resolve and graph steps to ``progress``.

    ``strict`` reads UTF-8 only instead of guessing other encodings. A document written in a
    language the pipeline does not read is skipped (and reported), never parsed into garbage.
    Facts whose calibrated confidence is below ``min_confidence`` are not stated (0 keeps
    every reading the extractor found). Symbolic links are followed out of an input folder only
    with ``follow_links``. A document that takes more than ``document_seconds`` to parse and
    read is skipped (and reported); the build goes on.
    """
    extraction = extract_paths(paths, model=model, progress=progress, strict=strict,
                               min_confidence=min_confidence, follow_links=follow_links,
                               document_seconds=document_seconds)
    return finish_build(extraction.results, extraction.model, progress,
                        skipped=extraction.skipped, ignored=extraction.ignored)


@dataclass(frozen=True)
class Extraction:
    """The per-document records of a set of paths, before resolution."""

    results: tuple[ExtractionResult, ...]
    model: str
    skipped: tuple[str, ...] = ()
    ignored: tuple[str, ...] = ()


def extract_paths(paths: Iterable[str | Path], *, model: str | None = None,
                  progress: Progress | None = None, strict: bool = False,
                  min_confidence: float = FLOOR, follow_links: bool = False,
                  document_seconds: float | None = DOCUMENT_SECONDS,
                  known: Callable[[Document], ExtractionResult | None] | None = None
                  ) -> Extraction:
    """Read ``paths`` and parse and extract each document (see ``build_result`` for the
    options). ``known`` may return a document's record from an earlier run: that document is
    not parsed again (``kg build --update`` skips unchanged articles this way)."""
    report = read_documents(paths, strict=strict, follow_links=follow_links)
    name = choose_model(model)
    documents, language_skips = readable_documents(report.documents, model_language(name))
    skipped = list(report.skipped + language_skips)
    if not documents:
        raise InputError("no documents in a language the pipeline reads: " + "; ".join(skipped))
    progress = progress or Silent()
    reused = {d.doc_id: r for d in documents if known and (r := known(d)) is not None}
    todo = tuple(d for d in documents if d.doc_id not in reused)
    extracted = _parse_and_extract(todo, name, min_confidence, progress, document_seconds,
                                   skipped) if todo else []
    if not extracted and not reused:
        raise InputError("no document could be read in time: " + "; ".join(skipped))
    return Extraction((*reused.values(), *extracted), name, tuple(skipped), report.ignored)


def finish_build(extracted: Iterable[ExtractionResult], model: str,
                 progress: Progress | None = None, *, skipped: tuple[str, ...] = (),
                 ignored: tuple[str, ...] = ()) -> BuildResult:
    """Resolve the records of a whole corpus and make its graph; ``model`` is the spaCy
    pipeline's name. Resolution reads every record, so the graph is the same whichever run
    extracted each one."""
    progress = progress or Silent()
    with step(progress, "resolve") as summary:
        corpus = resolve_corpus(extracted)
        summary.append(f"{len(corpus.entities)} entities, {len(corpus.facts)} fact readings")
    description = model_description(model)
    with step(progress, "graph") as summary:
        dataset = build_dataset(corpus, description)
        summary.append(f"{len(dataset):,} quads")
    return BuildResult(dataset, corpus, skipped, description, ignored)


def _parse_and_extract(documents: tuple[Document, ...], model: str, min_confidence: float,
                       progress: Progress, document_seconds: float | None,
                       skipped: list[str]) -> list[ExtractionResult]:
    """Parsing and extraction take turns per document (spaCy parses in batches, in worker
    processes for large inputs), so each step's time is the sum of its turns. A document
    over its time (parse and reading together) is skipped with a line in ``skipped``."""
    total = len(documents)
    progress.start("parse", total)
    progress.start("extract", total)
    extracted: list[ExtractionResult] = []
    parsing = extracting = 0.0
    began = time.perf_counter()
    parsed_documents = parse_documents(documents, model, seconds=document_seconds,
                                       on_skip=skipped.append)
    for done, (document, doc) in enumerate(parsed_documents, start=1):
        parsed = time.perf_counter()
        parsing += parsed - began
        progress.advance("parse", done)
        # What is left of the document's time after its parse (the wait for it, in workers).
        left = None if not document_seconds else max(document_seconds - (parsed - began), 0.001)
        try:
            with time_limit(left):
                result = extract_document(document, doc)
        except DocumentTimeout:
            skipped.append(f"{document.source}: reading took more than {document_seconds:g} s; "
                           "document skipped")
        else:
            extracted.append(result.model_copy(update={"facts": tuple(
                f for f in result.facts if f.evidence.confidence >= min_confidence)}))
        began = time.perf_counter()
        extracting += began - parsed
        progress.advance("extract", done)
    progress.finish("parse", f"{total} documents", parsing)
    readings = sum(len(e.facts) for e in extracted)
    progress.finish("extract", f"{readings} fact readings", extracting)
    return extracted


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
