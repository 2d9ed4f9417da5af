"""A SQLite file in a private temporary folder that forked processes read too (issue 14).

The write step keeps maps that grow with the corpus (which sentence is where, whom each
document mentions, which nodes the corpus part owns and their labels) on disk instead of in
dicts, and the write workers, forked once the corpus part has gone by, query them. A SQLite
connection must not be used across a fork, so each process opens its own on first use; the
process that fills the file commits before the workers are forked (``commit``), and no process
writes to it after that.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
import weakref
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from kg.errors import OutputError

_FAST = "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;"
"""A scratch file, removed with its folder: nothing to recover after a crash."""


class DiskIndex:
    """Tables made by ``schema`` (SQL) in a new file; rows added with ``add``, read with
    ``rows``, in any process forked after ``commit``."""

    def __init__(self, schema: str, prefix: str = "kg-index-") -> None:
        try:
            self._folder = tempfile.TemporaryDirectory(prefix=prefix)
            self.path = Path(self._folder.name) / "index.sqlite"
            self._pid, self._db = os.getpid(), sqlite3.connect(self.path)
            self._db.executescript(_FAST + schema)
        except (OSError, sqlite3.Error) as err:
            raise OutputError(f"cannot keep the graph's indexes on disk: {err}") from None
        weakref.finalize(self, _close_if_mine, self._db, self._pid)

    def _connection(self) -> sqlite3.Connection:
        """This process's connection: a forked process opens its own (read only)."""
        if self._pid != os.getpid():
            try:
                self._pid = os.getpid()
                self._db = sqlite3.connect(f"{self.path.as_uri()}?mode=ro", uri=True)
            except sqlite3.Error as err:
                raise OutputError(f"cannot read the graph's indexes on disk: {err}") from None
        return self._db

    def add(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        self._connection().executemany(sql, rows)

    def commit(self) -> None:
        """Make the rows added so far visible to processes forked from now on."""
        self._connection().commit()

    def rows(self, sql: str, parameters: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        return self._connection().execute(sql, parameters).fetchall()

    def each(self, sql: str, parameters: Sequence[Any] = ()) -> Iterator[tuple[Any, ...]]:
        """The rows of ``sql`` one at a time, never all held (a large ordered read)."""
        yield from self._connection().execute(sql, parameters)


def _close_if_mine(db: sqlite3.Connection, pid: int) -> None:
    """Close the connection in the process that opened it only (a forked copy is left)."""
    if os.getpid() == pid:
        db.close()
