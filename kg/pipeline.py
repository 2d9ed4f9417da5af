"""The Python API: the stages joined in order, ingest -> nlp -> extract -> resolve -> rdf.

Notebook use is ``kg.build(paths)``; the CLI calls ``build_result`` to also get counts and the
documents skipped, and passes a progress callback for its progress bar.
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
from kg.model import Document, ResolvedCorpus
from kg.nlp import (
    DOCUMENT_SECONDS,
    DocumentTimeout,
    choose_model,
    model_description,
    model_language,
    parse_documents,
    time_limit,
)
from kg.rdf import build_dataset, union_graph
from kg.resolve import resolve_corpus
from kg.validate import ValidationReport, validate_graph

Progress = Callable[[int, int], None]


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
    """Run every stage; ``progress(done, total)`` is called after each document is parsed.

    ``strict`` reads UTF-8 only instead of guessing other encodings. A document written in a
    language the pipeline does not read is skipped (and reported), never parsed into garbage.
    Facts whose calibrated confidence is below ``min_confidence`` are not stated (0 keeps
    every reading the extractor found). Symbolic links are followed out of an input folder only
    with ``follow_links``. A document that takes more than ``document_seconds`` to parse and
    read is skipped (and reported); the build goes on.
    """
    report = read_documents(paths, strict=strict, follow_links=follow_links)
    name = choose_model(model)
    documents, skipped = readable_documents(report.documents, model_language(name))
    skipped = list(report.skipped + skipped)
    if not documents:
        raise InputError("no documents in a language the pipeline reads: " + "; ".join(skipped))
    total = len(documents)
    extracted = []
    parsed = parse_documents(documents, name, seconds=document_seconds, on_skip=skipped.append)
    waited = time.monotonic()
    for done, (document, doc) in enumerate(parsed, start=1):
        # What is left of the document's time after its parse (the wait for it, in workers).
        left = None if not document_seconds else \
            max(document_seconds - (time.monotonic() - waited), 0.001)
        try:
            with time_limit(left):
                result = extract_document(document, doc)
        except DocumentTimeout:
            skipped.append(f"{document.source}: reading took more than {document_seconds:g} s; "
                           "document skipped")
        else:
            extracted.append(result.model_copy(update={"facts": tuple(
                f for f in result.facts if f.evidence.confidence >= min_confidence)}))
        if progress is not None:
            progress(done, total)
        waited = time.monotonic()
    if not extracted:
        raise InputError("no document could be read in time: " + "; ".join(skipped))
    corpus = resolve_corpus(extracted)
    description = model_description(name)
    return BuildResult(build_dataset(corpus, description), corpus, tuple(skipped), description,
                       report.ignored)


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
