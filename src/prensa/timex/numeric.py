"""Numeric dates: "22.06.2029", "06/22/2029", "2029-06-22", valued to a day.

Which number is the day is never guessed: a value above 12 settles it, else another numeric
date of the release, else the issuer's country, else the release's language
(``models/dates/numeric.yaml``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict

from prensa.records import Language
from prensa.resources import load_yaml, models_cache

Order = Literal["DMY", "MDY"]

#: Day and month (either order) then a four-digit year, one separator throughout; or ISO-like
#: year first. Whole-token only: callers match the stripped span text.
_NUMERIC = re.compile(
    r"(?P<a>\d{1,2})(?P<sep>[./-])(?P<b>\d{1,2})(?P=sep)(?P<year>(?:18|19|20)\d\d)"
    r"|(?P<iso_year>(?:18|19|20)\d\d)(?P<isep>[./-])(?P<month>\d{1,2})(?P=isep)(?P<day>\d{1,2})"
)


#: A numeric date glued to what follows it by a slash: "08.02.2023/11.00am", "22.02.2023/344".
_GLUED = re.compile(rf"(?:{_NUMERIC.pattern})(?=/\w)")


class NumericOrders(BaseModel):
    """The schema of ``models/dates/numeric.yaml``."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    languages: dict[Language, Order]
    month_first: list[str]
    mixed: list[str] = []


@models_cache
def numeric_orders() -> NumericOrders:
    """The validated `models/dates/numeric.yaml`."""
    return load_yaml("dates/numeric.yaml", NumericOrders)


def language_order(language: str) -> Order:
    """The order numeric dates of ``language`` are read in when nothing else is known."""
    return numeric_orders().languages.get(language, "DMY")  # type: ignore[call-overload]


def default_order(language: str, country: str | None) -> Order:
    """The issuer country's order; the language's when the country is unknown or mixed."""
    orders = numeric_orders()
    if country is None or country.upper() in orders.mixed:
        return language_order(language)
    return "MDY" if country.upper() in orders.month_first else "DMY"


def is_numeric_date(text: str) -> bool:
    """Whether ``text`` is written as a numeric date (whatever its order)."""
    return _NUMERIC.fullmatch(text.strip()) is not None


def glued_date_end(text: str) -> int | None:
    """Where a numeric date glued to a time or count ends ('08.02.2023/11.00am' -> 10)."""
    match = _GLUED.match(text)
    return match.end() if match else None


def settled_order(text: str) -> Order | None:
    """The order the value itself proves: '22.06.2029' is DMY, '06/22/2029' MDY, '06/07/2029'
    nothing."""
    match = _NUMERIC.fullmatch(text.strip())
    if match is None or match["a"] is None:
        return None
    a, b = int(match["a"]), int(match["b"])
    if a > 12 >= b:
        return "DMY"
    if b > 12 >= a:
        return "MDY"
    return None


def document_order(texts: Iterable[str]) -> Order | None:
    """The order the release's own numeric dates prove; None when none does or they disagree."""
    settled = {o for o in map(settled_order, texts) if o is not None}
    return settled.pop() if len(settled) == 1 else None


def numeric_date(text: str, order: Order) -> date | None:
    """The day ``text`` names, reading ambiguous day/month in ``order``; None if impossible."""
    match = _NUMERIC.fullmatch(text.strip())
    if match is None:
        return None
    if match["a"] is None:
        year, month, day = int(match["iso_year"]), int(match["month"]), int(match["day"])
    else:
        a, b, year = int(match["a"]), int(match["b"]), int(match["year"])
        order = settled_order(text) or order
        day, month = (a, b) if order == "DMY" else (b, a)
    try:
        return date(year, month, day)
    except ValueError:
        return None  # "31.02.2020", "13/13/2020"
