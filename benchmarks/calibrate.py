"""Fit kg's confidence on hand-judged facts: writes ``kg/data/confidence.json``.

Usage:  python benchmarks/calibrate.py JUDGED.jsonl [JUDGED.jsonl ...] [--out PATH]
        python benchmarks/calibrate.py JUDGED.jsonl ... --cross-validate

Each judged file is a sample of kg's facts on the real-news set with a judge's verdict
(``realnews_eval.py --sample`` then a judge who never saw the gold; see
``realnews/judged/``). A fact counts as right when its verdict is ``correct``. The signs of
each fact are ``kg.confidence.signs``; the model is a logistic regression with a small L2
penalty, fitted by gradient descent (numpy only). The fit is reported with its training
Brier score and ROC AUC; measure it honestly on a sample judged after the fit, not on these.

``--cross-validate`` writes nothing: it fits once per sheet on all the others and scores
that sheet (leave one sheet out), then prints the pooled ROC AUC, Brier score, a reliability
table and the share right at confidence >= 0.5 and >= 0.8, each fact scored by a fit that
never saw its sheet. That is how the penalty below was chosen.

The penalty is L2 = 10 (on 1,800 facts): the signs are collinear (a position held or a
place almost always has a named object), and with L2 = 1 the fit on all twelve sheets gave a
named object a negative weight although named objects are right 0.70 of the time against
0.43 for the rest; L2 = 10 keeps it positive and, left out sheet by sheet, raises the share
right at >= 0.8 from 0.88 to 0.90 for 0.005 of ROC AUC.
"""

from __future__ import annotations

import argparse
import json
from itertools import pairwise
from pathlib import Path

import numpy as np

from kg.confidence import MEANINGS, signs
from kg.relations import load_vocabulary

DEFAULT_OUT = Path(__file__).resolve().parent.parent / "kg" / "data" / "confidence.json"
L2 = 10.0
BANDS = (0.0, 0.3, 0.5, 0.7, 0.8, 1.01)
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
    """Logistic weights for signs ``x`` (first column the bias) and verdicts ``y``."""
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


def probability(x: np.ndarray, w: np.ndarray) -> np.ndarray:
    """As ``kg.confidence.calibrated`` gives it: clipped to [0.01, 0.99], two places."""
    return np.clip(1.0 / (1.0 + np.exp(-x @ w)), 0.01, 0.99).round(2)


def cross_validate(x: np.ndarray, y: np.ndarray, sheets: np.ndarray) -> None:
    """Score each sheet by a fit on the others, and print how the pooled scores rank and how
    well they match the share right."""
    scores = np.zeros(len(y))
    for sheet in sorted(set(sheets)):
        held = sheets == sheet
        scores[held] = probability(x[held], fit(x[~held], y[~held]))
    print(f"leave one sheet out ({len(set(sheets))} sheets, {len(y)} facts, L2 {L2}): "
          f"ROC AUC {auc(scores, y)}, Brier {((scores - y) ** 2).mean():.4f}")
    print(f"{'confidence':>12} {'facts':>6} {'right':>6} {'share':>6} {'mean conf':>9}")
    for low, high in pairwise(BANDS):
        band = (scores >= low) & (scores < high)
        if band.any():
            print(f"{low:5.1f}-{min(high, 1.0):4.1f} {band.sum():8} {int(y[band].sum()):6} "
                  f"{y[band].mean():6.2f} {scores[band].mean():9.2f}")
    for floor in (0.5, 0.8):
        above = scores >= floor
        print(f">= {floor}: {above.sum()} facts ({above.mean():.2f} of all), "
              f"{int(y[above].sum())} right ({y[above].mean():.3f}); "
              f"{y[above].sum() / y.sum():.2f} of the right facts")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("judged", nargs="+", type=Path)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--cross-validate", action="store_true",
                        help="leave one sheet out and print the scores; write nothing")
    args = parser.parse_args()
    rows = [{**json.loads(line), "_sheet": path.name} for path in args.judged
            for line in path.read_text("utf-8").splitlines() if line.strip()]
    rows = [r for r in rows if r.get("verdict") in {"correct", "vague", "wrong"}]
    names = sorted(row_signs(rows[0]))
    x = np.array([[1.0] + [row_signs(r)[n] for n in names] for r in rows])
    y = np.array([1.0 if r["verdict"] == "correct" else 0.0 for r in rows])
    if args.cross_validate:
        cross_validate(x, y, np.array([r["_sheet"] for r in rows]))
        return
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
        "signs": {n: MEANINGS[n] for n in names},
    }
    args.out.write_text(json.dumps(record, indent=1) + "\n", "utf-8")
    print(json.dumps(record, indent=1))


if __name__ == "__main__":
    main()
