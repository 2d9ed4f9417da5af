"""Carry a judged entity sheet over to a newer graph, without judging anything again.

Usage:
  python benchmarks/entity_rescore.py SHEET GRAPH [-o PROJECTED.jsonl]

A judged sheet (``entity_sample.py`` + a judge) says what was wrong with 100 nodes of an older
graph. After a change, some of those verdicts can be carried over mechanically, others cannot.
For each judged line this finds the node in the new graph (same IRI, or the IRI an owl:sameAs
redirect leads to, or the same name and type) and flips a verdict only on evidence in the
graph:

  gone          no node has that IRI, a redirect from it or that name (a junk name the
                filters now drop, or a duplicate dissolved into another node): the line
                leaves the sheet, since a new sample could not draw it;
  wrong_merge   judged true, and every alias the node had then that it has no more is gone
                while it gained none: the wrong alias was split off -> false; likewise
                when a merge the node recorded then ('We: pronoun') is gone and it
                recorded no new one (mention counts aside);
  duplicate     judged true, and a node the sheet listed as ``similar`` is now merged into
                this one (its name is an alias): -> false;
  type          never flipped; a new type is listed for the next judge.

Everything else keeps its verdict. The projected sheet is not a judgment (a merge that fixes a
duplicate can add a wrong merge a judge would see): it says which verdicts a change should
flip and why; ``entity_score.py`` scores it like a judged sheet. A new blind sample settles it.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rdflib import OWL

from kg.query import list_entities, load_graph


def _split(cell: str) -> set[str]:
    return {part for part in cell.split("; ") if part}


def _merges(cells: list[str] | set[str]) -> set[str]:
    """'We: pronoun (1)' -> 'We: pronoun': which form joined by which rule, not how often."""
    return {re.sub(r"\s*\(\d+\)$", "", cell) for cell in cells}


def project(rows: list[dict[str, object]], graph_path: Path
            ) -> tuple[list[dict[str, object]], list[str]]:
    """The sheet's lines as the new graph would leave them, and one line per change."""
    graph = load_graph(graph_path)
    table = list_entities(graph)
    nodes = {}
    by_name: dict[tuple[str, str], dict[str, str]] = {}
    by_alias: dict[str, str] = {}
    for values in table.rows:
        node = dict(zip(table.columns, values, strict=True))
        nodes[node["iri"]] = node
        by_name[(node["name"], node["type"])] = node
        by_name.setdefault((node["name"], ""), node)
        for alias in _split(node["aliases"]):
            by_alias.setdefault(alias, f"{node['name']} ({node['type']})")
    redirects = {str(s): str(o) for s, o in graph.subject_objects(OWL.sameAs)}
    projected, changes = [], []
    for row in rows:
        iri = str(row["iri"])
        node = nodes.get(iri) or nodes.get(redirects.get(iri, "")) or \
            by_name.get((str(row["name"]), str(row["type"]))) or \
            by_name.get((str(row["name"]), ""))
        name = f"{row['name']} ({row['type']})"
        if node is None:
            into = by_alias.get(str(row["name"]))
            where = f"now an alias of {into}" if into else "no named node of that name left"
            changes.append(f"gone       {name}: {where} (judged junk={row['junk']}, "
                           f"duplicate={row['duplicate']}, wrong_merge={row['wrong_merge']})")
            continue
        new = dict(row)
        old_aliases = set(row["aliases"])  # type: ignore[arg-type]
        aliases = _split(node["aliases"]) | {node["name"]}
        lost = old_aliases - aliases
        old_merges = _merges(row.get("merged_because") or [])  # type: ignore[arg-type]
        merges = _merges(_split(node["merged because"]))
        lost_merges = old_merges - merges
        if row["wrong_merge"] and lost and not (aliases - old_aliases - {row["name"]}):
            new["wrong_merge"] = False
            changes.append(f"split      {name}: lost {sorted(lost)}")
        elif row["wrong_merge"] and lost_merges and not merges - old_merges:
            new["wrong_merge"] = False
            changes.append(f"split      {name}: no more {sorted(lost_merges)}")
        similar = {str(s).rsplit(" (", 1)[0] for s in row["similar"]}  # type: ignore[union-attr]
        joined = similar & aliases - {row["name"]}
        if row["duplicate"] and joined:
            new["duplicate"] = False
            changes.append(f"merged     {name}: now one node with {sorted(joined)}")
        if node["type"] != row["type"]:
            changes.append(f"retyped    {name}: now {node['type']} (judged type_right="
                           f"{row['type_right']}; not flipped)")
        new["now"] = {"iri": node["iri"], "name": node["name"], "type": node["type"],
                      "aliases": sorted(_split(node["aliases"])),
                      "merged_because": node["merged because"]}
        projected.append(new)
    return projected, changes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sheet", type=Path)
    parser.add_argument("graph", type=Path)
    parser.add_argument("-o", "--output", type=Path)
    args = parser.parse_args(argv)
    rows = [json.loads(line) for line in args.sheet.read_text("utf-8").splitlines()
            if line.strip()]
    projected, changes = project(rows, args.graph)
    for change in changes:
        print(change)
    if args.output:
        args.output.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n"
                                       for r in projected), "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
