"""Date expressions to ISO values: "30 y 31 de enero de 2019", "ayer", "next week".

A span is split into the endpoints of a range or coordination, each endpoint is read word by
word against the lexicon in ``models/dates/lexicon.yaml``, and then valued: calendar parts
(day, month, year) by dateparser, relative parts (ayer, la semana pasada, el próximo lunes)
by explicit calendar arithmetic, because dateparser's guesses for weeks, weekdays and
"el pasado mes de diciembre" are not what a reader of a dated release means.
Anything that does not read as a calendar date (durations, ages, "pronto") gives no value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from functools import cache, lru_cache
from typing import Annotated, Literal

from dateparser.date import DateDataParser
from pydantic import BaseModel, ConfigDict, Field, field_validator

from prensa.records import Granularity, Language
from prensa.resources import load_yaml
from prensa.text import fold

Tense = Literal["past", "future"]
Unit = Literal["week", "weekend", "month", "year"]
Prefer = Literal["past", "future", "current_period"]


@dataclass(frozen=True)
class TimeValue:
    """One calendar value of a date expression."""

    value: str  # ISO: YYYY-MM-DD | YYYY-Www | YYYY-MM | YYYY
    granularity: Granularity
    is_relative: bool


# --------------------------------------------------------------------------- lexicon


class LanguageLexicon(BaseModel):
    """The words of one language that date expressions are made of."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    months: dict[str, Annotated[int, Field(ge=1, le=12)]]
    weekdays: dict[str, Annotated[int, Field(ge=1, le=7)]]
    day_words: dict[str, int]
    units: dict[str, Unit]
    shifts: dict[str, Literal[-1, 0, 1]]
    edges: list[str]
    fillers: list[str]
    conjunctions: list[str]
    quantity_words: list[str]
    exclude: list[str]

    @field_validator("exclude")
    @classmethod
    def _compiles(cls, patterns: list[str]) -> list[str]:
        for pattern in patterns:
            re.compile(pattern)
        return patterns

    def word_list(self, name: str) -> list[str]:
        """A lexicon list for token patterns: lower-case, with and without accents."""
        entries = getattr(self, name)
        words = list(entries)
        if name == "months":
            words += [f"{w}." for w in entries if len(w) <= 4]
        return sorted({w.lower() for w in words} | {fold(w) for w in words})


@cache
def lexicon(language: Language) -> LanguageLexicon:
    """The validated lexicon of ``language``."""
    data = load_yaml("dates/lexicon.yaml", dict[Language, LanguageLexicon])
    assert isinstance(data, dict)
    return data[language]


# --------------------------------------------------------------------------- reading words

Kind = Literal["month", "weekday", "day_word", "unit", "shift", "edge", "filler", "conj"]


@cache
def _phrases(language: Language) -> tuple[tuple[tuple[str, ...], Kind, object], ...]:
    """Every lexicon phrase as folded words, longest first so 'pasado mañana' beats 'pasado'."""
    lex = lexicon(language)
    table: dict[tuple[str, ...], tuple[Kind, object]] = {}
    sources: list[tuple[Kind, dict[str, object]]] = [
        ("filler", dict.fromkeys(lex.fillers)),
        ("conj", dict.fromkeys(lex.conjunctions)),
        ("edge", dict.fromkeys(lex.edges)),
        ("shift", dict(lex.shifts)),
        ("unit", dict(lex.units)),
        ("weekday", dict(lex.weekdays)),
        ("month", dict(lex.months)),
        ("day_word", dict(lex.day_words)),
    ]
    for kind, entries in sources:  # later kinds win: a month beats a filler of the same spelling
        for phrase, value in entries.items():
            table[tuple(_words(fold(phrase)))] = (kind, value)
    ordered = sorted(table.items(), key=lambda item: len(item[0]), reverse=True)
    return tuple((words, kind, value) for words, (kind, value) in ordered)


_ORDINAL = re.compile(r"\b(\d{1,2})(?:o|a|er|ro|st|nd|rd|th)\b\.?")
_POSSESSIVE = re.compile(r"['’]s\b")
_WORD = re.compile(r"\d+|[^\W\d_]+|[-–—,]")
_NUMERIC_DATE = re.compile(r"\d{1,2}[/.]\d{1,2}[/.]\d{4}|\d{4}-\d{2}-\d{2}")


def _words(folded: str) -> list[str]:
    return _WORD.findall(_ORDINAL.sub(r"\1", _POSSESSIVE.sub("", folded)))


@dataclass(frozen=True)
class _Item:
    kind: Kind | Literal["number", "unknown"]
    value: object


def _items(words: list[str], language: Language) -> list[_Item]:
    phrases = _phrases(language)
    items: list[_Item] = []
    i = 0
    while i < len(words):
        if words[i].isdigit():
            items.append(_Item("number", words[i]))
            i += 1
            continue
        for phrase, kind, value in phrases:
            if tuple(words[i : i + len(phrase)]) == phrase:
                items.append(_Item(kind, value))
                i += len(phrase)
                break
        else:
            items.append(_Item("unknown", words[i]))
            i += 1
    return items


