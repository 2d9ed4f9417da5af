"""Write a resolved corpus's graph part by part, never holding all of it: the corpus part (the
default graph) and then one document's part (its named graph) at a time, each checked against
the shapes (``kg.validate.PartValidation``) and handed on to the store's bulk loader and to the
N-Quads or N-Triples file, then dropped.

Memory then holds the resolved corpus and the corpus part, not the graph of every document
(which is most of the graph: the texts, spans and readings) nor a copy of it for validation.
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
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from rdflib import Graph, URIRef
from rdflib.plugins.serializers.nquads import _nq_row
from rdflib.plugins.serializers.nt import _nt_row
from rdflib.term import Node

from kg.durable import temp_prefix
from kg.errors import OutputError
from kg.export import remove_stale_temps, write_all
from kg.model import ResolvedCorpus
from kg.rdf import GraphParts, document_iri
from kg.validate import PartValidation, ValidationReport

Quad = tuple[Node, Node, Node, URIRef | None]

STREAMED_FORMATS = ("nquads", "nt")
"""Formats ``write_streamed`` writes (sorted lines); the others need the whole graph."""


@dataclass
class StreamedGraph:
    """What went by: the number of quads and, when checked, the shapes report."""

    quads: int = 0
    report: ValidationReport | None = None


def graph_quads(corpus: ResolvedCorpus, model: str, streamed: StreamedGraph,
                validate: bool = True) -> Iterator[Quad]:
    """The graph's quads, the corpus part's first (graph None, a chunk at a time) and then
    each document's (graph: its IRI), made, checked and dropped one part at a time (the corpus
    chunks are made again at the end to be checked with their facts' evidence links). When
    the iteration ends, ``streamed`` holds the count and the report (that of validating the
    whole graph)."""
    parts = GraphParts(corpus, model)
    validation = PartValidation(parts.corpus_chunks) if validate else None
    for chunk in parts.corpus_chunks():
        for s, p, o in chunk:
            streamed.quads += 1
            yield s, p, o, None
        if validation is not None:
            validation.add_corpus(chunk)
    for document in corpus.documents:
        part = Graph(store="SimpleMemory")
        parts.add_document(part, document)
        name = document_iri(document.doc_id)
        for s, p, o in part:
            streamed.quads += 1
            yield s, p, o, name
        if validation is not None:
            validation.add_document(part)  # adds context to the part: after its quads went
    if validation is not None:
        streamed.report = validation.report()


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
        self.stream: IO[str] = open(self.unsorted, "w", encoding="utf-8")  # noqa: SIM115
        if fmt == "nquads":
            self.stream.write("\n")  # rdflib's N-Quads writer ends with an empty line

    def write(self, quad: Quad) -> None:
        s, p, o, g = quad
        self.stream.write(_nq_row((s, p, o), g) if self.fmt == "nquads" else _nt_row((s, p, o)))

    def finish(self) -> Path:
        """Sort the lines; return the sorted file (in the temporary folder, which ``discard``
        removes: move it out first)."""
        self.stream.close()
        done = self.folder / "sorted"
        try:
            subprocess.run(["sort", "-u", "-T", str(self.folder), "-o", str(done),
                            str(self.unsorted)], check=True, capture_output=True,
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
                   write: Callable[[Iterator[Quad], Finished], None] | None = None,
                   check: Callable[[ValidationReport], None] | None = None) -> StreamedGraph:
    """Write the graph to each target file (formats in ``STREAMED_FORMATS``) in one pass over
    the parts. ``write`` gets the quads (to load into a store as they come) and ``finished``;
    it commits the sorted files, with the store, as one set (kg.incremental.write_build);
    without it the files are written all or nothing (kg.export.write_all). ``check`` sees the
    report once every part has gone by and before anything is made live: raising there
    writes nothing."""
    streamed = StreamedGraph()
    with ExitStack() as cleanup:
        files: dict[Path, SortedLines] = {}
        for target, fmt in targets.items():
            lines = SortedLines(target, fmt)
            cleanup.callback(lines.discard)
            files[target] = lines

        def quads() -> Iterator[Quad]:
            for quad in graph_quads(corpus, model, streamed, validate):
                for lines in files.values():
                    lines.write(quad)
                yield quad

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
