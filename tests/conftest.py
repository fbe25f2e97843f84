"""Shared fixtures: each spaCy pipeline is loaded once per test session."""

from __future__ import annotations

import pytest
from spacy.language import Language

from prensa import nlp


@pytest.fixture(scope="session")
def nlp_es() -> Language:
    return nlp.load("es")


@pytest.fixture(scope="session")
def nlp_en() -> Language:
    return nlp.load("en")
