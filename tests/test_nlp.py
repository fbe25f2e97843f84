"""Both pipelines install, load offline and parse; the known version warning is silenced; the NER
is a choice read on every call."""

from __future__ import annotations

import shutil
import warnings
from pathlib import Path

import pytest
import spacy

from prensa import nlp, resources
from prensa.errors import SetupError, UsageError


def test_spanish_model_loads_without_version_warning() -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        pipeline = nlp._load.__wrapped__("es", "stock")
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


@pytest.mark.parametrize("ner", ["stock", "conll"])
def test_prensa_rules_run_after_the_statistical_ner(ner: str) -> None:
    for language in ("es", "en"):
        names = nlp.load(language, ner).pipe_names
        assert names.index("prensa_entities") == names.index("ner") + 1


@pytest.mark.parametrize(("ner", "trusted"), [("conll", True), ("silver", False)])
def test_a_trained_ner_in_models_replaces_the_stock_one(
    ner: str, trusted: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Whatever models/ner/<lang>/<ner> holds is the NER prensa runs with that choice; the rules
    trust the CoNLL component only (the silver one learnt the stock NER's habits)."""
    models = tmp_path / "models"
    shutil.copytree(resources.models_dir(), models, ignore=shutil.ignore_patterns("ner"))
    trained = spacy.blank("es")
    component = trained.add_pipe("ner")
    component.add_label("PER")
    trained.initialize()
    (models / "ner" / "es").mkdir(parents=True)
    trained.to_disk(models / "ner" / "es" / ner)
    monkeypatch.setenv("PRENSA_MODELS", str(models))

    pipeline = nlp._load.__wrapped__("es", ner)
    assert pipeline.get_pipe("ner").labels == ("PER",)
    assert pipeline.pipe_names.index("prensa_entities") == pipeline.pipe_names.index("ner") + 1
    assert pipeline.get_pipe("prensa_entities").trust_ner is trusted
    assert pipeline.meta["prensa_ner"]["choice"] == ner


def test_a_missing_trained_component_is_a_setup_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PRENSA_MODELS", str(tmp_path))
    with pytest.raises(SetupError, match="not found"):
        nlp._load.__wrapped__("es", "conll")


def test_the_choice_is_read_on_every_call(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PRENSA_NER", "conll")
    assert nlp.load("es").meta["prensa_ner"]["choice"] == "conll"
    assert nlp.load("es", "stock").meta["prensa_ner"]["choice"] == "stock"  # explicit wins
    monkeypatch.setenv("PRENSA_NER", "stock")
    assert nlp.load("es").meta["prensa_ner"]["choice"] == "stock"
    monkeypatch.delenv("PRENSA_NER")
    assert nlp.ner_choice() == nlp.DEFAULT_NER
    assert nlp.load("es") is nlp.load("es", nlp.DEFAULT_NER)


def test_an_unknown_ner_is_a_usage_error(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(UsageError, match="conll"):
        nlp.load("es", "bert")
    monkeypatch.setenv("PRENSA_NER", "trained")
    with pytest.raises(UsageError):
        nlp.load("es")
