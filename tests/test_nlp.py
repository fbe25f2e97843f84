"""Both pipelines install, load offline and parse; the known version warning is silenced."""

from __future__ import annotations

import json
import shutil
import warnings
from pathlib import Path

import pytest
import spacy

from prensa import nlp, resources
from prensa.records import Language


def test_spanish_model_loads_without_version_warning() -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        pipeline = nlp._load.__wrapped__("es", stock_ner=True)
    assert not [w for w in caught if "W095" in str(w.message)]
    assert pipeline.meta["version"] == "3.1.0"
    doc = pipeline(
        "La presidenta Claudia Sheinbaum viajó a Washington. Ahí se reunió con el canciller."
    )
    assert len(list(doc.sents)) == 2
    assert any(t.dep_ == "ROOT" for t in doc)


def test_english_model_loads_and_parses() -> None:
    pipeline = nlp.load("en")
    assert pipeline.meta["version"] == "3.8.0"
    doc = pipeline("Secretary Blinken met Foreign Secretary Ebrard in Mexico City.")
    assert {"PERSON"} <= {e.label_ for e in doc.ents}


def test_prensa_rules_run_after_the_statistical_ner() -> None:
    for language in ("es", "en"):
        names = nlp.load(language).pipe_names
        assert names.index("prensa_entities") == names.index("ner") + 1


def test_a_trained_ner_in_models_replaces_the_stock_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whatever models/ner/<lang>/model holds is the NER prensa runs, rules trusting it."""
    models = tmp_path / "models"
    shutil.copytree(resources.models_dir(), models, ignore=shutil.ignore_patterns("ner"))
    trained = spacy.blank("es")
    ner = trained.add_pipe("ner")
    ner.add_label("PER")
    trained.initialize()
    (models / "ner" / "es").mkdir(parents=True)
    trained.to_disk(models / "ner" / "es" / "model")
    monkeypatch.setenv("PRENSA_MODELS", str(models))

    assert nlp.uses_trained_ner("es")
    pipeline = nlp._load.__wrapped__("es", stock_ner=False)
    assert pipeline.get_pipe("ner").labels == ("PER",)
    assert pipeline.pipe_names.index("prensa_entities") == pipeline.pipe_names.index("ner") + 1
    assert pipeline.get_pipe("prensa_entities").trust_ner


@pytest.mark.parametrize("language", ["es", "en"])
def test_the_committed_ner_components_run_by_default(language: Language) -> None:
    default, stock = nlp.load(language), nlp.load(language, stock_ner=True)
    assert nlp.uses_trained_ner(language)
    assert default.get_pipe("ner").to_bytes() != stock.get_pipe("ner").to_bytes()
    assert default.get_pipe("prensa_entities").trust_ner
    assert not stock.get_pipe("prensa_entities").trust_ner
    meta = json.loads((nlp.trained_ner_path(language) / "meta.json").read_text(encoding="utf-8"))
    assert "research use" in meta["license"]  # CoNLL-derived: the licence travels with it


def test_prensa_ner_stock_switches_the_trained_component_off(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("PRENSA_NER", "stock")
    assert not nlp.uses_trained_ner("es")
    assert nlp.load("es") is nlp.load("es", stock_ner=True)
