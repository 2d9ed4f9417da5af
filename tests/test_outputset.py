"""kg.outputset: the outputs of a folder and the store beside them switch in one rename, so a
reader that is not kg (open(), rdflib, pyoxigraph) sees the old set or the new one, whole, even
after a real ``kg build`` is SIGKILLed at a random moment."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pyoxigraph as ox
import pytest
from helpers import kill_and_reap
from rdflib import RDF, Dataset, Graph

from kg import outputset
from kg.errors import OutputError
from kg.export import SUFFIX_FORMATS, write_all
from kg.outputset import CURRENT, GENERATIONS, choose_folder, commit

REPO = Path(__file__).resolve().parent.parent
OUTPUTS = ("graph.ttl", "graph.jsonld", "report.html")


def _names(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def _generations(folder: Path) -> list[str]:
    return _names(folder / GENERATIONS)


def test_a_new_folder_becomes_a_set_of_links_through_one_pointer(tmp_path):
    out = tmp_path / "out"

    commit(out, {"a.ttl": "A1\n", "b.jsonld": "B1\n"})

    assert _names(out) == sorted([CURRENT, GENERATIONS, "a.ttl", "b.jsonld"])
    assert os.readlink(out / "a.ttl") == os.path.join(CURRENT, "a.ttl")
    assert (out / "a.ttl").read_text() == "A1\n" and (out / "b.jsonld").read_text() == "B1\n"
    assert len(_generations(out)) == 1


def test_a_commit_replaces_the_set_and_removes_the_old_generation(tmp_path):
    out = tmp_path / "out"
    commit(out, {"a.ttl": "A1\n", "b.jsonld": "B1\n"})
    first = _generations(out)

    commit(out, {"a.ttl": "A2\n", "b.jsonld": "B2\n"})

    assert [(out / n).read_text() for n in ("a.ttl", "b.jsonld")] == ["A2\n", "B2\n"]
    assert len(_generations(out)) == 1 and _generations(out) != first


def test_writing_one_file_of_a_set_carries_the_others_over(tmp_path):
    out = tmp_path / "out"
    commit(out, {"a.ttl": "A1\n", "b.jsonld": "B1\n"})

    write_all({out / "report.html": "<p>R</p>\n"})  # as kg report does, into a set folder

    assert (out / "report.html").is_symlink()
    assert [(out / n).read_text() for n in ("a.ttl", "b.jsonld", "report.html")] == [
        "A1\n", "B1\n", "<p>R</p>\n"]
    assert len(_generations(out)) == 1


def test_plain_files_are_adopted_without_a_reader_seeing_a_change(tmp_path, monkeypatch):
    out = tmp_path / "out"
    out.mkdir()
    for name in ("a.ttl", "b.jsonld"):
        (out / name).write_text(f"old {name}\n")
    seen: list[tuple[str, str]] = []
    real_point = outputset._point

    def watching_point(folder: Path, generation: Path) -> None:
        seen.append(((out / "a.ttl").read_text(), (out / "b.jsonld").read_text()))
        real_point(folder, generation)

    monkeypatch.setattr(outputset, "_point", watching_point)

    commit(out, {"a.ttl": "new a\n", "b.jsonld": "new b\n"})

    # Every moment before the final switch showed the old pair (the adoption's first
    # pointer, then the commit's), and the switch the new one.
    assert seen and all(pair == ("old a.ttl\n", "old b.jsonld\n") for pair in seen)
    assert [(out / n).read_text() for n in ("a.ttl", "b.jsonld")] == ["new a\n", "new b\n"]
    assert all((out / n).is_symlink() for n in ("a.ttl", "b.jsonld"))


def test_what_a_killed_writer_left_is_removed_by_the_next_commit(tmp_path):
    out = tmp_path / "out"
    commit(out, {"a.ttl": "A1\n"})
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True).stdout.strip()
    staged = out / GENERATIONS / f"{dead}-abandoned"
    staged.mkdir()
    (staged / "a.ttl").write_text("half\n")
    (out / f".{CURRENT}.kg{dead}.link.tmp").symlink_to("nowhere")
    (out / f".a.ttl.kg{dead}.x.tmp").write_text("half\n")

    commit(out, {"a.ttl": "A2\n"})

    assert _names(out) == sorted([CURRENT, GENERATIONS, "a.ttl"])
    assert len(_generations(out)) == 1 and (out / "a.ttl").read_text() == "A2\n"


def test_a_second_writer_is_refused_in_one_line(tmp_path):
    out = tmp_path / "out"
    commit(out, {"a.ttl": "A1\n"})
    holder = subprocess.Popen(
        [sys.executable, "-c", "import fcntl, os, sys, time\n"
         "h = os.open(sys.argv[1], os.O_RDONLY); fcntl.flock(h, fcntl.LOCK_EX)\n"
         "print('locked', flush=True); time.sleep(60)\n", str(out)],
        stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"  # type: ignore[union-attr]
        with pytest.raises(OutputError, match="another kg run is writing"):
            commit(out, {"a.ttl": "A2\n"})
    finally:
        kill_and_reap(holder)
    assert (out / "a.ttl").read_text() == "A1\n"


def _commit_elsewhere(out: Path, files: dict[str, str]) -> None:
    """A commit by another process (another kg run), outside this one's bookkeeping."""
    script = ("import json, sys\nfrom kg.outputset import commit\n"
              "commit(sys.argv[1], json.loads(sys.argv[2]))\n")
    subprocess.run([sys.executable, "-c", script, str(out), json.dumps(files)],
                   env=dict(os.environ, PYTHONPATH=str(REPO)), check=True, timeout=60)


