"""Date mentions found in whole releases: spans, values, offsets and the dateline."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest
from spacy.language import Language as SpacyLanguage

from prensa import nlp
from prensa.context import DocContext
from prensa.errors import ResourceError
from prensa.extract import dates
from prensa.ingest.readers import RawDocument
from prensa.ingest.segment import segment
from prensa.records import DateMention

COMUNICADO = (
    "La SRE informa sobre la reunión bilateral\n"
    "México, 11 de enero de 2026.- La Secretaría de Relaciones Exteriores informó que ayer "
    "el canciller se reunió con su homólogo. Ambos acordaron reunirse de nuevo en enero de 2026.\n"
    "El Plan Nacional de Desarrollo 2019-2024 sigue vigente y durante tres años se trabajó en él.\n"
    "La reunión empezó por la mañana, a las 8:00 horas. Mañana sábado habrá otra.\n"
)

READOUT = (
    "Secretary Blinken's Call with Mexican Foreign Secretary Ebrard\n"
    "Office of the Spokesperson\n"
    "Secretary of State Antony J. Blinken spoke yesterday with Mexican Foreign Secretary "
    "Marcelo Ebrard. They will meet again next week and in Washington on June 1-2. "
    "Over the past year, the United States and Mexico have deepened cooperation.\n"
)


@pytest.fixture(scope="module")
def pipelines() -> dict[str, SpacyLanguage]:
    return {"es": nlp.load("es"), "en": nlp.load("en")}


def run(
    pipelines: dict[str, SpacyLanguage], text: str, language: str, anchor: date | None
) -> list[DateMention]:
    doc = pipelines[language](text)
    ctx = DocContext(
        doc_id="doc_test",
        language=language,
        published=anchor,
        anchor=anchor,
        dateline=dateline_span(text, language),
    )
    found = dates.extract(doc, ctx)
    for mention in found:  # offsets point at the mention in the document text
        assert doc.text[mention.start : mention.end] == mention.text
        assert mention.text in mention.sentence
    return found


def dateline_span(text: str, language: str) -> tuple[int, int] | None:
    """Where segmentation puts the dateline, as offsets into ``text`` itself."""
    s = segment(RawDocument(source_path="<test>", format="txt", text=text), language)
    if s.dateline_start is None or s.dateline_end is None:
        return None
    written = s.text[s.dateline_start : s.dateline_end]
    at = text.find(written)
    return (at, at + len(written)) if at >= 0 else None


def by_text(found: list[DateMention]) -> dict[str, list[DateMention]]:
    out: dict[str, list[DateMention]] = {}
    for mention in found:
        out.setdefault(mention.text, []).append(mention)
    return out


def test_comunicado_dateline_ayer_and_month(pipelines: dict[str, SpacyLanguage]) -> None:
    found = by_text(run(pipelines, COMUNICADO, "es", date(2026, 1, 11)))

    (dateline,) = found["11 de enero de 2026"]
    assert (dateline.value, dateline.granularity, dateline.relation) == (
        "2026-01-11",
        "day",
        "published",
    )
    (ayer,) = found["ayer"]
    assert (ayer.value, ayer.granularity, ayer.is_relative) == ("2026-01-10", "day", True)
    assert ayer.relation == "mentioned"
    assert ayer.sentence.startswith("México, 11 de enero de 2026.- La Secretaría")
    (month,) = found["enero de 2026"]
    assert (month.value, month.granularity, month.is_relative) == ("2026-01", "month", False)


def test_a_date_outside_the_segmented_dateline_is_not_the_publication_date(
    pipelines: dict[str, SpacyLanguage],
) -> None:
    doc = pipelines["es"](COMUNICADO)
    ctx = DocContext(doc_id="d", language="es", anchor=date(2026, 1, 11), dateline=None)
    assert {m.relation for m in dates.extract(doc, ctx)} == {"mentioned"}


def test_weekday_first_dateline_without_place_is_the_publication_date(
    pipelines: dict[str, SpacyLanguage],
) -> None:
    text = "Reunión regional\nMartes 28 de abril de 2020.- Integrantes de los comités sesionaron."
    found = run(pipelines, text, "es", date(2020, 4, 28))
    assert [m.value for m in found if m.relation == "published"] == ["2020-04-28"]


def test_comunicado_leaves_out_names_durations_and_times_of_day(
    pipelines: dict[str, SpacyLanguage],
) -> None:
    found = by_text(run(pipelines, COMUNICADO, "es", date(2026, 1, 11)))
    assert set(found) == {"11 de enero de 2026", "ayer", "enero de 2026", "Mañana sábado"}
    (tomorrow,) = found["Mañana sábado"]
    assert tomorrow.value == "2026-01-12"


def test_bare_years_count_only_where_they_are_years(pipelines: dict[str, SpacyLanguage]) -> None:
    text = (
        "Los sismos de 1985 y 2017 marcaron al país. La Agenda 2030 guía el trabajo, y más de "
        "2000 personas participaron en 2024."
    )
    found = run(pipelines, text, "es", date(2024, 9, 19))
    assert [(m.text, m.value, m.granularity) for m in found] == [
        ("1985", "1985", "year"),
        ("2017", "2017", "year"),
        ("2024", "2024", "year"),
    ]


def test_readout_yesterday_next_week_and_a_range(pipelines: dict[str, SpacyLanguage]) -> None:
    found = run(pipelines, READOUT, "en", date(2021, 5, 27))
    assert [(m.text, m.value, m.granularity, m.is_relative) for m in found] == [
        ("yesterday", "2021-05-26", "day", True),
        ("next week", "2021-W22", "week", True),
        ("June 1-2", "2021-06-01", "day", False),
        ("June 1-2", "2021-06-02", "day", False),
    ]
    first, second = found[2:]
    assert (first.start, first.end) == (second.start, second.end)
    assert first.date_id != second.date_id


def test_on_monday_in_a_past_clause_is_the_monday_before(
    pipelines: dict[str, SpacyLanguage],
) -> None:
    thursday = date(2022, 3, 17)
    past = run(pipelines, "On Monday, the Secretary met the Foreign Minister.", "en", thursday)
    future = run(pipelines, "The Secretary will meet the minister on Monday.", "en", thursday)
    assert [m.value for m in past] == ["2022-03-14"]
    assert [m.value for m in future] == ["2022-03-21"]


def test_without_anchor_only_explicit_dates_remain(pipelines: dict[str, SpacyLanguage]) -> None:
    found = run(pipelines, COMUNICADO, "es", None)
    assert [(m.text, m.value) for m in found] == [
        ("11 de enero de 2026", "2026-01-11"),
        ("enero de 2026", "2026-01"),
    ]


def test_ids_are_stable_across_runs(pipelines: dict[str, SpacyLanguage]) -> None:
    first = run(pipelines, READOUT, "en", date(2021, 5, 27))
    second = run(pipelines, READOUT, "en", date(2021, 5, 27))
    assert [m.date_id for m in first] == [m.date_id for m in second]
    assert len({m.date_id for m in first}) == len(first)


def test_only_the_opening_dateline_is_the_publication_date(
    pipelines: dict[str, SpacyLanguage],
) -> None:
    text = (
        "Mensaje a la nación\n"
        "El presidente habló el 15 de marzo de 2019 ante el Congreso.\n"
        "Ciudad de México, 19 de marzo de 2019\n"
    )
    found = run(pipelines, text, "es", date(2019, 3, 19))
    assert [(m.text, m.relation) for m in found] == [
        ("15 de marzo de 2019", "mentioned"),
        ("19 de marzo de 2019", "mentioned"),
    ]


def test_pattern_file_with_an_unknown_field_fails_loudly(
    edited_models: Callable[[str, str, str], None],
) -> None:
    edited_models("dates/patterns.yaml", "label: DATE,", "label: DATE, weight: 2,")
    with pytest.raises(ResourceError, match="weight"):
        dates.patterns("es")
