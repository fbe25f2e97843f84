"""The quality gate: floors are enforced, and changed evaluation data is caught."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from prensa.evaluate.gate import (
    FloorsFileError,
    check_gate,
    conll_sha256,
    folder_sha256,
    gold_sha256,
    load_floors,
)
from prensa.records import DocumentRecord, Person

FIXTURES = Path(__file__).parent / "fixtures" / "eval"
REPO_FLOORS = Path(__file__).parents[1] / "models" / "quality_floors.yaml"
EV = {"doc_id": "d", "sentence": "s", "start": 0, "end": 1}

#: People the fake extractor finds: es 2 of 2 with 1 spurious, en 1 of 3.
FOUND = {
    "fx-es-01.txt": ["Marta Olivares Ruiz", "Ibáñez", "Ciudad"],
    "fx-en-01.txt": ["Dana Whitfield"],
}


def extract(path: Path) -> DocumentRecord:
    people = [Person(person_id=f"per_{n}", name=n, mentions=1, **EV) for n in FOUND[path.name]]
    return DocumentRecord(
        doc_id=path.stem,
        source_path=str(path),
        format="txt",
        language="es" if "-es-" in path.name else "en",
        body="",
        text="",
        n_tokens=0,
        n_sentences=0,
        people=people,
    )


def write_floors(tmp_path: Path, floors: dict[str, float], sha: str | None = None) -> Path:
    path = tmp_path / "floors.yaml"
    spec = {
        "datasets": {
            "fixture-gold": {
                "kind": "gold",
                "path": "gold-dev",
                "sha256": sha or gold_sha256(FIXTURES / "gold-dev"),
                "floors": floors,
            }
        }
    }
    path.write_text(yaml.safe_dump(spec), encoding="utf-8")
    return path


def test_gate_passes_when_every_floor_is_met(tmp_path: Path) -> None:
    floors = write_floors(tmp_path, {"es.people.f1": 0.75, "overall.people.recall": 0.6})
    result = check_gate(FIXTURES, floors, extract)
    assert result.passed, result.violations
    assert [c.passed for c in result.checks] == [True, True]
    assert result.checks[0].value == pytest.approx(0.8)  # P 2/3, R 1


def test_gate_fails_when_a_floor_is_broken(tmp_path: Path) -> None:
    floors = write_floors(tmp_path, {"es.people.f1": 0.75, "en.people.recall": 0.9})
    result = check_gate(FIXTURES, floors, extract)
    assert not result.passed
    assert len(result.violations) == 1
    assert "en.people.recall" in result.violations[0]
    assert "0.3333" in result.violations[0]
    assert result.to_dict()["passed"] is False


def test_gate_fails_when_the_data_changed(tmp_path: Path) -> None:
    floors = write_floors(tmp_path, {"es.people.f1": 0.5}, sha="0" * 64)
    result = check_gate(FIXTURES, floors, extract)
    assert not result.passed
    assert "data changed" in result.violations[0]
    assert result.sha256["fixture-gold"] == gold_sha256(FIXTURES / "gold-dev")
    assert result.checks[0].passed  # the figures are still measured, to pin again


def test_editing_a_text_changes_the_gold_hash(tmp_path: Path) -> None:
    shutil.copytree(FIXTURES, tmp_path / "bench")
    before = gold_sha256(tmp_path / "bench" / "gold-dev")
    text = tmp_path / "bench" / "press-en" / "fx-en-01.txt"
    text.write_text(text.read_text("utf-8") + "One more line.\n", encoding="utf-8")
    assert gold_sha256(tmp_path / "bench" / "gold-dev") != before


def test_a_missing_data_set_is_a_violation(tmp_path: Path) -> None:
    floors = write_floors(tmp_path, {"es.people.f1": 0.5})
    result = check_gate(tmp_path, floors, extract)
    assert not result.passed and "does not exist" in result.violations[0]


def test_a_floor_naming_no_figure_is_rejected_when_read(tmp_path: Path) -> None:
    floors = write_floors(tmp_path, {"es.peoples.f1": 0.5})
    with pytest.raises(FloorsFileError, match=r"es\.peoples\.f1"):
        load_floors(floors)


def test_a_conll_data_set_uses_its_pinned_sample(tmp_path: Path) -> None:
    conll = FIXTURES / "conll" / "tiny-en.conll"
    spec = {
        "datasets": {
            "tiny": {
                "kind": "conll",
                "path": "conll/tiny-en.conll",
                "language": "en",
                "sample": 2,
                "sha256": conll_sha256(conll),
                "floors": {"overall.recall": 0.0},
            }
        }
    }
    floors = tmp_path / "floors.yaml"
    floors.write_text(yaml.safe_dump(spec), encoding="utf-8")
    result = check_gate(FIXTURES, floors, extract)
    assert result.passed, result.violations
    report = result.reports["tiny"]
    assert report["n_sentences"] == 2 and report["limit"] == 2
    assert result.checks[0].value == pytest.approx(report["by_type"]["overall"]["recall"], abs=1e-4)


def test_the_shipped_floors_file_is_valid() -> None:
    floors = load_floors(REPO_FLOORS)
    kinds = {spec.kind for spec in floors.datasets.values()}
    assert kinds == {"gold", "conll", "layout"}
    assert all(spec.floors for spec in floors.datasets.values())


def test_a_gold_set_kept_in_the_repository_reads_its_texts_from_the_benchmarks(
    tmp_path: Path,
) -> None:
    repository = tmp_path / "repo"
    shutil.copytree(FIXTURES / "gold-dev", repository / "benchmarks" / "gold-x")
    gold = repository / "benchmarks" / "gold-x"
    spec = {
        "datasets": {
            "gold-x": {
                "kind": "gold",
                "root": "repository",
                "path": "benchmarks/gold-x",
                "sha256": gold_sha256(gold, FIXTURES),
                "floors": {"es.people.f1": 0.75},
            }
        }
    }
    floors = tmp_path / "floors.yaml"
    floors.write_text(yaml.safe_dump(spec), encoding="utf-8")
    result = check_gate(FIXTURES, floors, extract, repository_dir=repository)
    assert result.passed, result.violations
    assert result.checks[0].value == pytest.approx(0.8)


def layout_extract(path: Path) -> DocumentRecord:
    """Finds the metadata title of every release and nothing else."""
    titles = {
        "rel-dated": "Chile y Perú acuerdan una agenda de cooperación",
        "rel-undated": "Canada announces support for flood relief",
    }
    return DocumentRecord(
        doc_id=path.stem,
        source_path=str(path),
        format="txt",
        language="es",
        title=titles[path.stem],
        body="x",
        text="x",
        n_tokens=1,
        n_sentences=1,
    )


def test_a_layout_data_set_is_pinned_and_checked(tmp_path: Path) -> None:
    spec = {
        "datasets": {
            "layout": {
                "kind": "layout",
                "path": "layout",
                "sha256": folder_sha256(FIXTURES / "layout"),
                "floors": {"overall.title": 1.0, "overall.not_empty": 0.5},
            }
        }
    }
    floors = tmp_path / "floors.yaml"
    floors.write_text(yaml.safe_dump(spec), encoding="utf-8")
    result = check_gate(FIXTURES, floors, layout_extract)
    assert not result.passed
    assert result.violations == ("layout: overall.not_empty = 0.0000 is below floor 0.5",)
    assert {c.metric: c.passed for c in result.checks}["overall.title"]


def test_only_gold_sets_may_live_in_the_repository(tmp_path: Path) -> None:
    spec = {
        "datasets": {
            "layout": {
                "kind": "layout",
                "root": "repository",
                "path": "layout",
                "sha256": "0" * 64,
                "floors": {"overall.title": 1.0},
            }
        }
    }
    floors = tmp_path / "floors.yaml"
    floors.write_text(yaml.safe_dump(spec), encoding="utf-8")
    with pytest.raises(FloorsFileError, match="repository"):
        load_floors(floors)
