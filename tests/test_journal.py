"""kg.journal: a set of outputs killed (SIGKILL) between two renames is finished by the next kg
run or reader, never left mixed. The writer is a real subprocess, stopped at that point by the
journal's test hook."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from kg.journal import JOURNAL_PREFIX, PAUSE_AFTER_FIRST_RENAME, process_start, roll_forward

REPO = Path(__file__).resolve().parent.parent
ARTICLE = "Vladimir Putin met Kim Jong Un in Vladivostok on Wednesday.\n"
NAMES = ("a.ttl", "b.jsonld", "c.html")


def _python(code: str, *args: str, cwd: Path, pause: Path | None = None) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    env.pop(PAUSE_AFTER_FIRST_RENAME, None)
    if pause is not None:
        env[PAUSE_AFTER_FIRST_RENAME] = str(pause)
    return subprocess.Popen([sys.executable, "-c", code, *args], cwd=cwd, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


WRITE_SET = ("import sys; from pathlib import Path; from kg.export import write_all\n"
             "folder = Path(sys.argv[1])\n"
             "write_all({folder / n: f'new {n}\\n' for n in sys.argv[2:]})\n")


def _kill_between_renames(process: subprocess.Popen, pause: Path) -> None:
    """Wait for the hook's marker (the first rename is done), then SIGKILL."""
    while not pause.exists():
        assert process.poll() is None, process.stderr.read().decode()  # type: ignore[union-attr]
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    assert process.wait(timeout=60) == -signal.SIGKILL


def _old_set(folder: Path) -> None:
    folder.mkdir(exist_ok=True)
    for name in NAMES:
        (folder / name).write_text(f"old {name}\n")


def _contents(folder: Path) -> list[str]:
    return [(folder / name).read_text() for name in NAMES]


@pytest.mark.timeout(120)
def test_a_set_killed_between_renames_is_mixed_until_a_reader_rolls_it_forward(tmp_path):
    out = tmp_path / "out"
    _old_set(out)
    pause = tmp_path / "paused"

    _kill_between_renames(_python(WRITE_SET, str(out), *NAMES, cwd=tmp_path, pause=pause), pause)

    # The window is real: the first output is new, the others old, and a journal says so.
    assert _contents(out) == ["new a.ttl\n", "old b.jsonld\n", "old c.html\n"]
    assert [p.name for p in out.iterdir() if p.name.startswith(JOURNAL_PREFIX)]

    roll_forward(out)

    assert _contents(out) == [f"new {name}\n" for name in NAMES]
    assert sorted(p.name for p in out.iterdir()) == sorted(NAMES), "journal or temps left"


@pytest.mark.timeout(120)
def test_the_next_write_finishes_the_killed_set_before_its_own(tmp_path):
    out = tmp_path / "out"
    _old_set(out)
    pause = tmp_path / "paused"
    _kill_between_renames(_python(WRITE_SET, str(out), *NAMES, cwd=tmp_path, pause=pause), pause)

    from kg.export import write_all

    write_all({out / "a.ttl": "third a\n"})  # a later run that writes part of the folder

    assert _contents(out) == ["third a\n", "new b.jsonld\n", "new c.html\n"]
    assert sorted(p.name for p in out.iterdir()) == sorted(NAMES)


@pytest.mark.timeout(120)
def test_a_set_across_two_folders_is_finished_from_either(tmp_path):
    first, second = tmp_path / "one", tmp_path / "two"
    for folder in (first, second):
        folder.mkdir()
        (folder / "g.ttl").write_text("old\n")
    code = ("import sys; from pathlib import Path; from kg.export import write_all\n"
            "write_all({Path(p) / 'g.ttl': 'new\\n' for p in sys.argv[1:]})\n")
    pause = tmp_path / "paused"
    _kill_between_renames(_python(code, str(first), str(second), cwd=tmp_path, pause=pause),
                          pause)
    assert {(first / "g.ttl").read_text(), (second / "g.ttl").read_text()} == {"old\n", "new\n"}

    roll_forward(second)

    assert (first / "g.ttl").read_text() == (second / "g.ttl").read_text() == "new\n"
    assert [p.name for p in first.iterdir()] == [p.name for p in second.iterdir()] == ["g.ttl"]


def test_the_journal_of_a_live_process_is_left_alone(tmp_path):
    (tmp_path / ".new.tmp").write_text("new\n")
    (tmp_path / "g.ttl").write_text("old\n")
    journal = tmp_path / f"{JOURNAL_PREFIX}{os.getpid()}.json"
    started = process_start(os.getpid())
    journal.write_text(json.dumps({"started": started, "renames": [[".new.tmp", "g.ttl"]],
                                   "journals": [journal.name]}))

    roll_forward(tmp_path)

    assert (tmp_path / "g.ttl").read_text() == "old\n" and journal.exists()


def test_a_file_that_is_not_a_kg_journal_changes_nothing(tmp_path):
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True).stdout.strip()
    (tmp_path / "g.ttl").write_text("old\n")
    (tmp_path / f"{JOURNAL_PREFIX}{dead}.json").write_text("{not json")

    roll_forward(tmp_path)

    assert (tmp_path / "g.ttl").read_text() == "old\n"


