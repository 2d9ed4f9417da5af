"""Extraction records kept on disk while a build runs, read back one at a time (issue 14).

A build used to hold every document's extraction record (its sentences, mentions and
readings) in the main process from the moment a worker sent it until the graph was written
(a ``--store`` build through the whole write). A :class:`RecordSpool` writes each record to a
file in a private temporary folder as it arrives and keeps only each record's document id
and source, so records can be ordered and chosen without reading them back; a pass over the
spool (the store writing each record, an update's manifest) reads one record at a time.

It is a ``Sequence[ExtractionResult]``, so code that took a list of records takes a spool
unchanged. Resolution reads it once, into memory (``sorted`` by document id, as it sorts a
list), and drops it when it returns: its rules make several passes over every record, and
reading the spool anew for each made resolving 200 articles twice as slow. A build that
streams its graph has its sentences' texts left out for resolution and keeps the resolved
corpus without texts; the write step reads each document back with ``record_of``
(``kg.leancorpus``). Views (``ordered_by``,
``where``, ``joined``) share the files; the folder is removed when the spool and every view
of it are gone (or the process exits).

A :class:`FactSpool` keeps a resolved corpus's facts (readings) on disk in the same way, for
the write step of a streamed build: each document's part reads only its own readings, and the
corpus part reads the merged facts a group at a time, so the write step does not hold every
resolved reading of the corpus. An :class:`EntitySpool` keeps its entities (each with every
mention and merge) on disk, read back a group at a time.
"""

from __future__ import annotations

import pickle
import shutil
import tempfile
import weakref
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, overload

from kg.errors import OutputError
from kg.model import Entity, ExtractionResult, Fact


@dataclass(frozen=True)
class SpooledRecord:
    """Where one record is, and what choosing and ordering records needs to know of it."""

    doc_id: str
    source: str
    file: Path


class _Folder:
    """The temporary folder of a spool's files, removed with its last user."""

    def __init__(self, parent: Path | None = None) -> None:
        try:
            self.path = Path(tempfile.mkdtemp(prefix="kg-records-", dir=parent))
        except OSError as err:
            raise OutputError(f"cannot keep extraction records on disk: "
                              f"{err.strerror or err}") from None
        self.count = 0
        self._remove = weakref.finalize(self, shutil.rmtree, self.path, ignore_errors=True)

    def new_file(self) -> Path:
        self.count += 1
        return self.path / f"{self.count}.pickle"


class RecordSpool(Sequence[ExtractionResult]):
    """Extraction records on disk, in the order added (or a view's order)."""

    def __init__(self, parent: Path | None = None, *,
                 _entries: tuple[SpooledRecord, ...] = (),
                 _folders: tuple[_Folder, ...] = ()) -> None:
        self._folders = _folders or (_Folder(parent),)
        self._entries = list(_entries)
        self._by_id: dict[str, SpooledRecord] | None = None

    def add(self, record: ExtractionResult) -> None:
        """File ``record``; the caller need not keep it."""
        file = _keep(self._folders[0], record, "an extraction record")
        self._entries.append(SpooledRecord(record.document.doc_id, record.document.source, file))
        self._by_id = None

    @property
    def entries(self) -> tuple[SpooledRecord, ...]:
        return tuple(self._entries)

    def __len__(self) -> int:
        return len(self._entries)

    @overload
    def __getitem__(self, index: int) -> ExtractionResult: ...

    @overload
    def __getitem__(self, index: slice) -> RecordSpool: ...

    def __getitem__(self, index: int | slice) -> ExtractionResult | RecordSpool:
        if isinstance(index, slice):
            return self._view(self._entries[index])
        return _load(self._entries[index])

    def __iter__(self) -> Iterator[ExtractionResult]:
        for entry in self._entries:
            yield _load(entry)

    def record_of(self, doc_id: str) -> ExtractionResult:
        """The record of the document ``doc_id`` (the last one added, if several), read from
        disk; the write step reads each document's text back this way (``kg.leancorpus``)."""
        if self._by_id is None:
            self._by_id = {e.doc_id: e for e in self._entries}
        try:
            entry = self._by_id[doc_id]
        except KeyError:
            raise OutputError(f"no extraction record of the document {doc_id} (a bug)") from None
        return _load(entry)

    def ordered_by(self, key: Callable[[SpooledRecord], str]) -> RecordSpool:
        """The same records in the order of ``key`` (e.g. by document id, as resolution
        reads them); nothing is read."""
        return self.chosen(sorted(self._entries, key=key))

    def where(self, keep: Callable[[SpooledRecord], bool]) -> RecordSpool:
        return self.chosen(e for e in self._entries if keep(e))

    def chosen(self, entries: Iterable[SpooledRecord]) -> RecordSpool:
        """A view of these ``entries`` of this spool, in their order."""
        return self._view(entries)

    def joined(self, other: RecordSpool) -> RecordSpool:
        """This spool's records, then ``other``'s."""
        folders = self._folders + tuple(f for f in other._folders if f not in self._folders)
        return RecordSpool(_entries=(*self._entries, *other._entries), _folders=folders)

    def _view(self, entries: Iterable[SpooledRecord]) -> RecordSpool:
        return RecordSpool(_entries=tuple(entries), _folders=self._folders)


def spool_of(records: Iterable[ExtractionResult]) -> RecordSpool:
    """``records`` as a spool (the records given are not kept)."""
    if isinstance(records, RecordSpool):
        return records
    spool = RecordSpool()
    for record in records:
        spool.add(record)
    return spool


