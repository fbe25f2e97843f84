"""Records reject what would corrupt a table: unknown fields, impossible dates, reversed offsets."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from prensa.records import DateMention, Person, Topic, json_schema

_EVIDENCE = {"doc_id": "doc_1", "sentence": "Ayer hubo reunión.", "start": 0, "end": 4}


def _date(**overrides: object) -> DateMention:
    fields = {
        "date_id": "date_1",
        "text": "ayer",
        "value": "2026-01-10",
        "granularity": "day",
        "is_relative": True,
        **_EVIDENCE,
    }
    return DateMention(**{**fields, **overrides})  # type: ignore[arg-type]


def test_valid_date_record() -> None:
    assert _date().value == "2026-01-10"


@pytest.mark.parametrize(
    "overrides",
    [
        {"value": "2026-01", "granularity": "day"},  # value does not match granularity
        {"value": "2026-02-30"},  # no such day
        {"value": "2026-13", "granularity": "month"},
        {"granularity": "fortnight"},
        {"start": 10, "end": 4},
        {"colour": "red"},  # unknown field
    ],
)
def test_invalid_date_records_are_rejected(overrides: dict[str, object]) -> None:
    with pytest.raises(ValidationError):
        _date(**overrides)


def test_person_needs_at_least_one_mention() -> None:
    with pytest.raises(ValidationError):
        Person(person_id="per_1", name="X", mentions=0, **_EVIDENCE)  # type: ignore[arg-type]


def test_topic_evidence_lists_must_align() -> None:
    with pytest.raises(ValidationError):
        Topic(
            doc_id="d",
            topic_id="t",
            label_es="a",
            label_en="b",
            score=0.5,
            terms=["x", "y"],
            starts=[0],
            ends=[1],
        )


def test_schema_lists_every_table_field() -> None:
    schema = json_schema()
    document = schema["document"]
    assert isinstance(document, dict)
    properties = document["properties"]
    for field in ("people", "organizations", "places", "dates", "roles", "topics", "commitments"):
        assert field in properties
