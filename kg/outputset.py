"""An output set that every reader sees whole: the files of one folder (``graph.ttl``,
``graph.jsonld``, ``report.html``) and the graph store beside them switch from one build to
the next in a single ``rename()``, so no program (kg or not) can see old Turtle with new
JSON-LD, even after SIGKILL or a power cut.

Layout of a set folder ``OUT``::

    OUT/.kg-generations/<id>/     one generation: graph.ttl, graph.jsonld, report.html (or the
                                  ``-o`` files), and ``store``, a link to the store's
                                  generation of that build
    OUT/.kg-current               -> .kg-generations/<id>   the one pointer; renaming a new
                                  link over it is the commit
    OUT/graph.ttl                 -> .kg-current/graph.ttl  (fixed; so for every output)
    OUT/store/current             -> ../.kg-current/store   (the store's own link, fixed)

A store in another folder (``--store elsewhere/store``) is bound the same way, its link going
through this folder's pointer (``elsewhere/store/current -> ../../OUT/.kg-current/store``), so
it too switches with the files; it is then read through the set (removing the set folder
leaves the store to be built anew). A store is bound to one set at a time: the last build that
wrote files with it.

A writer stages a whole generation, names it by its content (a hash of its files, so a
build that changes nothing keeps the same name and a folder kept in git, as this repository's
``output/``, shows no change), then renames a new ``.kg-current`` over the old and removes the
old generation. A build whose files are those of the live generation only switches the store
link inside it (one rename). Before the rename every name shows the old set, after it the new;
a killed writer leaves a staged generation that the next writer removes. The names are only
ever replaced by links to the same content (``_adopt``), so turning a folder of plain files
into a set is invisible to readers too.

A reader that opens several files at different moments can still straddle a commit (the old
generation is removed after it); one that must not resolves ``.kg-current`` once
(``os.path.realpath``) and reads the files under that generation, as kg's own readers do
(``read_through``); kg then refuses to commit into a set another writer switched since it
read (``kg report output/graph.ttl`` never puts a page of the old graph beside the new).

Where symbolic links cannot be made (Windows without developer mode, FAT, some network
shares), ``choose_folder`` says so and kg writes plain files under the commit journal
(kg.journal), which only kg readers see whole.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path

from kg.durable import fsync_folder, signals_held, sole_writer, write_durably
from kg.errors import OutputError
from kg.journal import pause_for_tests, process_alive

CURRENT = ".kg-current"
GENERATIONS = ".kg-generations"
PAUSE_BEFORE_SWITCH = "KG_TEST_PAUSE_BEFORE_SWITCH"
"""Test hook: when this environment variable names a file, a commit creates that file once
its generation is staged and the names adopted, just before the switch, and then sleeps, so a
test can SIGKILL it there (kg.journal.pause_for_tests). Unset (always, outside tests), inert."""
_TEMP = re.compile(r"^\..*\.kg(\d+)\..*tmp$")
"""A temporary entry of a kg process (durable.temp_prefix, and this module's link temps)."""


Output = str | bytes | Path
"""An output's content, or (a Path) a finished file on the same file system to move in, as
the N-Quads a build sorts into a temporary folder beside the target (kg.graphstream)."""

_READ: dict[Path, Path] = {}
"""Set folders this process has read a file of, each with the generation it read
(``read_through``): a later commit of this process into the folder refuses if another writer
switched the set in between, so kg never writes a page of one build beside another's graph."""


def read_through(path: Path) -> Path:
    """The file to open for ``path``: when ``path`` is an output of a set, the same file under
    the live generation, resolved once (so a reader sees one generation whatever commits
    meanwhile, and read it promptly: the next commit removes it); otherwise ``path``."""
    folder = path.parent
    if not (path.is_symlink() and is_set_folder(folder)):
        return path
    live = _live(folder)
    if live is None or not (live / path.name).is_file():
        return path
    _READ.setdefault(Path(os.path.realpath(folder)), Path(os.path.realpath(live)))
    return live / path.name


def is_set_folder(folder: Path) -> bool:
    """Whether ``folder`` holds an output set (its pointer is there)."""
    return (Path(folder) / CURRENT).is_symlink()


def choose_folder(files: Iterable[Path], atomic: bool | None, store: Path | None = None
                  ) -> tuple[Path | None, str | None]:
    """The folder to commit ``files`` into as one set, or None to write them file by file
    (under the journal); with a note to show when the set was asked for and cannot be had.

    ``atomic`` None: a set folder stays one; otherwise the folder becomes one (its plain
    files adopted, as the default ``output/`` of an older kg) for two files or more, or for
    a file written with a graph ``store`` (beside it or in any other folder: the store is
    then bound to the set): plain files and a store switch in separate renames, so a kill
    between them would leave new files beside the old store for any reader. One file alone
    is replaced in one rename anyway and stays plain. True makes a set of any folder; False
    keeps plain files (under the journal, with the store's switch: kg.export.write_all) and
    refuses a set folder."""
    files = list(files)
    folders = {Path(path).parent for path in files}
    if len(folders) != 1:
        return None, ("outputs in several folders are written file by file"
                      if atomic else None)
    folder = folders.pop()
    if is_set_folder(folder):
        if atomic is False:
            raise OutputError(f"{folder}: holds an atomic output set; remove the folder to "
                              "write plain files there")
        return folder, None
    if atomic is None:
        atomic = len(files) > 1 or store is not None
    if not atomic:
        return None, None
    if not can_link(folder):
        return None, (f"{folder}: this file system has no symbolic links; the outputs are "
                      "written file by file (other programs can see a mixed set after a crash)")
    return folder, None


def can_link(folder: Path) -> bool:
    """Whether symbolic links can be made in ``folder`` (or, if it does not exist yet, in
    the nearest folder above it that does)."""
    probe_in = Path(folder)
    while not probe_in.is_dir() and probe_in != probe_in.parent:
        probe_in = probe_in.parent
    probe = probe_in / f".kg-link.kg{os.getpid()}.probe.tmp"
    try:
        os.symlink(".", probe)
    except (OSError, NotImplementedError):
        return False
    probe.unlink(missing_ok=True)
    return True


def binds(store_link: Path, folder: Path | None = None) -> bool:
    """Whether a store's ``current`` link goes through the pointer of the set ``folder``
    (default: the folder the store is in), so the store is switched with that set."""
    folder = Path(store_link).parent.parent if folder is None else Path(folder)
    try:
        return os.readlink(store_link) == _store_target(store_link, folder)
    except OSError:
        return False


def bound_set(store_link: Path) -> Path | None:
    """The set folder a store's ``current`` link goes through, None if it is the store's own
    (kg.graphstore switches it by itself then)."""
    try:
        target = os.readlink(store_link)
    except OSError:
        return None
    through = Path(os.path.dirname(target))
    if through.name != CURRENT or os.path.basename(target) != Path(store_link).parent.name:
        return None
    folder = Path(os.path.normpath(Path(store_link).parent / through.parent))
    return folder if is_set_folder(folder) else None


def commit(folder: Path, files: dict[str, Output],
           store: tuple[Path, Path] | None = None) -> None:
    """Make ``files`` (name -> content, or a finished file to move in) the folder's set, with
    the other outputs the live generation holds carried over unchanged; ``store`` (its
    ``current`` link, the store generation just staged; the store in this folder or in
    another) switches with them. All or nothing, in one rename."""
    folder = Path(folder)
    if store is not None and store[0].parent.name in files:
        raise OutputError(f"{store[0].parent}: the store has the name of an output file in "
                          f"{folder}; name the store folder otherwise")
    try:
        (folder / GENERATIONS).mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise OutputError(f"{folder}: cannot write here ({err.strerror or err})") from None
    # one writer per set folder, locked on the folder itself so no lock file is left
    with sole_writer(folder, f"{folder}: another kg run is writing these outputs"):
        remove_leftovers(folder)
        read = _READ.get(Path(os.path.realpath(folder)))
        live = _live(folder)
        if read is not None and (live is None or Path(os.path.realpath(live)) != read):
            raise OutputError(f"{folder}: another kg run replaced these outputs while this one "
                              "read them; nothing written, run it again")
        staged = _new_generation(folder)
        switched = reused = False
        try:
            for name, data in files.items():
                if isinstance(data, Path):
                    _move_in(data, staged / name)
                else:
                    write_durably(staged / name, data)
            if store is not None:
                link, generation = store
                os.symlink(os.path.relpath(generation, staged), staged / link.parent.name)
            live = _live(folder)
            if live is not None:
                _carry_over(live, staged)
            fsync_folder(staged)
            live = _adopt(folder, live, files, store[0] if store else None)
            staged = _named_by_content(staged, live)
            reused = staged == live
            pause_for_tests(PAUSE_BEFORE_SWITCH)
            with signals_held():  # a stop after the switch must not undo it (nor the store's)
                if reused:  # the live generation's very files: only the store moves
                    if store is not None:
                        _make_link(live / store[0].parent.name,
                                   os.path.relpath(store[1], live))
                        fsync_folder(live)
                    return
                _point(folder, staged)
                switched = True
                if read is not None:  # this process's reading is now of the live set
                    _READ[Path(os.path.realpath(folder))] = Path(os.path.realpath(staged))
                fsync_folder(folder)
                if live is not None:
                    shutil.rmtree(live, ignore_errors=True)
                fsync_folder(folder / GENERATIONS)
        except OSError as err:
            if not (switched or reused):
                shutil.rmtree(staged, ignore_errors=True)
            raise OutputError(f"{folder}: cannot write ({err.strerror or err}); no output "
                              "was changed") from None
        except BaseException:
            if not (switched or reused):
                shutil.rmtree(staged, ignore_errors=True)
            raise


def remove_leftovers(folder: Path) -> None:
    """Generations other than the live one (staged by a killed writer, or replaced) and
    temporary entries of kg processes that no longer run. Called with the lock held."""
    live = _live(folder)
    with contextlib.suppress(OSError):
        for generation in (folder / GENERATIONS).iterdir():
            if live is None or generation.name != live.name:
                shutil.rmtree(generation, ignore_errors=True)
    for place in (folder, live) if live is not None else (folder,):
        _remove_dead_temps(place)


def _remove_dead_temps(place: Path) -> None:
    """Temporary entries of kg processes that no longer run (in a set folder, or in its live
    generation, where a killed adoption makes its links)."""
    with contextlib.suppress(OSError):
        for entry in place.iterdir():
            found = _TEMP.match(entry.name)
            if found and not process_alive(int(found.group(1))):
                if entry.is_dir() and not entry.is_symlink():  # a streamed file's sort folder
                    shutil.rmtree(entry, ignore_errors=True)
                else:
                    entry.unlink(missing_ok=True)


def _live(folder: Path) -> Path | None:
    pointer = folder / CURRENT
    if not pointer.is_symlink():
        return None
    generation = folder / os.readlink(pointer)
    return generation if generation.is_dir() else None


def _carry_over(live: Path, staged: Path) -> None:
    """Entries of the live generation this commit does not write: links copied, files hard
    linked (copied where the file system has no hard links). Nothing is ever written into a
    generation after it is live, so sharing a file is safe."""
    for entry in live.iterdir():
        target = staged / entry.name
        if os.path.lexists(target) or _TEMP.match(entry.name):  # a killed adoption's temp
            continue
        if entry.is_symlink():
            os.symlink(os.readlink(entry), target)
        else:
            try:
                os.link(entry, target)
            except OSError:
                shutil.copy2(entry, target)


def _adopt(folder: Path, live: Path | None, names: Iterable[str],
           store_link: Path | None) -> Path | None:
    """Make each name (and the store's link) go through the pointer, without changing what a
    reader sees: a plain file is first hard linked into the live generation (made now if
    there is none), then replaced by a link to that same file. Returns the live generation."""
    for name in names:
        entry = folder / name
        wanted = os.path.join(CURRENT, name)
        if entry.is_symlink() and os.readlink(entry) == wanted:
            continue
        if entry.is_dir():
            raise OutputError(f"{entry}: a folder is in the way of the output")
        if os.path.lexists(entry):
            live = live or _first_generation(folder)
            _replace_with_link_to(entry, live / name)
        _make_link(entry, wanted)
    if store_link is not None and not binds(store_link, folder):
        if store_link.exists():  # a live store generation (not a link to nothing)
            live = live or _first_generation(folder)
            _make_link(live / store_link.parent.name,
                       os.path.relpath(store_link.resolve(), live))
        _make_link(store_link, _store_target(store_link, folder))
    return live


def _replace_with_link_to(source: Path, target: Path) -> None:
    temp = target.with_name(f".{target.name}.kg{os.getpid()}.adopt.tmp")
    temp.unlink(missing_ok=True)
    try:
        os.link(source, temp)
    except OSError:
        shutil.copy2(source, temp)
    os.replace(temp, target)


def _named_by_content(staged: Path, live: Path | None) -> Path:
    """Rename the staged generation after a hash of its files (names and bytes; the store
    link is not content), and return it; when that is the live generation's name, the
    staged copy is removed and the live one returned: nothing to switch but the store."""
    digest = hashlib.sha256()
    for entry in sorted(staged.iterdir()):
        if entry.is_symlink() or not entry.is_file():
            continue
        digest.update(entry.name.encode("utf-8", "surrogateescape") + b"\0")
        with entry.open("rb") as stream:
            for block in iter(lambda: stream.read(1 << 20), b""):
                digest.update(block)
        digest.update(b"\0")
    named = staged.with_name(digest.hexdigest()[:16])
    if live is not None and named.name == live.name:
        shutil.rmtree(staged, ignore_errors=True)
        return live
    if os.path.lexists(named):  # a generation a killed writer named, never made live
        shutil.rmtree(named)
    os.rename(staged, named)
    return named


def _first_generation(folder: Path) -> Path:
    """An empty live generation, for a folder becoming a set."""
    generation = _new_generation(folder)
    _point(folder, generation)
    fsync_folder(folder)
    return generation


def _new_generation(folder: Path) -> Path:
    """A new, empty generation folder, readable as a plain ``mkdir`` would make it (readers
    of other users follow the links into it)."""
    generation = Path(tempfile.mkdtemp(dir=folder / GENERATIONS, prefix=f"{os.getpid()}-"))
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(generation, 0o777 & ~umask)
    return generation


def _point(folder: Path, generation: Path) -> None:
    """The commit: one rename of a new pointer over the old (the caller flushes the folder:
    nothing after the rename may undo the generation it made live)."""
    fsync_folder(generation.parent)
    _make_link(folder / CURRENT, os.path.join(GENERATIONS, generation.name))


def _make_link(entry: Path, target: str) -> None:
    temp = entry.with_name(f".{entry.name}.kg{os.getpid()}.link.tmp")
    temp.unlink(missing_ok=True)
    os.symlink(target, temp)
    os.replace(temp, entry)


def _store_target(store_link: Path, folder: Path) -> str:
    """The link text that binds a store to the set ``folder``: relative, so the two can move
    together ('../.kg-current/store' for the store in the set's folder)."""
    through = Path(os.path.abspath(folder)) / CURRENT / Path(store_link).parent.name
    return os.path.relpath(through, os.path.abspath(Path(store_link).parent))


def _move_in(finished: Path, target: Path) -> None:
    """Move a finished file into a staged generation, flushed to disk first."""
    with open(finished, "rb") as stream:
        os.fsync(stream.fileno())
    os.replace(finished, target)


