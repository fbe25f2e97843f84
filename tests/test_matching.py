"""The anchored Matcher finds exactly what spaCy's Matcher finds over the whole text."""

from __future__ import annotations

import spacy
from spacy.matcher import Matcher

from prensa.matching import AnchoredMatcher

_PATTERNS = {
    "day_month": [
        {"TEXT": {"REGEX": r"^\d{1,2}$"}},
        {"LOWER": "de"},
        {"LOWER": {"IN": ["marzo", "abril"]}},
        {"LOWER": "de", "OP": "?"},
        {"TEXT": {"REGEX": r"^20\d\d$"}, "OP": "?"},
    ],
    "year": [{"LOWER": {"IN": ["en", "desde"]}}, {"TEXT": {"REGEX": r"^20\d\d$"}}],
    "today": [{"LOWER": "hoy"}],
}
_TEXT = (
    "El 3 de marzo de 2025 se firmó el acuerdo; desde 2019 se trabaja en él. Hoy, 14 de "
    "abril, se reunieron en la capital, y en 2026 habrá otra reunión el 1 de marzo."
)


def _both(patterns: dict[str, list[dict[str, object]]]) -> tuple[Matcher, AnchoredMatcher]:
    nlp = spacy.blank("es")
    plain, anchored = Matcher(nlp.vocab), AnchoredMatcher(nlp.vocab)
    for key, pattern in patterns.items():
        plain.add(key, [pattern])
        anchored.add(key, [pattern])
    return plain, anchored


def test_anchored_matches_are_the_matches_over_the_whole_text() -> None:
    plain, anchored = _both(_PATTERNS)
    doc = spacy.blank("es", vocab=plain.vocab)(_TEXT)
    expected = plain(doc)
    assert len(expected) >= 5  # both dates with and without the year, the years, 'Hoy'
    assert sorted(anchored(doc)) == sorted(expected)


def test_a_repeated_token_makes_it_match_everywhere() -> None:
    patterns = {**_PATTERNS, "words": [{"IS_TITLE": True, "OP": "+"}, {"LOWER": "de"}]}
    plain, anchored = _both(patterns)
    doc = spacy.blank("es", vocab=plain.vocab)(_TEXT)
    assert sorted(anchored(doc)) == sorted(plain(doc))
    assert anchored(spacy.blank("es", vocab=plain.vocab)("")) == []