# --------------------------------------------------------------------------- endpoints


@dataclass
class _Endpoint:
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


def _endpoint(items: list[_Item]) -> _Endpoint | None:
    """Collect one endpoint's parts; None when a word is unknown or a part repeats."""
    ep = _Endpoint()
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


def _is_calendar(ep: _Endpoint) -> bool:
    return ep.month is not None or ep.year is not None or ep.day is not None


def _complete(endpoints: list[_Endpoint]) -> list[_Endpoint]:
    """Share parts across a range: '30 y 31 de enero de 2019', 'June 1-2, 2021', '1985 y 2017'."""
    done: list[_Endpoint] = []
    for i, ep in enumerate(endpoints):
        if not _is_calendar(ep):
            done.append(ep)
            continue
        right = [e for e in endpoints[i + 1 :] if _is_calendar(e)]
        left = [e for e in reversed(endpoints[:i]) if _is_calendar(e)]
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


# --------------------------------------------------------------------------- valuing


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
        "DATE_ORDER": "DMY" if language == "es" else "MDY",
        "PARSERS": ["custom-formats", "absolute-time"],
    }
    if anchor is not None:
        settings["RELATIVE_BASE"] = datetime(anchor.year, anchor.month, anchor.day)
    return DateDataParser(languages=[language], settings=settings)


def _dateparse(text: str, language: Language, anchor: date | None, prefer: Prefer) -> date | None:
    data = _parser(language, anchor, prefer).get_date_data(text)
    return data.date_obj.date() if data.date_obj is not None else None


def _calendar_text(ep: _Endpoint, language: Language) -> str:
    """The endpoint as dateparser reads it best, e.g. '31 de enero de 2019' / 'January 31, 2019'."""
    names = {number: name for name, number in reversed(lexicon(language).months.items())}
    month = names[ep.month] if ep.month is not None else None
    year = str(ep.year) if ep.year is not None else None
    day = str(ep.day) if ep.day is not None else None
    if language == "es":
        return " de ".join(p for p in (day, month, year) if p)
    head = " ".join(p for p in (month, day) if p)
    return (", " if day else " ").join(p for p in (head, year) if p)


def _calendar(ep: _Endpoint, language: Language, anchor: date | None) -> TimeValue | None:
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
    parsed = _dateparse(_calendar_text(ep, language), language, anchor, prefer)
    if parsed is None:
        return None  # impossible dates such as "31 de febrero"
    if ep.day is not None:
        # An explicit day and month without a year takes the anchor's year but is not relative.
        return _day(parsed, relative)
    if ep.month is not None:
        return _month(parsed.year, parsed.month, relative or ep.year is None)
    return TimeValue(f"{parsed.year:04d}", "year", relative)


def _weekday(ep: _Endpoint, anchor: date, tense: Tense | None) -> TimeValue:
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


def _shifted_unit(ep: _Endpoint, anchor: date) -> TimeValue | None:
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


def _value(
    ep: _Endpoint, language: Language, anchor: date | None, tense: Tense | None
) -> TimeValue | None:
    if ep.day_word is not None:
        return _day(anchor + timedelta(days=ep.day_word), True) if anchor else None
    if _is_calendar(ep) or ep.relative_year:
        return _calendar(ep, language, anchor)
    if anchor is None:
        return None  # relative expressions are never resolved against an invented date
    if ep.weekday is not None:
        return _weekday(ep, anchor, tense)
    return _shifted_unit(ep, anchor)


def _numeric(text: str, language: Language, anchor: date | None) -> list[TimeValue]:
    parsed = _dateparse(text, language, anchor, "current_period")
    return [_day(parsed, False)] if parsed is not None else []


@lru_cache(maxsize=8192)
def _normalize(
    text: str, language: Language, anchor: date | None, tense: Tense | None
) -> tuple[TimeValue, ...]:
    folded = fold(text)
    if any(re.search(p, folded) for p in lexicon(language).exclude):
        return ()
    numeric = _NUMERIC_DATE.fullmatch(folded.strip(" .,;:"))
    if numeric:
        return tuple(_numeric(numeric.group(0), language, anchor))
    endpoints: list[_Endpoint] = []
    for group in _split(_items(_words(folded), language)):
        ep = _endpoint(group)
        if ep is None:
            return ()
        if not ep.is_empty:
            endpoints.append(ep)
    values: list[TimeValue] = []
    for ep in _complete(endpoints):
        value = _value(ep, language, anchor, tense)
        if value is None:
            return ()
        values.append(value)
    return tuple(dict.fromkeys(values))


def normalize(
    text: str, language: Language, anchor: date | None, tense: Tense | None = None
) -> list[TimeValue]:
    """The calendar values of one date expression; [] when it is not a calendar date.

    A range or coordination gives one value per endpoint. Relative expressions resolve against
    ``anchor`` and are dropped when it is None; ``tense`` ("past"/"future") of the clause picks
    which "el lunes" is meant, the upcoming one when unknown.
    """
    return list(_normalize(text, language, anchor, tense))
