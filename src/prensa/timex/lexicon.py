"""The words date expressions are made of (``models/dates/lexicon.yaml``), and how a text is
split into them.

This file is the one list of month and weekday names: the date patterns of
``prensa.extract.dates`` ("@months") and the dateline shapes of ``prensa.ingest.patterns``
({month}, {weekday}) read their names from it.
"""

from __future__ import annotations

import re
from functools import cached_property
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from prensa.records import Language
from prensa.resources import LexiconError, load_yaml, models_cache
from prensa.text import fold

Unit = Literal["week", "weekend", "month", "year"]
Kind = Literal[
    "month", "weekday", "day_word", "ordinal_day", "unit", "shift", "edge", "filler", "conj"
]
#: A lexicon phrase as folded words, what it is, and its value (a month's number, a shift…).
Phrase = tuple[tuple[str, ...], Kind, object]

_ORDINAL = re.compile(r"\b(\d{1,2})(?:o|a|er|ro|st|nd|rd|th)\b\.?")
_POSSESSIVE = re.compile(r"['’]s\b")
_WORD = re.compile(r"\d+|[^\W\d_]+|[-–—,]")


def split_words(folded: str) -> list[str]:
    """Words, numbers and dashes of a folded text; '1st' -> '1', "Friday's" -> 'friday'."""
    return _WORD.findall(_ORDINAL.sub(r"\1", _POSSESSIVE.sub("", folded)))


class LanguageLexicon(BaseModel):
    """The words of one language that date expressions are made of."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    months: dict[str, Annotated[int, Field(ge=1, le=12)]]
    #: Abbreviations read only in datelines and header dates ('2 DIC. 2021'), where they cannot
    #: be the words they also are in running text ('mar', 'set').
    month_abbreviations: dict[str, Annotated[int, Field(ge=1, le=12)]] = {}
    weekdays: dict[str, Annotated[int, Field(ge=1, le=7)]]
    day_words: dict[str, int]
    #: A day of the month named by an ordinal that is also an edge word: "the first of May".
    ordinal_days: dict[str, Annotated[int, Field(ge=1, le=31)]] = {}
    units: dict[str, Unit]
    shifts: dict[str, Literal[-1, 0, 1]]
    edges: list[str]
    fillers: list[str]
    conjunctions: list[str]
    quantity_words: list[str]
    #: Right before a number, they make it an identifier (a phone, statute or version number),
    #: never a numeric date: "Tel. 01-12-2034", "Decreto 12.06.2019", "version 3.1.2023".
    identifier_words: list[str] = []
    #: Numbers in words as official texts write days and years ("tres de agosto del año dos mil
    #: veinte"): they mark the spans to convert to digits (text2num) before reading.
    number_words: list[str] = []
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

    def names(self, kind: Literal["months", "weekdays"]) -> list[str]:
        """Month or weekday names, lower-case, with and without accents ('sábado', 'sabado')."""
        entries = getattr(self, kind)
        return sorted({w.lower() for w in entries} | {fold(w) for w in entries})

    @cached_property
    def number_triggers(self) -> frozenset[str]:
        """Number words that are no other date word: 'first' and 'second' are also the edges
        of 'the first half of 2020', which must stay as they are."""
        other = {w for phrase, _, _ in self.phrases for w in phrase}
        return frozenset(fold(w) for w in self.number_words) - other

    @cached_property
    def phrases(self) -> tuple[Phrase, ...]:
        """Every phrase as folded words, longest first so 'pasado mañana' beats 'pasado'."""
        table: dict[tuple[str, ...], tuple[Kind, object]] = {}
        sources: list[tuple[Kind, dict[str, object]]] = [
            ("filler", dict.fromkeys(self.fillers)),
            ("conj", dict.fromkeys(self.conjunctions)),
            ("edge", dict.fromkeys(self.edges)),
            ("shift", dict(self.shifts)),
            ("unit", dict(self.units)),
            ("weekday", dict(self.weekdays)),
            ("month", dict(self.months)),
            ("day_word", dict(self.day_words)),
            ("ordinal_day", dict(self.ordinal_days)),
        ]
        for kind, entries in sources:  # later kinds win: a month beats a filler of that spelling
            for phrase, value in entries.items():
                table[tuple(split_words(fold(phrase)))] = (kind, value)
        ordered = sorted(table.items(), key=lambda item: len(item[0]), reverse=True)
        return tuple((words, kind, value) for words, (kind, value) in ordered)


def lexicon(language: str) -> LanguageLexicon:
    """The validated lexicon of ``language`` in the current models folder."""
    lexicons = _lexicons()
    if language not in lexicons:
        raise LexiconError(f"dates/lexicon.yaml: no lexicon for {language!r}")
    return lexicons[language]


@models_cache
def _lexicons() -> dict[Language, LanguageLexicon]:
    return load_yaml("dates/lexicon.yaml", dict[Language, LanguageLexicon])
