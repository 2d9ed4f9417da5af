"""Draw the CoNLL04 train audit sample: kg's facts on 200 train sentences, 250 of them at random.

Usage:  python benchmarks/conll04_audit/draw_sample.py TRAIN_JSON OUT_JSONL
        [--sentences 200] [--facts 250]

Why: kg's rules were grown on the dev articles; CoNLL04 train sentences (1980s-90s news) were
never read while writing them, so a sample of kg's facts there measures precision on text no
rule was tuned for. Seed 18 picks the sentences (one document each) and then the facts, so the
same code draws the same sample and a later run can be re-judged row by row (`key` is the
sentence's orig_id with the fact's text).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from conll04 import detokenise, load_conll04
from realnews_eval import emitted_facts

import kg

SEED = 18


def _write(path: Path, rows: list[dict[str, object]]) -> None:
    with path.open("w", encoding="utf-8") as out:
        for number, row in enumerate(rows, 1):
            out.write(json.dumps({"id": number, **row}, ensure_ascii=False) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("train", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--sentences", type=int, default=200)
    parser.add_argument("--facts", type=int, default=250)
    args = parser.parse_args()
    sentences = load_conll04(args.train)
    rng = random.Random(SEED)
    chosen = sorted(rng.sample(range(len(sentences)), args.sentences))
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for index in chosen:
            text, _ = detokenise(sentences[index].tokens)
            path = Path(tmp) / f"s{index:04d}.txt"
            path.write_text(text + "\n", encoding="utf-8")
            paths.append(path)
        result = kg.build_result(paths, document_seconds=None)
        facts = emitted_facts(result.corpus)
    rows = [{"article": f.article, "fact": f.show(), "factuality": f.factuality,
             "rule": f.rule, "confidence": round(f.confidence, 2), "sentence": f.sentence}
            for f in facts]
    picked = [rows[i] for i in sorted(
        random.Random(SEED).sample(range(len(rows)), min(args.facts, len(rows))))]
    _write(args.out, picked)
    _write(args.out.with_suffix(".all.jsonl"), rows)
    print(f"{len(rows)} facts on {len(chosen)} sentences; wrote {len(picked)}", file=sys.stderr)


if __name__ == "__main__":
    main()