def test_a_reader_reads_one_generation_and_never_writes_beside_a_newer_one(tmp_path,
                                                                         monkeypatch):
    monkeypatch.setattr(outputset, "_READ", {})
    out = tmp_path / "out"
    commit(out, {"graph.ttl": "G1\n", "graph.jsonld": "J1\n"})

    source = outputset.read_through(out / "graph.ttl")
    assert source.parent.parent.name == GENERATIONS and source.read_text() == "G1\n"
    commit(out, {"report.html": "page of G1\n"})  # the set it read is still live: fine
    assert outputset.read_through(out / "graph.jsonld").read_text() == "J1\n"
    _commit_elsewhere(out, {"graph.ttl": "G2\n", "graph.jsonld": "J2\n"})

    with pytest.raises(OutputError, match="replaced these outputs while this one read them"):
        commit(out, {"report.html": "page of G1, again\n"})

    assert [(out / n).read_text() for n in ("graph.ttl", "graph.jsonld", "report.html")] == [
        "G2\n", "J2\n", "page of G1\n"]
    assert len(_generations(out)) == 1
    assert outputset.read_through(out / "plain.txt") == out / "plain.txt"


@pytest.mark.parametrize(("existing", "atomic", "is_set"), [
    ({}, None, True),                         # a new folder becomes a set
    ({"a.ttl": "plain"}, None, True),         # so does a folder of plain files (adopted)
    ({"a.ttl": "plain"}, False, False),       # ... unless told not to
    ({}, False, False),
])
def test_two_files_make_a_set_unless_told(tmp_path, existing, atomic, is_set):
    for name, text in existing.items():
        (tmp_path / name).write_text(text)
    files = [tmp_path / "a.ttl", tmp_path / "b.jsonld"]

    folder, note = choose_folder(files, atomic)

    assert (folder == tmp_path) is is_set and note is None


def test_one_file_with_a_store_beside_it_or_elsewhere_makes_a_set(tmp_path):
    (tmp_path / "a.ttl").write_text("plain")
    assert choose_folder([tmp_path / "a.ttl"], None, tmp_path / "store") == (tmp_path, None)
    # a store in another folder is bound to the set too (it used to switch on its own)
    assert choose_folder([tmp_path / "a.ttl"], None, tmp_path / "x" / "store") == (
        tmp_path, None)
    assert choose_folder([tmp_path / "a.ttl"], None) == (None, None)


def test_a_generation_is_named_by_its_files_so_the_same_build_changes_nothing(tmp_path):
    out = tmp_path / "out"
    commit(out, {"a.ttl": "A1\n", "b.jsonld": "B1\n"})
    first = os.readlink(out / CURRENT)
    commit(out, {"a.ttl": "A2\n", "b.jsonld": "B2\n"})
    assert os.readlink(out / CURRENT) != first

    commit(out, {"a.ttl": "A1\n", "b.jsonld": "B1\n"})
    again = os.readlink(out / CURRENT)
    commit(out, {"a.ttl": "A1\n", "b.jsonld": "B1\n"})

    assert again == first and os.readlink(out / CURRENT) == first
    assert _generations(out) == [Path(first).name]
    assert [(out / n).read_text() for n in ("a.ttl", "b.jsonld")] == ["A1\n", "B1\n"]


