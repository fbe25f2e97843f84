"""One-to-one matching of predictions with gold items, and reading predictions duck-typed.

Each gold item is matched at most once: candidate pairs are ranked by how well they agree
and taken greedily, so one good prediction never hides behind a worse one. A prediction left
unmatched is a false positive, a gold item left unmatched a false negative. A prediction that
matches an ``optional_<field>`` entry instead is dropped from both sides: borderline items are
neither rewarded nor penalised.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from prensa.evaluate.metrics import Counts

P = TypeVar("P")
G = TypeVar("G")
O = TypeVar("O")  # noqa: E741 - optional items, by symmetry with P and G


@dataclass(frozen=True)
class FieldScore:
    """Counts of one field in one document, with the items behind them for error analysis."""

    counts: Counts
    matched: tuple[tuple[str, str], ...] = ()
    missed: tuple[str, ...] = ()
    spurious: tuple[str, ...] = ()
    ignored: tuple[str, ...] = ()
    recall_only: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {
            **self.counts.to_dict(self.recall_only),
            "matched": [list(pair) for pair in self.matched],
            "missed": list(self.missed),
            "spurious": list(self.spurious),
            "ignored": list(self.ignored),
        }


def match_items(
    preds: Sequence[P],
    golds: Sequence[G],
    optional: Sequence[O],
    pair: Callable[[P, G], float],
    optional_pair: Callable[[P, O], bool],
    show_pred: Callable[[P], str],
    show_gold: Callable[[G], str],
) -> FieldScore:
    """Greedy one-to-one matching on ``pair`` scores (> 0 means compatible, higher is better)."""
    candidates = [
        (score, i, j)
        for i, p in enumerate(preds)
        for j, g in enumerate(golds)
        if (score := pair(p, g)) > 0
    ]
    candidates.sort(key=lambda c: (-c[0], c[1], c[2]))
    pred_to_gold: dict[int, int] = {}
    taken: set[int] = set()
    for _score, i, j in candidates:
        if i not in pred_to_gold and j not in taken:
            pred_to_gold[i] = j
            taken.add(j)
    ignored: list[str] = []
    spurious: list[str] = []
    for i, p in enumerate(preds):
        if i in pred_to_gold:
            continue
        if any(optional_pair(p, o) for o in optional):
            ignored.append(show_pred(p))
        else:
            spurious.append(show_pred(p))
    missed = [show_gold(g) for j, g in enumerate(golds) if j not in taken]
    matched = [(show_pred(preds[i]), show_gold(golds[j])) for i, j in sorted(pred_to_gold.items())]
    return FieldScore(
        counts=Counts(tp=len(matched), fp=len(spurious), fn=len(missed)),
        matched=tuple(matched),
        missed=tuple(missed),
        spurious=tuple(spurious),
        ignored=tuple(ignored),
    )


def as_text(value: object) -> str:
    """A prediction's attribute as text; "" when it is missing or not a string."""
    return value if isinstance(value, str) else ""


def as_strings(values: object) -> list[str]:
    """A prediction's attribute as a list of non-empty strings."""
    if isinstance(values, str):
        return [values]
    if isinstance(values, Iterable):
        return [v for v in values if isinstance(v, str) and v]
    return []
