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
corpus without texts; the write step reads each document back with ``document_of``
(``kg.leancorpus``). Views (``ordered_by``,
``where``, ``joined``) share the files; the folder is removed when the spool and every view
of it are gone (or the process exits).

A :class:`FactSpool` keeps a resolved corpus's facts (readings) on disk in the same way, for
the write step of a streamed build: each document's part reads only its own readings, and the
corpus part reads the merged facts a group at a time, so the write step does not hold every
resolved reading of the corpus. An :class:`EntitySpool` keeps its entities (each with every
mention and merge) on disk, read back one at a time.
"""

from __future__ import annotations

import heapq
import io
import os
import pickle
import shutil
import tempfile
import weakref
import zlib
from collections import defaultdict
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar, overload

from kg.errors import OutputError
from kg.model import Document, Entity, ExtractionResult, Fact

T = TypeVar("T")


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
        file = _keep(self._folders[0], _document_first(record), "an extraction record")
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
        return _load(self._entry_of(doc_id))

    def _entry_of(self, doc_id: str) -> SpooledRecord:
        if self._by_id is None:
            self._by_id = {e.doc_id: e for e in self._entries}
        try:
            return self._by_id[doc_id]
        except KeyError:
            raise OutputError(f"no extraction record of the document {doc_id} (a bug)") from None

    def document_of(self, doc_id: str) -> Document:
        """The document of ``record_of(doc_id)``, read without the rest of its record (its
        sentences, mentions and facts are not unpickled): the write step needs only the
        document's text."""
        entry = self._entry_of(doc_id)
        (document,) = _unpickled(entry, 1)
        if not isinstance(document, Document):
            raise OutputError(f"{entry.file}: not an extraction record (a bug)")
        return document

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


def _document_first(record: ExtractionResult) -> bytes:
    """A record's file: its document pickled first, then the whole record by the same
    pickler, whose memo makes the second refer to the document already written (no second
    copy of the text). ``document_of`` reads the first alone, ``_load`` both."""
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.dump(record.document)
    pickler.dump(record)
    return buffer.getvalue()


def _load(entry: SpooledRecord) -> ExtractionResult:
    _, record = _unpickled(entry, 2)
    if not isinstance(record, ExtractionResult):
        raise OutputError(f"{entry.file}: not an extraction record (a bug)")
    return record


def _unpickled(entry: SpooledRecord, count: int) -> list[object]:
    """The first ``count`` objects of a record's file (the document, then the record)."""
    try:
        with entry.file.open("rb") as stream:
            unpickler = pickle.Unpickler(stream)
            return [unpickler.load() for _ in range(count)]
    except OSError as err:
        raise OutputError(f"{entry.file}: an extraction record kept on disk is gone "
                          f"({err.strerror or err})") from None


class _ListsOnDisk(Sequence[T]):
    """A sequence kept on disk as pickled lists of items, in order, one after another in one
    file (``_Blobs``); only where each list is and its length are held. The shared plumbing
    of the fact spool and the entity spool (a ``Sequence`` of their items, read back when
    asked; the entity spool keeps files of its own, a ``Path`` where a list's place is)."""

    def __init__(self, parent: Path | None = None) -> None:
        self._folder = _Folder(parent)
        self._files: list[tuple[Any, int]] = []  # each list's place, and its length
        self._count = 0
        self._blobs: _Blobs | None = None

    def _append(self, items: list[Any], what: str) -> int:
        """Write ``items`` (the sequence's items, or what ``_items_of`` makes them of) after
        the lists written before; the list's number."""
        pickled = pickle.dumps(items, protocol=pickle.HIGHEST_PROTOCOL)
        if self._blobs is None:
            self._blobs = _Blobs(self._folder, what)
        self._files.append((self._blobs.add(pickled, what), len(items)))
        self._count += len(items)
        return len(self._files) - 1

    def _list_of(self, number: int) -> list[Any]:
        """The list numbered ``number`` as ``_append`` was given it."""
        if self._blobs is None:
            raise OutputError("no list kept on disk here (a bug)")
        return pickle.loads(self._blobs.read(self._files[number][0]))  # type: ignore[no-any-return]

    def _items_of(self, number: int) -> list[T]:
        return self._list_of(number)

    def __len__(self) -> int:
        return self._count

    @overload
    def __getitem__(self, index: int) -> T: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[T]: ...

    def __getitem__(self, index: int | slice) -> T | Sequence[T]:
        if isinstance(index, slice):
            return tuple(self)[index]
        if index < 0:
            index += self._count
        if 0 <= index < self._count:
            for number, (_, count) in enumerate(self._files):
                if index < count:
                    return self._items_of(number)[index]
                index -= count
        raise IndexError("index out of range of the items kept on disk")

    def __iter__(self) -> Iterator[T]:
        for number in range(len(self._files)):
            yield from self._items_of(number)


