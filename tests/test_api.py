"""prensa as a library, the way a researcher uses it from a notebook."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pandas as pd
import pytest
from typer.testing import CliRunner

import prensa
from prensa import cli
from prensa.cli import app
from prensa.errors import EXIT_INTERNAL, ExtractionError, PrensaError, UsageError

RAW = Path(__file__).resolve().parents[1] / "data" / "raw"
COMUNICADO = RAW / "es" / "sre-2026-01-11-reunion-seguridad.txt"


def test_extract_text_gives_the_record_prensa_extract_prints() -> None:
    cli = CliRunner().invoke(app, ["extract", str(COMUNICADO)])
    assert cli.exit_code == 0, cli.output
    text = COMUNICADO.read_text(encoding="utf-8")
    record = prensa.extract_text(text, source=str(COMUNICADO))
    assert record.model_dump(mode="json") == json.loads(cli.stdout)
    assert record == prensa.extract_file(COMUNICADO)


def test_extract_text_takes_the_metadata_a_bare_text_lacks() -> None:
    record = prensa.extract_text(
        "El canciller se reunió ayer con su homólogo. Ambos acordaron reunirse el próximo mes.",
        language="es",
        published="2025-03-04",
        title="Reunión bilateral",
    )
    assert record.title == "Reunión bilateral" and record.language == "es"
    assert any(d.text == "ayer" and d.value == "2025-03-03" for d in record.dates)


def test_extract_text_without_text_is_a_prensa_error() -> None:
    with pytest.raises(ExtractionError):
        prensa.extract_text("   ")


def test_load_gives_a_pipeline_with_prensa_components() -> None:
    nlp = prensa.load("en")
    assert "prensa_entities" in nlp.pipe_names
    with pytest.raises(UsageError):
        prensa.load("fr")  # type: ignore[arg-type]


def test_run_returns_a_summary_of_the_tables_it_wrote(tmp_path: Path) -> None:
    summary = prensa.run(RAW / "en", out=tmp_path / "out")
    documents = pd.read_csv(tmp_path / "out" / "documents.csv")
    assert summary.ok and summary.n_documents == len(documents) >= 5
    assert summary.table_counts["documents"] == len(documents)


def test_run_on_nothing_raises_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(PrensaError) as caught:
        prensa.run(tmp_path, out=tmp_path / "out")
    assert caught.value.exit_code == 2


def test_an_unexpected_exception_exits_three_not_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def bug(*_args: object, **_kwargs: object) -> None:
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr("prensa.batch.run", bug)
    monkeypatch.setattr(sys, "argv", ["prensa", "run", str(RAW / "en"), "-o", str(tmp_path)])
    with pytest.raises(SystemExit) as caught:
        cli.main()
    assert caught.value.code == EXIT_INTERNAL
    assert "internal error" in capsys.readouterr().err


def test_the_readme_python_example_runs_as_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    readme = (RAW.parents[1] / "README.md").read_text(encoding="utf-8")
    block = readme.split("```python\n", 1)[1].split("```", 1)[0]
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "raw").symlink_to(RAW, target_is_directory=True)
    monkeypatch.chdir(tmp_path)
    exec(compile(block, "README.md", "exec"), {})
    printed = capsys.readouterr().out.splitlines()
    comments = [line.strip()[2:] for line in block.splitlines() if line.strip().startswith("# [")]
    assert printed[: len(comments)] == comments  # the outputs the README shows are the real ones
    assert (tmp_path / "data" / "processed" / "documents.csv").is_file()
