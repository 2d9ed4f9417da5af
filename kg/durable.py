"""Writing a file so that a crash leaves the old content or the new, never half: the one shape
every kg output, journal and store file is written in (a temporary sibling, flushed to disk,
renamed over the target), the folder flush that makes a rename itself durable, and the lock
that keeps a second writer out while one writes.

Temporary siblings are named ``.NAME.kgPID.*.tmp``, so a later run can tell a dead process's
(``remove_stale_temps`` in kg.export) from a live one's.
"""

from __future__ import annotations

import os
import signal
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from kg.errors import OutputError


def temp_prefix(path: Path) -> str:
    """The prefix of ``path``'s temporary siblings written by this process."""
    return f".{path.name}.kg{os.getpid()}."


def write_temp(path: Path, data: str | bytes, *, mode: int | None = 0o666) -> Path:
    """Write ``data`` to a new temporary sibling of ``path``, flushed to disk, and return it;
    the caller renames it (``os.replace``) or removes it. ``mode`` (less the umask) replaces
    mkstemp's 0o600, so the output gets the permissions a plain ``open`` would give; None
    keeps 0o600. ``OutputError`` if it cannot be written; nothing is left behind on any
    failure."""
    with _temp_file(path, mode) as (stream, temp):
        stream.write(data.encode("utf-8") if isinstance(data, str) else data)
    return temp


def write_durably(path: Path, data: str | bytes, *, mode: int | None = 0o666) -> None:
    """Replace ``path`` with ``data`` in one rename: readers see the old file or the new one.
    The folder entry is not flushed here (``fsync_folder`` once for many files)."""
    with replacing(path, mode=mode) as stream:
        stream.write(data.encode("utf-8") if isinstance(data, str) else data)


@contextmanager
def replacing(path: Path, *, mode: int | None = 0o666) -> Iterator[BinaryIO]:
    """A binary stream whose content replaces ``path`` in one rename when the block ends
    normally (flushed to disk first); on any exception ``path`` is untouched and the
    temporary file removed. For writers that stream (a store's N-Quads), never holding the
    whole file."""
    with _temp_file(path, mode) as (stream, temp):
        yield stream
    try:
        os.replace(temp, path)
    except OSError as err:
        raise OutputError(f"{path}: cannot write ({err.strerror or err})") from None
    finally:
        temp.unlink(missing_ok=True)


@contextmanager
def _temp_file(path: Path, mode: int | None) -> Iterator[tuple[BinaryIO, Path]]:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(dir=path.parent, prefix=temp_prefix(path), suffix=".tmp")
    except OSError as err:
        raise OutputError(f"{path}: cannot write here ({err.strerror or err})") from None
    temp = Path(name)
    try:
        with os.fdopen(handle, "wb") as stream:
            yield stream, temp
            stream.flush()
            os.fsync(stream.fileno())
        if mode is not None:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(temp, mode & ~umask)
    except OSError as err:
        temp.unlink(missing_ok=True)
        raise OutputError(f"{path}: cannot write ({err.strerror or err})") from None
    except BaseException:
        temp.unlink(missing_ok=True)
        raise


def fsync_folder(folder: Path, *, strict: bool = False) -> None:
    """Flush a folder's entries (renames, new and removed files) to disk. Some systems cannot
    open or flush a folder: that is ignored unless ``strict``, where it is an ``OutputError``
    (a commit point, such as the graph store's switch, must not report success it cannot
    vouch for)."""
    try:
        handle = os.open(folder, os.O_RDONLY)
    except OSError as err:
        if strict:
            raise OutputError(f"{folder}: cannot flush to disk ({err.strerror or err})") from None
        return
    try:
        os.fsync(handle)
    except OSError as err:
        if strict:
            raise OutputError(f"{folder}: cannot flush to disk ({err.strerror or err})") from None
    finally:
        os.close(handle)


@contextmanager
def signals_held() -> Iterator[None]:
    """SIGINT and SIGTERM wait until the block is done: for the steps of a commit that must not
    be cut (renames of a set; a switch and what must follow it)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    held = {signal.SIGINT, signal.SIGTERM}
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


@contextmanager
def sole_writer(path: Path, busy: str) -> Iterator[None]:
    """Hold an exclusive ``flock`` on ``path`` (a folder, or a file made if missing) while the
    block runs; ``OutputError(busy)`` at once if another process holds it. The kernel drops
    the lock when its holder dies, even by SIGKILL, so a killed writer never blocks the next.
    ``fcntl`` is imported here: POSIX only, and only writers that need a lock need it."""
    try:
        import fcntl
    except ImportError:  # Windows: kg's writers need POSIX locks and symbolic links
        raise OutputError(f"{path}: kg writes outputs and stores on POSIX systems only "
                          "(Linux, macOS; on Windows use WSL)") from None

    flags = os.O_RDONLY if path.is_dir() else os.O_RDONLY | os.O_CREAT
    handle = os.open(path, flags, 0o666)
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            raise OutputError(busy) from None
        yield
    finally:
        os.close(handle)