class BatchSpool(_ListsOnDisk[T]):
    """Lists of items on disk, added and read back a list at a time (a streamed
    resolution's readings of each document, before their holders are filled)."""

    def add(self, items: list[T]) -> None:
        if items:
            self._append(items, "resolved facts")

    def batches(self) -> Iterator[list[T]]:
        for number in range(len(self._files)):
            yield self._items_of(number)


class FactSpool(_ListsOnDisk[Fact]):
    """A resolved corpus's facts on disk, in their order, read back when asked: by document
    (``readings_of``, each document's part of the graph), by merged fact (``statements``,
    the corpus part) or all in order (as the tuple they were). ``facts`` may be a generator
    (a streamed resolution's, ``kg.leancorpus``): it is read once and never held.

    ``statement`` gives the merged fact a reading is part of (``kg.rdf.fact_iri``). The merged
    facts are grouped on disk too (issue 14: grouping them in memory held every reading): each
    reading goes to one of ``buckets`` files by its statement's hash; when all are in, each
    bucket is grouped alone (a bucket's readings held at a time, about 1/``buckets`` of the
    corpus) and written in the order of its statements' first readings, ``group`` merged facts
    to a frame; ``statements`` merges the buckets' frames in that order (a frame of each
    bucket held at a time). A frame is one merged fact unless ``group`` says otherwise: the
    merge then holds ``buckets`` merged facts, whatever the corpus's size. Frames of 64 held
    a frame of every bucket, which was most of the corpus's readings at 1,000 articles
    (about 2.6 KB a reading) while the corpus part of the graph was written (issue 14).

    Each reading is pickled once, alone, as it comes: its document's run and its bucket
    keep the same bytes, which grouping moves without reading them (a bucket's frames are
    unpickled for their ordinals and keys, a reading's bytes stay bytes), and a reading is
    unpickled only when asked for. Pickled whole in each of the run, the bucket and the
    grouped bucket, the readings were over a third of resolution's CPU (issue 14)."""

    def __init__(self, facts: Iterable[Fact], statement: Callable[[Fact], Hashable],
                 group: int = 1, parent: Path | None = None, buckets: int = 64,
                 flush: int = 4096) -> None:
        if group < 1 or buckets < 1:
            raise ValueError(f"group and buckets must be at least 1, not {group}, {buckets}")
        super().__init__(parent)
        self._by_doc: dict[str, list[int]] = defaultdict(list)
        self._group = group
        self._buckets = [self._folder.new_file() for _ in range(buckets)]
        pending: list[list[tuple[int, Hashable, bytes]]] = [[] for _ in range(buckets)]
        run: list[bytes] = []
        run_doc = ""
        for ordinal, fact in enumerate(facts):
            if run and run_doc != fact.evidence.doc_id:
                self._add_run(run_doc, run)
                run = []
            run_doc = fact.evidence.doc_id
            pickled = pickle.dumps(fact, protocol=pickle.HIGHEST_PROTOCOL)
            run.append(pickled)
            key = statement(fact)
            pending[zlib.crc32(str(key).encode("utf-8")) % buckets].append(
                (ordinal, key, pickled))
            if ordinal % flush == flush - 1:
                self._flush(pending)
        if run:
            self._add_run(run_doc, run)
        self._flush(pending)
        for bucket in self._buckets:
            self._group_bucket(bucket)

    def _add_run(self, doc_id: str, facts: list[bytes]) -> None:
        """Readings of one document (pickled) that came one after another in the corpus."""
        self._by_doc[doc_id].append(self._append(facts, "resolved facts"))

    def _items_of(self, number: int) -> list[Fact]:
        return [pickle.loads(fact) for fact in self._list_of(number)]

    def _flush(self, pending: list[list[tuple[int, Hashable, bytes]]]) -> None:
        for bucket, readings in zip(self._buckets, pending, strict=True):
            if readings:
                _append_frame(bucket, readings)
                readings.clear()

    def _group_bucket(self, bucket: Path) -> None:
        """The bucket's readings grouped by statement, in the order of each statement's first
        reading, written over them in frames of ``group`` statements."""
        merged: dict[Hashable, tuple[int, list[bytes]]] = {}
        for frame in _frames(bucket):
            for ordinal, key, fact in frame:
                merged.setdefault(key, (ordinal, []))[1].append(fact)
        statements = [(first, key, facts) for key, (first, facts) in merged.items()]
        del merged
        bucket.unlink(missing_ok=True)
        for start in range(0, len(statements), self._group):
            _append_frame(bucket, statements[start:start + self._group])

    def readings_of(self, doc_id: str) -> list[Fact]:
        """The readings of the document ``doc_id``, in the corpus's order."""
        return [fact for number in self._by_doc.get(doc_id, ())
                for fact in self._items_of(number)]

    def statements(self) -> Iterator[tuple[Hashable, list[Fact]]]:
        """Each merged fact with its readings, in the order of its first reading."""
        streams = [(s for frame in _frames(bucket) for s in frame) for bucket in self._buckets]
        for _, key, facts in heapq.merge(*streams, key=lambda s: s[0]):
            yield key, [pickle.loads(fact) for fact in facts]


