"""Precision, recall and F1 from match counts: the one place that arithmetic lives.

A ratio whose denominator is zero is ``None`` rather than 0 or 1: "nothing was predicted" is
not the same as "everything predicted was wrong", and a quality floor must not pass by accident.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

#: Digits kept in reports; enough to compare runs, few enough to read.
DIGITS = 4


def _ratio(num: int, den: int) -> float | None:
    return num / den if den else None


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, DIGITS)


@dataclass(frozen=True)
class Counts:
    """True positives, false positives and false negatives of one field or label."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __add__(self, other: Counts) -> Counts:
        return Counts(self.tp + other.tp, self.fp + other.fp, self.fn + other.fn)

    @classmethod
    def total(cls, items: Iterable[Counts]) -> Counts:
        """Micro-average: add the counts, then compute the ratios once."""
        result = cls()
        for item in items:
            result = result + item
        return result

    @property
    def precision(self) -> float | None:
        return _ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float | None:
        return _ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float | None:
        return _ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn)

    def figure(self, name: str) -> float | None:
        """``precision``, ``recall`` or ``f1`` by name, as quality floors refer to them."""
        if name not in ("precision", "recall", "f1"):
            raise KeyError(name)
        return getattr(self, name)

    def to_dict(self, recall_only: bool = False) -> dict[str, int | float | None]:
        """Counts and rounded ratios; ``recall_only`` hides the ratios that mean nothing."""
        out: dict[str, int | float | None] = {"tp": self.tp, "fp": self.fp, "fn": self.fn}
        out["precision"] = None if recall_only else _rounded(self.precision)
        out["recall"] = _rounded(self.recall)
        out["f1"] = None if recall_only else _rounded(self.f1)
        return out
