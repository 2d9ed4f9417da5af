"""The entity judging sheet: sampled from a graph with what a judge needs, scored from verdicts."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from entity_sample import sample_sheet
from entity_score import score, wilson


@pytest.fixture(scope="module")
def graph_file(tmp_path_factory):
    folder = tmp_path_factory.mktemp("entities")
    (folder / "a.txt").write_text("Vladimir Putin met Lena Marsh in Paris on Monday. Putin "
                                  "thanked Lena Marsh.\n", encoding="utf-8")
    (folder / "b.txt").write_text("Lena Marsh flew to Oslo. Tom Reyes met Lena Marsh there.\n",
                                  encoding="utf-8")
    from click.testing import CliRunner

    from kg.cli import main

    target = tmp_path_factory.mktemp("graph") / "graph.ttl"  # never inside the inputs
    result = CliRunner().invoke(main, ["build", str(folder), "-o", str(target)])
    assert result.exit_code == 0, result.output
    return target


def test_a_sample_is_seeded_and_carries_contexts_aliases_and_merge_evidence(graph_file):
    first = sample_sheet(graph_file, 3, seed=7)
    assert first == sample_sheet(graph_file, 3, seed=7)
    everything = {row["name"]: row for row in sample_sheet(graph_file, 100, seed=1)}
    assert len(everything) >= 4 and "rifle" not in everything  # named entities only
    putin = everything["Vladimir Putin"]
    assert putin["aliases"] == ["Putin"]
    assert "Putin: short-form (1)" in putin["merged_because"]
    assert any("Putin thanked Lena Marsh" in c["sentence"] for c in putin["contexts"])
    assert {c["form"] for c in putin["contexts"]} == {"Vladimir Putin", "Putin"}
    assert putin["type_right"] is None and putin["duplicate"] is None
    assert everything["Lena Marsh"]["documents"] == ["a.txt", "b.txt"]


def test_scores_count_only_judged_lines_and_every_kind_of_error():
    def row(kind, type_right=True, wrong_merge=False, duplicate=False, junk=False):
        return {"type": kind, "type_right": type_right, "wrong_merge": wrong_merge,
                "duplicate": duplicate, "junk": junk}

    rows = [row("Person"), row("Person", type_right=False), row("Place", wrong_merge=True),
            row("Place", duplicate=True), row("Organization", junk=True), row("Place"),
            {"type": "Place", "type_right": None, "wrong_merge": None, "duplicate": None,
             "junk": None}]
    result = score(rows)
    assert (result["judged"], result["unjudged"], result["right"]) == (6, 1, 2)
    assert result["errors"]["type wrong"]["count"] == 1
    assert result["by_type"]["Place"] == {"judged": 3, "right": 1}
    low, high = result["right_ci95"]
    assert low < 2 / 6 < high
    json.dumps(result)


def test_the_wilson_interval_matches_the_known_value():
    low, high = wilson(95, 100)
    assert round(low, 3) == 0.888 and round(high, 3) == 0.978
