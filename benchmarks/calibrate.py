"""Fit kg's confidence on hand-judged facts: writes ``kg/data/confidence.json``.

Usage:  python benchmarks/calibrate.py JUDGED.jsonl [JUDGED.jsonl ...] [--out PATH]
        python benchmarks/calibrate.py JUDGED.jsonl ... --cross-validate [--report PATH]

Each judged file is a sample of kg's facts on the real-news set with a judge's verdict
(``realnews_eval.py --sample`` then a judge who never saw the gold; see
``realnews/judged/``). A fact counts as right when its verdict is ``correct``. The signs of
each fact are ``kg.confidence.signs``; the model is a logistic regression with a small L2
penalty, fitted by gradient descent (numpy only). The fit is reported with its training
Brier score and ROC AUC; measure it honestly on a sample judged after the fit, not on these.

``--cross-validate`` writes no weights: it splits the articles into five folds (sorted by
name, dealt in turn), fits once per fold on the facts of the other folds' articles and scores
that fold, then prints the pooled ROC AUC, Brier score, log loss, a reliability table and the
share right at confidence >= 0.5 and >= 0.8, each fact scored by a fit that never saw its
article (the sheets judge the same 45 articles, so leaving a sheet out still trains on the same
sentences). ``--report PATH`` also writes that text to PATH. The signs of
``kg.confidence`` were chosen by this measure: a sign was kept when it lowered the held-out log
loss. The fit written to ``kg/data/confidence.json`` then uses every sheet given.

The penalty is L2 = 3 (on 2,250 facts of fifteen sheets). Held out by article: L2 = 10 ranks
a little worse (ROC AUC 0.791, log loss 0.554) and puts fewer facts at >= 0.8 (396, 0.886
right); L2 = 3 gives 0.793 and 0.551 with 460 facts at >= 0.8, 0.872 right; L2 = 1 gains
0.0005 of log loss but its facts at >= 0.9 are right 0.85 of the time for a mean confidence
of 0.92 (overconfident). The signs are collinear (a position held or a place almost always
has a named object), so some penalty is needed to keep each weight's sign readable.
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
L2 = 3.0
BANDS = (0.0, 0.5, 0.7, 0.8, 0.9, 1.01)
FOLDS = 5
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


def article_folds(articles: list[str]) -> np.ndarray:
    """The fold of each fact: its article's place among the sorted articles, modulo FOLDS."""
    index = {a: i % FOLDS for i, a in enumerate(sorted(set(articles)))}
    return np.array([index[a] for a in articles])


def cross_validate(x: np.ndarray, y: np.ndarray, folds: np.ndarray) -> list[str]:
    """Score each fold of articles by a fit on the others; the lines that say how the pooled
    scores rank and how well they match the share right."""
    scores = np.zeros(len(y))
    for fold in sorted(set(folds)):
        held = folds == fold
        scores[held] = probability(x[held], fit(x[~held], y[~held]))
    loss = -(y * np.log(scores) + (1 - y) * np.log(1 - scores)).mean()
    lines = [f"held out by article ({len(set(folds))} folds, {len(y)} facts, {int(y.sum())} "
             f"right, L2 {L2}): ROC AUC {auc(scores, y)}, Brier "
             f"{((scores - y) ** 2).mean():.4f}, log loss {loss:.4f}",
             f"{'confidence':>12} {'facts':>6} {'right':>6} {'share':>6} {'mean conf':>9}"]
    for low, high in pairwise(BANDS):
        band = (scores >= low) & (scores < high)
        share = f"{y[band].mean():6.2f}" if band.any() else f"{'-':>6}"
        mean = f"{scores[band].mean():9.2f}" if band.any() else f"{'-':>9}"
        lines.append(f"{low:5.1f}-{min(high, 1.0):4.1f} {band.sum():8} {int(y[band].sum()):6} "
                     f"{share} {mean}")
    for floor in (0.5, 0.8):
        above = scores >= floor
        lines.append(f">= {floor}: {above.sum()} facts ({above.mean():.2f} of all), "
                     f"{int(y[above].sum())} right ({y[above].mean():.3f}); "
                     f"{y[above].sum() / y.sum():.2f} of the right facts")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("judged", nargs="+", type=Path)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--cross-validate", action="store_true",
                        help="score folds of articles by fits on the others; no weights")
    parser.add_argument("--report", type=Path, help="with --cross-validate: write it here too")
    args = parser.parse_args()
    rows = [{**json.loads(line), "_sheet": path.name} for path in args.judged
            for line in path.read_text("utf-8").splitlines() if line.strip()]
    rows = [r for r in rows if r.get("verdict") in {"correct", "vague", "wrong"}]
    names = sorted(row_signs(rows[0]))
    x = np.array([[1.0] + [row_signs(r)[n] for n in names] for r in rows])
    y = np.array([1.0 if r["verdict"] == "correct" else 0.0 for r in rows])
    if args.cross_validate:
        lines = cross_validate(x, y, article_folds([str(r["article"]) for r in rows]))
        print("\n".join(lines))
        if args.report:
            args.report.write_text("\n".join(lines) + "\n", "utf-8")
        return
    w = fit(x, y)
    p = 1.0 / (1.0 + np.exp(-x @ w))
    record = {
        "_comment": "Weights of kg.confidence, fitted by benchmarks/calibrate.py on "
                    "hand-judged facts; do not edit by hand, refit.",
        "fitted_how": "logistic regression, L2 3, on every fact of the sheets below; signs "
                      "chosen by log loss held out by article (calibrate.py --cross-validate)",
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
