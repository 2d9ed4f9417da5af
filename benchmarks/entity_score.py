"""Rates from a judged entity sheet (written by ``entity_sample.py``, verdicts filled by hand).

Usage:
  python benchmarks/entity_score.py SHEET [--json]

A sampled entity is right when its type is right, no alias or context names another thing
(no wrong merge), no other node is the same thing (no duplicate) and it is a named entity at
all (not junk). Lines whose four verdicts are not all filled (true/false) are counted as
unjudged and left out. Rates come with a 95% Wilson interval: on 100 entities, 95% right
means somewhere from 89% to 98%.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections import Counter
from pathlib import Path

VERDICTS = ("type_right", "wrong_merge", "duplicate", "junk")


def wilson(successes: int, total: int, z: float = 1.96) -> tuple[float, float]:
    if total == 0:
        return 0.0, 0.0
    p = successes / total
    centre = (p + z * z / (2 * total)) / (1 + z * z / total)
    half = z * math.sqrt(p * (1 - p) / total + z * z / (4 * total * total)) / (1 + z * z / total)
    return max(0.0, centre - half), min(1.0, centre + half)


def is_right(row: dict[str, object]) -> bool:
    return bool(row["type_right"]) and not any(row[v] for v in VERDICTS[1:])


def score(rows: list[dict[str, object]]) -> dict[str, object]:
    judged = [r for r in rows if all(isinstance(r.get(v), bool) for v in VERDICTS)]
    n = len(judged)
    right = sum(is_right(r) for r in judged)
    counts = {"type wrong": sum(not r["type_right"] for r in judged),
              "wrong merge": sum(bool(r["wrong_merge"]) for r in judged),
              "duplicate": sum(bool(r["duplicate"]) for r in judged),
              "junk": sum(bool(r["junk"]) for r in judged)}
    by_type: Counter[str] = Counter()
    right_by_type: Counter[str] = Counter()
    for r in judged:
        by_type[str(r["type"])] += 1
        right_by_type[str(r["type"])] += is_right(r)
    low, high = wilson(right, n)
    return {"lines": len(rows), "judged": n, "unjudged": len(rows) - n, "right": right,
            "right_rate": right / n if n else 0.0, "right_ci95": [low, high],
            "errors": {k: {"count": v, "rate": v / n if n else 0.0} for k, v in counts.items()},
            "by_type": {t: {"judged": by_type[t], "right": right_by_type[t]}
                        for t in sorted(by_type)}}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("sheet", type=Path)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    rows = [json.loads(line) for line in args.sheet.read_text("utf-8").splitlines()
            if line.strip()]
    result = score(rows)
    if args.json:
        print(json.dumps(result, indent=1))
        return 0
    if not result["judged"]:
        print(f"{args.sheet}: no judged lines ({result['lines']} lines, verdicts empty)")
        return 1
    low, high = result["right_ci95"]
    print(f"{args.sheet}: {result['judged']} judged, {result['unjudged']} unjudged")
    print(f"right         {result['right']}/{result['judged']} = {result['right_rate']:.2f} "
          f"(95% CI {low:.2f}-{high:.2f})")
    for name, value in result["errors"].items():
        print(f"{name:13} {value['count']:3} = {value['rate']:.2f}")
    for entity_type, value in result["by_type"].items():
        print(f"  {entity_type:13} {value['right']}/{value['judged']} right")
    return 0


if __name__ == "__main__":
    sys.exit(main())
