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


def test_a_judged_sheet_carried_to_a_newer_graph_flips_only_on_graph_evidence(graph_file):
    from entity_rescore import project

    def judged(name, kind, iri, aliases=(), similar=(), **verdicts):
        row = {"iri": f"https://w3id.org/kg-news/id/{iri}", "name": name, "type": kind,
               "aliases": list(aliases), "similar": list(similar), "type_right": True,
               "wrong_merge": False, "duplicate": False, "junk": False}
        return row | verdicts

    rows = [judged("Vladimir Putin", "Person", "person/vladimir-putin",
                   aliases=["Putin", "Paris"], wrong_merge=True),  # 'Paris' split off since
            judged("Putin", "Person", "person/putin", duplicate=True),  # a redirect leads on
            judged("Lena Marsh", "Person", "person/lena-marsh", aliases=["Lena"],
                   similar=["Lena (Place)"], duplicate=True),  # still apart: stays wrong
            judged("Oslo", "Organization", "organization/oslo", type_right=False),
            judged("Monday Group", "Organization", "organization/monday-group", junk=True)]
    projected, changes = project(rows, graph_file)
    by_name = {r["name"]: r for r in projected}
    assert "Monday Group" not in by_name and any("gone" in c and "Monday Group" in c
                                                 for c in changes)
    assert by_name["Vladimir Putin"]["wrong_merge"] is False
    assert by_name["Putin"]["now"]["iri"].endswith("person/vladimir-putin")
    assert by_name["Lena Marsh"]["duplicate"] is True
    assert by_name["Oslo"]["type_right"] is False  # a new type is listed, never judged
    assert any(c.startswith("retyped") and "Oslo" in c for c in changes)


def test_a_lost_merge_reason_flips_a_wrong_merge_and_a_kept_one_does_not(graph_file):
    from entity_rescore import project

    base = {"type": "Person", "similar": [], "type_right": True, "duplicate": False,
            "junk": False, "wrong_merge": True}
    rows = [base | {"iri": "https://w3id.org/kg-news/id/person/tom-reyes", "name": "Tom Reyes",
                    "aliases": [], "merged_because": ["Tom Reyes: same-name (1)",
                                                      "We: pronoun (1)"]},
            base | {"iri": "https://w3id.org/kg-news/id/person/lena-marsh", "name": "Lena Marsh",
                    "aliases": [], "merged_because": ["Lena Marsh: same-name (9)"]}]
    by_name = {r["name"]: r for r in project(rows, graph_file)[0]}
    assert by_name["Tom Reyes"]["wrong_merge"] is False  # 'We: pronoun' is gone
    assert by_name["Lena Marsh"]["wrong_merge"] is True  # only a count changed


def test_contexts_skip_words_inside_another_nodes_longer_name():
    from entity_sample import _contexts

    texts = {"a.txt": "Fans in Ogden cheered. An Ogden Comets player was hurt."}
    shown = _contexts(["Ogden"], ["a.txt"], texts, {"Ogden": ["Ogden Comets"]})
    assert [c["sentence"] for c in shown] == ["Fans in Ogden cheered."]
    assert len(_contexts(["Ogden"], ["a.txt"], texts)) == 2