def test_the_same_files_with_a_new_store_switch_only_the_store(tmp_path):
    out = tmp_path / "out"
    stores = []
    for name in ("g-1", "g-2"):
        (out / "store" / name).mkdir(parents=True)
        (out / "store" / name / "mark").write_text(name)
        stores.append(out / "store" / name)
    link = out / "store" / "current"
    commit(out, {"a.ttl": "A\n", "b.jsonld": "B\n"}, store=(link, stores[0]))
    live = os.readlink(out / CURRENT)

    commit(out, {"a.ttl": "A\n", "b.jsonld": "B\n"}, store=(link, stores[1]))

    assert os.readlink(out / CURRENT) == live and len(_generations(out)) == 1
    assert (link / "mark").read_text() == "g-2" and outputset.binds(link)


def test_a_store_in_another_folder_is_bound_to_the_set_and_switches_with_it(tmp_path):
    out, store = tmp_path / "out", tmp_path / "elsewhere" / "store"
    generations = []
    for name in ("g-1", "g-2"):
        (store / name).mkdir(parents=True)
        (store / name / "mark").write_text(name)
        generations.append(store / name)
    link = store / "current"
    link.symlink_to("g-1")  # the store's own link, as a store built alone has it
    assert outputset.bound_set(link) is None

    commit(out, {"a.ttl": "A1\n"}, store=(link, generations[0]))

    assert os.readlink(link) == os.path.join("..", "..", "out", CURRENT, "store")
    assert outputset.bound_set(link) == out and outputset.binds(link, out)
    assert (link / "mark").read_text() == "g-1"
    commit(out, {"a.ttl": "A2\n"}, store=(link, generations[1]))
    assert (link / "mark").read_text() == "g-2" and (out / "a.ttl").read_text() == "A2\n"
    with pytest.raises(OutputError, match="has the name of an output file"):
        commit(out, {"store": "S\n"}, store=(link, generations[0]))


def test_one_file_is_not_made_a_set_and_a_set_folder_stays_one(tmp_path):
    assert choose_folder([tmp_path / "graph.nq"], None) == (None, None)
    commit(tmp_path / "out", {"a.ttl": "A\n", "b.jsonld": "B\n"})
    assert choose_folder([tmp_path / "out" / "a.ttl"], None) == (tmp_path / "out", None)
    with pytest.raises(OutputError, match="holds an atomic output set"):
        choose_folder([tmp_path / "out" / "a.ttl"], False)


def test_without_symbolic_links_the_set_falls_back_and_says_so(tmp_path, monkeypatch):
    def no_links(*args: object, **kwargs: object) -> None:
        raise OSError(1, "Operation not permitted")

    monkeypatch.setattr(outputset.os, "symlink", no_links)

    folder, note = choose_folder([tmp_path / "a.ttl", tmp_path / "b.jsonld"], True)

    assert folder is None and "no symbolic links" in note


# --- real kills ----------------------------------------------------------------------------

VERSIONS = (
    "Vladimir Putin met Kim Jong Un in Vladivostok on Wednesday.\n",
    "Kim Jong Un gave Vladimir Putin a rifle in Pyongyang on Friday. "
    "Angela Merkel visited Paris on Monday and met Emmanuel Macron.\n",
)
PLACES = ("Vladivostok", "Pyongyang")


def _kg_build(cwd: Path, *options: str) -> subprocess.Popen[str]:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    return subprocess.Popen([sys.executable, "-c", "from kg.cli import main; main()", "build",
                             "corpus", "--workers", "1", *options], cwd=cwd, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)


