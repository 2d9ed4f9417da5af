"""How often kg's time on a fact agrees with the gold's, and what the judges said of its times.

Usage:
  python benchmarks/time_agreement.py [--bench SET_DIR] [--save FILE] [--load FILE] [--list]

Neither the recall score (``realnews_eval.py``) nor the judged projection
(``judged_projection.py``) looks at a fact's time: a fact with the wrong date counts as found
and as still emitted. This reads the gold facts that carry a ``time`` role and, for each one
kg finds (the recall matching rules; the fact of the quote's sentence first), compares kg's
time with the gold's:
  agree     kg's normalised time is the gold's, or one is the other at a coarser precision
            ('2020-03' and '2020-03-05'), or the gold's words hold kg's (a span written
            '2009 to 2017' is the interval '2009/2017');
  differ    kg gives another time (the wrong verb's, the article's date for an earlier event);
  missing   kg gives the fact no time;
and, for gold facts without a time, how many found facts carry one anyway (``extra``).
It then lists the judged rows (``judged/judged_*.jsonl``) kg still emits with a time, their
verdict and whether kg's time now is the one the judge saw. ``--save`` keeps the emitted facts
of one build as JSON and ``--load`` reads them back, so the numbers can be re-read without a
second build.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from dataclasses import asdict
from pathlib import Path

from judged_projection import load_rows, row_key
from realnews_eval import HERE, Emitted, GoldFact, arguments_fit, emitted_facts, relation_fits


def gold_times(bench: Path) -> list[tuple[GoldFact, str]]:
    """Every gold fact with the time its writer gave it ('' for none)."""
    out = []
    for path in sorted((bench / "gold").glob("*.json")):
        data = json.loads(path.read_text("utf-8"))
        article = data.get("article") or path.stem + ".txt"
        for f in data["facts"]:
            fact = GoldFact(article, f.get("subject", ""), f.get("relation", "").lower(),
                            f.get("object", "") or "", f.get("kind", "event"),
                            bool(f.get("headline")), f.get("quote", ""))
            out.append((fact, str((f.get("roles") or {}).get("time") or "")))
    return out


def build(bench: Path) -> list[Emitted]:
    import kg
    names = sorted(p.name for p in (bench / "articles").glob("*.txt"))
    wanted = {f.article for f, _ in gold_times(bench)}
    paths = [bench / "articles" / n for n in names if n in wanted]
    return emitted_facts(kg.build_result(paths, document_seconds=None).corpus)


def times_agree(gold: str, mine: str) -> bool:
    """Equal, or one the other at a coarser precision, or kg's words inside the gold's."""
    gold, mine = (" ".join(t.lower().replace(" to ", "/").split()) for t in (gold, mine))
    return gold == mine or gold.startswith(mine) or mine.startswith(gold) or \
        (len(mine) >= 4 and mine in gold)


def fact_times(fact: Emitted) -> list[str]:
    return [value for name, value in fact.roles if name == "time"]


def gold_agreement(bench: Path, facts: list[Emitted], listing: bool) -> Counter[str]:
    counts: Counter[str] = Counter()
    for gold, time in gold_times(bench):
        if gold.kind != "event":
            continue
        hits = [f for f in facts if f.article == gold.article and arguments_fit(gold, f)
                and relation_fits(gold, f)]
        counts["gold with time" if time else "gold without time"] += 1
        if not hits:
            continue
        quote = " ".join(gold.quote.split())
        # The fact of the gold's own sentence when kg has one: 'X Hospital' matches every
        # hospital by its last word, and another sentence's fact has another time.
        hits = [f for f in hits if quote and quote in f.sentence] or hits
        times = [t for f in hits for t in fact_times(f)]
        if not time:
            counts["extra" if times else "found, no time (right)"] += 1
            if times and listing:
                print(f"EXTRA  {gold.article[:28]} {gold.show()} kg={times}\n"
                      f"       {gold.quote[:160]}")
            continue
        verdict = "agree" if any(times_agree(time, t) for t in times) else \
            "differ" if times else "missing"
        counts[verdict] += 1
        if listing and verdict != "agree":
            print(f"{verdict.upper():7}{gold.article[:28]} {gold.show()} gold={time} "
                  f"kg={times}\n       {gold.quote[:160]}")
    return counts


def judged_times(bench: Path, facts: list[Emitted]) -> Counter[str]:
    """Judged rows that had a time, by verdict and by whether kg's time is still that one."""
    now: dict[tuple[str, ...], list[str]] = {}
    for f in facts:
        now.setdefault(row_key(f.article, f.sentence, f.subject[0], f.predicate, f.object[0]),
                       []).extend(fact_times(f))
    counts: Counter[str] = Counter()
    for row in load_rows(sorted((bench / "judged").glob("judged_*.jsonl"))):
        then = [str(v) for n, v in row.get("roles", []) if n == "time"]  # type: ignore[union-attr]
        if not then:
            continue
        key = row_key(str(row["article"]), str(row["sentence"]), str(row["subject"][0]),  # type: ignore[index]
                      str(row["predicate"]), str(row["object"][0]))  # type: ignore[index]
        if key not in now:
            counts[f"{row['verdict']}: dropped"] += 1
        else:
            same = sorted(then) == sorted(now[key])
            counts[f"{row['verdict']}: {'same time' if same else 'time changed'}"] += 1
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--bench", type=Path, default=HERE)
    parser.add_argument("--save", type=Path)
    parser.add_argument("--load", type=Path)
    parser.add_argument("--list", action="store_true", help="print each disagreement")
    args = parser.parse_args()
    if args.load:
        facts = [Emitted(**{k: tuple(tuple(x) for x in v) if k == "roles" else
                            tuple(v) if isinstance(v, list) else v for k, v in d.items()})
                 for d in json.loads(args.load.read_text("utf-8"))]
    else:
        facts = build(args.bench)
    if args.save:
        args.save.write_text(json.dumps([asdict(f) for f in facts]), "utf-8")
    print("gold events:", dict(gold_agreement(args.bench, facts, args.list)))
    print("judged rows with a time:", dict(sorted(judged_times(args.bench, facts).items())))


if __name__ == "__main__":
    main()
