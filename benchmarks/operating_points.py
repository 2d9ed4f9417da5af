"""Recall and judged precision at each confidence floor: the operating points a user can pick.

Usage:
  python benchmarks/operating_points.py [--bench SET_DIR ...] [--floors 0.15,0.3,...]

kg states every reading at or above its floor (``kg build --min-confidence``, default 0.15)
with its calibrated ``kg:confidence``. A user who wants fewer but surer facts raises the
floor; this prints what that buys on each real-news set: recall against the blind gold
(``realnews_eval``'s match) of the facts at or above the floor, and the precision of the
judged facts still emitted at or above it (``judged_projection``'s match: the blind judges'
verdicts on earlier outputs, projected on kg as it is now; facts no judge saw are not
counted). One build per set; the floors only filter it.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from judged_projection import load_rows, row_key
from realnews_eval import HERE, Emitted, arguments_fit, emitted_facts, load_gold, relation_fits

FLOORS = (0.15, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8)


def recall_at(gold: dict[str, list], facts: list[Emitted], floor: float) -> float:
    """The share of gold facts matched by an emitted fact at or above ``floor``."""
    total = found = 0
    for article, gold_facts in gold.items():
        mine = [f for f in facts if f.article == article and f.confidence >= floor]
        for g in gold_facts:
            total += 1
            found += any(arguments_fit(g, f) and relation_fits(g, f) for f in mine)
    return found / max(1, total)


def judged_at(rows: list[dict[str, object]], confidence: dict[tuple[str, ...], float],
              floor: float) -> tuple[int, Counter[str]]:
    """How many judged rows are emitted now at or above ``floor``, and their verdicts."""
    verdicts: Counter[str] = Counter()
    for r in rows:
        key = row_key(str(r["article"]), str(r["sentence"]), str(r["subject"][0]),  # type: ignore[index]
                      str(r["predicate"]), str(r["object"][0]))  # type: ignore[index]
        if confidence.get(key, -1.0) >= floor:
            verdicts[str(r["verdict"])] += 1
    return sum(verdicts.values()), verdicts


def report(bench: Path, floors: tuple[float, ...]) -> None:
    import kg
    gold = load_gold(bench / "gold")
    facts = emitted_facts(kg.build_result([bench / "articles" / n for n in gold],
                                          document_seconds=None).corpus)
    confidence: dict[tuple[str, ...], float] = {}
    for f in facts:
        key = row_key(f.article, f.sentence, f.subject[0], f.predicate, f.object[0])
        confidence[key] = max(confidence.get(key, -1.0), f.confidence)
    rows = load_rows(sorted((bench / "judged").glob("judged_*.jsonl")))
    print(f"{bench.name}: {len(gold)} articles, {sum(map(len, gold.values()))} gold facts, "
          f"{len(rows)} judged rows on {len({r['sheet'] for r in rows})} sheets")
    print("  floor  emitted  recall  judged-kept  precision  true-or-vague")
    for floor in floors:
        kept, verdicts = judged_at(rows, confidence, floor)
        emitted = sum(f.confidence >= floor for f in facts)
        print(f"  {floor:5.2f}  {emitted:7d}  {recall_at(gold, facts, floor):6.3f}  "
              f"{kept:11d}  {verdicts['correct'] / max(1, kept):9.3f}  "
              f"{(kept - verdicts['wrong']) / max(1, kept):13.3f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bench", type=Path, action="append",
                        help="a set directory with articles/, gold/ and judged/ "
                             "(default: the dev set and benchmarks/realnews_fresh)")
    parser.add_argument("--floors", default=",".join(map(str, FLOORS)))
    args = parser.parse_args()
    floors = tuple(float(x) for x in args.floors.split(","))
    for bench in args.bench or [HERE, HERE.parent / "realnews_fresh"]:
        report(bench, floors)


if __name__ == "__main__":
    main()
