"""The opening dateline of a release: where and when it was issued, and where it sits.

Government releases write it in many shapes (models/segment/dates.yaml lists them): place then
date, date then place, a weekday-first date alone, a place alone ("WASHINGTON—"), or a line of
its own ("Saltillo, Coahuila a 26 de junio de 2018."). It is looked for in the first lines of the
body only; a place-and-date line at the end of a speech is its signature, not its dateline.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from prensa import gazetteer
from prensa.ingest.patterns import DatePatterns

#: Body lines searched for the opening dateline (letterhead or subtitle lines may come first).
OPENING_WINDOW = 8
#: A line of at least this many words is a paragraph: the dateline is in it or not at all.
_PARAGRAPH_WORDS = 40
#: A leading bracket or trailing full stop and dash belong to the layout, not to the place.
_PLACE_EDGES = " .,;(-–—"
#: "Mich.", "GRO.", "D.C.", "Edo.": a short word or one with inner points, written with its point.
_ABBREVIATION = re.compile(r"[^\W\d_]{1,4}\.|(?:[^\W\d_]\.){2,}")


@dataclass(frozen=True)
class Dateline:
    """A dateline found on body line ``line``; ``start``/``end`` are offsets in that line
    covering the place and the date (not the dash after them)."""

    line: int
    start: int
    end: int
    place: str | None
    date: date | None
    #: The date as written ("7/2/2024"), for a reading that needs the place's country.
    date_text: str | None = None


DateParser = Callable[[str, str], "date | None"]
PlaceCheck = Callable[[str], bool]


def find_dateline(
    lines: list[str],
    dates: list[DatePatterns],
    parse: DateParser,
    is_place: PlaceCheck,
) -> Dateline | None:
    """The first dateline among the opening ``lines``; ``parse`` reads a captured date and
    ``is_place`` says whether a place written without a date is a known place."""
    after_text = False
    for index, line in enumerate(lines[:OPENING_WINDOW]):
        closing = after_text or index == len(lines) - 1
        found = _match_line(line, dates, parse, is_place, closing=closing)
        if found is not None:
            start, end, place, when, written = found
            return Dateline(index, start, end, place, when, written)
        if len(line.split()) >= _PARAGRAPH_WORDS:
            return None
        after_text = after_text or line.endswith((".", "!", "?"))
    return None


def is_dateline(
    line: str, dates: list[DatePatterns], parse: DateParser, is_place: PlaceCheck
) -> bool:
    """Whether ``line`` opens with a dateline (a title like "Briefing – June 11, 2021" does not:
    a place written without a date must be a known place)."""
    return _match_line(line, dates, parse, is_place, closing=False) is not None


def _match_line(
    line: str,
    dates: list[DatePatterns],
    parse: DateParser,
    is_place: PlaceCheck,
    *,
    closing: bool,
) -> tuple[int, int, str | None, date | None, str | None] | None:
    for patterns in dates:
        hit = patterns.dateline(line)
        if hit is None:
            continue
        match, shape = hit
        groups = match.groupdict()
        place = _clean_place(groups.get("place"))
        if place and place.endswith(".") and is_place(place[:-1].rsplit(",", 1)[-1].strip()):
            place = place[:-1]  # "LIMA, PERÚ.-": a known place, not an abbreviation
        if shape.known_place and not (place and is_place(place)):
            continue
        when = parse(groups["date"], patterns.language) if groups.get("date") else None
        if groups.get("date") and when is None:
            continue
        if closing and match.end() == len(line):  # a "Place, date" line after text: a signature
            continue
        spans = [match.span(g) for g in ("place", "date") if groups.get(g)]
        return min(s for s, _ in spans), max(e for _, e in spans), place, when, groups.get("date")
    return None


def _clean_place(place: str | None) -> str | None:
    """Layout punctuation off the edges, but an abbreviation keeps its point ("Mich.", "D.C.")."""
    if not place:
        return None
    cleaned = re.sub(r"\s+", " ", place).strip(_PLACE_EDGES.replace(".", ""))
    last = cleaned.rsplit(maxsplit=1)[-1].rsplit(",", 1)[-1] if cleaned else ""
    if cleaned.endswith(".") and not _ABBREVIATION.fullmatch(last):
        cleaned = cleaned.rstrip(_PLACE_EDGES)
    return cleaned or None


def place_country(place: str | None) -> str | None:
    """The country of a dateline place, its state or country after the comma first
    ("Saltillo, Coahuila" -> MX); None when the gazetteer knows no part of it."""
    gaz = gazetteer.load()
    for part in reversed(place_parts(place or "")):
        entry = gaz.lookup(part)
        if entry is not None and entry.country_code:
            return entry.country_code
    return None


def place_parts(place: str) -> list[str]:
    """'Saltillo, Coahuila (México)' -> ['Saltillo, Coahuila (México)', 'Saltillo', 'Coahuila',
    'México']: the whole place first, then each part."""
    parts = [p.strip(_PLACE_EDGES + ")") for p in re.split(r"[,(]", place)]
    return [place, *(p for p in parts if p and p != place)]
