"""Valuing one endpoint: calendar parts by dateparser, relative parts by calendar arithmetic.

dateparser reads "31 de enero de 2019" well, but its guesses for weeks, weekdays and "el pasado
mes de diciembre" are not what a reader of a dated release means, so those are computed here
from the anchor (the release's date).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Literal

from dateparser.date import DateDataParser

from prensa.records import Granularity, Language
from prensa.timex.lexicon import LanguageLexicon
from prensa.timex.numeric import language_order
from prensa.timex.reading import Endpoint

Tense = Literal["past", "future"]
Prefer = Literal["past", "future", "current_period"]


@dataclass(frozen=True)
class TimeValue:
    """One calendar value of a date expression."""

    value: str  # ISO: YYYY-MM-DD | YYYY-Www | YYYY-MM | YYYY
    granularity: Granularity
    is_relative: bool


def _day(d: date, relative: bool) -> TimeValue:
    return TimeValue(d.isoformat(), "day", relative)


def _week(d: date, relative: bool) -> TimeValue:
    iso = d.isocalendar()
    return TimeValue(f"{iso.year}-W{iso.week:02d}", "week", relative)


def _month(year: int, month: int, relative: bool) -> TimeValue:
    return TimeValue(f"{year:04d}-{month:02d}", "month", relative)


def _add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


@lru_cache(maxsize=512)
def _parser(language: Language, anchor: date | None, prefer: Prefer) -> DateDataParser:
    settings: dict[str, object] = {
        "PREFER_DATES_FROM": prefer,
        "PREFER_DAY_OF_MONTH": "first",
        "DATE_ORDER": language_order(language),
        "PARSERS": ["custom-formats", "absolute-time"],
    }
    if anchor is not None:
        settings["RELATIVE_BASE"] = datetime(anchor.year, anchor.month, anchor.day)
    return DateDataParser(languages=[language], settings=settings)


def _dateparse(text: str, language: Language, anchor: date | None, prefer: Prefer) -> date | None:
    data = _parser(language, anchor, prefer).get_date_data(text)
    return data.date_obj.date() if data.date_obj is not None else None


def _calendar_text(ep: Endpoint, lex: LanguageLexicon, language: Language) -> str:
    """The endpoint as dateparser reads it best, e.g. '31 de enero de 2019' / 'January 31, 2019'."""
    names = {number: name for name, number in reversed(lex.months.items())}
    month = names[ep.month] if ep.month is not None else None
    year = str(ep.year) if ep.year is not None else None
    day = str(ep.day) if ep.day is not None else None
    if language == "es":
        return " de ".join(p for p in (day, month, year) if p)
    head = " ".join(p for p in (month, day) if p)
    return (", " if day else " ").join(p for p in (head, year) if p)


def _calendar(
    ep: Endpoint, lex: LanguageLexicon, language: Language, anchor: date | None
) -> TimeValue | None:
    relative = False
    if ep.relative_year:
        if anchor is None:
            return None
        ep = replace(ep, year=anchor.year + (ep.shift or 0))
        relative = True
    if ep.day is not None and ep.month is None:
        return None  # a bare day number ("el día 5") needs a month we do not have
    if ep.year is None and anchor is None:
        return None  # the year would be invented
    prefer: Prefer = "current_period"
    if ep.year is None and ep.shift in (-1, 1):
        prefer = "past" if ep.shift == -1 else "future"
    parsed = _dateparse(_calendar_text(ep, lex, language), language, anchor, prefer)
    if parsed is None:
        return None  # impossible dates such as "31 de febrero"
    if ep.day is not None:
        # An explicit day and month without a year takes the anchor's year but is not relative.
        return _day(parsed, relative)
    if ep.month is not None:
        return _month(parsed.year, parsed.month, relative or ep.year is None)
    return TimeValue(f"{parsed.year:04d}", "year", relative)


def _weekday(ep: Endpoint, anchor: date, tense: Tense | None) -> TimeValue:
    assert ep.weekday is not None
    this_week = anchor + timedelta(days=ep.weekday - anchor.isoweekday())
    if ep.shift == 0:
        return _day(this_week, True)
    after = this_week if this_week > anchor else this_week + timedelta(days=7)
    before = this_week if this_week < anchor else this_week - timedelta(days=7)
    if ep.shift == -1:
        return _day(before, True)
    if ep.shift is None and tense == "past":
        return _day(this_week if this_week <= anchor else before, True)
    if ep.shift is None and tense is None and this_week == anchor:
        return _day(anchor, True)  # "Happy Friday" on a Friday
    return _day(after, True)


def _shifted_unit(ep: Endpoint, anchor: date) -> TimeValue | None:
    if ep.shift is None or len(ep.units) != 1:
        return None
    (unit,) = ep.units
    shift = ep.shift
    if unit == "week":
        return _week(anchor + timedelta(weeks=shift), True)
    if unit == "weekend":
        if shift == -1:
            sunday = anchor + timedelta(days=7 - anchor.isoweekday())
            return _week(sunday if sunday < anchor else sunday - timedelta(weeks=1), True)
        saturday = anchor + timedelta(days=6 - anchor.isoweekday())
        if shift == 1 and saturday <= anchor:
            saturday += timedelta(weeks=1)
        return _week(saturday, True)
    if unit == "month":
        return _month(*_add_months(anchor.year, anchor.month, shift), True)
    return TimeValue(f"{anchor.year + shift:04d}", "year", True)


def value_of(
    ep: Endpoint,
    lex: LanguageLexicon,
    language: Language,
    anchor: date | None,
    tense: Tense | None,
) -> TimeValue | None:
    """The calendar value of one endpoint; None when it is not a date or needs a missing anchor."""
    if ep.day_word is not None:
        return _day(anchor + timedelta(days=ep.day_word), True) if anchor else None
    if ep.is_calendar or ep.relative_year:
        return _calendar(ep, lex, language, anchor)
    if anchor is None:
        return None  # relative expressions are never resolved against an invented date
    if ep.weekday is not None:
        return _weekday(ep, anchor, tense)
    return _shifted_unit(ep, anchor)
