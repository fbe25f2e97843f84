"""The prensa command as a user runs it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd
from typer.testing import CliRunner

from prensa.cli import app

RAW = Path(__file__).resolve().parents[1] / "data" / "raw"
runner = CliRunner()


def test_run_writes_tables_and_exits_zero(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = runner.invoke(app, ["run", str(RAW / "en"), "--out", str(out)])
    assert result.exit_code == 0, result.output
    documents = pd.read_csv(out / "documents.csv")
    assert len(documents) >= 5 and set(documents["language"]) == {"en"}
    assert "documents" in result.output


def test_run_with_a_broken_file_reports_it_and_exits_one(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copy(RAW / "es" / "sre-2026-01-11-reunion-seguridad.txt", inputs)
    (inputs / "broken.jsonl").write_text('{"title": "x", "body": "y"\n', encoding="utf-8")
    out = tmp_path / "out"
    result = runner.invoke(app, ["run", str(inputs), "--out", str(out)])
    assert result.exit_code == 1
    errors = pd.read_csv(out / "errors.csv")
    assert len(errors) == 1 and errors["source_path"].iloc[0].startswith(str(inputs))
    assert len(pd.read_csv(out / "documents.csv")) == 1


def test_run_on_a_missing_path_is_a_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["run", str(tmp_path / "nope"), "--out", str(tmp_path / "o")])
    assert result.exit_code == 2


def test_extract_prints_the_record_with_one_list_per_table() -> None:
    result = runner.invoke(
        app, ["extract", str(RAW / "es" / "sre-2026-01-11-reunion-seguridad.txt")]
    )
    assert result.exit_code == 0, result.output
    record = json.loads(result.stdout)
    assert record["published"] == "2026-01-11"
    for table in ("people", "organizations", "places", "dates", "roles", "topics", "commitments"):
        assert isinstance(record[table], list)
    assert any(d["text"] == "ayer" and d["value"] == "2026-01-10" for d in record["dates"])


def test_schema_is_valid_json_schema() -> None:
    result = runner.invoke(app, ["schema"])
    assert result.exit_code == 0
    schema = json.loads(result.stdout)
    assert schema["document"]["additionalProperties"] is False


def test_help_documents_the_exit_codes() -> None:
    result = runner.invoke(app, ["run", "--help"])
    assert result.exit_code == 0
    assert "Exit codes" in result.output


FIXTURES = Path(__file__).resolve().parent / "fixtures" / "eval"


def test_eval_gold_prints_per_field_scores_and_json() -> None:
    result = runner.invoke(app, ["eval", "gold", str(FIXTURES / "gold-dev"), "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["n_documents"] >= 2
    for field in ("people", "organizations", "places", "dates"):
        assert 0.0 <= report["overall"][field]["f1"] <= 1.0
    table = runner.invoke(app, ["eval", "gold", str(FIXTURES / "gold-dev")])
    assert "people" in table.stdout and "precision" in table.stdout


def test_eval_conll_scores_a_conll_file() -> None:
    path = FIXTURES / "conll" / "tiny-es.conll"
    result = runner.invoke(app, ["eval", "conll", str(path), "--lang", "es", "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert set(report["by_type"]) >= {"PER", "LOC", "ORG", "MISC", "PER+LOC+ORG"}


def test_eval_gate_without_the_benchmarks_is_an_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["eval", "gate", str(tmp_path / "missing")])
    assert result.exit_code == 2


def test_a_second_run_reuses_finished_releases_and_redoes_edited_ones(tmp_path: Path) -> None:
    inputs, out = tmp_path / "in", tmp_path / "out"
    inputs.mkdir()
    for name in ("sre-2026-01-11-reunion-seguridad.txt", "sre-2025-10-15-proteccion-consular.txt"):
        shutil.copy(RAW / "es" / name, inputs)
    assert runner.invoke(app, ["run", str(inputs), "--out", str(out)]).exit_code == 0
    manifest = out / "manifest.jsonl"
    lines = manifest.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 3  # header + one line per release

    # Mark the stored records: a reused release keeps the mark, a reprocessed one loses it.
    marked = [lines[0]]
    for line in lines[1:]:
        record = json.loads(line)
        record["title"] = "FROM MANIFEST"
        marked.append(json.dumps(record, ensure_ascii=False))
    manifest.write_text("\n".join(marked) + "\n", encoding="utf-8")
    edited = inputs / "sre-2025-10-15-proteccion-consular.txt"
    edited.write_bytes(edited.read_bytes() + b"\r\nNota adicional.\r\n")

    result = runner.invoke(app, ["run", str(inputs), "--out", str(out)])
    assert result.exit_code == 0, result.output
    documents = pd.read_csv(out / "documents.csv")
    titles = dict(zip(documents["source_path"], documents["title"], strict=True))
    assert titles[str(inputs / "sre-2026-01-11-reunion-seguridad.txt")] == "FROM MANIFEST"
    assert titles[str(edited)] != "FROM MANIFEST"

    fresh = runner.invoke(app, ["run", str(inputs), "--out", str(out), "--fresh"])
    assert fresh.exit_code == 0
    assert "FROM MANIFEST" not in set(pd.read_csv(out / "documents.csv")["title"])


def test_several_workers_give_the_same_tables_as_one(tmp_path: Path) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    assert runner.invoke(app, ["run", str(RAW / "en"), "--out", str(one)]).exit_code == 0
    result = runner.invoke(app, ["run", str(RAW / "en"), "--out", str(two), "--workers", "2"])
    assert result.exit_code == 0, result.output
    for table in ("documents", "people", "dates", "commitments"):
        pd.testing.assert_frame_equal(
            pd.read_csv(one / f"{table}.csv"), pd.read_csv(two / f"{table}.csv")
        )


def test_extract_takes_the_issuer_country_given() -> None:
    release = str(RAW / "es" / "sre-2026-01-11-reunion-seguridad.txt")
    inferred = json.loads(runner.invoke(app, ["extract", release]).stdout)
    assert inferred["issuer_country"] == "MX"
    given = runner.invoke(app, ["extract", release, "--issuer-country", "cl"])
    assert given.exit_code == 0, given.output
    assert json.loads(given.stdout)["issuer_country"] == "CL"


def test_an_issuer_country_that_is_no_country_is_a_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["run", str(RAW / "en"), "--out", str(tmp_path), "--issuer-country", "Chile"]
    )
    assert result.exit_code == 2
    assert "ISO 3166" in result.output


def test_eval_layout_prints_the_checks_and_json() -> None:
    folder = Path(__file__).parent / "fixtures" / "eval" / "layout"
    result = runner.invoke(app, ["eval", "layout", str(folder), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["n_documents"] == 2
    assert data["figures"]["overall.title"] == 1.0
    assert data["figures"]["overall.date_found_when_written"] == 1.0
    table = runner.invoke(app, ["eval", "layout", str(folder)])
    assert "date_found" in table.stdout


def test_benchmark_compares_raw_spacy_and_prensa_per_language() -> None:
    result = runner.invoke(app, ["benchmark", str(RAW / "en"), "--json"])
    assert result.exit_code == 0, result.output
    figures = json.loads(result.stdout)
    groups = {row["group"]: row for row in figures["comparisons"]}
    assert {"en", "all"} <= set(groups)
    assert groups["all"]["prensa"]["documents"] == figures["documents"] >= 5
    assert groups["all"]["ratio"] > 0 and groups["all"]["raw_spacy"]["tokens_per_second"] > 0


def test_benchmark_copies_releases_to_reach_a_batch_size(tmp_path: Path) -> None:
    from prensa.benchmark import replicate

    held = replicate([RAW / "en"], 20, tmp_path)
    copies = len(list(tmp_path.glob("copy-*")))
    assert held >= 20 and held - held // copies < 20  # as many copies as needed, no more
    result = runner.invoke(app, ["run", str(tmp_path), "--out", str(tmp_path / "out"), "-j", "1"])
    assert result.exit_code == 0, result.output
    assert len(pd.read_csv(tmp_path / "out" / "documents.csv")) == held  # every copy its own id
