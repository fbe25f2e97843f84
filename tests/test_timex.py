"""Date expressions to ISO values, as a reader of a dated release understands them."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from prensa import resources, timex
from prensa.ingest.patterns import date_patterns
from prensa.timex import TimeValue, normalize

JAN_11_2026 = date(2026, 1, 11)  # a Sunday
FRI_MAR_15_2019 = date(2019, 3, 15)


def values(text: str, language: str, anchor: date | None) -> list[tuple[str, str, bool]]:
    return [(v.value, v.granularity, v.is_relative) for v in normalize(text, language, anchor)]


def test_ayer_is_the_day_before_the_dateline() -> None:
    assert normalize("ayer", "es", JAN_11_2026) == [TimeValue("2026-01-10", "day", True)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("11 de enero de 2026", ("2026-01-11", "day", False)),
        ("15 de octubre 2025", ("2025-10-15", "day", False)),
        ("1º de noviembre del 2019", ("2019-11-01", "day", False)),
        ("enero de 2026", ("2026-01", "month", False)),
        ("en enero de 2026", ("2026-01", "month", False)),
        ("2024", ("2024", "year", False)),
        ("hoy", ("2026-01-11", "day", True)),
        ("el día de ayer", ("2026-01-10", "day", True)),
        ("Mañana", ("2026-01-12", "day", True)),
        ("el próximo mes", ("2026-02", "month", True)),
        ("el próximo lunes", ("2026-01-12", "day", True)),
        ("la semana pasada", ("2026-W01", "week", True)),
        ("este año", ("2026", "year", True)),
        ("el año que viene", ("2027", "year", True)),
        ("el pasado mes de diciembre", ("2025-12", "month", True)),
        ("8 de enero de este año", ("2026-01-08", "day", True)),
    ],
)
def test_spanish_expressions(text: str, expected: tuple[str, str, bool]) -> None:
    assert values(text, "es", JAN_11_2026) == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("May 3, 2022", ("2022-05-03", "day", False)),
        ("in January 2026", ("2026-01", "month", False)),
        ("yesterday", ("2026-01-10", "day", True)),
        ("today's", ("2026-01-11", "day", True)),
        ("next week", ("2026-W03", "week", True)),
        ("last month", ("2025-12", "month", True)),
        ("this year", ("2026", "year", True)),
        ("later this year", ("2026", "year", True)),
        ("last Thursday", ("2026-01-08", "day", True)),
    ],
)
def test_english_expressions(text: str, expected: tuple[str, str, bool]) -> None:
    assert values(text, "en", JAN_11_2026) == [expected]


def test_release_datelined_friday_15_march_2019() -> None:
    """Weekend, 'mañana sábado', an unnamed year and a month of this year, from one dateline."""
    assert values("este fin de semana", "es", FRI_MAR_15_2019) == [("2019-W11", "week", True)]
    assert values("Mañana sábado", "es", FRI_MAR_15_2019) == [("2019-03-16", "day", True)]
    assert values("sábado 16 de marzo", "es", FRI_MAR_15_2019) == [("2019-03-16", "day", False)]
    assert values("finales del mes de junio", "es", FRI_MAR_15_2019) == [("2019-06", "month", True)]


@pytest.mark.parametrize(
    ("text", "language", "anchor", "expected"),
    [
        ("30 y 31 de enero de 2019", "es", None, ["2019-01-30", "2019-01-31"]),
        ("del 30 de enero al 2 de febrero de 2019", "es", None, ["2019-01-30", "2019-02-02"]),
        ("13, 14 y 15 de mayo de 1911", "es", None, ["1911-05-13", "1911-05-14", "1911-05-15"]),
        ("19 de septiembre de 1985 y 2017", "es", None, ["1985-09-19", "2017-09-19"]),
        ("June 1-2", "en", date(2021, 5, 27), ["2021-06-01", "2021-06-02"]),
        ("June 27-June 30", "en", date(2021, 6, 25), ["2021-06-27", "2021-06-30"]),
        ("June 6-10, 2022", "en", None, ["2022-06-06", "2022-06-10"]),
        ("May 25 to June 4", "en", date(2021, 5, 21), ["2021-05-25", "2021-06-04"]),
    ],
)
def test_ranges_give_one_value_per_endpoint(
    text: str, language: str, anchor: date | None, expected: list[str]
) -> None:
    assert [v.value for v in normalize(text, language, anchor)] == expected


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("tres años", "es"),
        ("dos meses después", "es"),
        ("pronto", "es"),
        ("un futuro próximo", "es"),
        ("la década de 1970", "es"),
        ("Hace ochenta años", "es"),
        ("el siglo XIX", "es"),
        ("31 de febrero de 2019", "es"),
        ("el año", "es"),
        ("the past year", "en"),
        ("three years ago", "en"),
        ("the 21st century", "en"),
        ("the early 1970s", "en"),
        ("every single day", "en"),
        ("the weekend", "en"),
        ("24", "en"),
    ],
)
def test_durations_and_vague_time_are_not_dates(text: str, language: str) -> None:
    assert normalize(text, language, JAN_11_2026) == []


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("ayer", "es"),
        ("el próximo lunes", "es"),
        ("este año", "es"),
        ("sábado 16 de marzo", "es"),
        ("el pasado mes de diciembre", "es"),
        ("next week", "en"),
        ("Monday", "en"),
        ("March 17", "en"),
    ],
)
def test_without_anchor_relative_and_yearless_dates_are_dropped(text: str, language: str) -> None:
    assert normalize(text, language, None) == []


def test_without_anchor_explicit_dates_still_resolve() -> None:
    assert values("11 de enero de 2026", "es", None) == [("2026-01-11", "day", False)]
    assert values("December 2019", "en", None) == [("2019-12", "month", False)]


def test_bare_weekday_follows_the_tense_of_its_clause() -> None:
    friday = FRI_MAR_15_2019
    assert values("el lunes", "es", friday) == [("2019-03-18", "day", True)]
    assert [v.value for v in normalize("el lunes", "es", friday, "past")] == ["2019-03-11"]
    assert [v.value for v in normalize("el lunes", "es", friday, "future")] == ["2019-03-18"]
    assert [v.value for v in normalize("Friday", "en", friday)] == ["2019-03-15"]


def test_lexicon_with_an_unknown_field_fails_loudly(
    edited_models: Callable[[str, str, str], None],
) -> None:
    edited_models("dates/lexicon.yaml", "es:\n", "es:\n  seasons: {verano: 6}\n")
    with pytest.raises(resources.LexiconError, match="seasons"):
        timex.lexicon("es")
    with pytest.raises(resources.LexiconError, match="seasons"):
        normalize("ayer", "es", date(2019, 3, 15))


@pytest.mark.parametrize(
    ("language", "dateline"),
    [
        ("es", "MADRID, {weekday} 3 de {month} de 2022.- El ministerio informó."),
        ("en", "WASHINGTON, {weekday}, {month} 3, 2022 — The Department said."),
    ],
)
def test_every_month_and_weekday_of_the_lexicon_starts_a_dateline(
    language: str, dateline: str
) -> None:
    """The lexicon is the one list of month and weekday names: segmentation reads it too."""
    patterns = date_patterns()[language]
    lex = timex.lexicon(language)
    weekday = next(iter(lex.weekdays))
    for month in lex.months:
        for written in (month, month.upper(), month.capitalize()):
            assert patterns.dateline(dateline.format(weekday=weekday, month=written)), written
    for day in lex.weekdays:
        assert patterns.dateline(
            dateline.format(weekday=day.capitalize(), month="mayo" if language == "es" else "May")
        ), day
