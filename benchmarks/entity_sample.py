"""A sheet of randomly sampled named entities for a judge: are they right?

Usage:
  python benchmarks/entity_sample.py GRAPH -n 100 --seed S [-o SHEET.jsonl]

Reads any graph file kg writes and samples ``n`` named entities (people, organisations,
places, events; things keyed by a noun are not named and not sampled) with a seeded random
generator, so anyone can draw the same sample again. Each line of the sheet (JSON Lines) holds
everything a judge needs and nothing from a gold list:

  iri, name, type             the node as kg made it
  aliases                     every other form merged into it
  merged_because              why each alias was merged ('Putin: short-form (3)'), if recorded
  links, documents            GeoNames link, the files that mention it
  contexts                    up to 8 sentences (file and quote) where the name or an alias
                              appears, from the text stored in the graph (nif:isString)
  similar                     other named nodes sharing a name word ('Scholz (Place)'), to
                              spot duplicates
and empty verdict fields for the judge to fill with true or false:

  type_right    the type is right (a person is a Person, a city a Place, ...)
  wrong_merge   some alias or context names a different thing than the node's name
  duplicate     another node of the graph is the same real thing (see ``similar``)
  junk          not a named entity at all (page furniture, a date, a common noun)
  note          free text

``benchmarks/entity_score.py SHEET`` prints the rates from a judged sheet.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from kg.query import list_entities, load_graph, run_query

TEXTS_QUERY = """
SELECT ?file ?text WHERE { ?document kg:sourceFile ?file ; nif:isString ?text }
"""
MAX_CONTEXTS = 8
VERDICT_FIELDS = ("type_right", "wrong_merge", "duplicate", "junk")


def _words(name: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", name.lower()) if len(w) > 2} - {"the", "and"}


def _sentence_around(text: str, start: int, end: int) -> str:
    """The sentence that holds ``text[start:end]``: from the previous stop or blank line to
    the next, at most 400 characters each way."""
    left = max(text.rfind(". ", max(0, start - 400), start), text.rfind("\n", max(0, start - 400),
                                                                         start))
    left = max(0, start - 400) if left < 0 else left + 1
    stops = [i for i in (text.find(". ", end, end + 400), text.find("\n", end, end + 400))
             if i >= 0]
    right = min(stops) + 1 if stops else min(len(text), end + 400)
    return " ".join(text[left:right].split())


def _pattern(name: str) -> re.Pattern[str]:
    left = r"(?<!\w)" if name[:1].isalnum() else ""
    right = r"(?!\w)" if name[-1:].isalnum() else ""  # 'Tak-' as read of 'Tak-Sing'
    return re.compile(left + re.escape(name) + right, re.IGNORECASE)


def _contexts(names: list[str], files: list[str], texts: dict[str, str],
              longer: dict[str, list[str]] | None = None) -> list[dict[str, str]]:
    """Where each name appears, alias by alias in turn, so every merged form is shown; not
    where the words are part of another node's longer name ('Utah' in 'Utah Jazz' when
    'Utah Jazz' is a node: the graph gives that occurrence to the team). ``longer``: for
    each name, the longer names of other nodes that contain it."""
    found: dict[str, list[dict[str, str]]] = defaultdict(list)
    for name in names:
        pattern = re.compile(_pattern(name).pattern)
        outer = [_pattern(other) for other in (longer or {}).get(name, [])]
        for file in files:
            text = texts.get(file, "")
            inside = [(m.start(), m.end()) for p in outer for m in p.finditer(text)]
            for match in pattern.finditer(text):
                if any(a <= match.start() and match.end() <= b for a, b in inside):
                    continue
                found[name].append({"file": file, "form": name, "sentence": _sentence_around(
                    texts[file], match.start(), match.end())})
    out: list[dict[str, str]] = []
    while len(out) < MAX_CONTEXTS and any(found.values()):
        for name in names:
            if found[name] and len(out) < MAX_CONTEXTS:
                out.append(found[name].pop(0))
    return out


def _longer_names(names: list[str], all_names: list[str], own: set[str]) -> dict[str, list[str]]:
    """For each name, the other nodes' names and aliases that hold it as whole words."""
    return {name: [other for other in all_names if other not in own and len(other) > len(name)
                   and _pattern(name).search(other)] for name in names}


def sample_sheet(graph_path: Path, size: int, seed: int) -> list[dict[str, object]]:
    graph = load_graph(graph_path)
    table = list_entities(graph)
    rows = [dict(zip(table.columns, row, strict=True)) for row in table.rows]
    texts = {file: text for file, text in run_query(graph, TEXTS_QUERY).rows}
    rows.sort(key=lambda r: r["iri"])
    chosen = random.Random(seed).sample(rows, min(size, len(rows)))
    by_word: dict[str, set[int]] = defaultdict(set)
    for index, row in enumerate(rows):
        for word in _words(row["name"]) | {w for a in row["aliases"].split("; ") if a
                                           for w in _words(a)}:
            by_word[word].add(index)
    all_names = sorted({n for r in rows for n in [r["name"], *r["aliases"].split("; ")] if n})
    sheet = []
    for row in chosen:
        aliases = [a for a in row["aliases"].split("; ") if a]
        words = _words(row["name"]) | {w for a in aliases for w in _words(a)}
        similar = sorted({f"{rows[i]['name']} ({rows[i]['type']})" for w in words
                          for i in by_word[w] if rows[i]["iri"] != row["iri"]})
        files = [f for f in row["documents"].split("; ") if f]
        sheet.append({
            "iri": row["iri"], "name": row["name"], "type": row["type"], "aliases": aliases,
            "merged_because": [m for m in row.get("merged because", "").split("; ") if m],
            "links": row["links"], "mentions": int(row["mentions"] or 0), "documents": files,
            "contexts": _contexts([row["name"], *aliases], files, texts,
                                  _longer_names([row["name"], *aliases], all_names,
                                                {row["name"], *aliases})),
            "similar": similar[:20],
            **{field: None for field in VERDICT_FIELDS}, "note": "",
        })
    return sheet


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("graph", type=Path)
    parser.add_argument("-n", "--size", type=int, default=100)
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("-o", "--output", type=Path, help="sheet file (default: stdout)")
    args = parser.parse_args(argv)
    lines = "".join(json.dumps(r, ensure_ascii=False) + "\n"
                    for r in sample_sheet(args.graph, args.size, args.seed))
    if args.output is None:
        sys.stdout.write(lines)
    else:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        partial = args.output.with_suffix(args.output.suffix + ".part")
        partial.write_text(lines, encoding="utf-8")
        partial.replace(args.output)
        print(f"{lines.count(chr(10))} entities -> {args.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
