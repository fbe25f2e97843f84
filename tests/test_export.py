"""The tables analysts, researchers and journalists open: CSV, Parquet, JSONL, SQLite."""

from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path

import pandas as pd
import pytest

from prensa.export.tables import write_tables
from prensa.pipeline import extract_path
from prensa.records import TABLES, DocumentRecord, ErrorRecord

RAW = Path(__file__).resolve().parents[1] / "data" / "raw"


@pytest.fixture(scope="module")
def written(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Path, DocumentRecord, dict[str, int]]:
    record = extract_path(RAW / "es" / "sre-2026-01-11-reunion-seguridad.txt")
    error = ErrorRecord(source_path="x/broken.json", stage="ingest", error="invalid JSON")
    out = tmp_path_factory.mktemp("out")
    counts = write_tables([record], [error], out)
    return out, record, counts


def test_every_table_in_every_format(written: tuple[Path, DocumentRecord, dict[str, int]]) -> None:
    out, _, counts = written
    for table in TABLES:
        assert (out / f"{table}.csv").exists() and (out / f"{table}.parquet").exists()
    assert (out / "documents.jsonl").exists() and (out / "prensa.sqlite").exists()
    assert counts["documents"] == 1 and counts["errors"] == 1
    assert not list(out.glob(".*.tmp")), "temporary files must not be left behind"


def test_csv_has_a_header_and_the_facts(
    written: tuple[Path, DocumentRecord, dict[str, int]],
) -> None:
    out, record, _ = written
    with (out / "dates.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0])[:1] == ["doc_id"]
    assert {"text", "value", "granularity", "is_relative", "start", "end"} <= set(rows[0])
    assert {r["text"]: r["value"] for r in rows}["ayer"] == "2026-01-10"
    errors = list(csv.DictReader((out / "errors.csv").open(encoding="utf-8")))
    assert errors == [{"source_path": "x/broken.json", "stage": "ingest", "error": "invalid JSON"}]
    empty = (out / "roles.csv").read_text(encoding="utf-8").splitlines()
    assert empty[0].startswith("doc_id,") and len(empty) == 1 + len(record.roles)


def test_parquet_keeps_lists_and_integer_ids(
    written: tuple[Path, DocumentRecord, dict[str, int]],
) -> None:
    out, record, _ = written
    people = pd.read_parquet(out / "people.parquet")
    velasco = people[people["name"] == "Roberto Velasco"].iloc[0]
    assert list(velasco["aliases"]) == ["Velasco"]
    places = pd.read_parquet(out / "places.parquet")
    assert str(places["geonameid"].dtype).lower().startswith("int")
    assert len(people) == len(record.people)


def test_jsonl_holds_the_nested_record(
    written: tuple[Path, DocumentRecord, dict[str, int]],
) -> None:
    out, record, _ = written
    lines = (out / "documents.jsonl").read_text(encoding="utf-8").splitlines()
    assert DocumentRecord.model_validate(json.loads(lines[0])) == record


def test_sqlite_full_text_search_finds_the_release(
    written: tuple[Path, DocumentRecord, dict[str, int]],
) -> None:
    out, record, _ = written
    with sqlite3.connect(out / "prensa.sqlite") as con:
        hits = con.execute(
            "SELECT d.doc_id FROM documents_fts f JOIN documents d ON d.rowid = f.rowid"
            " WHERE documents_fts MATCH 'extradiciones'"
        ).fetchall()
        accentless = con.execute(
            "SELECT count(*) FROM documents_fts WHERE documents_fts MATCH 'Mexico'"
        ).fetchone()
        people = con.execute(
            "SELECT name FROM people WHERE doc_id = ?", (record.doc_id,)
        ).fetchall()
    assert hits == [(record.doc_id,)]
    assert accentless == (1,)
    assert ("Roberto Velasco",) in people


def test_rewriting_replaces_tables_instead_of_appending(
    written: tuple[Path, DocumentRecord, dict[str, int]],
) -> None:
    out, record, _ = written
    write_tables([record], [], out)
    assert len(pd.read_csv(out / "documents.csv")) == 1
    assert len(pd.read_csv(out / "errors.csv")) == 0


def test_manifest_survives_a_cut_line_and_is_ignored_after_a_rule_change(
    written: tuple[Path, DocumentRecord, dict[str, int]],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from prensa.export.manifest import ManifestWriter, load_manifest

    _, record, _ = written
    writer = ManifestWriter(tmp_path, ner="stock")
    writer.add(record)
    writer.close()
    with (tmp_path / "manifest.jsonl").open("a", encoding="utf-8") as handle:
        handle.write('{"doc_id": "doc_cut", "sour')  # an interrupted append
    done, reason = load_manifest(tmp_path, "stock")
    assert reason is None and list(done) == [record.doc_id]

    monkeypatch.setattr("prensa.export.manifest.models_sha256", lambda: "changed")
    done, reason = load_manifest(tmp_path, "stock")
    assert done == {} and reason is not None and "models" in reason


def test_a_run_with_another_ner_redoes_the_releases(
    written: tuple[Path, DocumentRecord, dict[str, int]], tmp_path: Path
) -> None:
    from prensa.export.manifest import ManifestWriter, load_manifest

    _, record, _ = written
    writer = ManifestWriter(tmp_path, ner="stock")
    writer.add(record)
    writer.close()
    assert list(load_manifest(tmp_path, "stock")[0]) == [record.doc_id]
    done, reason = load_manifest(tmp_path, "conll")  # made with the stock NER: not reused
    assert done == {} and reason is not None
