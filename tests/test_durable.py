"""kg.durable's writer lock: one writer at a time, and a killed writer never blocks the next."""

from __future__ import annotations

import signal
import subprocess
import sys

import pytest

from kg.durable import sole_writer
from kg.errors import OutputError

HOLD = """
import sys, time
from pathlib import Path
from kg.durable import sole_writer
with sole_writer(Path(sys.argv[1]), "busy"):
    print("held", flush=True)
    time.sleep(600)
"""


def _holder(path) -> subprocess.Popen[str]:
    process = subprocess.Popen([sys.executable, "-c", HOLD, str(path)], stdout=subprocess.PIPE,
                               text=True)
    assert process.stdout is not None and process.stdout.readline() == "held\n"
    return process


@pytest.mark.timeout(60)
@pytest.mark.parametrize("kind", ["folder", "lock file"])
def test_a_second_writer_is_refused_until_the_first_dies_even_by_sigkill(tmp_path, kind):
    path = tmp_path if kind == "folder" else tmp_path / "lock"
    holder = _holder(path)
    try:
        with pytest.raises(OutputError, match=r"^someone else writes here$"), \
                sole_writer(path, "someone else writes here"):
            pass
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait(timeout=30)

    with sole_writer(path, "busy"):
        assert path.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ([] if kind == "folder" else ["lock"])


def test_without_posix_locks_the_writer_is_one_line(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "fcntl", None)  # as on Windows: import fails

    with pytest.raises(OutputError, match="POSIX systems only"), sole_writer(tmp_path, "busy"):
        pass
