"""The Python API: the stages joined in order, ingest -> nlp -> extract -> resolve -> rdf.

Notebook use is ``kg.build(paths)``; the CLI calls ``build_result`` to also get counts and the
documents skipped, and passes a progress callback for its progress bar.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from rdflib import Dataset, Graph

from kg.extract import extract_document
from kg.ingest import read_documents
from kg.model import ResolvedCorpus
from kg.nlp import choose_model, model_description, parse_documents
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


def build_result(paths: Iterable[str | Path], *, model: str | None = None,
                 progress: Progress | None = None) -> BuildResult:
    """Run every stage; ``progress(done, total)`` is called after each document is parsed."""
    report = read_documents(paths)
    name = choose_model(model)
    total = len(report.documents)
    extracted = []
    for done, (document, doc) in enumerate(parse_documents(report.documents, name), start=1):
        extracted.append(extract_document(document, doc))
        if progress is not None:
            progress(done, total)
    corpus = resolve_corpus(extracted)
    description = model_description(name)
    return BuildResult(build_dataset(corpus, description), corpus, report.skipped, description)


def build(paths: Iterable[str | Path], *, model: str | None = None) -> Dataset:
    """Build the knowledge graph of the articles under ``paths`` (files or folders)."""
    return build_result(paths, model=model).dataset


def validate(graph: Graph | Dataset) -> ValidationReport:
    """SHACL-validate a graph (a Dataset is validated as the union of its graphs)."""
    return validate_graph(union_graph(graph) if isinstance(graph, Dataset) else graph)
