"""The entity table's per-mention rows on disk (issue 14): what grows with the corpus.

Resolution's entity table (``kg.resolve._EntityTable``) keeps, for every mention of the corpus
from the clustering of names to the end of resolution, which entity its span was assigned to,
its row (the mention, made again when the entity is made) and its merge row (why it joined).
Held in dicts and lists those grew some 25 MB per 1,000 articles (and twice that in RSS, the
allocator's arenas fragmented by them). Here they go to a SQLite file in a private temporary
folder (``kg.diskindex.DiskIndex``), a few thousand rows at a time:

- ``SpanMap``: (document, start, end) -> entity id. The second pass reads one document at a
  time and asks about that document's spans, so the spans of the document being read are
  held (loaded when the table is told which it reads); any other span is asked of the file.
- ``RowsByEntity``: rows added under an entity id, read back grouped by entity id in id
  order, each entity's rows in the order their sort columns give (SQLite sorts them, on disk
  when large: the "sorted runs merged by key" of an external sort without writing one).

Strings compare the same in SQLite (the BINARY collation compares UTF-8 bytes, which orders
as code points) as in Python, so the order read back is the order ``sorted`` gives.
"""

from __future__ import annotations

import pickle
from collections.abc import Hashable, Iterator, Sequence
from itertools import groupby
from operator import itemgetter
from typing import Any

from kg.diskindex import DiskIndex

Span = tuple[str, int, int]

_SPANS = """CREATE TABLE spans (doc TEXT, span_start INTEGER, span_end INTEGER, entity TEXT,
                                PRIMARY KEY (doc, span_start, span_end)) WITHOUT ROWID;"""


class SpanMap:
    """A dict of (document id, start, end) -> entity id whose entries go to disk once more
    than ``held`` are new, and whose current document's entries are held (``reading``)."""

    def __init__(self, held: int = 1 << 14) -> None:
        self._held = held
        self._new: dict[Span, str] = {}  # newer than the file's
        self._doc: str | None = None
        self._here: dict[tuple[int, int], str] = {}  # the file's, of the document read
        self._disk: DiskIndex | None = None

    def __setitem__(self, span: Span, entity_id: str) -> None:
        self._new[span] = entity_id
        if len(self._new) >= self._held:
            self._flush()

    def get(self, span: Span) -> str | None:
        found = self._new.get(span)
        if found is not None or self._disk is None:
            return found
        if span[0] == self._doc:
            return self._here.get(span[1:])
        rows = self._disk.rows("SELECT entity FROM spans WHERE doc = ? AND span_start = ? "
                               "AND span_end = ?", span)
        return rows[0][0] if rows else None

    def reading(self, doc_id: str) -> None:
        """Spans of ``doc_id`` are asked for from now on: hold its, and no other's."""
        self._flush()
        self._doc = doc_id
        self._here = {} if self._disk is None else {
            (first, last): entity for first, last, entity in self._disk.rows(
                "SELECT span_start, span_end, entity FROM spans WHERE doc = ?", (doc_id,))}

    def clear(self) -> None:
        self._new.clear()
        self._here.clear()
        self._disk = None  # its folder is removed with it

    def _flush(self) -> None:
        if not self._new:
            return
        if self._disk is None:
            self._disk = DiskIndex(_SPANS, prefix="kg-table-")
        self._disk.add("INSERT OR REPLACE INTO spans VALUES (?, ?, ?, ?)",
                       ((*span, entity) for span, entity in self._new.items()))
        for (doc_id, first, last), entity in self._new.items():
            if doc_id == self._doc:
                self._here[(first, last)] = entity
        self._new.clear()


class RowsByEntity:
    """Rows (tuples of picklable values) kept on disk under an entity id, read back by
    ``groups``: each entity's rows, in the order of their ``order`` columns (values SQLite
    can hold: strings, integers), entities in id order. ``distinct``: rows given twice under
    one entity (the same order columns and the same row) are read once, as a set keeps them."""

    def __init__(self, order: Sequence[str], distinct: bool = False, held: int = 1 << 12
                 ) -> None:
        columns = ", ".join(order)  # no declared type: no affinity turns '2024' into 2024
        self._order = ", ".join(order)
        self._distinct = distinct
        self._held = held
        self._new: list[tuple[Any, ...]] = []
        self._marks = ", ".join("?" * (len(order) + 3))  # entity, order, seq, row
        self._disk = DiskIndex(f"CREATE TABLE rows (entity TEXT, {columns}, seq INTEGER, "
                               "row BLOB);", prefix="kg-table-")
        self._seq = 0

    def add(self, entity_id: str, order: Sequence[Hashable], row: tuple[Any, ...]) -> None:
        self._new.append((entity_id, *order, self._seq,
                          pickle.dumps(row, protocol=pickle.HIGHEST_PROTOCOL)))
        self._seq += 1
        if len(self._new) >= self._held:
            self._flush()

    def groups(self) -> Iterator[tuple[str, list[tuple[Any, ...]]]]:
        """(entity id, its rows) in entity id order; rows given in equal order, in the order
        added (``distinct``: the first of equal rows)."""
        self._flush()
        rows = self._disk.each(
            f"SELECT entity, row FROM rows ORDER BY entity, {self._order}, seq")
        for entity_id, group in groupby(rows, key=itemgetter(0)):
            read = [pickle.loads(blob) for _, blob in group]
            yield entity_id, list(dict.fromkeys(read)) if self._distinct else read

    def _flush(self) -> None:
        if self._new:
            self._disk.add(f"INSERT INTO rows VALUES ({self._marks})", self._new)
            self._new.clear()
