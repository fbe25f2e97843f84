"""Journalists query the facts: the database, prensa query, prensa sql and prensa show."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from contextlib import closing
from pathlib import Path

from typer.testing import CliRunner

from prensa.batch import run
from prensa.cli import app
from prensa.export.database import DatabaseWriter, deadline_end
from prensa.query.show import load_record
from prensa.records import DocumentRecord

runner = CliRunner()


def _counts(db: Path) -> dict[str, int]:
    with closing(sqlite3.connect(db)) as con:
        names = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {n: con.execute(f"SELECT count(*) FROM [{n}]").fetchone()[0] for n in names}


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _json(args: list[str]) -> list[dict[str, object]]:
    result = runner.invoke(app, [*args, "--format", "json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_running_twice_leaves_every_table_with_the_same_rows(processed_raw: Path) -> None:
    db = processed_raw / "prensa.sqlite"
    before = _counts(db)
    summary = run([Path(__file__).resolve().parents[1] / "data" / "raw"], processed_raw)
    assert summary.n_reused == summary.n_documents > 0
    assert _counts(db) == before
    assert before["documents"] == summary.n_documents and before["persons"] > 0


def test_database_has_keys_entity_tables_and_json_lists(processed_raw: Path) -> None:
    with closing(sqlite3.connect(processed_raw / "prensa.sqlite")) as con:
        pk = [r[1] for r in con.execute("PRAGMA table_info(roles)") if r[5]]
        fks = {(r[2], r[3]) for r in con.execute("PRAGMA foreign_key_list(roles)")}
        velasco = con.execute(
            "SELECT aliases, titles, n_releases FROM persons WHERE name = 'Roberto Velasco'"
        ).fetchone()
        indexes = {r[1] for r in con.execute("PRAGMA index_list(commitments)")}
        washington = con.execute(
            "SELECT lat, lon, country_code FROM locations WHERE name = 'Washington'"
        ).fetchone()
    assert pk == ["doc_id", "role_id"] and ("documents", "doc_id") in fks
    assert "Velasco" in json.loads(velasco[0])
    assert "subsecretario para América del Norte" in json.loads(velasco[1])
    assert velasco[2] >= 2
    assert any("deadline" in name for name in indexes)
    assert washington[2] == "US" and round(washington[0]) == 39


def test_the_writer_upserts_a_release_added_twice(tmp_path: Path, processed_raw: Path) -> None:
    line = (processed_raw / "documents.jsonl").read_text(encoding="utf-8").splitlines()[0]
    record = DocumentRecord.model_validate_json(line)
    writer = DatabaseWriter(tmp_path / "prensa.sqlite")
    writer.add(record)
    writer.add(record)
    counts = writer.close()
    assert counts["documents"] == 1 and counts["mentions"] == len(record.mentions)
    with closing(sqlite3.connect(tmp_path / "prensa.sqlite")) as con:
        assert load_record(con, record.doc_id) == record
    assert not list(tmp_path.glob(".*.tmp"))
    assert [deadline_end(v) for v in ("2026", "2026-02", "2026-W06", "x")] == [
        "2026-12-31",
        "2026-02-28",
        "2026-02-08",
        None,
    ]


def test_query_people_velasco_lists_roles_with_provenance(processed_raw: Path) -> None:
    rows = _json(["query", "people", "velasco", "--db", str(processed_raw)])
    roles = {row["role"] for row in rows}
    assert {"subsecretario para América del Norte", "Under Secretary for North America"} <= roles
    assert all(row["person"] == "Roberto Velasco" for row in rows)
    assert all(row["release"] and row["doc_id"] and "Velasco" in row["sentence"] for row in rows)
    assert any(row["date"] == "2026-01-11" for row in rows)
    table = runner.invoke(app, ["query", "people", "VELÁSCO", "--db", str(processed_raw)])
    assert table.exit_code == 0 and "Roberto Velasco" in table.stdout


def test_search_text_is_searched_never_run_and_the_database_is_unchanged(
    processed_raw: Path,
) -> None:
    db = processed_raw / "prensa.sqlite"
    before = _sha(db)
    hostile = "extradición\" OR NEAR(a b) *; DROP TABLE documents; -- ' ^col:x"
    result = runner.invoke(app, ["query", "search", hostile, "--db", str(processed_raw)])
    assert result.exit_code == 0, result.output
    empty = runner.invoke(app, ["query", "search", '"*"()', "--db", str(processed_raw)])
    assert empty.exit_code == 2 and "nothing to search" in empty.output
    assert _sha(db) == before and _counts(db)["documents"] > 0
    found = _json(["query", "search", "extradicion", "--db", str(processed_raw)])
    assert found and found[0]["kind"] in ("release", "commitment")
    assert any("**" in str(row["snippet"]) for row in found)


def test_commitments_fall_due_relative_to_a_day(processed_raw: Path) -> None:
    args = ["query", "commitments", "--db", str(processed_raw), "--today", "2025-09-01"]
    due = _json([*args, "--due-within", "30d"])
    assert due and all(row["deadline"] for row in due)
    assert {row["status"] for row in due} >= {"overdue"}
    assert all(row["release"] and row["sentence"] for row in due)
    mexico = _json([*args, "--actor", "mexico", "--since", "2025-01-01"])
    assert mexico and all("xico" in str(row["actors"]) for row in mexico)
    bad = runner.invoke(app, [*args, "--due-within", "soon"])
    assert bad.exit_code == 2 and "30d" in bad.output


def test_topics_places_and_timeline(processed_raw: Path) -> None:
    topics = _json(["query", "topics", "--db", str(processed_raw)])
    assert topics[0]["releases"] >= topics[-1]["releases"] and topics[0]["latest_release"]
    places = _json(["query", "places", "--country", "us", "--db", str(processed_raw)])
    assert places and {p["country"] for p in places} == {"US"}
    timeline = _json(["query", "timeline", "velasco", "--db", str(processed_raw)])
    dates = [str(e["date"]) for e in timeline if e["date"]]
    assert dates == sorted(dates) and timeline[0]["date"]
    assert {"role", "commitment"} <= {e["event"] for e in timeline}


def test_sql_reads_parquet_and_refuses_writes(processed_raw: Path) -> None:
    rows = _json(["sql", "SELECT count(*) AS n FROM documents", "--dir", str(processed_raw)])
    assert rows == [{"n": _counts(processed_raw / "prensa.sqlite")["documents"]}]
    for statement in (
        "DELETE FROM documents",
        f"COPY documents TO '{processed_raw / 'x.csv'}'",
        "SELECT 1; DROP VIEW documents",
        "CREATE TABLE t AS SELECT 1",
    ):
        result = runner.invoke(app, ["sql", statement, "--dir", str(processed_raw)])
        assert result.exit_code == 2, statement
        assert "read-only" in result.output or "exactly one" in result.output
    outside = runner.invoke(
        app, ["sql", "SELECT * FROM read_csv('/etc/hostname')", "--dir", str(processed_raw)]
    )
    assert outside.exit_code == 2 and not (processed_raw / "x.csv").exists()


def test_show_highlights_entities_and_links_facts_to_sentences(
    processed_raw: Path, tmp_path: Path
) -> None:
    with closing(sqlite3.connect(processed_raw / "prensa.sqlite")) as con:
        doc_id, start = con.execute(
            "SELECT doc_id, start FROM roles WHERE person = 'Roberto Velasco' LIMIT 1"
        ).fetchone()
    out = tmp_path / "release.html"
    result = runner.invoke(app, ["show", doc_id, "--html", str(out), "--db", str(processed_raw)])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert 'class="entity"' in page and "Roberto Velasco" in page
    assert f'id="f-{start}"' in page and f'href="#f-{start}"' in page
    missing = runner.invoke(app, ["show", "doc_nope", "--db", str(processed_raw)])
    assert missing.exit_code == 2 and "doc_nope" in missing.output
