"""Precision/recall/F1 arithmetic that every evaluation report relies on."""

from __future__ import annotations

import pytest

from prensa.evaluate.metrics import Counts


def test_ratios_follow_the_counts() -> None:
    counts = Counts(tp=3, fp=1, fn=2)
    assert counts.precision == pytest.approx(0.75)
    assert counts.recall == pytest.approx(0.6)
    assert counts.f1 == pytest.approx(2 * 0.75 * 0.6 / (0.75 + 0.6))


def test_micro_average_adds_counts_before_dividing() -> None:
    total = Counts.total([Counts(tp=1, fp=0, fn=0), Counts(tp=0, fp=3, fn=1)])
    assert total == Counts(tp=1, fp=3, fn=1)
    assert total.precision == pytest.approx(0.25)  # not the mean of 1.0 and 0.0


def test_nothing_predicted_has_no_precision_but_zero_f1() -> None:
    counts = Counts(tp=0, fp=0, fn=4)
    assert counts.precision is None
    assert counts.recall == 0.0
    assert counts.f1 == 0.0


def test_to_dict_hides_precision_for_recall_only_fields() -> None:
    out = Counts(tp=2, fn=2).to_dict(recall_only=True)
    assert out["recall"] == 0.5
    assert out["precision"] is None and out["f1"] is None


def test_figure_rejects_unknown_names() -> None:
    with pytest.raises(KeyError):
        Counts(tp=1).figure("accuracy")
