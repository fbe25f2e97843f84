"""Shared fixtures: each spaCy pipeline is loaded once per test session."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest
from spacy.language import Language

from prensa import nlp, resources


@pytest.fixture(scope="session")
def nlp_es() -> Language:
    return nlp.load("es")


@pytest.fixture(scope="session")
def nlp_en() -> Language:
    return nlp.load("en")


@pytest.fixture
def edited_models(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Callable[[str, str, str], None]:
    """Point PRENSA_MODELS at a copy of one models/ file with ``old`` replaced by ``new``:
    for tests that a reviewed data file with a typo fails loudly."""

    def edit(relative: str, old: str, new: str) -> None:
        real = (resources.models_dir() / relative).read_text(encoding="utf-8")
        assert old in real, f"{relative} no longer contains {old!r}"
        target = tmp_path / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(real.replace(old, new, 1), encoding="utf-8")
        monkeypatch.setenv("PRENSA_MODELS", str(tmp_path))

    return edit


@pytest.fixture(scope="session")
def processed_raw(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """data/raw processed once per session: the folder prensa query, serve and report read."""
    from prensa.batch import run

    out = tmp_path_factory.mktemp("processed")
    run([Path(__file__).resolve().parents[1] / "data" / "raw"], out)
    return out


@pytest.fixture(autouse=True)
def _ner_choice_restored(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests that set PRENSA_NER give back the value it started with, so one test does not
    change the NER (and the manifest) of later tests."""
    monkeypatch.setenv(nlp.NER_ENV, os.environ.get(nlp.NER_ENV, ""))
    if not os.environ[nlp.NER_ENV]:
        monkeypatch.delenv(nlp.NER_ENV)
