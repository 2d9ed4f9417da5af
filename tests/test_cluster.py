"""The cluster path on a real Dask cluster on 127.0.0.1: the same graph as the local build,
through the Python API (a LocalCluster of two worker processes) and through
``kg build --cluster`` (a ``dask scheduler`` and a ``dask worker`` started as subprocesses)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from helpers import write_articles

import kg
from kg.cli import main
from kg.export import serialize

distributed = pytest.importorskip("distributed")

REPO = Path(__file__).resolve().parent.parent
@pytest.fixture(scope="module")
def articles(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_articles(tmp_path_factory.mktemp("cluster_articles"),
                          ["a.txt", "b.txt", "c.txt", "d.txt"])


@pytest.fixture(scope="module")
def local_build(articles: Path) -> kg.BuildResult:
    return kg.build_result([articles], workers=1)


@pytest.mark.timeout(240)  # ~25 s on a quiet machine: two fresh processes import kg and spaCy
def test_a_local_cluster_of_two_workers_builds_the_same_graph(articles, local_build):
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  host="127.0.0.1", dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        on_cluster = kg.build_result([articles], cluster=client)

        assert len(client.nthreads()) == 2
    assert not on_cluster.skipped
    assert on_cluster.corpus == local_build.corpus
    assert serialize(on_cluster.dataset, "nquads") == serialize(local_build.dataset, "nquads")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def scheduler() -> Iterator[str]:
    """A ``dask scheduler`` and one ``dask worker`` (two threads), stopped after the test."""
    address = f"tcp://127.0.0.1:{_free_port()}"
    env = dict(os.environ, PYTHONPATH=str(REPO))
    started = [subprocess.Popen([sys.executable, "-m", "dask", "scheduler", "--host",
                                 "127.0.0.1", "--port", address.rsplit(":", 1)[1],
                                 "--no-dashboard"], env=env, stderr=subprocess.DEVNULL)]
    try:
        started.append(subprocess.Popen([sys.executable, "-m", "dask", "worker", address,
                                         "--nthreads", "2", "--no-dashboard"], env=env,
                                        stderr=subprocess.DEVNULL))
        with distributed.Client(address, timeout=60) as client:
            client.wait_for_workers(1, timeout=60)
        yield address
    finally:
        for process in reversed(started):
            process.terminate()
        for process in started:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


@pytest.mark.timeout(240)
def test_kg_build_cluster_on_a_scheduler_and_worker_writes_the_local_graph(
        articles, local_build, scheduler, tmp_path):
    target = tmp_path / "graph.nq"

    result = CliRunner().invoke(main, ["build", str(articles), "-o", str(target), "--quiet",
                                       "--cluster", scheduler], prog_name="kg")

    assert result.exit_code == 0, result.output
    assert target.read_text("utf-8") == serialize(local_build.dataset, "nquads")


@pytest.mark.timeout(60)
def test_an_unreachable_scheduler_is_one_line_and_writes_nothing(articles, tmp_path):
    target = tmp_path / "graph.ttl"

    result = CliRunner().invoke(main, ["build", str(articles), "-o", str(target),
                                       "--cluster", f"tcp://127.0.0.1:{_free_port()}"],
                                prog_name="kg")

    assert result.exit_code == 9, result.output
    errors = [line for line in result.output.splitlines() if line.startswith("kg: error:")]
    assert len(errors) == 1 and "cannot reach the Dask scheduler" in errors[0]
    assert "Traceback" not in result.output
    assert not target.exists()