def _plain_read(out: Path) -> tuple[int, int, int]:
    """What a program that is not kg sees: the version (by its place), and the triples and
    facts of graph.ttl, which graph.jsonld, the report and the store must all agree with."""
    turtle = Graph().parse(out / "graph.ttl", format="turtle")
    jsonld = Graph().parse(out / "graph.jsonld", format="json-ld")
    page = (out / "report.html").read_text("utf-8")
    versions = [i for i, place in enumerate(PLACES) if any(place in str(o) for o in
                                                            turtle.objects())]
    assert len(versions) == 1, versions
    facts = len(set(turtle.subjects(RDF.type, RDF.Statement)))
    assert len(jsonld) == len(turtle), "graph.ttl and graph.jsonld are of different builds"
    assert len(set(jsonld.subjects(RDF.type, RDF.Statement))) == facts
    assert PLACES[versions[0]] in page and PLACES[1 - versions[0]] not in page
    store = ox.Store.read_only(os.path.realpath(out / "store" / "current" / "oxigraph"))
    rows = list(store.query(
        "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }",
        use_default_graph_as_union=True))
    assert int(rows[0]["n"].value) == len(turtle), "the store is of another build"
    return versions[0], len(turtle), facts


def _processes_in(folder: Path) -> list[int]:
    """Live processes whose working folder is ``folder`` (a build and anything it started)."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and os.readlink(entry / "cwd") == str(folder) and (
                    "zombie" not in (entry / "status").read_text().lower()):
                found.append(int(entry.name))
        except OSError:
            continue
    return found


def _as_an_older_kg_left_it(out: Path) -> None:
    """Turn the set back into the plain folder an older kg's default build left (this
    repository's ``output/`` before sets were the default): plain files, and the store's
    ``current`` link straight to its generation. A folder a killed takeover left plain
    stays as it is."""
    if not outputset.is_set_folder(out):
        return
    for name in OUTPUTS:
        content = (out / name).read_bytes()
        (out / name).unlink()
        (out / name).write_bytes(content)
    link = out / "store" / "current"
    generation = Path(os.path.realpath(link)).name
    link.unlink()
    link.symlink_to(generation)
    (out / CURRENT).unlink()
    for entry in (out / GENERATIONS).iterdir():
        for inside in entry.iterdir():
            inside.unlink()
        entry.rmdir()
    (out / GENERATIONS).rmdir()


T = TypeVar("T")


def _kill_at_random_moments(tmp_path: Path, start: Callable[[], subprocess.Popen[str]],
                            set_version: Callable[[int], None], read: Callable[[], T],
                            version_of: Callable[[T], int], *, seed: int, write_marker: str,
                            write_window: float,
                            before: Callable[[int], None] = lambda trial: None,
                            after: Callable[[int], None] = lambda trial: None) -> list[T]:
    """The kill loop every build combination shares: two runs to learn the two outputs
    (``read``, whose ``version_of`` is 0 or 1), then 20 trials that each flip the article
    (``set_version``), start the build and SIGKILL it, half at a random moment of the whole
    run and half within ``write_window`` seconds of ``write_marker`` on stderr (the write
    step, where the commit is); after each, ``read`` must give one of the two outputs, and no
    process may outlive the build. ``before`` and ``after`` are a trial's own set-up and
    checks. Returns the two outputs."""
    seen = []
    started = time.monotonic()
    for version in (0, 1):
        set_version(version)
        build = start()
        _, log = build.communicate(timeout=300)
        assert build.returncode == 0, log
        seen.append(read())
    run_seconds = (time.monotonic() - started) / 2
    assert seen[0] != seen[1] and [version_of(s) for s in seen] == [0, 1]

    rng = random.Random(seed)
    kills_in_write = 0
    for trial in range(20):
        before(trial)
        now = read()
        assert now in seen, f"trial {trial}: a mixed or half set before the build"
        set_version(1 - version_of(now))
        build = start()
        if trial % 2:  # half the kills in the write step, where the commit is
            for line in build.stderr:  # type: ignore[union-attr]
                if line.startswith(write_marker):
                    kills_in_write += 1
                    break
            time.sleep(rng.uniform(0, write_window))
        else:
            time.sleep(rng.uniform(0, run_seconds))
        build.send_signal(signal.SIGKILL)
        build.wait(timeout=60)

        assert read() in seen, f"trial {trial}: a mixed or half set"
        after(trial)
        assert _processes_in(tmp_path) == [], f"trial {trial}: processes outlived the build"
    assert kills_in_write == 10
    return seen


@pytest.mark.timeout(900)
def test_kg_build_killed_at_random_moments_leaves_one_whole_set_for_any_reader(tmp_path):
    """The default ``kg build`` (files and the store beside them): half the trials start from
    the plain folder an older kg left, so the takeover is killed too."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    out = tmp_path / "output"

    def before(trial: int) -> None:
        if trial % 4 < 2:
            _as_an_older_kg_left_it(out)

    def after(trial: int) -> None:
        assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == sorted(
            [*OUTPUTS, "store"]), f"trial {trial}: a stray file beside the outputs"

    seen = _kill_at_random_moments(
        tmp_path, lambda: _kg_build(tmp_path),
        lambda version: (corpus / "a.txt").write_text(VERSIONS[version]),
        lambda: _plain_read(out), lambda read: read[0], seed=13,
        write_marker="kg: validate:", write_window=0.6, before=before, after=after)

    build = _kg_build(tmp_path)  # the next run finishes and removes what the kills left
    _, log = build.communicate(timeout=300)
    assert build.returncode == 0, log
    assert _plain_read(out) in seen
    assert _names(out) == sorted([CURRENT, GENERATIONS, *OUTPUTS, "store"])
    assert len(_generations(out)) == 1
    store = [p.name for p in (out / "store").iterdir()]
    assert sorted(n for n in store if not n.startswith("g-")) == ["current", "lock", "records"]
    assert len([n for n in store if n.startswith("g-")]) == 1
    assert not [p for p in out.rglob("*") if p.name.endswith(".tmp")]


