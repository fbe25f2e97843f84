"""Which language a release is written in, so the right spaCy pipeline and date rules apply."""

from __future__ import annotations

import re
from functools import cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier

from prensa.errors import UnsupportedLanguageError
from prensa.ingest.patterns import language_rules

SUPPORTED_LANGUAGES: tuple[str, ...] = ("es", "en")

#: URLs, e-mail addresses, handles and digits say nothing about the language.
_NOISE = re.compile(r"https?://\S+|www\.\S+|\S+@\S+|[@#]\w+|\d+")
_SPACE = re.compile(r"\s+")


@cache
def _identifier(candidates: tuple[str, ...]) -> LanguageIdentifier:
    identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    identifier.set_languages(list(candidates))
    return identifier


def detect_language(text: str) -> str:
    """ISO 639-1 code of ``text`` ("es" or "en"); raises UnsupportedLanguageError otherwise.

    py3langid chooses among the plausible languages of models/segment/language.yaml. An
    unsupported language must win clearly; a short or mixed text whose guess is uncertain falls
    back to the most likely supported language rather than failing the whole release.
    """
    rules = language_rules()
    sample = _SPACE.sub(" ", _NOISE.sub(" ", text[: rules.sample_chars])).strip()
    if sum(ch.isalpha() for ch in sample) < rules.min_letters:
        raise UnsupportedLanguageError("too little text to identify its language")
    ranked = _identifier(tuple(rules.candidates)).rank(sample)
    best, confidence = ranked[0]
    if best in SUPPORTED_LANGUAGES:
        return str(best)
    if confidence < rules.min_confidence:
        return next(str(lang) for lang, _ in ranked if lang in SUPPORTED_LANGUAGES)
    supported = ", ".join(SUPPORTED_LANGUAGES)
    raise UnsupportedLanguageError(
        f"the text is in {best!r} (confidence {confidence:.2f}); supported languages: {supported}"
    )
