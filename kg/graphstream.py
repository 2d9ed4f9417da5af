"""Write a resolved corpus's graph part by part, never holding all of it: the corpus part (the
default graph) and then one document's part (its named graph) at a time, each checked against
the shapes (``kg.validate.PartValidation``) and handed on to the store's bulk loader and to the
N-Quads or N-Triples file, then dropped.

Memory then holds the resolved corpus and the corpus part, not the graph of every document
(which is most of the graph: the texts, spans and readings) nor a copy of it for validation;
a build's corpus holds no text either (``kg.leancorpus``): each document's is read from its
record on disk when its part is made.
The files are the bytes ``kg.export`` writes from the whole Dataset: the same lines (rdflib's
own N-Quads/N-Triples rows) sorted by code point, here by ``sort`` (GNU coreutils, which sorts
files larger than memory in bounded memory; with ``LC_ALL=C`` it orders UTF-8 bytes, which is
code point order) with duplicates dropped (a direct triple is in the default graph and in the
documents that state it, once in N-Triples).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import IO

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.plugins.serializers.nt import _quoteLiteral
from rdflib.term import Node

from kg.durable import temp_prefix
from kg.errors import OutputError
from kg.export import remove_stale_temps, write_all
from kg.model import Document, ResolvedCorpus
from kg.parttriples import PartTriples
from kg.rdf import GraphParts, document_iri
from kg.recordspool import RecordSpool
from kg.validate import CheckedPart, PartValidation, ValidationReport, load_shapes
from kg.workers import batch_size_for, default_workers, map_in_forked_workers

Quad = tuple[Node, Node, Node, URIRef | None]
StoreQuad = Quad | ox.Quad
"""A quad for the store: rdflib terms (the corpus part, made here) or Oxigraph's (a document
part, read from the N-Quads rows a worker wrote)."""

STREAMED_FORMATS = ("nquads", "nt")
"""Formats ``write_streamed`` writes (sorted lines); the others need the whole graph."""

SORT_BUFFER = "64M"
"""The most memory ``sort`` may take for its buffer: left to itself, GNU sort sizes it by the
file (about 250 MB for 1,000 articles' N-Quads, 500 MB for 2,000, the largest process of a
streamed build), so it grew with the corpus; bounded, it sorts runs of this size in the
temporary folder and merges them: the same lines (issue 14)."""


@dataclass
class StreamedGraph:
    """What went by: the number of quads and, when checked, the shapes report."""

    quads: int = 0
    report: ValidationReport | None = None


def graph_quads(corpus: ResolvedCorpus, model: str, streamed: StreamedGraph,
                validate: bool = True, records: RecordSpool | None = None) -> Iterator[Quad]:
    """The graph's quads, the corpus part's first (graph None, a chunk at a time) and then
    each document's (graph: its IRI), made, checked and dropped one part at a time in this
    process (the corpus chunks, made once, are kept on disk to be checked at the end with
    their facts' evidence links). When the iteration ends, ``streamed`` holds the count and
    the report (that of validating the whole graph). ``write_streamed`` makes the document
    parts in worker processes instead. ``records``: where each document's text is read from,
    when ``corpus`` keeps none (``kg.leancorpus``)."""
    parts = GraphParts(corpus, model)
    validation = PartValidation() if validate else None
    yield from _corpus_quads(parts, validation, streamed)
    for document in corpus.documents:
        part = Graph(store="SimpleMemory")
        parts.add_document(part, _whole_document(document, records))
        name = document_iri(document.doc_id)
        for s, p, o in part:
            streamed.quads += 1
            yield s, p, o, name
        if validation is not None:
            validation.add_document(part)  # adds context to the part: after its quads went
    if validation is not None:
        streamed.report = validation.report()


def _corpus_quads(parts: GraphParts, validation: PartValidation | None,
                  streamed: StreamedGraph) -> Iterator[Quad]:
    """The corpus part's quads (the default graph), noted for the documents' checks."""
    for chunk in parts.corpus_chunks():
        for s, p, o in chunk:
            streamed.quads += 1
            yield s, p, o, None
        if validation is not None:
            validation.add_corpus(chunk)


class Rows:
    """A triple of a document's graph as a line of each streamed format: the line rdflib's own
    N-Quads/N-Triples rows make (so the sorted files are the bytes ``kg.export`` writes), each
    IRI's N3 form made once: rdflib's rows ask every term for it
    (a check of the IRI's characters each time), and an evidence node, a span or a document
    IRI is in many triples of a part (issue 14). A literal is quoted as rdflib's rows quote
    it. The forms kept are dropped when they reach ``most``, so a writer that lives through
    the corpus part holds a bounded number."""

    def __init__(self, most: int = 1 << 16) -> None:
        self._n3: dict[Node, str] = {}
        self._most = most

    def line(self, fmt: str, triple: tuple[Node, Node, Node], name: Node | None) -> str:
        """``triple`` of the graph ``name`` (None: the default graph) as a line of ``fmt``,
        the same as rdflib's row of that format gives."""
        s, p, o = triple
        obj = _quoteLiteral(o) if isinstance(o, Literal) else self._form(o)
        if fmt == "nt":
            return "%s %s %s .\n" % (self._form(s), self._form(p), obj)  # noqa: UP031
        graph = self._form(name) if name and name != DATASET_DEFAULT_GRAPH_ID else ""
        return "%s %s %s %s .\n" % (self._form(s), self._form(p), obj, graph)  # noqa: UP031

    def _form(self, node: Node) -> str:
        form = self._n3.get(node)
        if form is None:
            if len(self._n3) >= self._most:
                self._n3.clear()
            form = self._n3[node] = node.n3()
        return form


@dataclass(frozen=True)
class DocumentPart:
    """One document's part as a worker hands it back: its quad count, its lines in each
    format asked for (N-Quads too when a store loads them) and what checking it found."""

    quads: int
    lines: dict[str, str]
    checked: CheckedPart | None


class PartWriter:
    """Makes one document's part, writes it as lines and checks it. A worker forked once the
    corpus part has gone by holds a copy of this (the resolved corpus and the checks' corpus
    context) and so needs nothing sent but the documents' numbers (``_write_documents``)."""

    def __init__(self, parts: GraphParts, validation: PartValidation | None,
                 formats: Iterable[str], records: RecordSpool | None = None) -> None:
        self.parts, self.validation, self.records = parts, validation, records
        self.formats = tuple(dict.fromkeys(formats))

    def written(self, index: int) -> DocumentPart:
        document = _whole_document(self.parts.corpus.documents[index], self.records)
        # plain triples, not an rdflib graph: the rows and the check read them as they are,
        # and a graph is made only for a part with a violation to explain (issue 14)
        part = PartTriples()
        self.parts.add_document(part, document)  # type: ignore[arg-type]
        name = document_iri(document.doc_id)
        rows = Rows()
        lines = {fmt: "".join(rows.line(fmt, triple, name) for triple in part)
                 for fmt in self.formats}
        checked = None if self.validation is None else self.validation.check_triples(part)
        return DocumentPart(len(part), lines, checked)


def _whole_document(document: Document, records: RecordSpool | None) -> Document:
    """``document`` with its text: read from its record when the corpus keeps no text."""
    return document if records is None else records.document_of(document.doc_id)


_WRITER: PartWriter | None = None
"""The writer the forked workers inherit (set just before they are forked)."""


def _write_documents(indices: range) -> list[DocumentPart]:
    """A worker's job: the parts of the documents numbered ``indices``."""
    if _WRITER is None:
        raise RuntimeError("no part writer in this process (a bug)")
    return [_WRITER.written(index) for index in indices]


def document_parts(writer: PartWriter, workers: int) -> Iterator[DocumentPart]:
    """Every document's part, in the corpus's order, made in ``workers`` forked processes
    (1: here). Only the documents' numbers go out and each part's lines come back."""
    global _WRITER
    total = len(writer.parts.corpus.documents)
    size = batch_size_for(total, workers)
    numbers = [range(start, min(start + size, total)) for start in range(0, total, size)]
    if writer.validation is not None:
        load_shapes()  # once, before the fork: the workers share it
    _WRITER = writer
    try:
        for made in map_in_forked_workers(_write_documents, numbers,
                                          workers=min(workers, len(numbers))):
            yield from made
    finally:
        _WRITER = None


class SortedLines:
    """A N-Quads or N-Triples file written line by line and sorted when finished, in a
    temporary folder beside the target (``.NAME.kgPID.*.tmp``: a killed run's is removed by
    the next, kg.export.remove_stale_temps); the caller moves the sorted file in."""

    def __init__(self, target: Path, fmt: str) -> None:
        if fmt not in STREAMED_FORMATS:
            raise ValueError(f"{fmt} cannot be streamed")
        self.target, self.fmt = target, fmt
        remove_stale_temps(target)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            self.folder = Path(tempfile.mkdtemp(dir=target.parent, prefix=temp_prefix(target),
                                                suffix=".tmp"))
        except OSError as err:
            raise OutputError(f"{target}: cannot write here ({err.strerror or err})") from None
        self.unsorted = self.folder / "unsorted"
        self.rows = Rows()
        self.stream: IO[str] = open(self.unsorted, "w", encoding="utf-8")  # noqa: SIM115
        if fmt == "nquads":
            self.stream.write("\n")  # rdflib's N-Quads writer ends with an empty line

    def write(self, quad: Quad) -> None:
        s, p, o, g = quad
        self.stream.write(self.rows.line(self.fmt, (s, p, o), g))

    def write_rows(self, rows: str) -> None:
        """Lines already in this file's format (a worker's, ``DocumentPart.lines``)."""
        self.stream.write(rows)

    def finish(self) -> Path:
        """Sort the lines; return the sorted file (in the temporary folder, which ``discard``
        removes: move it out first)."""
        self.stream.close()
        done = self.folder / "sorted"
        try:
            subprocess.run(["sort", "-u", "-S", SORT_BUFFER, "-T", str(self.folder),
                            "-o", str(done), str(self.unsorted)], check=True, capture_output=True,
                           env={**os.environ, "LC_ALL": "C"})
        except (OSError, subprocess.CalledProcessError) as err:
            raise OutputError(f"{self.target}: cannot write ({_reason(err)})") from None
        finally:
            self.unsorted.unlink(missing_ok=True)
        return done

    def discard(self) -> None:
        self.stream.close()
        shutil.rmtree(self.folder, ignore_errors=True)


Finished = Callable[[], dict[Path, Path]]
"""Called once the quads are all consumed: checks the report (``check``) and returns each
target's sorted file, to be moved over it."""


def write_streamed(corpus: ResolvedCorpus, model: str, targets: dict[Path, str], *,
                   validate: bool = True,
                   write: Callable[[Iterator[StoreQuad], Finished], None] | None = None,
                   check: Callable[[ValidationReport], None] | None = None,
                   workers: int | None = None, to_store: bool = True,
                   records: RecordSpool | None = None) -> StreamedGraph:
    """Write the graph to each target file (formats in ``STREAMED_FORMATS``) in one pass over
    the parts. ``write`` gets the quads (to load into a store as they come) and ``finished``;
    it commits the sorted files, with the store, as one set (kg.incremental.write_build);
    without it the files are written all or nothing (kg.export.write_all). ``check`` sees the
    report once every part has gone by and before anything is made live: raising there
    writes nothing.

    This process makes the corpus part; the documents' parts are made, written as lines and
    checked in ``workers`` forked processes (default: one per core), which is most of the
    work; this process only appends their lines to the files, loads them into the store and
    joins their checks, in the corpus's order, so the bytes are the same for any count.
    ``to_store=False``: ``write`` loads no store, so the documents' rows are not read back
    into quads for it (it gets the corpus part's only). ``records``: where each document's
    text is read from, one document at a time, when ``corpus`` keeps none (a build's
    ``BuildResult.records``, ``kg.leancorpus``)."""
    streamed = StreamedGraph()
    count = default_workers() if workers is None else workers
    with ExitStack() as cleanup:
        files: dict[Path, SortedLines] = {}
        for target, fmt in targets.items():
            lines = SortedLines(target, fmt)
            cleanup.callback(lines.discard)
            files[target] = lines

        def quads() -> Iterator[StoreQuad]:
            parts = GraphParts(corpus, model)
            validation = PartValidation() if validate else None
            for quad in _corpus_quads(parts, validation, streamed):
                for lines in files.values():
                    lines.write(quad)
                yield quad
            loaded = write is not None and to_store
            writer = PartWriter(parts, validation,
                                [*targets.values(), *(["nquads"] if loaded else [])],
                                records)
            for part in document_parts(writer, count):
                streamed.quads += part.quads
                for lines in files.values():
                    lines.write_rows(part.lines[lines.fmt])
                if validation is not None and part.checked is not None:
                    validation.add_checked(part.checked)
                if loaded:
                    yield from ox.parse(part.lines["nquads"], ox.RdfFormat.N_QUADS)
            if validation is not None:
                streamed.report = validation.report()

        def finished() -> dict[Path, Path]:
            if check is not None and streamed.report is not None:
                check(streamed.report)
            return {target: lines.finish() for target, lines in files.items()}

        if write is not None:
            write(quads(), finished)
        else:
            for _ in quads():
                pass
            write_all(dict(finished()))
    return streamed


def _reason(err: BaseException) -> str:
    if isinstance(err, subprocess.CalledProcessError):
        said = (err.stderr or b"").decode("utf-8", "replace").strip()
        return said or f"sort exit {err.returncode}"
    return getattr(err, "strerror", None) or str(err)