class EntitySpool(_ListsOnDisk[Entity]):
    """A resolved corpus's entities on disk, in their order, ``group`` to a file, each pickled
    alone; only the files' names are held. ``entities`` may be a generator: it is read once,
    never held. Reading them in order holds one entity at a time: a file read whole held
    ``group`` entities with every mention and merge of each, which grow with the corpus (a
    country named in every article), and set the write step's fullest corpus chunk
    (issue 14)."""

    def __init__(self, entities: Iterable[Entity], group: int = 500,
                 parent: Path | None = None) -> None:
        if group < 1:
            raise ValueError(f"group must be at least 1, not {group}")
        super().__init__(parent)
        for entity in entities:
            if not self._files or self._files[-1][1] == group:
                self._files.append((self._folder.new_file(), 0))
            file, count = self._files[-1]
            _append_frame(file, entity, "resolved entities")
            self._files[-1] = (file, count + 1)
            self._count += 1

    def _items_of(self, number: int) -> list[Entity]:
        return list(_entities_in(self._files[number][0]))

    def __iter__(self) -> Iterator[Entity]:
        for file, _ in self._files:
            yield from _entities_in(file)


def _entities_in(file: Path) -> Iterator[Entity]:
    """The entities of one of an ``EntitySpool``'s files, one at a time."""
    if not file.exists():  # every file was written to: one gone is an error, not empty
        raise OutputError(f"{file}: resolved entities kept on disk are gone")
    yield from _frames(file, "resolved entities")


def _append_frame(file: Path, items: Any, what: str = "resolved facts") -> None:
    """``items`` pickled at the end of ``file`` (a file of frames, read by ``_frames``)."""
    try:
        with file.open("ab") as out:
            pickle.dump(items, out, protocol=pickle.HIGHEST_PROTOCOL)
    except OSError as err:
        raise OutputError(f"{file}: cannot keep {what} on disk "
                          f"({err.strerror or err})") from None


def _frames(file: Path, what: str = "resolved facts") -> Iterator[Any]:
    """What ``_append_frame`` wrote to ``file``, in order; nothing if it was never made."""
    if not file.exists():
        return
    try:
        with file.open("rb") as source:
            while True:
                try:
                    yield pickle.load(source)
                except EOFError:
                    return
    except OSError as err:
        raise OutputError(f"{file}: {what} kept on disk are gone "
                          f"({err.strerror or err})") from None


def _keep(folder: _Folder, pickled: bytes, what: str) -> Path:
    """``pickled`` written to a new file of ``folder``; a full disk is a one-line error."""
    file = folder.new_file()
    try:
        file.write_bytes(pickled)
    except OSError as err:
        raise OutputError(f"{file}: cannot keep {what} on disk "
                          f"({err.strerror or err})") from None
    return file


class _Blobs:
    """Byte strings written one after another to one file of a folder, each read back by
    its place (offset and size). A file of its own for each list (two for every document:
    a streamed resolution's readings, then its resolved readings) cost an open and a close
    each, about 5% of resolution's CPU (issue 14). Read with ``os.pread``, which moves no
    file position, so forked workers that inherit the open file read it as this process
    does; only this process writes, before it forks them."""

    def __init__(self, folder: _Folder, what: str) -> None:
        self.path = folder.new_file()
        try:
            self._fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_APPEND, 0o600)
        except OSError as err:
            raise OutputError(f"{self.path}: cannot keep {what} on disk "
                              f"({err.strerror or err})") from None
        self._end = 0
        self._close = weakref.finalize(self, os.close, self._fd)

    def add(self, data: bytes, what: str) -> tuple[int, int]:
        """Write ``data`` at the end; its place. A full disk is a one-line error."""
        place = (self._end, len(data))
        view = memoryview(data)
        try:
            while view:
                view = view[os.write(self._fd, view):]
        except OSError as err:
            raise OutputError(f"{self.path}: cannot keep {what} on disk "
                              f"({err.strerror or err})") from None
        self._end += len(data)
        return place

    def read(self, place: tuple[int, int]) -> bytes:
        offset, size = place
        try:
            data = os.pread(self._fd, size, offset)
        except OSError as err:
            data, reason = b"", f" ({err.strerror or err})"
        else:
            reason = ""
        if len(data) != size:
            raise OutputError(f"{self.path}: resolved facts kept on disk are gone{reason}")
        return data
