"""Builds into a graph store, whole or incremental (``kg build --update STORE PATH...``).

An update reads the given paths and compares each document with the store's manifest:

- a document whose record key (the hash of its Document record: text, source, metadata) is
  in the store is **unchanged** and is not parsed again;
- a document whose source the store has under another key is **replaced**: its old record,
  and so every reading taken from the old text, is dropped, and the new text is extracted;
- any other document is **added**;
- documents in the store that the update does not name are **kept** as they are. Nothing is
  removed except the old version of a replaced document.

Then the whole corpus (kept records and new ones) is resolved again and the graph rewritten:
resolution and support counts depend on every document, and resolving is cheap next to
parsing. The result is the graph a one-go build of all the documents gives, triple for triple;
an update that changes nothing leaves the same graph.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from kg import outputset
from kg.confidence import FLOOR
from kg.errors import KgError
from kg.export import write_all
from kg.graphstore import CURRENT as STORE_LINK
from kg.graphstore import (
    RdfQuad,
    StoreManifest,
    extractor_fingerprint,
    open_store,
    record_key,
    write_store,
)
from kg.model import Document, ExtractionResult
from kg.nlp import DOCUMENT_SECONDS, choose_model
from kg.outputset import Output
from kg.pipeline import BuildResult, extract_paths, finish_build
from kg.progress import Progress
from kg.recordspool import RecordSpool, spool_of

if TYPE_CHECKING:
    from distributed import Client


@dataclass(frozen=True)
class StoreBuild:
    """A build ready to be saved into a store: the graph, every document's record and what
    an update did with each source."""

    result: BuildResult
    manifest: StoreManifest
    records: RecordSpool
    """Every document's record, by source, kept on disk (``kg.recordspool``)."""
    added: tuple[str, ...] = ()
    replaced: tuple[str, ...] = ()
    unchanged: tuple[str, ...] = ()

    def describe(self) -> str:
        """'2 added, 1 replaced, 3 unchanged (not parsed again), 200 kept'."""
        kept = len(self.records) - len(self.added) - len(self.replaced) - len(self.unchanged)
        return (f"{len(self.added)} added, {len(self.replaced)} replaced, "
                f"{len(self.unchanged)} unchanged (not parsed again), {kept} kept")


def build_for_store(paths: Iterable[str | Path], *, model: str | None = None,
                    progress: Progress | None = None, strict: bool = False,
                    min_confidence: float = FLOOR, follow_links: bool = False,
                    document_seconds: float | None = DOCUMENT_SECONDS,
                    workers: int | None = None, cluster: Client | None = None,
                    keep_apart: Iterable[tuple[str, str]] = (), graph: bool = True
                    ) -> StoreBuild:
    """A whole build of ``paths``, with the records a later update starts from
    (``graph=False``: see ``kg.pipeline.finish_build``)."""
    extraction = extract_paths(paths, model=model, progress=progress, strict=strict,
                               min_confidence=min_confidence, follow_links=follow_links,
                               document_seconds=document_seconds, workers=workers,
                               cluster=cluster)
    result = finish_build(extraction.results, extraction.model, progress,
                          skipped=extraction.skipped, ignored=extraction.ignored,
                          keep_apart=keep_apart, graph=graph)
    records = _by_source(extraction.results)
    manifest = _manifest(records, extraction.model, min_confidence)
    return StoreBuild(result, manifest, records,
                      added=tuple(r.document.source for r in records))


