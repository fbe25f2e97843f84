"""Titles are translated whole or left in their language: never half-translated."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from prensa import api, resources, titles
from prensa.records import Language
from prensa.titles.portfolio import content_words
from prensa.titles.words import key, tokenize

FIXTURES = Path(__file__).parent / "fixtures" / "eval"


def _source_words(language: Language) -> frozenset[str]:
    """Words that show a phrase is still in ``language``: its articles, prepositions and
    conjunctions that the other language lacks, and the portfolio list's words of it."""
    other: Language = "en" if language == "es" else "es"

    def closed(lang: str) -> frozenset[str]:
        fw = resources.function_words(lang)
        return fw.articles | fw.prepositions | fw.conjunctions

    return (closed(language) - closed(other)) | content_words(language)


def source_leftovers(translated: str, source: Language) -> list[str]:
    """Words of ``source`` left in a title translated out of it."""
    return [key(w) for w in tokenize(translated) if key(w) in _source_words(source)]


def test_the_check_catches_a_half_translation() -> None:
    half = "Assistant Secretary of State for Asuntos of the Western Hemisphere"
    assert source_leftovers(half, "es") == ["asuntos"]
    assert source_leftovers("Secretary of Medio Ambiente y Recursos Naturales", "es")
    assert source_leftovers("secretario asistente para International Narcotics", "en")
    assert not source_leftovers("Secretary of Environment and Natural Resources", "es")


@pytest.mark.parametrize(
    ("title", "language", "translated"),
    [
        (
            "subsecretaria adjunta de Estado para Asuntos del Hemisferio Occidental",
            "es",
            "Assistant Secretary of State for Western Hemisphere Affairs",
        ),
        ("viceministro de Asuntos Multilaterales", "es", "Vice Minister of Multilateral Affairs"),
        (
            "subsecretario de Asuntos Multilaterales y Derechos Humanos",
            "es",
            "Under Secretary of Multilateral Affairs and Human Rights",
        ),
        (
            "secretaria de Medio Ambiente y Recursos Naturales",
            "es",
            "Secretary of Environment and Natural Resources",
        ),
        (
            "Under Secretary for Multilateral Affairs",
            "en",
            "subsecretario para Asuntos Multilaterales",
        ),
        ("director del Centro Nacional de Inteligencia", "es", None),
        ("subsecretario de Asuntos Agropecuarios", "es", None),
        ("Vice Minister of Asuntos Multilaterales", "en", None),
        ("Special Envoy for Hostage Affairs", "en", None),
    ],
)
def test_a_title_is_translated_whole_or_not_at_all(
    title: str, language: Language, translated: str | None
) -> None:
    found = titles.normalize(title, language)
    assert found.entry is not None
    assert (found.title_en if language == "es" else found.title_es) == translated
    assert (found.title_es if language == "es" else found.title_en) is not None


def _shipped_roles(processed_raw: Path) -> list[tuple[Language, str | None, str | None]]:
    """(language, title_es, title_en) of every role prensa extracts from data/raw and the
    release fixtures."""
    docs = pd.read_csv(processed_raw / "documents.csv").set_index("doc_id")["language"]
    table = pd.read_csv(processed_raw / "roles.csv").astype(object)
    table = table.where(table.notna(), None)
    out = [(docs[r.doc_id], r.title_es, r.title_en) for r in table.itertuples()]
    for path in sorted(FIXTURES.glob("press-*/*.txt")):
        record = api.extract_file(path)
        out.extend((record.language, r.title_es, r.title_en) for r in record.roles)
    return out


def test_no_extracted_title_is_half_translated(processed_raw: Path) -> None:
    found = _shipped_roles(processed_raw)
    assert len(found) >= 20  # the check runs on real titles, both ways
    half = [
        (language, translated, leftovers)
        for language, title_es, title_en in found
        if (translated := title_en if language == "es" else title_es)
        and (leftovers := source_leftovers(translated, language))
    ]
    assert half == []
