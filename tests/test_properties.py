"""Whatever scrapers produce, nothing escapes as an undocumented exception: arbitrary bytes,
text, JSON and HTML through ingestion, segmentation and the whole pipeline in both languages.

Few examples each (the suite stays fast); every failure Hypothesis finds is shrunk and printed.
"""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from prensa.ingest.decode import DecodeError, decode_bytes, normalize_text
from prensa.ingest.readers import SUPPORTED_SUFFIXES, RawDocument, read_path
from prensa.ingest.segment import segment
from prensa.pipeline import process_raw
from prensa.records import DocumentRecord, ErrorRecord

FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
PIPELINE = settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])

#: Text as releases have it: words, accents, punctuation, newlines, and any other character.
WORDS = st.sampled_from(
    [
        "El",
        "secretario",
        "Marcelo",
        "Ebrard",
        "acordó",
        "México",
        "the",
        "Secretary",
        "will",
        "meet",
        "in",
        "Washington",
        "on",
        "May",
        "3,",
        "2025",
        ".-",
        "\n",
        "\n\n",
        "¿",
        "ñ",
        "—",
    ]
)
RELEASE_TEXT = st.one_of(
    st.text(max_size=400),
    st.lists(st.one_of(WORDS, st.text(max_size=6)), max_size=80).map(" ".join),
)
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=40),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=12,
)
RECORDS = st.dictionaries(
    st.sampled_from(["text", "body", "title", "date", "url", "fecha", "x"]),
    st.one_of(RELEASE_TEXT, JSON_VALUES),
    max_size=5,
)
HTML = st.lists(
    st.tuples(st.sampled_from(["p", "h1", "div", "script", "title", "b", "br"]), RELEASE_TEXT),
    max_size=6,
).map(lambda parts: "".join(f"<{tag}>{text}</{tag}>" for tag, text in parts))


def _read(data: bytes, suffix: str) -> tuple[list[RawDocument], list[ErrorRecord]]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"release{suffix}"
        path.write_bytes(data)
        return read_path(path)


@FAST
@given(data=st.binary(max_size=600), suffix=st.sampled_from(sorted(SUPPORTED_SUFFIXES)))
def test_any_bytes_in_any_format_become_releases_or_error_rows(data: bytes, suffix: str) -> None:
    docs, errors = _read(data, suffix)
    assert all(isinstance(e, ErrorRecord) and e.error for e in errors)
    for doc in docs:
        assert doc.text == normalize_text(doc.text) and doc.text.strip()


@FAST
@given(data=st.binary(max_size=600))
def test_decoding_gives_clean_text_or_a_decode_error(data: bytes) -> None:
    try:
        text = decode_bytes(data)
    except DecodeError:
        return
    assert "\x00" not in text and "\r" not in text
    text.encode("utf-8")  # no lone surrogate survives


@FAST
@given(payload=st.one_of(st.lists(RECORDS, max_size=4), RECORDS, JSON_VALUES))
def test_any_json_keeps_every_good_record(payload: object) -> None:
    text = json.dumps(payload)
    docs, errors = _read(text.encode(), ".json")
    records = payload if isinstance(payload, list) else [payload]
    assert len(docs) + len(errors) >= 1
    assert len(docs) <= len(records)
    lines = "\n".join(json.dumps(r) for r in records)
    docs_l, errors_l = _read(lines.encode(), ".jsonl")
    assert len(docs_l) + len(errors_l) >= (1 if records else 0)


@FAST
@given(html=HTML)
def test_any_html_reads_or_is_an_error_row(html: str) -> None:
    docs, errors = _read(html.encode(), ".html")
    assert len(docs) + len(errors) == 1


@FAST
@given(text=RELEASE_TEXT, language=st.sampled_from(["es", "en"]))
def test_segmentation_never_raises_and_offsets_point_into_its_text(
    text: str, language: str
) -> None:
    raw = RawDocument("x.txt", "txt", normalize_text(text))
    segments = segment(raw, language)
    assert segments.body in segments.text or not segments.body


@PIPELINE
@given(text=RELEASE_TEXT, language=st.sampled_from(["es", "en"]))
def test_the_whole_pipeline_gives_one_record_or_error_row_per_release(
    text: str, language: str
) -> None:
    raw = RawDocument("x.txt", "txt", normalize_text(text))
    (result,) = list(process_raw([raw], language=language))
    assert isinstance(result, DocumentRecord | ErrorRecord)
    if isinstance(result, DocumentRecord):
        for mention in result.mentions:
            assert result.text[mention.start : mention.end] == mention.text