def _read_files_and_store(files: list[Path], store: Path) -> tuple[int, int]:
    """Which version the graph files and the store hold (by the article's place) and their
    triple count, read by rdflib and pyoxigraph: the files and the store must agree."""
    counts, versions = [], set()
    for path in files:
        if path.suffix == ".html":  # the page names the same article's place
            page = path.read_text("utf-8")
            versions |= {i for i, place in enumerate(PLACES) if place in page}
            continue
        if path.suffix == ".nq":
            triples = {(s, p, o) for s, p, o, _ in
                       Dataset().parse(path, format="nquads").quads((None, None, None, None))}
        else:
            triples = set(Graph().parse(path, format=SUFFIX_FORMATS[path.suffix]))
        versions |= {i for i, place in enumerate(PLACES) if any(place in str(o)
                                                                 for _, _, o in triples)}
        counts.append(len(triples))
    assert len(versions) == 1 and len(set(counts)) == 1, (versions, counts)
    database = ox.Store.read_only(os.path.realpath(store / "current" / "oxigraph"))
    rows = list(database.query(
        "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?p ?o WHERE { ?s ?p ?o } }",
        use_default_graph_as_union=True))
    assert int(rows[0]["n"].value) == counts[0], "the store is of another build"
    return versions.pop(), counts[0]


COMBINATIONS = {
    # option, the graph files, the store, the last progress line before the write step, and
    # whether only kg's readers (which first finish a journal's renames) see the set whole
    "nquads streamed beside the store": (
        ["-o", "out/graph.nq", "--store", "out/store"], ["out/graph.nq"], "out/store",
        "kg: resolve:", False),
    "a store in another folder": (
        ["-o", "out/graph.ttl", "--store", "elsewhere/store"], ["out/graph.ttl"],
        "elsewhere/store", "kg: validate:", False),
    "plain files (--no-atomic-set) and their store": (
        ["--no-atomic-set"], ["output/graph.ttl", "output/graph.jsonld", "output/report.html"],
        "output/store",
        "kg: validate:", True),
}


