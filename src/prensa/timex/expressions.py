"""One date expression to its calendar values: the entry point of ``prensa.timex``."""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from pathlib import Path

from text_to_num import alpha2digit

from prensa.records import Language
from prensa.resources import models_dir
from prensa.text import fold
from prensa.timex.lexicon import LanguageLexicon, lexicon, split_words
from prensa.timex.numeric import Order, default_order, is_numeric_date, numeric_date
from prensa.timex.reading import read_endpoints
from prensa.timex.values import Tense, TimeValue, value_of


def normalize(
    text: str,
    language: Language,
    anchor: date | None,
    tense: Tense | None = None,
    order: Order | None = None,
) -> list[TimeValue]:
    """The calendar values of one date expression; [] when it is not a calendar date.

    A range or coordination gives one value per endpoint. Relative expressions resolve against
    ``anchor`` and are dropped when it is None; ``tense`` ("past"/"future") of the clause picks
    which "el lunes" is meant, the upcoming one when unknown. ``order`` reads an ambiguous
    numeric date ('06/07/2029'); the language's order when None (see ``prensa.timex.numeric``).
    """
    return list(_normalize(text, language, anchor, tense, order, models_dir()))


@lru_cache(maxsize=8192)
def _normalize(
    text: str,
    language: Language,
    anchor: date | None,
    tense: Tense | None,
    order: Order | None,
    models: Path,
) -> tuple[TimeValue, ...]:
    lex = lexicon(language)  # ``models`` keys the cache: the lexicon is that folder's
    folded = fold(text)
    if any(re.search(p, folded) for p in lex.exclude):
        return ()
    if is_numeric_date(folded.strip(" .,;:")):
        day = numeric_date(folded.strip(" .,;:"), order or default_order(language, None))
        return (TimeValue(day.isoformat(), "day", False),) if day else ()
    endpoints = read_endpoints(_in_digits(text, folded, lex, language), lex)
    if endpoints is None:
        return ()
    values: list[TimeValue] = []
    for ep in endpoints:
        value = value_of(ep, lex, language, anchor, tense)
        if value is None:
            return ()
        values.append(value)
    return tuple(dict.fromkeys(values))


def _in_digits(text: str, folded: str, lex: LanguageLexicon, language: Language) -> str:
    """``folded`` with numbers in words as digits: 'tres de agosto del año dos mil veinte' ->
    '3 de agosto del ano 2020', 'the third of August' -> 'the 3rd of August'. text2num reads
    the accented text ('veintidós'), so the original is converted, then folded."""
    if lex.number_triggers.isdisjoint(split_words(folded)):
        return folded
    return fold(alpha2digit(text.lower(), language, threshold=0))
