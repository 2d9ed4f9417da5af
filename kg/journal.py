"""A commit journal, so a set of output files is replaced all or nothing even under SIGKILL.

Renaming several files is several system calls: signals can be held back between them, SIGKILL
(and a power cut) cannot. So before the first rename the writer records, durably, which
temporary file becomes which output (``begin``): a small JSON journal, ``.kg-commit.PID.json``,
in every folder the set touches. Once every rename is done the journal is removed (``end``).
A journal still there names a set that was stopped half-way; since all its temporary files were
complete and on disk before the journal was written, the set can always be finished:
``roll_forward`` does the renames that were not done. Every kg run that writes into a folder,
and every kg command that reads a graph file, calls it first, so nobody sees the mixed set.

A journal of a process that still runs is a commit under way (a few microseconds) and is left
alone; the journal records its process's start time too, so a later process that got the same
id (common in containers) is not mistaken for it. Paths are stored relative to the journal's
folder, so a folder moved after the crash still rolls forward.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterable
from pathlib import Path

from kg.durable import fsync_folder, write_durably
from kg.errors import OutputError

JOURNAL_PREFIX = ".kg-commit."
JOURNAL_SUFFIX = ".json"
PAUSE_AFTER_FIRST_RENAME = "KG_TEST_PAUSE_AFTER_FIRST_RENAME"
"""Test hook: when this environment variable names a file, the writer creates that file after
its first rename and then sleeps, so a test can SIGKILL it exactly between two renames. Unset
(always, outside tests), it does nothing."""


def begin(renames: dict[Path, Path], leftovers: Iterable[Path] = ()) -> list[Path]:
    """Record durably that each temporary file (key) is to replace its target (value), and
    which other files (the writer's backups) are to go once it has; return the journal files
    written (one per folder the set touches), for ``end``."""
    leftovers = list(leftovers)
    folders = sorted({target.parent for target in renames.values()} |
                     {temp.parent for temp in renames}, key=str)
    journals = [folder / f"{JOURNAL_PREFIX}{os.getpid()}{JOURNAL_SUFFIX}" for folder in folders]
    for journal in journals:
        here = journal.parent
        record = {"started": process_start(os.getpid()),
                  "renames": [[_relative(temp, here), _relative(target, here)]
                              for temp, target in renames.items()],
                  "leftovers": [_relative(path, here) for path in leftovers],
                  "journals": [_relative(other, here) for other in journals]}
        _write_durably(journal, json.dumps(record, ensure_ascii=True) + "\n")
    for folder in folders:
        fsync_folder(folder)
    return journals


def end(journals: Iterable[Path]) -> None:
    """The set is complete (or was put back): remove its journals, durably."""
    journals = list(journals)
    for journal in journals:
        journal.unlink(missing_ok=True)
    for folder in {journal.parent for journal in journals}:
        fsync_folder(folder)


def pause_for_tests(variable: str = PAUSE_AFTER_FIRST_RENAME) -> None:
    """A test hook (``PAUSE_AFTER_FIRST_RENAME``, or another moment's ``variable``); inert
    when the variable is not set."""
    marker = os.environ.get(variable)
    if marker:
        Path(marker).touch()
        time.sleep(600)


def roll_forward(folder: Path) -> None:
    """Finish every set a stopped kg process left half-renamed in ``folder``: each temporary
    file its journal names that is still there replaces its target; then the journal (and its
    copies in other folders) is removed. A folder that cannot be listed has nothing to do; a
    rename that fails is an ``OutputError``, as the outputs there are a mixed set."""
    try:
        found = sorted([*folder.glob(f"{JOURNAL_PREFIX}*"), *folder.glob(f".{JOURNAL_PREFIX}*")])
    except OSError:
        return
    for path in found:
        pid = path.name.lstrip(".")[len(JOURNAL_PREFIX) - 1:].split(".", 1)[0]
        if not pid.isdigit():
            continue
        if path.name.endswith(".tmp"):  # a journal being written when its process died
            if not process_alive(int(pid)):
                path.unlink(missing_ok=True)
        elif path.name.endswith(JOURNAL_SUFFIX):
            _finish(path, int(pid))


def _finish(journal: Path, pid: int) -> None:
    here = journal.parent
    try:
        record = json.loads(journal.read_text("utf-8"))
        if _still_writing(pid, record.get("started")):
            return
        renames = [(here / temp, here / target) for temp, target in record["renames"]]
        copies = [here / other for other in record["journals"]]
        leftovers = [here / path for path in record.get("leftovers", [])]
    except (OSError, ValueError, KeyError, TypeError):
        return  # not a journal kg wrote whole (kg writes them atomically): not ours to act on
    for temp, target in renames:
        if not os.path.lexists(temp):
            continue  # renamed before the stop
        try:
            os.replace(temp, target)
        except OSError as err:
            raise OutputError(f"{target}: a stopped kg run left it half-written and it cannot "
                              f"be finished ({err.strerror or err}); run the build again") from None
    for folder in {target.parent for _, target in renames}:
        fsync_folder(folder)
    for path in leftovers:
        path.unlink(missing_ok=True)
    end(copies)


def _relative(path: Path, folder: Path) -> str:
    return os.path.relpath(os.path.abspath(path), os.path.abspath(folder))


def _write_durably(path: Path, text: str) -> None:
    try:
        write_durably(path, text)
    except OutputError as err:
        raise OutputError(f"{err}; no output was changed") from None


def _still_writing(pid: int, started: object) -> bool:
    """Whether the process that wrote a journal still runs: its id is alive and, where the
    journal recorded a start time, the live process started then."""
    if not process_alive(pid):
        return False
    return started is None or process_start(pid) in (None, started)


def process_start(pid: int) -> str | None:
    """When ``pid`` started (clock ticks since boot, from /proc), None where unknown."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii", errors="replace") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    return fields[19] if len(fields) > 19 else None


def process_alive(pid: int) -> bool:
    """Whether ``pid`` (this process included) still runs."""
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
