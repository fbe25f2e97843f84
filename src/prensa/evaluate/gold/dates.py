"""Dates: the ISO values are equal and the texts overlap.

Overlap means one text's words are a contiguous run of the other's ("ayer" ~ "el día de
ayer"). ``dates_strict`` also wants the same granularity and the same relative flag;
``dates_span`` ignores the value (detection only). Predictions are first reduced to one per
distinct (text, value), as the gold lists them.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from prensa.evaluate.gold.matching import FieldScore, as_text, match_items
from prensa.evaluate.gold.schema import GoldDate
from prensa.evaluate.gold.vocabulary import overlap
from prensa.text import fold


def _unique_dates(predicted: Sequence[Any]) -> list[Any]:
    """One prediction per distinct (text, value), as the gold lists dates."""
    seen: dict[tuple[str, str], Any] = {}
    for d in predicted:
        seen.setdefault(
            (fold(as_text(getattr(d, "text", None))), as_text(getattr(d, "value", ""))), d
        )
    return list(seen.values())


def score_dates(
    predicted: Sequence[Any],
    gold: Sequence[GoldDate],
    optional: Sequence[str] = (),
    mode: str = "value",
) -> FieldScore:
    """Dates; ``mode`` is ``value`` (dates), ``strict`` (dates_strict) or ``span`` (dates_span)."""
    if mode not in ("value", "strict", "span"):
        raise ValueError(f"unknown date scoring mode {mode!r}")

    def pair(p: Any, g: GoldDate) -> float:
        shared = overlap(as_text(getattr(p, "text", None)), g.text)
        if not shared:
            return 0
        if mode != "span" and getattr(p, "value", None) != g.value:
            return 0
        if mode == "strict" and (
            getattr(p, "granularity", None) != g.granularity
            or bool(getattr(p, "is_relative", getattr(p, "relative", False))) != g.relative
        ):
            return 0
        return shared + (0.5 if getattr(p, "value", None) == g.value else 0)

    return match_items(
        _unique_dates(predicted),
        gold,
        optional,
        pair,
        lambda p, o: overlap(as_text(getattr(p, "text", None)), o) > 0,
        lambda p: f"{as_text(getattr(p, 'text', None))} = {getattr(p, 'value', None)}",
        lambda g: f"{g.text} = {g.value}",
    )
