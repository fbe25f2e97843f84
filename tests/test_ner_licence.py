"""The default pipeline is usable by anyone: no component in it is trained on research-only data.
The CoNLL-trained NER runs only when asked for, from the library, the environment or the CLI."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
import yaml
from spacy.language import Language as SpacyLanguage
from typer.testing import CliRunner

import prensa
from prensa import nlp
from prensa.cli import app
from prensa.evaluate.gate import FloorsFileError, check_gate, conll_sha256, load_floors
from prensa.records import Language

RAW = Path(__file__).resolve().parents[1] / "data" / "raw"
COMUNICADO = RAW / "es" / "sre-2026-01-11-reunion-seguridad.txt"
RESTRICTED = ("research", "non-commercial", "no commercial", "noncommercial")


def _licences(meta: dict[str, object]) -> list[str]:
    sources = meta.get("sources") or []
    return [str(meta.get("license"))] + [str(s.get("license")) for s in sources]  # type: ignore


@pytest.mark.parametrize("language", ["es", "en"])
def test_the_default_pipeline_holds_no_research_only_component(
    language: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PRENSA_NER", raising=False)
    pipeline = prensa.load(language)
    ner = pipeline.meta["prensa_ner"]
    assert ner["choice"] == nlp.DEFAULT_NER
    licences = _licences(ner) + _licences(pipeline.meta)
    assert not [text for text in licences if any(word in text.lower() for word in RESTRICTED)]


@pytest.mark.parametrize("language", ["es", "en"])
def test_the_conll_component_is_opt_in_and_says_so(language: Language) -> None:
    pipeline = prensa.load(language, ner="conll")
    ner = pipeline.meta["prensa_ner"]
    assert ner["choice"] == "conll"
    assert "research use" in ner["license"]  # the licence travels with the weights
    default_ner = prensa.load(language, ner="stock").get_pipe("ner")
    assert pipeline.get_pipe("ner").to_bytes() != default_ner.to_bytes()
    assert pipeline.get_pipe("prensa_entities").trust_ner
    assert not prensa.load(language, ner="stock").get_pipe("prensa_entities").trust_ner


def test_prensa_ner_conll_selects_it(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PRENSA_NER", "conll")
    assert prensa.load("es").meta["prensa_ner"]["choice"] == "conll"


def test_the_ner_option_of_extract_runs_the_conll_component(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("PRENSA_NER", raising=False)  # restored after the test, as the CLI sets it
    used: list[str] = []
    load = nlp.load

    def spy(language: Language, ner: str | None = None) -> SpacyLanguage:
        pipeline = load(language, ner)
        used.append(pipeline.meta["prensa_ner"]["choice"])
        return pipeline

    monkeypatch.setattr(nlp, "load", spy)
    result = CliRunner().invoke(app, ["extract", str(COMUNICADO), "--ner", "conll"])
    assert result.exit_code == 0, result.output
    assert used and set(used) == {"conll"}
    assert json.loads(result.stdout)["people"]


def test_an_unknown_ner_option_is_bad_usage(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PRENSA_NER", raising=False)
    result = CliRunner().invoke(app, ["extract", str(COMUNICADO), "--ner", "bert"])
    assert result.exit_code == 2
    assert "stock" in result.output


def test_the_gate_can_score_the_opt_in_component(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A CoNLL data set with ``ner: conll`` is scored with that NER, whatever the default."""
    fixtures = Path(__file__).parent / "fixtures" / "eval"
    spec = {
        "kind": "conll",
        "path": "conll/tiny-es.conll",
        "language": "es",
        "ner": "conll",
        "sha256": conll_sha256(fixtures / "conll" / "tiny-es.conll"),
        "floors": {"overall.recall": 0.0},
    }
    floors = tmp_path / "floors.yaml"
    floors.write_text(yaml.safe_dump({"datasets": {"tiny": spec}}), encoding="utf-8")
    used: list[str | None] = []
    load = nlp.load

    def spy(language: Language, ner: str | None = None) -> SpacyLanguage:
        used.append(ner)
        return load(language, ner)

    monkeypatch.setattr(nlp, "load", spy)
    monkeypatch.delenv("PRENSA_NER", raising=False)
    result = check_gate(fixtures, floors, prensa.extract_file)
    assert result.passed, result.violations
    assert used == ["conll"]

    spec.update(kind="gold", path="gold-dev", language=None)
    floors.write_text(yaml.safe_dump({"datasets": {"tiny": spec}}), encoding="utf-8")
    with pytest.raises(FloorsFileError, match="ner"):
        load_floors(floors)


def test_the_ner_option_does_not_outlive_its_command(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PRENSA_NER", raising=False)
    result = CliRunner().invoke(app, ["extract", str(COMUNICADO), "--ner", "conll"])
    assert result.exit_code == 0, result.output
    assert "PRENSA_NER" not in os.environ  # the next command in this process runs the default
