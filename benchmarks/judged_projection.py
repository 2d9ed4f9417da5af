"""Judged precision projected on kg as it is now: which judged facts kg still emits, and how
many of those the judges found correct.

Usage:
  python benchmarks/judged_projection.py [SHEET ...] [--bench SET_DIR] [--by-rule]
         [--save FILE] [--against FILE]

The judged sheets (``realnews/judged/judged_<commit>.jsonl``, default: all of them) hold facts
an older kg emitted on the dev set, each with a blind judge's verdict. This builds the dev set
with the kg on ``PYTHONPATH`` and matches every judged row to a fact emitted now by article,
sentence, subject, predicate and object (time and place roles ignored: a row whose fact is
still stated is kept). It prints, pooled over the sheets and for the newest sheet alone (the
one judged at the commit nearest HEAD): how many judged rows are still emitted, their
precision (correct / kept) and true-or-vague share,
the precision of those kept at confidence >= 0.8 and the ROC AUC of confidence, correct against
not (confidence as kg gives it now); and what was dropped, by verdict. This is a projection,
not a fresh blind judgement: facts kg emits now that no judge saw are not counted
(``--save``/``--against`` list them between two runs).

``--by-rule`` prints the precision of each rule family as the sheets recorded it (the rule
that made each judged fact), which is how a rule is chosen to keep or drop.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections import Counter, defaultdict
from pathlib import Path

from realnews_eval import HERE, emitted_facts, load_gold

CONFIDENT = 0.8


def newest_sheet(sheets: list[Path]) -> Path:
    """The sheet judged at the commit nearest HEAD: names are commit hashes, so sorting them by
    name says nothing of their age. A commit git cannot place counts as oldest."""
    def distance(sheet: Path) -> int:
        commit = sheet.stem.removeprefix("judged_")
        done = subprocess.run(["git", "rev-list", "--count", f"{commit}..HEAD"],
                              capture_output=True, text=True, cwd=HERE)
        return int(done.stdout) if done.returncode == 0 else sys.maxsize
    return min(sheets, key=distance)


def row_key(article: str, sentence: str, subject: str, predicate: str, obj: str
            ) -> tuple[str, ...]:
    return (article, " ".join(sentence.split()), subject, predicate, obj)


def load_rows(paths: list[Path]) -> list[dict[str, object]]:
    rows = []
    for path in paths:
        for line in path.read_text("utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                if row.get("verdict") in {"correct", "vague", "wrong"}:
                    row["sheet"] = path.stem.removeprefix("judged_")
                    rows.append(row)
    return rows


def rule_family(rule: str) -> str:
    """The subject half of a rule with its inherited kind ('inherited-relcl/dobj' ->
    'inherited-relcl'); other rules as written up to the slash."""
    return str(rule).split("/")[0]


def current_facts(bench: Path = HERE) -> dict[tuple[str, ...], dict[str, object]]:
    """What kg emits now on the articles of ``bench`` (a set directory with articles/ and
    gold/), keyed as the judged rows are."""
    gold = load_gold(bench / "gold")
    import kg
    facts = emitted_facts(kg.build_result([bench / "articles" / n for n in gold],
                                           document_seconds=None).corpus)
    now: dict[tuple[str, ...], dict[str, object]] = {}
    for f in facts:
        key = row_key(f.article, f.sentence, f.subject[0], f.predicate, f.object[0])
        seen = now.get(key)
        if seen is None or f.confidence > float(seen["confidence"]):  # type: ignore[arg-type]
            now[key] = {"confidence": f.confidence, "rule": f.rule, "fact": f.show(),
                        "factuality": f.factuality,
                        "roles": sorted(list(role) for role in f.roles)}
    return now


def summary(rows: list[dict[str, object]], now: dict[tuple[str, ...], dict[str, object]],
            label: str) -> None:
    kept, dropped = [], Counter()
    for r in rows:
        key = row_key(str(r["article"]), str(r["sentence"]), str(r["subject"][0]),  # type: ignore[index]
                      str(r["predicate"]), str(r["object"][0]))  # type: ignore[index]
        if key in now:
            kept.append((r, now[key]))
        else:
            dropped[str(r["verdict"])] += 1
    verdicts = Counter(str(r["verdict"]) for r, _ in kept)
    # Kept but read with another factuality now: the verdict may no longer hold (a judge's
    # note says whether factuality was what was wrong).
    refactored = Counter(str(r["verdict"]) for r, n in kept if n["factuality"] != r["factuality"])
    # Kept with roles added, dropped or changed: a vague verdict for a missing complement
    # ('agreed', but on what?) may no longer hold, and a right fact may have gained a wrong role.
    reroled = Counter(str(r["verdict"]) for r, n in kept
                      if n["roles"] != sorted(list(role) for role in r.get("roles") or ()))
    confident = [r for r, n in kept if float(n["confidence"]) >= CONFIDENT]  # type: ignore[arg-type]
    n = len(kept)
    ranking = auc([float(c["confidence"]) for _, c in kept],  # type: ignore[arg-type]
                  [r["verdict"] == "correct" for r, _ in kept])
    print(f"{label}: judged {len(rows)}, still emitted {n}; precision "
          f"{verdicts['correct'] / max(1, n):.3f}, true-or-vague "
          f"{(n - verdicts['wrong']) / max(1, n):.3f}; at confidence >= {CONFIDENT}: "
          f"{sum(r['verdict'] == 'correct' for r in confident)}/{len(confident)} = "
          f"{sum(r['verdict'] == 'correct' for r in confident) / max(1, len(confident)):.3f}; "
          f"ROC AUC {ranking:.3f}; dropped {dict(dropped)}; "
          f"factuality changed {dict(refactored)}; roles changed {dict(reroled)}")


def auc(scores: list[float], right: list[bool]) -> float:
    """How often a right fact outranks a wrong one by confidence (ties count half)."""
    pos = [s for s, r in zip(scores, right, strict=True) if r]
    neg = [s for s, r in zip(scores, right, strict=True) if not r]
    wins = sum((p > q) + 0.5 * (p == q) for p in pos for q in neg)
    return wins / max(1, len(pos) * len(neg))


def by_rule(rows: list[dict[str, object]]) -> None:
    table: dict[str, Counter[str]] = defaultdict(Counter)
    for r in rows:
        table[rule_family(str(r["rule"]))][str(r["verdict"])] += 1
    print(f"{'rule':34} {'n':>4} {'correct':>8} {'vague':>6} {'wrong':>6} precision")
    for rule, c in sorted(table.items(), key=lambda kv: -sum(kv[1].values())):
        n = sum(c.values())
        print(f"{rule:34} {n:4} {c['correct']:8} {c['vague']:6} {c['wrong']:6} "
              f"{c['correct'] / n:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sheets", nargs="*", type=Path)
    parser.add_argument("--bench", type=Path, default=HERE,
                        help="the set the sheets judge (default the dev set; e.g. "
                             "benchmarks/realnews_fresh)")
    parser.add_argument("--by-rule", action="store_true")
    parser.add_argument("--save", type=Path, help="write the facts emitted now (JSON)")
    parser.add_argument("--against", type=Path, help="list facts added/removed since a --save")
    args = parser.parse_args()
    sheets = args.sheets or sorted((args.bench / "judged").glob("judged_*.jsonl"))
    newest = newest_sheet(sheets).name
    rows = load_rows(sheets)
    if args.by_rule:
        by_rule(rows)
        return
    now = current_facts(args.bench)
    summary(rows, now, "all sheets")
    summary([r for r in rows if Path(f"judged_{r['sheet']}.jsonl").name == newest],
            now, Path(newest).stem)
    print(f"emitted now: {len(now)} distinct facts")
    if args.save:
        args.save.write_text(json.dumps([[list(k), v] for k, v in sorted(now.items())]))
    if args.against:
        before = {tuple(k): v for k, v in json.loads(args.against.read_text())}
        gone = sorted(set(before) - set(now))
        new = sorted(set(now) - set(before))
        print(f"since {args.against}: {len(gone)} gone, {len(new)} new")
        for k in gone:
            print(f"- {before[k]['fact']}  ({before[k]['rule']})", file=sys.stderr)
        for k in new:
            print(f"+ {now[k]['fact']}  ({now[k]['rule']})", file=sys.stderr)


if __name__ == "__main__":
    main()
