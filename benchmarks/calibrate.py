"""Fit kg's confidence on hand-judged facts: writes ``kg/data/confidence.json``.

Usage:  python benchmarks/calibrate.py JUDGED.jsonl [JUDGED.jsonl ...] [--out PATH]

Each judged file is a sample of kg's facts on the real-news set with a judge's verdict
(``realnews_eval.py --sample`` then a judge who never saw the gold; see
``realnews/judged/``). A fact counts as right when its verdict is ``correct``. The signs of
each fact are ``kg.confidence.signs``; the model is a logistic regression with a small L2
penalty, fitted by gradient descent (numpy only). The fit is reported with its training
Brier score and ROC AUC; measure it honestly on a sample judged after the fit, not on these.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np

from kg.confidence import signs
from kg.relations import load_vocabulary

DEFAULT_OUT = Path(__file__).resolve().parent.parent / "kg" / "data" / "confidence.json"
L2 = 1.0
STEPS = 5000
RATE = 0.1


def row_signs(row: dict[str, object]) -> dict[str, float]:
    vocab = load_vocabulary()
    lemma = str(row.get("lemma", ""))
    predicate = str(row["predicate"])
    subject = row["subject"][0] if row["subject"] else ""  # type: ignore[index]
    obj = row["object"][0] if row["object"] else ""  # type: ignore[index]
    return signs(rule=str(row["rule"]), predicate=predicate, subject=str(subject), obj=str(obj),
                 known_predicate=vocab.spec(lemma) is not None
                 or predicate in vocab.structural_predicates,
                 sentence=str(row["sentence"]),
                 factuality=str(row.get("factuality", "asserted")))


def fit(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    w = np.zeros(x.shape[1])
    for _ in range(STEPS):
        p = 1.0 / (1.0 + np.exp(-x @ w))
        gradient = x.T @ (p - y) / len(y) + L2 * np.r_[0.0, w[1:]] / len(y)
        w -= RATE * gradient * 10
    return w


def auc(scores: np.ndarray, labels: np.ndarray) -> float:
    pos, neg = scores[labels == 1], scores[labels == 0]
    wins = sum(float((p > neg).sum()) + 0.5 * float((p == neg).sum()) for p in pos)
    return round(wins / (len(pos) * len(neg)), 3)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("judged", nargs="+", type=Path)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = parser.parse_args()
    rows = [json.loads(line) for path in args.judged
            for line in path.read_text("utf-8").splitlines() if line.strip()]
    rows = [r for r in rows if r.get("verdict") in {"correct", "vague", "wrong"}]
    names = sorted(row_signs(rows[0]))
    x = np.array([[1.0] + [row_signs(r)[n] for n in names] for r in rows])
    y = np.array([1.0 if r["verdict"] == "correct" else 0.0 for r in rows])
    w = fit(x, y)
    p = 1.0 / (1.0 + np.exp(-x @ w))
    record = {
        "_comment": "Weights of kg.confidence, fitted by benchmarks/calibrate.py on "
                    "hand-judged facts; do not edit by hand, refit.",
        "fitted_on": [p.name for p in args.judged], "facts": len(rows),
        "right": int(y.sum()), "training_brier": round(float(((p - y) ** 2).mean()), 3),
        "training_auc": auc(p, y),
        "weights": {"bias": round(float(w[0]), 3),
                    **{n: round(float(v), 3) for n, v in zip(names, w[1:], strict=True)}},
    }
    args.out.write_text(json.dumps(record, indent=1) + "\n", "utf-8")
    print(json.dumps(record, indent=1))


if __name__ == "__main__":
    main()
