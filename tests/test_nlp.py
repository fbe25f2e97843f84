"""Both pipelines install, load offline and parse; the known version warning is silenced."""

from __future__ import annotations

import warnings

from prensa import nlp


def test_spanish_model_loads_without_version_warning() -> None:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        pipeline = nlp.load.__wrapped__("es")
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
