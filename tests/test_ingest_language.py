"""Language identification picks the pipeline; unsupported languages are refused by name."""

from __future__ import annotations

from pathlib import Path

import pytest

from prensa.ingest.language import SUPPORTED_LANGUAGES, UnsupportedLanguageError, detect_language
from prensa.ingest.readers import iter_sources, read_path

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).parent / "fixtures" / "ingest"


def test_supported_languages() -> None:
    assert SUPPORTED_LANGUAGES == ("es", "en")


@pytest.mark.parametrize("language", ["es", "en"])
def test_sample_releases_are_identified_by_folder(language: str) -> None:
    for path in iter_sources([ROOT / "data" / "raw" / language]):
        docs, _ = read_path(path)
        for doc in docs:
            assert detect_language(doc.text) == language, path


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Comunicado conjunto", "es"),
        ("Reunión bilateral de seguridad", "es"),
        ("Versión estenográfica", "es"),
        ("Readout of the Secretary’s Call", "en"),
        ("The two sides agreed to meet", "en"),
    ],
)
def test_short_titles(text: str, language: str) -> None:
    assert detect_language(text) == language


def test_french_release_is_unsupported_and_says_which_language() -> None:
    (doc,), _ = read_path(FIXTURES / "communique-fr.txt")
    with pytest.raises(UnsupportedLanguageError, match="'fr'"):
        detect_language(doc.text)


@pytest.mark.parametrize("text", ["", "   ", "2025 — 12/03 https://example.org"])
def test_text_without_words_cannot_be_identified(text: str) -> None:
    with pytest.raises(UnsupportedLanguageError):
        detect_language(text)
