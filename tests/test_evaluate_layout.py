"""prensa eval layout: titles, text dates, datelines and empty records against the metadata."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from prensa.errors import ExtractionError, UsageError
from prensa.evaluate.layout import evaluate_layout
from prensa.records import DocumentRecord, Place

FOLDER = Path(__file__).parent / "fixtures" / "eval" / "layout"
#: What the fake extractor returns per file: (title, published, source, dateline place).
FOUND = {
    "rel-dated": (
        "Chile y Perú acuerdan una agenda de cooperación",
        date(2024, 3, 4),
        "dateline",
        "Santiago",
    ),
    "rel-undated": (
        "Canada announces support for flood relief",
        date(2024, 3, 9),
        "metadata",
        None,
    ),
}


def extract(path: Path) -> DocumentRecord:
    title, published, source, place = FOUND[path.stem]
    places = [
        Place(
            place_id="p",
            name="Lima",
            kind="city",
            mentions=1,
            doc_id="d",
            sentence="s",
            start=0,
            end=1,
        )
    ]
    return DocumentRecord(
        doc_id=path.stem,
        source_path=str(path),
        format="txt",
        language="es" if path.stem == "rel-dated" else "en",
        title=title,
        published=published,
        published_source=source,
        dateline_place=place,
        body="x",
        text=f"{title}\n\nx",
        n_tokens=1,
        n_sentences=1,
        places=places if path.stem == "rel-dated" else [],
    )


def test_each_release_is_checked_against_its_metadata() -> None:
    report = evaluate_layout(FOLDER, extract)
    figures = report.figures()
    assert figures["overall.ok"] == 1.0
    assert figures["overall.title"] == 1.0 and figures["overall.title_from_text"] == 1.0
    # Only the dated release writes its date; it is found from the text and lies 1 day off.
    assert figures["overall.date_found"] == 0.5
    assert figures["overall.date_found_when_written"] == 1.0
    assert figures["overall.date_within_3_days"] == 0.5
    assert figures["overall.dateline_place"] == 0.5
    # The undated release found nothing at all: an empty record.
    assert figures["overall.not_empty"] == 0.5
    assert figures["es.not_empty"] == 1.0 and figures["en.not_empty"] == 0.0


def test_a_release_the_extractor_fails_on_is_counted_as_failed() -> None:
    def failing(path: Path) -> DocumentRecord:
        if path.stem == "rel-undated":
            raise ExtractionError("segment: no text to analyse")
        return extract(path)

    report = evaluate_layout(FOLDER, failing)
    assert report.figures()["overall.ok"] == 0.5
    assert [row["id"] for row in report.to_dict()["errors"]] == ["rel-undated"]


def test_a_folder_without_a_manifest_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Title\n\nText.", encoding="utf-8")
    with pytest.raises(UsageError):
        evaluate_layout(tmp_path, extract)
