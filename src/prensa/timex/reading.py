"""Reading a date expression: its words against the lexicon, then the endpoints they describe.

A range or coordination ("30 y 31 de enero de 2019", "June 1-2, 2021") has one endpoint per
side; parts one side leaves out (the month of "30", the year of "June 1") are shared from the
other.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Literal

from prensa.timex.lexicon import Kind, LanguageLexicon, split_words


@dataclass(frozen=True)
class _Item:
    kind: Kind | Literal["number", "unknown"]
    value: object


def _items(words: list[str], lex: LanguageLexicon) -> list[_Item]:
    items: list[_Item] = []
    i = 0
    while i < len(words):
        if words[i].isdigit():
            items.append(_Item("number", words[i]))
            i += 1
            continue
        for phrase, kind, value in lex.phrases:
            if tuple(words[i : i + len(phrase)]) == phrase:
                items.append(_Item(kind, value))
                i += len(phrase)
                break
        else:
            items.append(_Item("unknown", words[i]))
            i += 1
    return items


@dataclass
class Endpoint:
    """What one endpoint of an expression says; None where it says nothing."""

    day: int | None = None
    month: int | None = None
    year: int | None = None
    weekday: int | None = None
    day_word: int | None = None
    shift: int | None = None
    units: set[str] = field(default_factory=set)

    @property
    def is_empty(self) -> bool:
        """Only edges and fillers: the 'mid' of 'mid-2022'."""
        parts = (self.day, self.month, self.year, self.weekday, self.day_word, self.shift)
        return all(p is None for p in parts) and not self.units

    @property
    def relative_year(self) -> bool:
        """'de este año', 'last year': the year is a shift of the anchor's."""
        return self.year is None and "year" in self.units and self.shift is not None

    @property
    def is_calendar(self) -> bool:
        return self.month is not None or self.year is not None or self.day is not None


def _endpoint(items: list[_Item]) -> Endpoint | None:
    """Collect one endpoint's parts; None when a word is unknown or a part repeats."""
    ep = Endpoint()
    for item in items:
        match item.kind:
            case "number":
                digits = str(item.value)
                number = int(digits)
                if len(digits) == 4 and 1500 <= number <= 2099 and ep.year is None:
                    ep.year = number
                elif len(digits) <= 2 and 1 <= number <= 31 and ep.day is None:
                    ep.day = number
                else:
                    return None
            case "ordinal_day":
                if ep.day is not None:
                    return None
                ep.day = int(str(item.value))
            case "month" | "weekday" | "day_word" | "shift":
                current = getattr(ep, item.kind)
                if current is not None and current != item.value:
                    return None
                setattr(ep, item.kind, item.value)
            case "unit":
                ep.units.add(str(item.value))
            case "edge" | "filler":
                pass  # "finales de junio" is valued as June
            case _:
                return None
    return ep


def _split(items: list[_Item]) -> list[list[_Item]]:
    groups: list[list[_Item]] = [[]]
    for item in items:
        if item.kind == "conj":
            groups.append([])
        else:
            groups[-1].append(item)
    return [g for g in groups if g]


def _complete(endpoints: list[Endpoint]) -> list[Endpoint]:
    """Share parts across a range: '30 y 31 de enero de 2019', 'June 1-2, 2021', '1985 y 2017'."""
    done: list[Endpoint] = []
    for i, ep in enumerate(endpoints):
        if not ep.is_calendar:
            done.append(ep)
            continue
        right = [e for e in endpoints[i + 1 :] if e.is_calendar]
        left = [e for e in reversed(endpoints[:i]) if e.is_calendar]
        new = replace(ep, units=set(ep.units))
        if new.day is not None and new.month is None:
            donor = next((e for e in right + left if e.month is not None), None)
            if donor is not None:
                new.month = donor.month
        if new.year is None and not new.relative_year:
            donor = next((e for e in right if e.year is not None or e.relative_year), None)
            if donor is not None:
                new.year = donor.year
                if donor.relative_year:
                    new.units.add("year")
                    new.shift = donor.shift
        if (
            new.month is None
            and new.day is None
            and new.year is not None
            and left
            and left[0].month is not None
            and left[0].year is not None
        ):
            # Elliptical "19 de septiembre de 1985 y 2017": the same day in another year.
            new.month, new.day = left[0].month, left[0].day
        done.append(new)
    return done


def read_endpoints(folded: str, lex: LanguageLexicon) -> list[Endpoint] | None:
    """The completed endpoints of a folded expression; None when a word is not a date word."""
    endpoints: list[Endpoint] = []
    for group in _split(_items(split_words(folded), lex)):
        ep = _endpoint(group)
        if ep is None:
            return None
        if not ep.is_empty:
            endpoints.append(ep)
    return _complete(endpoints)
