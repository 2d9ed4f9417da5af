"""benchmarks/calibrate.py fits kg:confidence: the fit is exact and a cross-set score is honest."""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from calibrate import cross_set, fit


def _sample(seed: int, n: int) -> tuple[np.ndarray, np.ndarray]:
    """Facts with one sign that makes a fact right three times in four, else one in four."""
    rng = np.random.default_rng(seed)
    sign = rng.integers(0, 2, n).astype(float)
    right = (rng.random(n) < np.where(sign == 1.0, 0.75, 0.25)).astype(float)
    return np.c_[np.ones(n), sign], right


def test_an_unpenalised_fit_recovers_the_shares_right():
    x, y = _sample(1, 400)
    w = fit(x, y, l2=0.0)
    on = 1.0 / (1.0 + np.exp(-(w[0] + w[1])))
    off = 1.0 / (1.0 + np.exp(-w[0]))
    assert abs(on - y[x[:, 1] == 1].mean()) < 1e-6
    assert abs(off - y[x[:, 1] == 0].mean()) < 1e-6


def test_a_large_penalty_on_a_small_sample_shrinks_without_diverging():
    """Gradient descent at a fixed rate oscillated here; the weight must shrink toward 0."""
    x, y = _sample(2, 60)
    loose, tight = fit(x, y, l2=0.0), fit(x, y, l2=300.0)
    assert np.isfinite(tight).all()
    assert 0 < tight[1] < loose[1]


def test_a_cross_set_score_reports_ranking_and_the_confident_share():
    train, test = _sample(3, 500), _sample(4, 300)
    lines = cross_set(train, test, l2=1.0)
    assert lines[0].startswith("fitted on 500 facts, scored on 300 facts")
    auc = float(lines[0].split("ROC AUC ")[1].split(",")[0])
    assert 0.6 < auc < 0.9
    assert any(line.startswith(">= 0.8") for line in lines)


def test_the_reliability_table_counts_the_facts_under_the_floor_apart():
    """Where the floor belongs is read from the cross-set table: its first band is the facts
    kg would not state, and its count is every fact scored under the floor."""
    from calibrate import held_out_report

    from kg.confidence import FLOOR
    scores = np.array([0.05, FLOOR - 0.01, FLOOR, 0.3, 0.85])
    right = np.array([0.0, 1.0, 0.0, 1.0, 1.0])
    lines = held_out_report("t", scores, right)
    under = lines[2].split()
    assert under[0] == f"0.00-{FLOOR:.2f}"
    assert (int(under[1]), int(under[2])) == (2, 1)
