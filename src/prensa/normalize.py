"""String normalisation shared by matching, ids and evaluation."""

from __future__ import annotations

import re
import unicodedata

_SPACE = re.compile(r"\s+")
_PUNCT_EDGES = re.compile(r"^[\W_]+|[\W_]+$")


def fold(text: str) -> str:
    """Lower-case, strip accents and collapse white space: 'Álvarez  ' -> 'alvarez'."""
    if text.isascii():  # nothing to decompose: the common case, and a hot one
        return _SPACE.sub(" ", text).strip().casefold()
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _SPACE.sub(" ", stripped).strip().casefold()


def clean_span(text: str) -> str:
    """Collapse white space and trim punctuation at the edges of an extracted span."""
    return _PUNCT_EDGES.sub("", _SPACE.sub(" ", text)).strip()
