"""Measure the graph store: a build into it against the file-only build, and an update.

Usage:  python benchmarks/bench_store.py [--copies 40] [--new 5]

Each run is one ``kg build`` process (so its peak memory is its own) on the seeds copied
``--copies`` times (bench_build.py's corpus maker), with ``--no-validate`` (SHACL is the same
in every run and measured by bench_shacl.py):

- ``file``: ``kg build CORPUS -o graph.ttl``, the graph in memory and one file, no store;
- ``store``: ``kg build CORPUS --store DIR -o graph.ttl``, the same and the store;
- ``update``: ``kg build --update DIR NEW`` with ``--new`` more articles;
- ``rebuild``: ``kg build CORPUS NEW --store DIR2``, what the update spares;
- ``export-nq``: ``kg export DIR -o graph.nq``, streamed from the store.

Prints one JSON line per run: wall seconds and peak RSS (MB) of the process and the children
it waited for (spaCy's parse workers). Numbers, not tests: nothing here asserts a time.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "benchmarks"))

from bench_build import synthetic_corpus  # noqa: E402


def run(label: str, *arguments: str, cwd: Path) -> dict[str, object]:
    env = dict(os.environ, PYTHONPATH=str(REPO))
    started = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-c", "from kg.cli import main; main()",
                                *arguments, "--quiet"] if arguments[0] == "build" else
                               [sys.executable, "-c", "from kg.cli import main; main()",
                                *arguments], cwd=cwd, env=env, stdout=subprocess.PIPE)
    assert process.stdout is not None
    output = process.stdout.read().decode()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{label}: kg exited {status}")
    return {"run": label, "seconds": round(seconds, 1),
            "peak_rss_mb": round(usage.ru_maxrss / 1024), "said": output.strip()[:160]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=40)
    parser.add_argument("--new", type=int, default=5, help="articles the update adds")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="kg-bench-store-"))
    try:
        corpus, new = work / "corpus", work / "new"
        corpus.mkdir()
        new.mkdir()
        synthetic_corpus(corpus, args.copies)
        extra = work / "extra"
        extra.mkdir()
        synthetic_corpus(extra, args.copies + 1)
        for path in sorted(extra.glob(f"{args.copies:04d}_*"))[:args.new]:
            shutil.move(path, new / path.name)
        runs = [
            run("file", "build", str(corpus), "-o", "file.ttl", "--no-validate", cwd=work),
            run("store", "build", str(corpus), "--store", "store", "-o", "store.ttl",
                "--no-validate", cwd=work),
            run("update", "build", "--update", "store", str(new), "--no-validate", cwd=work),
            run("rebuild", "build", str(corpus), str(new), "--store", "store2", "-o",
                "store2.ttl", "--no-validate", cwd=work),
            run("export-nq", "export", "store", "-o", "graph.nq", cwd=work),
        ]
        for result in runs:
            print(json.dumps(result))
    finally:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
