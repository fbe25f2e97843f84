"""One date expression to its calendar values: the entry point of ``prensa.timex``."""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from pathlib import Path

from prensa.records import Language
from prensa.resources import models_dir
from prensa.text import fold
from prensa.timex.lexicon import lexicon
from prensa.timex.reading import read_endpoints
from prensa.timex.values import Tense, TimeValue, numeric_value, value_of

_NUMERIC_DATE = re.compile(r"\d{1,2}[/.]\d{1,2}[/.]\d{4}|\d{4}-\d{2}-\d{2}")


def normalize(
    text: str, language: Language, anchor: date | None, tense: Tense | None = None
) -> list[TimeValue]:
    """The calendar values of one date expression; [] when it is not a calendar date.

    A range or coordination gives one value per endpoint. Relative expressions resolve against
    ``anchor`` and are dropped when it is None; ``tense`` ("past"/"future") of the clause picks
    which "el lunes" is meant, the upcoming one when unknown.
    """
    return list(_normalize(text, language, anchor, tense, models_dir()))


@lru_cache(maxsize=8192)
def _normalize(
    text: str, language: Language, anchor: date | None, tense: Tense | None, models: Path
) -> tuple[TimeValue, ...]:
    lex = lexicon(language)  # ``models`` keys the cache: the lexicon is that folder's
    folded = fold(text)
    if any(re.search(p, folded) for p in lex.exclude):
        return ()
    numeric = _NUMERIC_DATE.fullmatch(folded.strip(" .,;:"))
    if numeric:
        return tuple(numeric_value(numeric.group(0), language, anchor))
    endpoints = read_endpoints(folded, lex)
    if endpoints is None:
        return ()
    values: list[TimeValue] = []
    for ep in endpoints:
        value = value_of(ep, lex, language, anchor, tense)
        if value is None:
            return ()
        values.append(value)
    return tuple(dict.fromkeys(values))