@pytest.mark.timeout(600)
def test_kg_build_killed_between_renames_then_kg_facts_sees_the_new_set_whole(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(ARTICLE)
    output = tmp_path / "output"
    output.mkdir()
    outputs = ("graph.ttl", "graph.jsonld", "report.html")
    for name in outputs:
        (output / name).write_text("old\n")
    pause = tmp_path / "paused"

    # plain files under the journal (the default would take the folder over as an output set)
    build = _python("from kg.cli import main; main()", "build", str(corpus), "--quiet",
                    "--no-atomic-set", cwd=tmp_path, pause=pause)
    _kill_between_renames(build, pause)
    assert [(output / name).read_text() == "old\n" for name in outputs] == [False, True, True]

    env = dict(os.environ, PYTHONPATH=str(REPO))
    facts = subprocess.run([sys.executable, "-c", "from kg.cli import main; main()", "facts",
                            "output/graph.jsonld", "--format", "json"], cwd=tmp_path, env=env,
                           capture_output=True, text=True, timeout=300, check=False)

    assert facts.returncode == 0, facts.stderr
    assert "Putin" in facts.stdout
    # The set and the graph store kg build keeps beside it; no journal, no temporary file.
    assert sorted(p.name for p in output.iterdir()) == sorted([*outputs, "store"])
    turtle = Graph().parse(output / "graph.ttl", format="turtle")
    assert isomorphic(turtle, Graph().parse(output / "graph.jsonld", format="json-ld"))
    assert "Vladivostok" in (output / "report.html").read_text("utf-8")


DIE_AT_RENAME = (
    "import os, sys; from pathlib import Path\n"
    "from kg import export\n"
    "calls, real = [0], os.replace\n"
    "def dying(src, dst):\n"
    "    calls[0] += 1\n"
    "    if calls[0] == int(sys.argv[2]):\n"
    "        os._exit(9)  # no finally, no cleanup: as SIGKILL\n"
    "    return real(src, dst)\n"
    "export.os.replace = dying\n"
    "folder = Path(sys.argv[1])\n"
    "export.write_all({folder / n: f'new {n}\\n' for n in sys.argv[3:]})\n"
)


@pytest.mark.timeout(300)
@pytest.mark.parametrize("death", [1, 2, 3, 4, 5])
def test_a_death_at_any_rename_leaves_the_old_set_or_one_a_reader_finishes(tmp_path, death):
    """os.replace is called for the journal (1), then for each output (2-4): dying at the
    journal's rename leaves the old set; at any later one, the new set once rolled forward."""
    out = tmp_path / "out"
    _old_set(out)

    process = _python(DIE_AT_RENAME, str(out), str(death), *NAMES, cwd=tmp_path)
    assert process.wait(timeout=120) == (9 if death <= 4 else 0), process.stderr.read()

    roll_forward(out)
    from kg.export import remove_stale_temps

    for name in NAMES:
        remove_stale_temps(out / name)
    expected = "old" if death == 1 else "new"
    assert _contents(out) == [f"{expected} {name}\n" for name in NAMES]
    assert sorted(p.name for p in out.iterdir()) == sorted(NAMES)


DIE_AT_RENAME_WITH_STORE = DIE_AT_RENAME.replace(
    "export.write_all({folder / n: f'new {n}\\n' for n in sys.argv[3:]})\n",
    "export.write_all({folder / n: f'new {n}\\n' for n in sys.argv[3:]},\n"
    "                 links={folder / 'store' / 'current': 'g-new'})\n")


@pytest.mark.timeout(300)
@pytest.mark.parametrize("death", [1, 2, 3, 4, 5, 6, 7])
def test_a_store_link_in_the_set_is_renamed_last_and_rolled_forward_with_it(tmp_path, death):
    """Plain files and a store's ``current`` link (``--no-atomic-set``) are one journaled set:
    os.replace runs for the two journals (1: the files' folder, 2: the store's), the files
    (3-5), then the link (6). Dying before any journal leaves the old files and store; at any
    later rename, the new ones once a reader rolls the set forward: a reader of the files, or
    once the store's journal is there (3 on), of the store."""
    out = tmp_path / "out"
    _old_set(out)
    (out / "store").mkdir()
    for generation in ("g-old", "g-new"):
        (out / "store" / generation).mkdir()
    (out / "store" / "current").symlink_to("g-old")
    assert DIE_AT_RENAME_WITH_STORE != DIE_AT_RENAME

    process = _python(DIE_AT_RENAME_WITH_STORE, str(out), str(death), *NAMES, cwd=tmp_path)
    assert process.wait(timeout=120) == (9 if death <= 6 else 0), process.stderr.read()

    roll_forward(out / "store" if death > 2 and death % 2 else out)  # either reader
    expected = "old" if death == 1 else "new"
    assert _contents(out) == [f"{expected} {name}\n" for name in NAMES]
    assert os.readlink(out / "store" / "current") == f"g-{expected}"
    assert not list((out / "store").glob(f"{JOURNAL_PREFIX}*"))


def test_a_journal_of_an_earlier_process_with_this_id_is_rolled_forward(tmp_path):
    """In a container the next run often gets the id of the one that was killed: the start
    time in the journal tells them apart."""
    (tmp_path / ".new.tmp").write_text("new\n")
    (tmp_path / "g.ttl").write_text("old\n")
    journal = tmp_path / f"{JOURNAL_PREFIX}{os.getpid()}.json"
    journal.write_text(json.dumps({"started": "1", "renames": [[".new.tmp", "g.ttl"]],
                                   "journals": [journal.name]}))

    roll_forward(tmp_path)

    assert (tmp_path / "g.ttl").read_text() == "new\n" and not journal.exists()