@pytest.mark.timeout(1800)  # 22 builds; one took 14 minutes on the loaded 2-core machine
@pytest.mark.parametrize("combination", COMBINATIONS)
def test_every_build_combination_killed_at_random_moments_switches_files_and_store_together(
        tmp_path, combination):
    """The files and the store of each ``kg build`` combination that used to switch in two
    renames (a streamed N-Quads file beside the store, a store in another folder, plain
    files) switch together: 20 SIGKILLs at random moments (half in the write step) leave
    the files and the store of one build, as rdflib and pyoxigraph read them; with plain
    files, once a kg reader has finished the journal's renames (``roll_forward``), as every
    kg command does first."""
    from kg.journal import roll_forward

    options, names, store_name, marker, through_kg = COMBINATIONS[combination]
    (tmp_path / "corpus").mkdir()
    files = [tmp_path / name for name in names]
    store = tmp_path / store_name
    folders = {files[0].parent, store.parent}

    def read() -> tuple[int, int]:
        if through_kg:
            for folder in (files[0].parent, store):
                roll_forward(folder)
        return _read_files_and_store(files, store)

    def after(trial: int) -> None:
        for folder in folders:
            stray = [p.name for p in folder.iterdir() if not p.name.startswith(".")
                     and p not in {*files, store}]
            assert stray == [], f"trial {trial}: a stray file beside the outputs"

    seen = _kill_at_random_moments(
        tmp_path, lambda: _kg_build(tmp_path, *options),
        lambda version: (tmp_path / "corpus" / "a.txt").write_text(VERSIONS[version]),
        read, lambda read: read[0], seed=len(combination), write_marker=marker,
        write_window=0.6, after=after)

    build = _kg_build(tmp_path, *options)  # the next run finishes and removes what was left
    _, log = build.communicate(timeout=300)
    assert build.returncode == 0, log
    assert _read_files_and_store(files, store) in seen  # whole for any reader again
    for folder in folders:
        assert not [p for p in folder.rglob("*") if p.name.endswith(".tmp")
                    or p.name.startswith(".kg-commit.")]
        if outputset.is_set_folder(folder):
            assert len(_generations(folder)) == 1
    assert len([p for p in store.iterdir() if p.name.startswith("g-")]) == 1