def _load(entry: SpooledRecord) -> ExtractionResult:
    try:
        record = pickle.loads(entry.file.read_bytes())
    except OSError as err:
        raise OutputError(f"{entry.file}: an extraction record kept on disk is gone "
                          f"({err.strerror or err})") from None
    if not isinstance(record, ExtractionResult):
        raise OutputError(f"{entry.file}: not an extraction record (a bug)")
    return record


@dataclass(frozen=True)
class _Run:
    """Readings of one document that came one after another in the corpus: where they are
    and how many."""

    doc_id: str
    file: Path
    count: int


class FactSpool(Sequence[Fact]):
    """A resolved corpus's facts on disk, in their order, read back when asked: by document
    (``readings_of``, each document's part of the graph), by merged fact (``statements``,
    the corpus part) or all in order (as the tuple they were). Only the files' names and
    each document's runs are held (issue 14: the resolved readings grew with the corpus).

    ``statement`` gives the merged fact a reading is part of (``kg.rdf.fact_iri``); the
    merged facts come in the order their first reading has, ``group`` to a file."""

    def __init__(self, facts: Iterable[Fact], statement: Callable[[Fact], Hashable],
                 group: int = 500, parent: Path | None = None) -> None:
        self._folder = _Folder(parent)
        self._runs: list[_Run] = []
        self._by_doc: dict[str, list[int]] = defaultdict(list)
        merged: dict[Hashable, list[Fact]] = {}
        run: list[Fact] = []
        for fact in facts:
            if run and run[-1].evidence.doc_id != fact.evidence.doc_id:
                self._add_run(run)
                run = []
            run.append(fact)
            merged.setdefault(statement(fact), []).append(fact)
        if run:
            self._add_run(run)
        statements = list(merged.items())
        self._groups = [self._write(statements[start:start + group])
                        for start in range(0, len(statements), group)]
        self._count = sum(r.count for r in self._runs)

    def _add_run(self, facts: list[Fact]) -> None:
        self._by_doc[facts[0].evidence.doc_id].append(len(self._runs))
        self._runs.append(_Run(facts[0].evidence.doc_id, self._write(facts), len(facts)))

    def _write(self, value: object) -> Path:
        return _keep(self._folder, value, "resolved facts")

    def __len__(self) -> int:
        return self._count

    @overload
    def __getitem__(self, index: int) -> Fact: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[Fact]: ...

    def __getitem__(self, index: int | slice) -> Fact | Sequence[Fact]:
        if isinstance(index, slice):
            return tuple(self)[index]
        if index < 0:
            index += self._count
        for run in self._runs:
            if 0 <= index < run.count:
                return _read(run.file)[index]
            index -= run.count
        raise IndexError("fact index out of range")

    def __iter__(self) -> Iterator[Fact]:
        for run in self._runs:
            yield from _read(run.file)

    def readings_of(self, doc_id: str) -> list[Fact]:
        """The readings of the document ``doc_id``, in the corpus's order."""
        return [fact for number in self._by_doc.get(doc_id, ())
                for fact in _read(self._runs[number].file)]

    def statements(self) -> Iterator[tuple[Hashable, list[Fact]]]:
        """Each merged fact with its readings, in the order of its first reading."""
        for file in self._groups:
            yield from _read(file)


class EntitySpool(Sequence[Entity]):
    """A resolved corpus's entities on disk, in their order, ``group`` to a file; only the
    files' names are held."""

    def __init__(self, entities: Iterable[Entity], group: int = 500,
                 parent: Path | None = None) -> None:
        if group < 1:
            raise ValueError(f"group must be at least 1, not {group}")
        self._folder, self._group = _Folder(parent), group
        self._groups: list[Path] = []
        self._count = 0
        batch: list[Entity] = []
        for entity in entities:
            batch.append(entity)
            if len(batch) == group:
                self._add_group(batch)
                batch = []
        if batch:
            self._add_group(batch)

    def _add_group(self, entities: list[Entity]) -> None:
        self._groups.append(_keep(self._folder, entities, "resolved entities"))
        self._count += len(entities)

    def __len__(self) -> int:
        return self._count

    @overload
    def __getitem__(self, index: int) -> Entity: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[Entity]: ...

    def __getitem__(self, index: int | slice) -> Entity | Sequence[Entity]:
        if isinstance(index, slice):
            return tuple(self)[index]
        if index < 0:
            index += self._count
        if not 0 <= index < self._count:
            raise IndexError("entity index out of range")
        entities: list[Entity] = _read(self._groups[index // self._group])
        return entities[index % self._group]

    def __iter__(self) -> Iterator[Entity]:
        for file in self._groups:
            yield from _read(file)


def _keep(folder: _Folder, value: object, what: str) -> Path:
    """``value`` pickled to a new file of ``folder``; a full disk is a one-line error."""
    file = folder.new_file()
    try:
        file.write_bytes(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
    except OSError as err:
        raise OutputError(f"{file}: cannot keep {what} on disk "
                          f"({err.strerror or err})") from None
    return file


def _read(file: Path) -> list[Any]:
    try:
        return pickle.loads(file.read_bytes())  # type: ignore[no-any-return]
    except OSError as err:
        raise OutputError(f"{file}: resolved facts or entities kept on disk are gone "
                          f"({err.strerror or err})") from None