def update_for_store(store: str | Path, paths: Iterable[str | Path], *,
                     model: str | None = None, progress: Progress | None = None,
                     strict: bool = False, min_confidence: float = FLOOR,
                     follow_links: bool = False,
                     document_seconds: float | None = DOCUMENT_SECONDS,
                     workers: int | None = None, cluster: Client | None = None,
                     keep_apart: Iterable[tuple[str, str]] = (), graph: bool = True
                     ) -> StoreBuild:
    """The store's corpus with the documents under ``paths`` added or replaced (see the
    module's docstring); nothing is written until ``save``."""
    stored = open_store(store)
    manifest = stored.manifest
    if model is not None and choose_model(model) != manifest.model:
        raise KgError(f"{store}: built with the spaCy pipeline {manifest.model}, not "
                      f"{choose_model(model)}; update with the same one or build anew")
    if manifest.extractor != extractor_fingerprint():
        raise KgError(f"{store}: its articles were read by another version of kg (code or "
                      "data differ); build it anew to read them all the same way")
    if min_confidence != manifest.min_confidence:
        raise KgError(f"{store}: built with --min-confidence {manifest.min_confidence:g}, not "
                      f"{min_confidence:g}; update with the same or build anew")
    keys = set(manifest.documents.values())

    def known(document: Document) -> ExtractionResult | None:
        key = record_key(document, manifest.model, manifest.min_confidence)
        return stored.record(key) if key in keys else None

    extraction = extract_paths(paths, model=manifest.model, progress=progress, strict=strict,
                               min_confidence=min_confidence, follow_links=follow_links,
                               document_seconds=document_seconds, known=known,
                               workers=workers, cluster=cluster)
    given = _by_source(extraction.results)
    named = {e.source for e in given.entries}
    kept = spool_of(stored.record(key) for source, key in manifest.documents.items()
                    if source not in named)
    kept_ids = {e.doc_id: e.source for e in kept.entries}
    skipped = list(extraction.skipped)
    skipped += [f"{e.source}: same document as {kept_ids[e.doc_id]} in the store"
                for e in given.entries if e.doc_id in kept_ids]
    fresh = given.where(lambda e: e.doc_id not in kept_ids)
    records = _by_source(kept.joined(fresh))
    result = finish_build(records, manifest.model, progress, skipped=tuple(skipped),
                          ignored=extraction.ignored, keep_apart=keep_apart, graph=graph)
    old = manifest.documents

    def _key(record: ExtractionResult) -> str:
        return record_key(record.document, manifest.model, min_confidence)

    fresh_keys = {r.document.source: _key(r) for r in fresh}  # read one at a time
    return StoreBuild(
        result, _manifest(records, manifest.model, min_confidence), records,
        added=tuple(source for source in fresh_keys if source not in old),
        replaced=tuple(source for source, key in fresh_keys.items()
                       if source in old and old[source] != key),
        unchanged=tuple(source for source, key in fresh_keys.items()
                        if old.get(source) == key))


def save(store: str | Path, build: StoreBuild, quads: Iterable[RdfQuad] | None = None,
         before_swap: Callable[[], None] | None = None,
         commit: Callable[[Path], None] | None = None) -> None:
    """Write the build into the store, all or nothing (``kg.graphstore.write_store``): its
    graph, or ``quads`` as they come (``kg.graphstream``); ``commit`` switches to the staged
    generation along with other outputs."""
    write_store(store, build.manifest, build.records,
                build.result.dataset if quads is None else quads, before_swap, commit)


def write_build(targets: Iterable[Path], render: Callable[[], Mapping[Path, Output]],
                store: Path | None = None, build: StoreBuild | None = None,
                atomic: bool | None = None, quads: Iterable[RdfQuad] | None = None
                ) -> str | None:
    """Write a build's output files and its store so that they switch together: the files
    (``targets``; ``render`` gives their content once the store's quads are loaded, a
    streamed file's sorted lines included) and the store (``build``'s, from ``quads`` as
    they come or from its graph) in one output set (kg.outputset) where the files' folder
    is or becomes one (``atomic``, as ``outputset.choose_folder``: by default whenever a
    store is written with them, in their folder or another, which is bound to the set), so
    one rename switches them all; otherwise (``--no-atomic-set``, no symbolic links) as
    plain files and the store's link, renamed under one commit journal (kg.export.write_all),
    which kg's readers finish after a kill. Nothing changes if a file cannot be written.
    Returns a note for the user when a set was asked for and cannot be had."""
    targets = list(targets)
    folder, note = outputset.choose_folder(targets, atomic, store) if targets else (None, None)

    def names() -> dict[str, Output]:
        return {path.name: data for path, data in render().items()}

    if store is None or build is None:
        for _ in quads or ():  # the files' lines are written as the quads go by
            pass
        if folder is not None:
            outputset.commit(folder, names())
        elif targets:
            write_all(render())
        return note
    link = Path(store) / STORE_LINK

    def in_set(staged: Path) -> None:
        outputset.commit(folder, names(), store=(link, staged))

    def plain(staged: Path) -> None:
        write_all(render(), links={link: staged.name})

    save(store, build, quads, commit=in_set if folder is not None else plain if targets
         else None)
    return note


def _by_source(results: RecordSpool) -> RecordSpool:
    return results.ordered_by(lambda e: e.source)


def _manifest(records: Iterable[ExtractionResult], model: str,
              min_confidence: float) -> StoreManifest:
    return StoreManifest(model=model, min_confidence=min_confidence,
                         extractor=extractor_fingerprint(),
                         documents={r.document.source: record_key(r.document, model, min_confidence)
                                    for r in records})