@pytest.mark.timeout(600)
def test_kg_build_killed_just_before_its_switch_leaves_the_old_set_whole(tmp_path):
    """The moment the random kills may miss: everything new is on disk, the plain files were
    adopted as links, the pointer not yet renamed."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(VERSIONS[0])
    first = _kg_build(tmp_path)
    _, log = first.communicate(timeout=300)
    assert first.returncode == 0, log
    old = _plain_read(tmp_path / "output")
    (corpus / "a.txt").write_text(VERSIONS[1])
    pause = tmp_path / "paused"
    env = dict(os.environ, PYTHONPATH=str(REPO), KG_TEST_PAUSE_BEFORE_SWITCH=str(pause))
    build = subprocess.Popen([sys.executable, "-c", "from kg.cli import main; main()", "build",
                              "corpus", "--workers", "1", "-q"], cwd=tmp_path, env=env,
                             stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    while not pause.exists():
        assert build.poll() is None, build.stderr.read()  # type: ignore[union-attr]
        time.sleep(0.05)

    kill_and_reap(build)

    assert _plain_read(tmp_path / "output") == old
    assert len(_generations(tmp_path / "output")) == 2  # the staged one, until the next run
    again = _kg_build(tmp_path)
    _, log = again.communicate(timeout=300)
    assert again.returncode == 0, log
    assert _plain_read(tmp_path / "output")[0] == 1
    assert len(_generations(tmp_path / "output")) == 1


@pytest.mark.timeout(600)
def test_an_update_of_the_store_in_a_set_switches_with_the_set_and_keeps_the_files(
        tmp_path, monkeypatch):
    from click.testing import CliRunner

    from kg.cli import main
    from kg.graphstore import quad_count

    monkeypatch.chdir(tmp_path)
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "a.txt").write_text(VERSIONS[0])
    (tmp_path / "more").mkdir()
    (tmp_path / "more" / "b.txt").write_text(VERSIONS[1])
    built = CliRunner().invoke(main, ["build", "corpus", "-q", "--workers", "1"])
    assert built.exit_code == 0, built.output
    out = tmp_path / "output"
    files = {name: (out / name).read_bytes() for name in OUTPUTS}
    quads = quad_count(out / "store")

    updated = CliRunner().invoke(main, ["build", "--update", "output/store", "more", "-q",
                                        "--workers", "1"])

    assert updated.exit_code == 0, updated.output
    assert outputset.binds(out / "store" / "current")
    assert quad_count(out / "store") > quads
    assert {name: (out / name).read_bytes() for name in OUTPUTS} == files
    assert len(_generations(out)) == 1
    assert len([p for p in (out / "store").iterdir() if p.name.startswith("g-")]) == 1


def test_a_checked_out_generation_without_its_store_link_is_built_anew(tmp_path, monkeypatch):
    """A repository that commits its output set (this one's ``output/``) ignores the store link
    inside a generation, so a checkout brings a generation whose store link is missing while
    the store folder of an earlier build is still there: the next build writes the store anew
    instead of calling it damaged."""
    from click.testing import CliRunner

    from kg.cli import main
    from kg.graphstore import open_store

    monkeypatch.chdir(tmp_path)
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "a.txt").write_text(VERSIONS[0])
    built = CliRunner().invoke(main, ["build", "corpus", "-q", "--workers", "1"])
    assert built.exit_code == 0, built.output
    out = tmp_path / "output"
    (out / CURRENT / "store").unlink()  # what a checkout of the committed files leaves
    assert not (out / "store" / "current").exists()

    again = CliRunner().invoke(main, ["build", "corpus", "-q", "--workers", "1"])

    assert again.exit_code == 0, again.output
    assert outputset.binds(out / "store" / "current")
    assert len(open_store(out / "store").manifest.documents) == 1
    assert len([p for p in (out / "store").iterdir() if p.name.startswith("g-")]) == 1


UPDATES = ("Angela Merkel visited Paris on Monday and met Emmanuel Macron.\n",
           "Angela Merkel visited Rome on Tuesday and met Giorgia Meloni.\n")


def _store_read(out: Path) -> tuple[str, int]:
    """The store as any reader sees it (pyoxigraph on the live database): which version of
    the updated article it holds and its quad count; kg's reader must find every record the
    live manifest names (a kill must not drop records the live generation uses)."""
    from kg.graphstore import open_store

    store = ox.Store.read_only(os.path.realpath(out / "store" / "current" / "oxigraph"))
    text = " ".join(q.object.value for q in store if isinstance(q.object, ox.Literal))
    versions = [place for place in ("Paris", "Rome") if place in text]
    assert len(versions) == 1, versions
    opened = open_store(out / "store")
    assert len(opened.records()) == len(opened.manifest.documents) == 2
    return versions[0], len(store)


@pytest.mark.timeout(900)
def test_kg_build_update_killed_at_random_moments_leaves_the_store_whole_and_the_files(
        tmp_path):
    """``kg build --update output/store``: 20 SIGKILLs at random moments (half in the
    write step) leave the store before or after the update, whole, the files of the set
    untouched, nothing beside them and no process."""
    corpus, more, out = tmp_path / "corpus", tmp_path / "more", tmp_path / "output"
    corpus.mkdir()
    more.mkdir()
    (corpus / "a.txt").write_text(VERSIONS[0])
    built = _kg_build(tmp_path)
    _, log = built.communicate(timeout=300)
    assert built.returncode == 0, log
    files = {name: (out / name).read_bytes() for name in OUTPUTS}
    env = dict(os.environ, PYTHONPATH=str(REPO))

    def update() -> subprocess.Popen[str]:
        return subprocess.Popen([sys.executable, "-c", "from kg.cli import main; main()",
                                 "build", "--update", "output/store", "more", "--workers", "1"],
                                cwd=tmp_path, env=env, stdout=subprocess.DEVNULL,
                                stderr=subprocess.PIPE, text=True)

    def after(trial: int) -> None:
        assert {name: (out / name).read_bytes() for name in OUTPUTS} == files
        assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == sorted(
            [*OUTPUTS, "store"]), f"trial {trial}: a stray file beside the outputs"

    seen = _kill_at_random_moments(
        tmp_path, update, lambda version: (more / "b.txt").write_text(UPDATES[version]),
        lambda: _store_read(out), lambda read: ("Paris", "Rome").index(read[0]), seed=31,
        write_marker="kg: resolve:", write_window=1.0, after=after)

    done = update()  # the next run finishes and removes what the kills left
    _, log = done.communicate(timeout=300)
    assert done.returncode == 0, log
    assert _store_read(out) in seen
    assert {name: (out / name).read_bytes() for name in OUTPUTS} == files
    assert len(_generations(out)) == 1
    assert len([p for p in (out / "store").iterdir() if p.name.startswith("g-")]) == 1
    assert not [p for p in out.rglob("*") if p.name.endswith(".tmp")]
